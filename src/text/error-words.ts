// The words of the tool's own error messages (#20, #26): what was wrong and what is allowed, by a
// key and its parameters, so an error is thrown without words and said at the one error boundary
// (main.ts) in the run's language. Its `message` is the English words, for the API and --debug.

/** A file the tool reads, as its messages name it. */
export type FileKind = 'priceList' | 'clinicProfile' | 'batch';

/** Why a file could not be read or written (from its errno code); `other` keeps the system's words. */
export type FsProblem =
  | { kind: 'noSuchFile' | 'noFolder' | 'denied' | 'isDirectory' | 'noSpace' | 'nameTooLong' | 'notFolder' | 'loop' | 'readerClosed' }
  | { kind: 'other'; detail: string };

/** Where JSON.parse stopped: V8's words (without the input) and the line and column counted by the tool. */
export type JsonProblem = { detail: string; line: number | null; column: number | null };

/** What is wrong with a field of a clinic profile (the schema's own checks; zod's words otherwise). */
export type ClinicField = 'empty' | 'npiDigits' | 'npiCheck' | 'tin' | 'state' | 'zip';

/** Each error's parameters, by key. Money is not among them; values the user typed are quoted as typed. */
export type ErrorParams = {
  // Files read and written.
  fileNameEmpty: { what: FileKind };
  fileUtf16: { what: FileKind; name: string };
  fileNotUtf8: { what: FileKind; name: string };
  fileEmpty: { what: FileKind; name: string };
  fileTooDeep: { what: FileKind; name: string };
  fileNotJson: { what: FileKind; name: string; problem: JsonProblem };
  fileDuplicateKey: { what: FileKind; name: string; key: string };
  fileTooBig: { what: FileKind; name: string; bytes: number | null; max: number };
  /** `name` null: standard input. */
  cannotRead: {
    what: FileKind;
    name: string | null;
    problem: FsProblem | { kind: 'directoryGiven' } | { kind: 'special'; special: 'fifo' | 'socket' | 'device' };
  };
  cannotWrite: { name: string; problem: FsProblem };
  /** The result itself could not be written to standard output (a full disk, a closed terminal). */
  cannotWriteOutput: { problem: FsProblem };
  protoKey: { key: string };
  /** A clinic profile's first problem: the field's JSON path, our check that failed (else zod's `detail`), and how many more. */
  clinicInvalid: { name: string; path: string; problem: ClinicField | null; detail: string; more: number };
  clinicField: { problem: ClinicField };
  invalid: { what: FileKind; name: string; first: string; more: number };
  outputEmpty: Record<never, never>;
  // A batch file.
  batchEmpty: Record<never, never>;
  /** No row to estimate (a CSV's header alone, or blank lines): said on stderr, the output stays empty and valid. */
  batchNoRows: Record<never, never>;
  batchUtf16: { order: 'utf-16le' | 'utf-16be' };
  batchUnreadable: { csv: boolean; detail: string };
  headerTooLong: { mib: number };
  headerNotUtf8: Record<never, never>;
  headerSemicolons: Record<never, never>;
  headerEmptyName: Record<never, never>;
  columnTwice: { name: string };
  columnMisspelt: { name: string; close: string };
  headerNoRoute: { columns: readonly string[] };
  bomNotCsv: { format: string };
  // A batch row the reader refuses before pricing it.
  /** `line`: a JSON Lines line ("line is longer ..."), else a CSV row. */
  rowTooLong: { mib: number; line: boolean };
  rowNotUtf8: { line: boolean };
  rowUnderEmptyColumn: Record<never, never>;
  rowCells: { cells: number; columns: number };
  rowNotJson: { problem: JsonProblem };
  rowNotObject: Record<never, never>;
  rowKeptTooDeep: Record<never, never>;
  rowKeyTwice: { key: string };
  rowSameColumn: { other: string; key: string };
  /** `type`: "an array", or typeof's word for the value. */
  rowNotText: { type: string };
  // Flags that do not go together, or are missing.
  weeksWithSessions: Record<never, never>;
  compareSpec: { spec: string };
  batchQuoteOpen: { line: number };
  /** A bug: the system's words, and how to see more. */
  unexpected: { detail: string };
  briefFormat: { format: string };
  explainCsv: Record<never, never>;
  interactiveNoTerminal: Record<never, never>;
  routeRequired: { routes: string[] };
  routesHtml: Record<never, never>;
  schemaUnknown: { which: string; allowed: readonly string[] };
  initNeeds: { flag: '--route' | '--price' };
  introNotPrice: { value: string };
  noOffer: { route: string; provider: string };
  // A Good Faith Estimate.
  gfeInsurance: Record<never, never>;
  gfeClinic: Record<never, never>;
  patientRequired: { flag: '--patient-name' | '--patient-dob' };
  patientName: { problem: 'empty' | 'long' | 'control' };
  notADate: { flag: string; what: 'firstSession' | 'dateOfBirth' | 'issued'; example: string };
  dobLater: Record<never, never>;
  /** An answer refused at the question (the question names what it asks). */
  answerName: { problem: 'empty' | 'long' | 'control' };
  answerDob: { problem: 'notDate' | 'later' };
  diagnosis: { n: number };
  // A plan.
  wholeNumber: { flag: string; value: string; min: number; max: number };
  notMoney: { flag: string; value: string };
  startNotDate: { value: string };
  startRange: { value: string };
  everyNotInterval: { value: string };
  planYearStart: { value: string };
  aprNotPercent: { value: string };
  aprNeedsMonths: Record<never, never>;
  planYearNeedsStart: Record<never, never>;
  boostersNeedWeeks: Record<never, never>;
  termNotApplicable: { flag: '--annual-deductible' | '--annual-oop-max'; status: string };
};

export type ErrorKey = keyof ErrorParams;

/** An error as thrown: a key and its parameters, said by a catalog. */
export type Said = { [K in ErrorKey]: { key: K; params: ErrorParams[K] } }[ErrorKey];

/** One language's words for every error key: a Record, so a missing key does not compile. */
export type ErrorWords = { [K in ErrorKey]: (params: ErrorParams[K]) => string };

/** Says an error in `words`. */
export function sayError(words: ErrorWords, said: Said): string {
  return (words[said.key] as (params: ErrorParams[ErrorKey]) => string)(said.params);
}

/** Says why a file could not be read or written from its errno code (ENOENT is "no such file" when reading, "no folder" when writing). */
export function fsProblem(error: unknown, writing = false): FsProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { kind: writing ? 'noFolder' : 'noSuchFile' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'denied' };
  if (code === 'EISDIR') return { kind: 'isDirectory' };
  if (code === 'ENOSPC') return { kind: 'noSpace' };
  if (code === 'ENAMETOOLONG') return { kind: 'nameTooLong' };
  if (code === 'ENOTDIR') return { kind: 'notFolder' };
  if (code === 'ELOOP') return { kind: 'loop' };
  // A FIFO or pipe whose reader went away mid-output (the new-user try: Node's own English words reached a Spanish run).
  if (code === 'EPIPE') return { kind: 'readerClosed' };
  return { kind: 'other', detail: error instanceof Error ? error.message : String(error) };
}
