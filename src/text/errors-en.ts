// The tool's error messages in English (see error-words.ts). Each says what was wrong and what is allowed.
import type { ClinicField, ErrorWords, FileKind, FsProblem, JsonProblem } from './error-words.js';

const FILE: Record<FileKind, string> = { priceList: 'price list', clinicProfile: 'clinic profile', batch: 'batch file' };
const GIVE: Record<FileKind, string> = { priceList: 'a JSON file', clinicProfile: 'a JSON file', batch: 'a CSV or JSON Lines file' };

/** Why a file could not be read or written, in words. */
export function fsWords(p: FsProblem): string {
  switch (p.kind) {
    case 'noSuchFile':
      return 'no such file';
    case 'noFolder':
      return 'the folder does not exist';
    case 'denied':
      return 'permission denied';
    case 'isDirectory':
      return 'it is a directory';
    case 'noSpace':
      return 'no space left on the device';
    case 'nameTooLong':
      return 'the file name is too long for the file system';
    case 'notFolder':
      return 'a part of the path is not a folder';
    case 'loop':
      return 'too many symbolic links in the path';
    case 'readerClosed':
      return 'the program reading it stopped before the end (a broken pipe)';
    case 'other':
      return p.detail;
  }
}

const EN_CLINIC: Record<ClinicField, string> = {
  empty: 'is empty; fill it in',
  npiDigits: 'must be the 10-digit National Provider Identifier',
  npiCheck: 'has a wrong check digit: the last digit does not match the other nine; check the NPI',
  tin: 'must be the 9-digit Taxpayer Identification Number, as 12-3456789',
  state: 'must be the two-letter state code, such as CA',
  zip: 'must be a ZIP code: 12345 or 12345-6789',
};
const json = (p: JsonProblem) => (p.line === null ? p.detail : `${p.detail} at line ${p.line}, column ${p.column}`);
const NOT_UTF8 =
  'holds bytes that are not UTF-8 (Excel\'s "Save as CSV" writes Windows-1252): give --encoding windows-1252, or save it as CSV UTF-8';
const tooLong = (mib: number) => `is longer than ${mib} MiB, far more than a scenario needs`;
const DATE_WHAT = {
  firstSession: 'the date of the first session',
  dateOfBirth: 'a date of birth',
  issued: 'the date the estimate is given',
};

export const EN_ERRORS: ErrorWords = {
  fileNameEmpty: ({ what }) =>
    what === 'batch'
      ? 'the batch file name is empty; give a CSV or JSON Lines file, or - for standard input'
      : `the ${FILE[what]} file name is empty; give a JSON file (ketamine-cost data show prints one)`,
  fileUtf16: ({ what, name }) => `${FILE[what]} ${name} is UTF-16; save it as UTF-8 JSON`,
  fileNotUtf8: ({ what, name }) => `${FILE[what]} ${name} holds bytes that are not UTF-8; save it as UTF-8 JSON`,
  fileEmpty: ({ what, name }) => `${FILE[what]} ${name} is empty; start from \`ketamine-cost data show\``,
  fileTooDeep: ({ what, name }) => `${FILE[what]} ${name} is nested too deeply to be a ${FILE[what]}`,
  fileNotJson: ({ what, name, problem }) => `${FILE[what]} ${name} is not valid JSON: ${json(problem)}`,
  fileDuplicateKey: ({ what, name, key }) => `${FILE[what]} ${name} has the key "${key}" twice in one object`,
  fileTooBig: ({ what, name, bytes, max }) =>
    `${FILE[what]} ${name} is ${bytes === null ? `more than ${max}` : bytes} bytes; a ${FILE[what]} may be at most ${max} bytes`,
  cannotRead: ({ what, name, problem }) =>
    `cannot read ${name === null ? 'standard input' : what === 'batch' ? name : `${FILE[what]} ${name}`}: ${
      problem.kind === 'directoryGiven'
        ? `it is a directory; give ${GIVE[what]}`
        : problem.kind === 'special'
          ? `it is ${problem.special === 'fifo' ? 'a FIFO (named pipe)' : problem.special === 'socket' ? 'a socket' : 'a device'}, not a file; give ${GIVE[what]}`
          : fsWords(problem)
    }`,
  cannotWrite: ({ name, problem }) => `cannot write ${name}: ${fsWords(problem)}`,
  cannotWriteOutput: ({ problem }) => `cannot write the output: ${fsWords(problem)}`,
  clinicInvalid: ({ name, path, problem, detail, more }) =>
    `clinic profile ${name} is not valid: ${path}: ${problem === null ? detail : EN_CLINIC[problem]}${more === 0 ? '' : ` (and ${more} more)`}`,
  clinicField: ({ problem }) => EN_CLINIC[problem],
  protoKey: ({ key }) => `key "${key}" is not allowed in a JSON file the tool reads`,
  invalid: ({ what, name, first, more }) =>
    `${FILE[what]} ${name} is not valid: ${first}${
      more === 0 ? '' : what === 'priceList' ? ` (and ${more} more; run \`ketamine-cost data validate ${name}\`)` : ` (and ${more} more)`
    }`,
  outputEmpty: () => '--output is empty; give a file name, or - for standard output',
  batchEmpty: () => 'the batch file is empty; it needs a header row (route, sessions, ...) and one row per scenario',
  batchNoRows: () => 'the batch file has no row to estimate (a header alone, or blank lines)',
  batchUtf16: ({ order }) =>
    `the batch file is UTF-16; give --encoding ${order}${order === 'utf-16le' ? ' (or utf-16be)' : ''}, or save it as UTF-8 (CSV UTF-8 in a spreadsheet)`,
  batchUnreadable: ({ csv, detail }) => `cannot read the ${csv ? 'CSV' : 'JSON Lines'}: ${detail}`,
  headerTooLong: ({ mib }) => `the header row ${tooLong(mib)}`,
  headerNotUtf8: () => `the header row ${NOT_UTF8}`,
  headerSemicolons: () =>
    'the header seems to use semicolons (;) between columns; give --delimiter ";" (or save the file as comma-separated CSV)',
  headerEmptyName: () => 'the header has an empty column name',
  columnTwice: ({ name }) => `column "${name}" appears twice in the header`,
  columnMisspelt: ({ name, close }) =>
    `column "${name}" is not one the tool knows; did you mean "${close}"? Rename it (other columns it does not know pass through)`,
  headerNoRoute: ({ columns }) => `the header has no "route" column; columns: ${columns.join(', ')} (only route is required)`,
  bomNotCsv: ({ format }) => `--bom is for CSV output, which Excel opens; not for ${format}`,
  rowTooLong: ({ mib, line }) => `${line ? 'line ' : ''}${tooLong(mib)}; it was skipped`,
  rowNotUtf8: ({ line }) => `${line ? 'line ' : ''}${NOT_UTF8}`,
  rowUnderEmptyColumn: () => "has a value under the header's empty last column; name the column, or leave it empty",
  rowCells: ({ cells, columns }) => `has ${cells} cells but the header has ${columns}; check for a missing or extra comma`,
  rowNotJson: ({ problem }) => `is not valid JSON: ${json(problem)}`,
  rowNotObject: () => 'is not a JSON object; write one {"route": ...} object per line',
  rowKeyTwice: ({ key }) => `key "${key}" appears twice; give it once`,
  rowKeptTooDeep: () => 'nests too deep to pass through; give it as a string',
  rowSameColumn: ({ other, key }) => `keys "${other}" and "${key}" name the same column; give it once`,
  rowNotText: ({ type }) => `must be a string or a number, not ${type === 'array' ? 'an array' : type}`,
  compareSpec: ({ spec }) =>
    `option "${spec}" is not understood; write route[@provider][:sessions] or route:<weeks>w, e.g. iv:6 or esketamine:8w`,
  batchQuoteOpen: ({ line }) => `cannot read the CSV: a quoted cell that starts on line ${line} is never closed`,
  unexpected: ({ detail }) => `unexpected: ${detail} (rerun with --debug for details)`,
  weeksWithSessions: () => '--weeks cannot be used together with --sessions; give one of them',
  briefFormat: ({ format }) =>
    `--brief is for the screen: use it with --format table or markdown (not ${format}${format === 'html' ? ', a whole handout' : ''})`,
  explainCsv: () => '--explain does not fit CSV, one row of figures; use --format table, markdown or json (whose "explanation" holds it)',
  interactiveNoTerminal: () => '--interactive needs a terminal (stdin and stdout); in a script give --route and the other flags instead',
  routeRequired: ({ routes }) =>
    `--route is required when not asking questions (no terminal, or --no-interactive); allowed: ${routes.join(', ')}`,
  routesHtml: () => '--format html is for an estimate, compare and plan; routes prints table, json, csv or markdown',
  schemaUnknown: ({ which, allowed }) => `schema "${which}" is not known; allowed: ${allowed.join(', ')}`,
  initNeeds: ({ flag }) =>
    flag === '--route'
      ? 'data init needs --route: the route the clinic prices, such as iv'
      : "data init needs --price: the clinic's price for one session, in dollars",
  introNotPrice: ({ value }) => `--intro ${JSON.stringify(value)} is not a price; use dollars above 0, such as 375`,
  noOffer: ({ route, provider }) => `--route ${route} has no ${provider} offer in the price list`,
  gfeInsurance: () =>
    'a Good Faith Estimate is for patients paying themselves: leave out --insurance, or add --covered no when the plan does not cover it or is not used',
  gfeClinic: () =>
    '--clinic is required: the clinic profile (JSON) with its name, NPI, TIN and location; `ketamine-cost clinic init` prints one',
  patientRequired: ({ flag }) =>
    flag === '--patient-name'
      ? '--patient-name is required (in a terminal it is asked)'
      : '--patient-dob is required, as YYYY-MM-DD (in a terminal it is asked)',
  patientName: ({ problem }) =>
    `--patient-name ${
      problem === 'empty'
        ? 'is empty; give the name as it should appear on the estimate'
        : problem === 'long'
          ? 'is longer than 200 characters'
          : 'contains control characters; type the name as plain text'
    }`,
  notADate: ({ flag, what, example }) => `${flag} is not a date as YYYY-MM-DD (${DATE_WHAT[what]}), such as ${example}`,
  answerName: ({ problem }) =>
    problem === 'empty'
      ? 'is empty; give the name as it should appear on the estimate'
      : problem === 'long'
        ? 'is longer than 200 characters'
        : 'contains control characters; type the name as plain text',
  answerDob: ({ problem }) =>
    problem === 'notDate' ? 'it is not a date as YYYY-MM-DD, such as 1980-04-23' : 'it is later than today; give the date of birth',
  dobLater: () => '--patient-dob is later than today or than --start; give the date of birth',
  diagnosis: ({ n }) => `--diagnosis: code ${n} is not an ICD-10-CM code; use codes such as F32.A or F33.2, comma-separated`,
  wholeNumber: ({ flag, value, min, max }) => `${flag} ${JSON.stringify(value)} is not allowed; use a whole number from ${min} to ${max}`,
  notMoney: ({ flag, value }) => `${flag} ${JSON.stringify(value)} is not an amount of money; use dollars such as 1500 or $1,500.00`,
  startNotDate: ({ value }) => `--start ${JSON.stringify(value)} is not a date; use YYYY-MM-DD, e.g. 2027-01-15`,
  startRange: ({ value }) => `--start ${JSON.stringify(value)} is out of range; use a date from 1900-01-01 to 2199-12-31`,
  everyNotInterval: ({ value }) =>
    `--every ${JSON.stringify(value)} is not an interval; use days or weeks such as 4d or 1w (1 day to 52 weeks)`,
  planYearStart: ({ value }) => `--plan-year-start ${JSON.stringify(value)} is not a day of the year; use MM-DD, e.g. 07-01`,
  aprNotPercent: ({ value }) => `--apr ${JSON.stringify(value)} is not a percentage; use a number from 0 to 100, e.g. 18 or 9.99`,
  aprNeedsMonths: () => '--apr needs --months: the number of monthly payments',
  planYearNeedsStart: () => '--plan-year-start needs --start: without a first date the plan has no calendar to split into plan years',
  boostersNeedWeeks: () => '--boosters-every needs --weeks: boosters follow the program up to the weeks you give',
  termNotApplicable: ({ flag, status }) =>
    `${flag} does not apply with --insurance ${status}: it has no ${flag === '--annual-deductible' ? 'deductible' : 'out-of-pocket maximum'}`,
};
