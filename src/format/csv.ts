import { RepeatCache } from '../batch/repeat-cache.js';
import type { Estimate } from '../core/estimate.js';
import { formatDecimal } from '../core/money.js';
import type { Utf8Out } from '../output/utf8-out.js';
import { ACTIVE_CHARS, visible } from '../text/visible.js';

// Columns are a promise to every spreadsheet and script that reads them: append only, never reorder.
export const ESTIMATE_COLUMNS = [
  'route',
  'provider',
  'dose_mg',
  'sessions_low',
  'sessions_high',
  'sessions_basis',
  'per_session_low_usd',
  'per_session_high_usd',
  'program_low_usd',
  'program_high_usd',
  'insurance',
  'patient_case',
  'patient_case_typical',
  'patient_low_usd',
  'patient_high_usd',
  'plan_low_usd',
  'plan_high_usd',
  'up_front_low_usd',
  'up_front_high_usd',
  'other_case',
  'other_patient_low_usd',
  'other_patient_high_usd',
  'dataset_version',
  'all_in_low_usd',
  'all_in_high_usd',
  'not_priced',
  'excluded_items',
  'first_session_dose_mg',
  'balance_billed_low_usd',
  'balance_billed_high_usd',
  'deductible_used_low_usd',
  'deductible_used_high_usd',
  'coinsurance_used_percent',
  'copay_used_usd',
  'oop_max_used_usd',
  'reimbursement_used_percent',
  'allowed_used_usd',
  'assumed',
  'dataset_id',
  'dataset_as_of',
  // Added with the payers of #22.
  'written_off_low_usd',
  'written_off_high_usd',
  'medigap',
  'family_deductible_used_usd',
  'family_oop_max_used_usd',
  'deductible_applies',
  // What clinics ask for before the first session (JSON dueUpFront; the table's "Due before the
  // first session"), added after #27's new-user try: up_front_* is what the patient pays at the
  // visits before any reimbursement, a different figure.
  'due_before_first_session_low_usd',
  'due_before_first_session_high_usd',
] as const;

type Cell = string | number | null;
type EstimateColumn = (typeof ESTIMATE_COLUMNS)[number];

const usd = (cents: number | undefined | null) => (cents === undefined || cents === null ? null : formatDecimal(cents));
const first = (e: Estimate<unknown>) => e.patient.cases[0];
const other = (e: Estimate<unknown>) => e.patient.cases[1];

/**
 * How each column is filled, and what it depends on: `program` columns are the same for every
 * patient on one priced program (estimates that share a ProgramPrice, so its `items`), `patient`
 * columns change with the insurance. A batch of many patients formats the first kind once.
 */
const CELLS: Record<EstimateColumn, readonly ['program' | 'patient', (e: Estimate<unknown>) => Cell]> = {
  route: ['program', (e) => e.route.id],
  provider: ['program', (e) => e.provider.id],
  dose_mg: ['program', (e) => e.dose?.mg ?? null],
  sessions_low: ['program', (e) => e.sessions.low],
  sessions_high: ['program', (e) => e.sessions.high],
  sessions_basis: ['program', (e) => e.sessions.basis],
  per_session_low_usd: ['program', (e) => usd(e.perSession.lowCents)],
  per_session_high_usd: ['program', (e) => usd(e.perSession.highCents)],
  program_low_usd: ['program', (e) => usd(e.program.lowCents)],
  program_high_usd: ['program', (e) => usd(e.program.highCents)],
  insurance: ['patient', (e) => e.patient.insurance],
  patient_case: ['patient', (e) => first(e)?.case ?? null],
  patient_case_typical: ['patient', (e) => (first(e) ? String(first(e)?.typical) : null)],
  patient_low_usd: ['patient', (e) => usd(first(e)?.patient.lowCents)],
  patient_high_usd: ['patient', (e) => usd(first(e)?.patient.highCents)],
  plan_low_usd: ['patient', (e) => usd(first(e)?.plan.lowCents)],
  plan_high_usd: ['patient', (e) => usd(first(e)?.plan.highCents)],
  up_front_low_usd: ['patient', (e) => usd(first(e)?.upFront.lowCents)],
  up_front_high_usd: ['patient', (e) => usd(first(e)?.upFront.highCents)],
  other_case: ['patient', (e) => other(e)?.case ?? null],
  other_patient_low_usd: ['patient', (e) => usd(other(e)?.patient.lowCents)],
  other_patient_high_usd: ['patient', (e) => usd(other(e)?.patient.highCents)],
  dataset_version: ['program', (e) => e.dataset.version],
  all_in_low_usd: ['program', (e) => usd(e.allIn.lowCents)],
  all_in_high_usd: ['program', (e) => usd(e.allIn.highCents)],
  not_priced: ['program', (e) => e.allIn.notPriced.join(';') || null],
  excluded_items: ['program', (e) => e.allIn.excludedItems.join(';') || null],
  first_session_dose_mg: ['program', (e) => e.firstSession?.doseMg ?? null],
  balance_billed_low_usd: ['patient', (e) => usd(first(e)?.balanceBilled.lowCents)],
  balance_billed_high_usd: ['patient', (e) => usd(first(e)?.balanceBilled.highCents)],
  // The insurance terms the estimate used (percentages as decimals: 20.00), and which were assumed.
  deductible_used_low_usd: ['patient', (e) => usd(e.inputsUsed.deductible?.lowCents)],
  deductible_used_high_usd: ['patient', (e) => usd(e.inputsUsed.deductible?.highCents)],
  coinsurance_used_percent: ['patient', (e) => usd(e.inputsUsed.coinsuranceBasisPoints)],
  copay_used_usd: ['patient', (e) => usd(e.inputsUsed.copayCents)],
  oop_max_used_usd: ['patient', (e) => usd(e.inputsUsed.oopMaxCents)],
  reimbursement_used_percent: ['patient', (e) => usd(e.inputsUsed.reimbursementBasisPoints)],
  allowed_used_usd: ['patient', (e) => usd(e.inputsUsed.allowedCents)],
  assumed: ['patient', (e) => e.inputsUsed.assumed.join(';') || null],
  dataset_id: ['program', (e) => e.dataset.id],
  dataset_as_of: ['program', (e) => e.dataset.asOf],
  written_off_low_usd: ['patient', (e) => usd(first(e)?.writtenOff.lowCents)],
  written_off_high_usd: ['patient', (e) => usd(first(e)?.writtenOff.highCents)],
  medigap: ['patient', (e) => e.inputsUsed.medigap],
  family_deductible_used_usd: ['patient', (e) => usd(e.inputsUsed.familyDeductibleCents)],
  family_oop_max_used_usd: ['patient', (e) => usd(e.inputsUsed.familyOopMaxCents)],
  deductible_applies: ['patient', (e) => (e.inputsUsed.deductibleApplies === null ? null : String(e.inputsUsed.deductibleApplies))],
  due_before_first_session_low_usd: ['program', (e) => usd(e.dueUpFront?.lowCents)],
  due_before_first_session_high_usd: ['program', (e) => usd(e.dueUpFront?.highCents)],
};

/** Returns the CSV cells of one estimate, in ESTIMATE_COLUMNS order; money as plain decimals a spreadsheet reads as numbers. */
export function estimateCells(e: Estimate<unknown>): Cell[] {
  return ESTIMATE_COLUMNS.map((column) => CELLS[column][1](e));
}

// The patient columns, in the two runs CELLS has them (between the program's columns).
const PATIENT_RUNS = [
  [
    'insurance',
    'patient_case',
    'patient_case_typical',
    'patient_low_usd',
    'patient_high_usd',
    'plan_low_usd',
    'plan_high_usd',
    'up_front_low_usd',
    'up_front_high_usd',
    'other_case',
    'other_patient_low_usd',
    'other_patient_high_usd',
  ],
  [
    'balance_billed_low_usd',
    'balance_billed_high_usd',
    'deductible_used_low_usd',
    'deductible_used_high_usd',
    'coinsurance_used_percent',
    'copay_used_usd',
    'oop_max_used_usd',
    'reimbursement_used_percent',
    'allowed_used_usd',
    'assumed',
  ],
  ['written_off_low_usd', 'written_off_high_usd', 'medigap', 'family_deductible_used_usd', 'family_oop_max_used_usd', 'deductible_applies'],
] as const satisfies readonly (readonly EstimateColumn[])[];

const COMMA = 0x2c;

// The PATIENT_RUNS cells of one estimate, written out by hand, straight into bytes: a batch
// writes them for every row, and this is several times faster than going through CELLS and
// strings (#27). Every cell is a plain decimal or one of our own names, so none needs quotes or
// the formula guard. A test checks them against estimateCells for every kind of insurance.
function decimalAfterComma(out: Utf8Out, cents: number | null | undefined): void {
  out.ascii(COMMA);
  out.decimal(cents);
}

function decimalThenComma(out: Utf8Out, cents: number | null | undefined): void {
  out.decimal(cents);
  out.ascii(COMMA);
}

function firstPatientRun(e: Estimate<unknown>, out: Utf8Out): void {
  const first = e.patient.cases[0];
  const other = e.patient.cases[1];
  out.text(e.patient.insurance);
  out.ascii(COMMA);
  if (first) {
    out.text(first.case);
    out.ascii(COMMA);
    out.text(String(first.typical));
    decimalAfterComma(out, first.patient.lowCents);
    decimalAfterComma(out, first.patient.highCents);
    decimalAfterComma(out, first.plan.lowCents);
    decimalAfterComma(out, first.plan.highCents);
    decimalAfterComma(out, first.upFront.lowCents);
    decimalAfterComma(out, first.upFront.highCents);
  } else for (let i = 0; i < 7; i++) out.ascii(COMMA);
  out.ascii(COMMA);
  if (other) {
    out.text(other.case);
    decimalAfterComma(out, other.patient.lowCents);
    decimalAfterComma(out, other.patient.highCents);
  } else {
    out.ascii(COMMA);
    out.ascii(COMMA);
  }
}

function secondPatientRun(e: Estimate<unknown>, out: Utf8Out): void {
  const first = e.patient.cases[0];
  const used = e.inputsUsed;
  decimalThenComma(out, first?.balanceBilled.lowCents);
  decimalThenComma(out, first?.balanceBilled.highCents);
  decimalThenComma(out, used.deductible?.lowCents);
  decimalThenComma(out, used.deductible?.highCents);
  decimalThenComma(out, used.coinsuranceBasisPoints);
  decimalThenComma(out, used.copayCents);
  decimalThenComma(out, used.oopMaxCents);
  decimalThenComma(out, used.reimbursementBasisPoints);
  decimalThenComma(out, used.allowedCents);
  for (let i = 0; i < used.assumed.length; i++) {
    if (i > 0) out.ascii(0x3b);
    out.text(used.assumed[i] as string);
  }
}

function thirdPatientRun(e: Estimate<unknown>, out: Utf8Out): void {
  const first = e.patient.cases[0];
  const used = e.inputsUsed;
  decimalThenComma(out, first?.writtenOff.lowCents);
  decimalThenComma(out, first?.writtenOff.highCents);
  if (used.medigap !== null && used.medigap !== undefined) out.text(used.medigap);
  out.ascii(COMMA);
  decimalThenComma(out, used.familyDeductibleCents);
  decimalThenComma(out, used.familyOopMaxCents);
  if (used.deductibleApplies !== null) out.text(String(used.deductibleApplies));
}

/**
 * Returns a function that writes `csvFields(estimateCells(e))` of each of a stream of estimates
 * into `out` (as UTF-8), which formats the program's columns once per priced program: a
 * counselor's file has thousands of patients on a few programs. Bounded, so memory stays flat
 * whatever the file holds.
 */
export function estimateFieldsWriter(): (e: Estimate<unknown>, out: Utf8Out) => void {
  // Runs of neighbouring columns of one kind, in order: program, patient, program, patient, program, patient, program.
  const runs: { program: boolean; columns: EstimateColumn[] }[] = [];
  for (const column of ESTIMATE_COLUMNS) {
    const program = CELLS[column][0] === 'program';
    const last = runs[runs.length - 1];
    if (last && last.program === program) last.columns.push(column);
    else runs.push({ program, columns: [column] });
  }
  const layout = runs.map((r) => (r.program ? 'program' : r.columns.join(','))).join('|');
  if (layout !== `program|${PATIENT_RUNS[0].join(',')}|program|${PATIENT_RUNS[1].join(',')}|program|${PATIENT_RUNS[2].join(',')}|program`)
    throw new Error(`the CSV columns changed (${layout}); update PATIENT_RUNS and the functions that write them`);
  // The program's cells, and the commas on either side of the patient's runs between them.
  // As UTF-8, so each row copies them.
  const programs = new RepeatCache<object, Uint8Array[]>(256);
  const encoder = new TextEncoder();
  return (e, out) => {
    const key = programs.wanted() ? e.items : undefined;
    let bytes = programs.get(key);
    if (bytes === undefined) {
      const cells = runs.filter((r) => r.program).map((r) => r.columns.map((column) => csvCell(CELLS[column][1](e))).join(','));
      bytes = cells.map((run, i) => encoder.encode(`${i > 0 ? ',' : ''}${run}${i < cells.length - 1 ? ',' : ''}`));
      programs.set(key, bytes);
    }
    out.bytes(bytes[0] as Uint8Array);
    firstPatientRun(e, out);
    out.bytes(bytes[1] as Uint8Array);
    secondPatientRun(e, out);
    out.bytes(bytes[2] as Uint8Array);
    thirdPatientRun(e, out);
    out.bytes(bytes[3] as Uint8Array);
  };
}

/** Returns the CSV output of one estimate: a header and one row. */
export function formatCsv(e: Estimate<unknown>): string {
  return csvLine([...ESTIMATE_COLUMNS]) + csvLine(estimateCells(e));
}

/**
 * Returns one RFC 4180 record (CRLF-terminated). Text cells that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR, LF first) get a leading apostrophe (OWASP CSV injection); numbers
 * and our own decimals are left alone.
 */
export function csvLine(cells: readonly Cell[]): string {
  return `${csvFields(cells)}\r\n`;
}

/** Returns the cells of a record joined by commas, quoted and made safe as in csvLine, without the line end. */
export function csvFields(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
// A cell with none of these needs neither the formula guard nor quotes: most cells (decimals, ids).
const PLAIN = new RegExp(`^[^",\\r\\n=+\\-@\\t\\u0000-\\u001f${ACTIVE_CHARS}]*$`);

/** One cell as csvLine writes it: quoted and made safe where it needs to be. */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (PLAIN.test(cell)) return cell;
  // A cell from a batch file or price list may hold escape sequences: shown, never run (#25).
  let text = visible(cell);
  if (typeof cell === 'string' && !NUMERIC.test(text) && /^[=+\-@\t\r\n]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
