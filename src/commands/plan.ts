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
    throw new UsageError({ key: 'wholeNumber', params: { flag, value: text, min, max } });
  };
  const money = (flag: string, text: string | undefined): number | null => {
    if (text === undefined) return null;
    const cents = parseCents(text);
    if (cents === null) throw new UsageError({ key: 'notMoney', params: { flag, value: text } });
    return cents;
  };
  let start: string | null = null;
  if (flags.start !== undefined) {
    const s = flags.start.trim();
    if (!isCalendarDate(s)) throw new UsageError({ key: 'startNotDate', params: { value: flags.start } });
    // Four-digit years only, in a span a plan can mean: year 50 or 9999 is a typing slip, and
    // a plan past 9999 would print dates no one can read ("+010000-01").
    if (s < '1900-01-01' || s > '2199-12-31') throw new UsageError({ key: 'startRange', params: { value: flags.start } });
    start = s;
  }
  let everyDays: number | null = null;
  if (flags.every !== undefined) {
    const m = /^\s*(\d{1,3})\s*([dw])\s*$/i.exec(flags.every);
    const n = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : 0;
    if (!m || n < 1 || n > 364) throw new UsageError({ key: 'everyNotInterval', params: { value: flags.every } });
    everyDays = n;
  }
  let planYearStart = { month: 1, day: 1 };
  if (flags.planYearStart !== undefined) {
    const m = /^\s*(\d{2})-(\d{2})\s*$/.exec(flags.planYearStart);
    const month = Number(m?.[1]);
    const day = Number(m?.[2]);
    const valid = m && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2001, month, 0)).getUTCDate();
    if (!valid) throw new UsageError({ key: 'planYearStart', params: { value: flags.planYearStart } });
    planYearStart = { month, day };
  }
  const aprText = flags.apr;
  const apr = aprText === undefined ? null : parseBasisPoints(aprText);
  if (aprText !== undefined && apr === null) throw new UsageError({ key: 'aprNotPercent', params: { value: aprText } });
  const months = whole('--months', flags.months, 1, 120);
  if (apr !== null && months === null) throw new UsageError({ key: 'aprNeedsMonths', params: {} });
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
  if (flags.planYearStart !== undefined && flags.start === undefined) throw new UsageError({ key: 'planYearNeedsStart', params: {} });
  if (flags.boostersEvery !== undefined && raw.weeks === undefined) throw new UsageError({ key: 'boostersNeedWeeks', params: {} });
  if (flags.annualDeductible !== undefined && !terms.includes('deductible'))
    throw new UsageError({ key: 'termNotApplicable', params: { flag: '--annual-deductible', status } });
  if (flags.annualOopMax !== undefined && !terms.includes('oopMax'))
    throw new UsageError({ key: 'termNotApplicable', params: { flag: '--annual-oop-max', status } });
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
      throw new UsageError({ key: 'wholeNumber', params: { flag: '--weeks', value: String(options.raw.weeks), min: 1, max: 104 } });
  }
  const scenario = scenarioFromFlags(raw, dataset, options.style.text);
  refuseUnusedPlanFlags(options.flags, options.raw, scenario.insurance.status);
  const plan = planProgram(scenario, dataset, planOptions, options.explain);
  if ('flag' in plan) throw new UsageError(options.style.text.issueAfter(plan.flag, plan.message));
  await emit(
    await PLAN_RENDERERS[options.format](sayPlan(plan, options.style.text.say), options.style, { explain: options.explain }),
    options.output,
    io,
    { words: options.style.text },
  );
  return 0;
}
