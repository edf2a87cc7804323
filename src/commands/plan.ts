import { isCalendarDate } from '../core/fields.js';
import { parseBasisPoints, parseCents, withoutLeadingZeros } from '../core/money.js';
import { PAYER_TERMS } from '../core/payer-terms.js';
import { type Plan, type PlanOptions, planProgram } from '../core/plan.js';
import type { InsuranceStatus, RawScenario } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { Format } from '../formats.js';
import type { Io } from '../io.js';
import { sayPlan } from '../text/localize.js';
import { type DatasetChoice, emit, type OutputStyle, type Renderers, scenarioFromFlags, selectDataset, shownSafely } from './shared.js';

/** The plan's own flags, as typed: checked here, since only `plan` has them. */
export type PlanFlags = {
  start?: string;
  every?: string;
  boostersEvery?: string;
  planYearStart?: string;
  annualDeductible?: string;
  annualOopMax?: string;
  months?: string;
  apr?: string;
};

export type PlanCommandOptions = {
  raw: RawScenario;
  flags: PlanFlags;
  format: Format;
  output?: string | undefined;
  explain: boolean;
  style: OutputStyle;
  data: DatasetChoice;
};

const load = () => import('../format/plan.js');

/** The plan in every format. */
const PLAN_RENDERERS: Renderers<Plan, { explain: boolean }> = shownSafely({
  json: async (p) => (await load()).formatPlanJson(p),
  csv: async (p) => (await load()).formatPlanCsv(p),
  markdown: async (p, style, options) => (await load()).formatPlanMarkdown(p, options, style.text.view),
  html: async (p, style) => (await import('../format/html.js')).formatPlanHtml(p, style.text.view),
  table: async (p, style, options) => (await load()).formatPlanTable(p, { ...style, explain: options.explain, words: style.text.view }),
});

/** Reads the plan's flags into options, or throws a UsageError naming the flag and what it allows. */
export function readPlanFlags(flags: PlanFlags): PlanOptions {
  const whole = (flag: string, text: string | undefined, min: number, max: number): number | null => {
    if (text === undefined) return null;
    const digits = withoutLeadingZeros(text.trim());
    const n = /^\d{1,4}$/.test(digits) ? Number(digits) : Number.NaN;
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not allowed; use a whole number from ${min} to ${max}`);
  };
  const money = (flag: string, text: string | undefined): number | null => {
    if (text === undefined) return null;
    const cents = parseCents(text);
    if (cents === null)
      throw new UsageError(`${flag} ${JSON.stringify(text)} is not an amount of money; use dollars such as 1500 or $1,500.00`);
    return cents;
  };
  let start: string | null = null;
  if (flags.start !== undefined) {
    const s = flags.start.trim();
    if (!isCalendarDate(s)) throw new UsageError(`--start ${JSON.stringify(flags.start)} is not a date; use YYYY-MM-DD, e.g. 2027-01-15`);
    // Four-digit years only, in a span a plan can mean: year 50 or 9999 is a typing slip, and
    // a plan past 9999 would print dates no one can read ("+010000-01").
    if (s < '1900-01-01' || s > '2199-12-31')
      throw new UsageError(`--start ${JSON.stringify(flags.start)} is out of range; use a date from 1900-01-01 to 2199-12-31`);
    start = s;
  }
  let everyDays: number | null = null;
  if (flags.every !== undefined) {
    const m = /^\s*(\d{1,3})\s*([dw])\s*$/i.exec(flags.every);
    const n = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : 0;
    if (!m || n < 1 || n > 364)
      throw new UsageError(
        `--every ${JSON.stringify(flags.every)} is not an interval; use days or weeks such as 4d or 1w (1 day to 52 weeks)`,
      );
    everyDays = n;
  }
  let planYearStart = { month: 1, day: 1 };
  if (flags.planYearStart !== undefined) {
    const m = /^\s*(\d{2})-(\d{2})\s*$/.exec(flags.planYearStart);
    const month = Number(m?.[1]);
    const day = Number(m?.[2]);
    const valid = m && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2001, month, 0)).getUTCDate();
    if (!valid)
      throw new UsageError(`--plan-year-start ${JSON.stringify(flags.planYearStart)} is not a day of the year; use MM-DD, e.g. 07-01`);
    planYearStart = { month, day };
  }
  const aprText = flags.apr;
  const apr = aprText === undefined ? null : parseBasisPoints(aprText);
  if (aprText !== undefined && apr === null)
    throw new UsageError(`--apr ${JSON.stringify(aprText)} is not a percentage; use a number from 0 to 100, e.g. 18 or 9.99`);
  const months = whole('--months', flags.months, 1, 120);
  if (apr !== null && months === null) throw new UsageError('--apr needs --months: the number of monthly payments');
  return {
    start,
    everyDays,
    horizonWeeks: null,
    boostersEveryWeeks: whole('--boosters-every', flags.boostersEvery, 1, 52),
    planYearStart,
    annualDeductibleCents: money('--annual-deductible', flags.annualDeductible),
    annualOopMaxCents: money('--annual-oop-max', flags.annualOopMax),
    months,
    aprBasisPoints: months === null ? null : (apr ?? 0),
  };
}

/**
 * Refuses plan flags the plan would not use, as other commands refuse terms that do not apply:
 * silently dropping one would show a plan the user did not ask for (#25).
 * @throws UsageError naming the flag and what it needs.
 */
function refuseUnusedPlanFlags(flags: PlanFlags, raw: RawScenario, status: InsuranceStatus): void {
  const terms: readonly string[] = PAYER_TERMS[status].terms;
  if (flags.planYearStart !== undefined && flags.start === undefined)
    throw new UsageError('--plan-year-start needs --start: without a first date the plan has no calendar to split into plan years');
  if (flags.boostersEvery !== undefined && raw.weeks === undefined)
    throw new UsageError('--boosters-every needs --weeks: boosters follow the program up to the weeks you give');
  if (flags.annualDeductible !== undefined && !terms.includes('deductible'))
    throw new UsageError(`--annual-deductible does not apply with --insurance ${status}: it has no deductible`);
  if (flags.annualOopMax !== undefined && !terms.includes('oopMax'))
    throw new UsageError(`--annual-oop-max does not apply with --insurance ${status}: it has no out-of-pocket maximum`);
}

/** `ketamine-cost plan`: when the money is due, session by session, with plan years and paying over time. */
export async function planCommand(options: PlanCommandOptions, io: Io): Promise<number> {
  const dataset = await selectDataset(options.data, io);
  const planOptions = readPlanFlags(options.flags);
  // With a fixed interval, --weeks is how long to plan, not a count from the route's schedule.
  const raw = { ...options.raw };
  if (planOptions.everyDays !== null && raw.weeks !== undefined) {
    planOptions.horizonWeeks = Number(String(raw.weeks).trim());
    delete raw.weeks;
    if (!Number.isInteger(planOptions.horizonWeeks) || planOptions.horizonWeeks < 1 || planOptions.horizonWeeks > 104)
      throw new UsageError(`--weeks ${JSON.stringify(options.raw.weeks)} is not allowed; use a whole number from 1 to 104`);
  }
  const scenario = scenarioFromFlags(raw, dataset, options.style.text);
  refuseUnusedPlanFlags(options.flags, options.raw, scenario.insurance.status);
  const plan = planProgram(scenario, dataset, planOptions, options.explain);
  if ('flag' in plan) throw new UsageError(options.style.text.issueAfter(plan.flag, plan.message));
  await emit(
    await PLAN_RENDERERS[options.format](sayPlan(plan, options.style.text.say), options.style, { explain: options.explain }),
    options.output,
    io,
  );
  return 0;
}
