// Output format names, kept apart so the command line can list them without loading a formatter.
export const FORMATS = ['table', 'json', 'csv', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const BATCH_FORMATS = ['table', 'json', 'jsonl', 'csv', 'markdown'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

/** A Good Faith Estimate is a document: no table or CSV. */
export const GFE_FORMATS = ['markdown', 'html', 'json'] as const;
export type GfeFormat = (typeof GFE_FORMATS)[number];

/** What a JSON batch row holds: the compact summary or the whole estimate. */
export const DETAILS = ['summary', 'full'] as const;
export type Detail = (typeof DETAILS)[number];

/** The delimiters and encodings a batch file may use (`--delimiter`, `--encoding`, #25). */
export const DELIMITERS = [',', ';', 'tab'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const ENCODINGS = ['utf-8', 'windows-1252', 'latin1', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];
