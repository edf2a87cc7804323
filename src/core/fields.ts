import { kebabCase } from './names.js';

/** The insurance terms a scenario may give, in the order a plan document gives them; which apply depends on the payer. */
export const INSURANCE_TERMS = [
  'covered',
  'medigap',
  'deductible',
  'familyDeductible',
  'deductibleApplies',
  'coinsurance',
  'copay',
  'oopMax',
  'familyOopMax',
  'reimbursement',
  'allowed',
] as const;

/**
 * The fields a scenario is made of, in the order help, batch columns and prompts list them. Each
 * has a flag (`--oop-max`) and a batch column of the same name; everything else is derived from here.
 */
export const SCENARIO_FIELDS = [
  'route',
  'provider',
  'sessions',
  'weeks',
  'dose',
  'price',
  'package',
  'itemPrice',
  'insurance',
  ...INSURANCE_TERMS,
  'exclude',
] as const;

export type ScenarioField = (typeof SCENARIO_FIELDS)[number];

/** The columns a batch file may have: the row's id, then one per scenario field. */
export const INPUT_COLUMNS = ['id', ...SCENARIO_FIELDS] as const;
export type InputColumn = (typeof INPUT_COLUMNS)[number];

/** The input column names as a user writes them, spelled like the flags (`oop-max`). */
export const INPUT_COLUMN_NAMES: readonly string[] = INPUT_COLUMNS.map(kebabCase);

/** Returns the flag that sets a scenario field, as a user types it (`oopMax` -> `--oop-max`). */
export function flagName(field: ScenarioField): string {
  return `--${kebabCase(field)}`;
}

/** Writes a low-high pair as people read it: "6" when both ends agree, else "3-6" ("$225-$800" with formatUsd). */
export function formatRange(low: number, high: number, format: (n: number) => string = String): string {
  return low === high ? format(low) : `${format(low)}-${format(high)}`;
}

/** Whether text is a real calendar day written YYYY-MM-DD (2027-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}
