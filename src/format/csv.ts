import type { Estimate } from '../core/estimate.js';
import { formatDecimal } from '../core/money.js';

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
] as const;

type Cell = string | number | null;

/** Returns the CSV cells of one estimate, in ESTIMATE_COLUMNS order; money as plain decimals a spreadsheet reads as numbers. */
export function estimateCells(e: Estimate): Cell[] {
  const [first, other] = e.patient.cases;
  const usd = (cents: number | undefined) => (cents === undefined ? null : formatDecimal(cents));
  return [
    e.route.id,
    e.provider.id,
    e.dose?.mg ?? null,
    e.sessions.low,
    e.sessions.high,
    e.sessions.basis,
    usd(e.perSession.lowCents),
    usd(e.perSession.highCents),
    usd(e.program.lowCents),
    usd(e.program.highCents),
    e.patient.insurance,
    first?.case ?? null,
    first ? String(first.typical) : null,
    usd(first?.patient.lowCents),
    usd(first?.patient.highCents),
    usd(first?.plan.lowCents),
    usd(first?.plan.highCents),
    usd(first?.upFront.lowCents),
    usd(first?.upFront.highCents),
    other?.case ?? null,
    usd(other?.patient.lowCents),
    usd(other?.patient.highCents),
    e.dataset.version,
    usd(e.allIn.lowCents),
    usd(e.allIn.highCents),
    e.allIn.notPriced.join(';') || null,
    e.allIn.excludedItems.join(';') || null,
    e.firstSession?.doseMg ?? null,
    usd(first?.balanceBilled.lowCents),
    usd(first?.balanceBilled.highCents),
    ...inputCells(e),
    e.dataset.id,
    e.dataset.asOf,
  ];
}

/** The insurance terms an estimate used, as CSV cells (percentages as decimals: 20.00), and which were assumed. */
function inputCells(e: Estimate): Cell[] {
  const used = e.inputsUsed;
  const decimal = (n: number | null) => (n === null ? null : formatDecimal(n));
  return [
    decimal(used.deductible?.lowCents ?? null),
    decimal(used.deductible?.highCents ?? null),
    decimal(used.coinsuranceBasisPoints),
    decimal(used.copayCents),
    decimal(used.oopMaxCents),
    decimal(used.reimbursementBasisPoints),
    decimal(used.allowedCents),
    used.assumed.join(';') || null,
  ];
}

/** Returns the CSV output of one estimate: a header and one row. */
export function formatCsv(e: Estimate): string {
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
const PLAIN = /^[^",\r\n=+\-@\t]*$/;

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (PLAIN.test(cell)) return cell;
  let text = cell;
  if (typeof cell === 'string' && !NUMERIC.test(text) && /^[=+\-@\t\r\n]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
