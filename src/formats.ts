// Output format names, kept apart so the command line can list them without loading a formatter.
export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export const BATCH_FORMATS = ['table', 'json', 'jsonl', 'csv', 'markdown'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];
