import { INSURANCE_TERMS } from './fields.js';
import { type Message, type MessageParams, msg } from './message.js';
import { parseBasisPoints, parseCents, withoutLeadingZeros } from './money.js';
import { closestName, compareIds, normaliseName } from './names.js';
import { type InsuranceTerm, PAYER_TERMS } from './payer-terms.js';
import { countSessions } from './schedule.js';
import type {
  Covered,
  Dataset,
  Insurance,
  InsuranceStatus,
  Package,
  RawScenario,
  Route,
  Scenario,
  ScenarioField,
  ScenarioIssue,
} from './types.js';

export { SCENARIO_FIELDS } from './fields.js';
export type { RawScenario, ScenarioField, ScenarioIssue } from './types.js';

/** Every insurance status, in the payer table's order (help, prompts and the contract list them so). */
export const INSURANCE_STATUSES = /* @__PURE__ */ Object.keys(PAYER_TERMS) as InsuranceStatus[];
// Each status by its id and by each of its aliases.
// (Pure IIFEs: a command file that never parses a scenario drops them and the payer table.)
const INSURANCE_ALIASES: Record<string, InsuranceStatus> = /* @__PURE__ */ (() =>
  Object.fromEntries(INSURANCE_STATUSES.flatMap((status) => [status, ...PAYER_TERMS[status].aliases].map((name) => [name, status]))))();
/** The insurance status a typed name means (`oon`, `self-pay`, any case), or undefined for none. */
export function insuranceStatusOf(text: string): InsuranceStatus | undefined {
  const name = normaliseName(text);
  return Object.hasOwn(INSURANCE_ALIASES, name) ? INSURANCE_ALIASES[name] : undefined;
}
export const COVERED_CHOICES = ['auto', 'yes', 'no'] as const satisfies readonly Covered[];

export const MAX_SESSIONS = 365;
export const MAX_WEEKS = 104;

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/**
 * Validates a raw scenario against the dataset: the one place input is checked, whether it came
 * from flags, prompts or a batch row, so all three accept and refuse exactly the same things.
 */
export function parseScenario(raw: RawScenario, dataset: Dataset): ParseScenarioResult {
  const issues: ScenarioIssue[] = [];
  // A field whose value is not text is named once; the checks after that one add nothing. Made
  // when one is found: most scenarios have none, and a batch parses one for every row.
  let notText: Set<ScenarioField> | undefined;
  const fail = (field: ScenarioField, message: Message): null => {
    if (!notText?.has(field)) issues.push({ field, message });
    return null;
  };
  // A value from the API may be anything: only text and numbers are read, so an array or an
  // object is never taken for the text it converts to (["iv"] is not "iv"), and one that cannot
  // be converted does not throw (#25 B12).
  const text = (field: ScenarioField): string | undefined => {
    const value: unknown = raw[field];
    if (typeof value === 'string' || value === undefined) return value;
    if (typeof value === 'number') return String(value);
    // null is "not given", as an empty cell or a JSON Lines null is in a batch.
    if (value === null) return undefined;
    const kind = Array.isArray(value) ? 'list' : typeof value;
    fail(field, msg('issue.notText', { kind: kind as MessageParams['issue.notText']['kind'] }));
    notText ??= new Set();
    notText.add(field);
    return '';
  };

  // 1. Route and provider: names resolve through the dataset's ids and aliases.
  const route = resolveRoute(text('route'), dataset, fail);
  const provider = route ? resolveProvider(text('provider'), route, dataset, fail) : null;

  // 2. How many sessions: a count, a duration, or (neither) the route's typical program.
  const sessionsText = text('sessions');
  const weeksText = text('weeks');
  const sessions = wholeNumber(sessionsText, 'sessions', 1, MAX_SESSIONS, fail);
  const weeks = wholeNumber(weeksText, 'weeks', 1, MAX_WEEKS, fail);
  if (sessionsText !== undefined && weeksText !== undefined) fail('weeks', msg('issue.weeksWithSessions', {}));
  if (route && weeks !== null && route.schedule === undefined) {
    const withSchedule = dataset.routes.filter((r) => r.schedule).map((r) => r.id);
    fail('weeks', msg('issue.noSchedule', { route: route.label, withSchedule }));
  }

  // Past the weeks its source describes, a schedule's count would be an extrapolation (#21).
  const covers = route?.schedule?.coversWeeks;
  if (route && weeks !== null && covers !== undefined && weeks > covers)
    fail('weeks', msg('issue.weeksBeyondSchedule', { weeks, route: route.label, coversWeeks: covers }));
  // A price list's own schedule may count more sessions (or none) from the weeks than a program may have.
  if (route?.schedule && weeks !== null) {
    const counted = countSessions(route.schedule.phases, weeks);
    if (counted.low < 1 || counted.high > MAX_SESSIONS) {
      fail('weeks', msg('issue.weeksTooMany', { weeks, route: route.id, low: counted.low, high: counted.high, max: MAX_SESSIONS }));
    }
  }

  // 3. Dose: only routes priced per device have doses.
  const doseMg = route ? resolveDose(text('dose'), route, dataset, fail) : null;

  // 4. Insurance and the cost-sharing terms that status uses.
  const insurance = resolveInsurance(text, dataset, fail);

  // 5. Line items to leave out: names of the dataset's items (`intake,psychotherapy`).
  const exclude = resolveExclude(text('exclude'), route, dataset, fail);

  // 6. The patient's own quote: a price per session, packages, item prices.
  const priceCents = positiveMoney(text('price'), 'price', fail);
  const packages = resolvePackages(text('package'), fail);
  const itemPrices = resolveItemPrices(text('itemPrice'), route, dataset, fail);

  if (issues.length > 0 || !route || !provider || !insurance || !exclude || !packages || !itemPrices) return { ok: false, issues };
  const quote = { priceCents, packages, itemPrices, asOf: null };
  return { ok: true, scenario: { route: route.id, provider, sessions, weeks, doseMg, exclude, quote, insurance } };
}

type Fail = (field: ScenarioField, message: Message) => null;

function resolveRoute(input: string | undefined, dataset: Dataset, fail: Fail): Route | null {
  const allowed = () => dataset.routes.map((r) => r.id);
  if (input === undefined) return fail('route', msg('issue.routeRequired', { allowed: allowed() }));
  const name = normaliseName(input);
  const route = dataset.routes.find((r) => r.id === name || r.aliases.includes(name));
  if (route) return route;
  const names = dataset.routes.flatMap((r) => [r.id, ...r.aliases]);
  return fail('route', msg('issue.notARoute', { input, suggestion: closestName(name, names) ?? null, allowed: allowed() }));
}

function resolveProvider(input: string | undefined, route: Route, dataset: Dataset, fail: Fail): string | null {
  const offered = route.offers.map((o) => o.provider);
  if (input === undefined) {
    if (offered.length === 1 && offered[0] !== undefined) return offered[0];
    return fail('provider', msg('issue.providerRequired', { route: route.id, allowed: offered }));
  }
  const name = normaliseName(input);
  const provider = dataset.providers.find((p) => p.id === name || p.aliases.includes(name));
  if (!provider) {
    const names = dataset.providers.flatMap((p) => [p.id, ...p.aliases]);
    return fail(
      'provider',
      msg('issue.notAProvider', { input, suggestion: closestName(name, names) ?? null, allowed: dataset.providers.map((p) => p.id) }),
    );
  }
  if (!offered.includes(provider.id))
    return fail(
      'provider',
      msg('issue.providerNotOffered', { input, route: route.label, provider: provider.label, routeId: route.id, allowed: offered }),
    );
  return provider.id;
}

function resolveDose(input: string | undefined, route: Route, dataset: Dataset, fail: Fail): number | null {
  if (route.doses === undefined) {
    if (input === undefined) return null;
    const dosed = dataset.routes.filter((r) => r.doses).map((r) => r.id);
    return fail('dose', msg('issue.doseNotApplicable', { dosed, route: route.id }));
  }
  if (input === undefined) return route.defaultDoseMg ?? null;
  const match = /^(\d{1,4})\s*(?:mg)?$/i.exec(withoutLeadingZeros(input.trim()));
  const mg = match ? Number(match[1]) : NaN;
  if (!route.doses.some((d) => d.mg === mg))
    return fail('dose', msg('issue.notADose', { input, route: route.label, allowed: route.doses.map((d) => d.mg) }));
  return mg;
}

// Terms that do not apply to the status are refused rather than ignored, so nobody believes they were used.
const TERMS_APPLY_TO = /* @__PURE__ */ (() =>
  INSURANCE_TERMS.map((term) => [term, INSURANCE_STATUSES.filter((status) => PAYER_TERMS[status].terms.includes(term))] as const))();
const COVERED_ALIASES: Record<string, Covered> = { auto: 'auto', yes: 'yes', y: 'yes', true: 'yes', no: 'no', n: 'no', false: 'no' };

function resolveInsurance(text: (field: ScenarioField) => string | undefined, dataset: Dataset, fail: Fail): Insurance | null {
  const statusText = text('insurance');
  let status: InsuranceStatus = 'none';
  if (statusText !== undefined) {
    const found = insuranceStatusOf(statusText);
    if (found === undefined) {
      return fail(
        'insurance',
        msg('issue.notAnInsurance', {
          input: statusText,
          suggestion: closestName(normaliseName(statusText), Object.keys(INSURANCE_ALIASES)) ?? null,
          allowed: INSURANCE_STATUSES,
        }),
      );
    }
    status = found;
  }
  // A public payer is priced from the price list's figures for it: none, no estimate.
  const needs = PUBLIC_FIGURES[status];
  if (needs !== null && dataset.payers?.[needs] === undefined) return fail('insurance', msg('issue.payerNotPriced', { status }));

  // Each term read once, in this order (a value that is not text is named here): a batch reads
  // every row's, and most are not given.
  const given: Partial<Record<InsuranceTerm, string>> = {};
  let ok = true;
  for (const [field, statuses] of TERMS_APPLY_TO) {
    const value = text(field);
    if (value === undefined) continue;
    given[field] = value;
    if (!statuses.includes(status)) {
      ok = false;
      fail(field, msg('issue.termNotApplicable', { statuses, status }));
    }
  }
  if (given.coinsurance !== undefined && given.copay !== undefined) {
    ok = false;
    fail('copay', msg('issue.copayWithCoinsurance', {}));
  }

  const coveredText = given.covered;
  let covered: Covered = 'auto';
  if (coveredText !== undefined) {
    const name = normaliseName(coveredText);
    const found = Object.hasOwn(COVERED_ALIASES, name) ? COVERED_ALIASES[name] : undefined;
    if (found === undefined) {
      ok = false;
      fail('covered', msg('issue.notAChoice', { input: coveredText, allowed: ['yes', 'no', 'auto'] }));
    } else covered = found;
  }
  const deductibleCents = money(given.deductible, 'deductible', fail);
  const copayCents = money(given.copay, 'copay', fail);
  const oopMaxCents = money(given.oopMax, 'oopMax', fail);
  const coinsuranceBasisPoints = percent(given.coinsurance, 'coinsurance', fail);
  const reimbursementBasisPoints = percent(given.reimbursement, 'reimbursement', fail);
  const allowedCents = money(given.allowed, 'allowed', fail);
  const familyDeductibleCents = money(given.familyDeductible, 'familyDeductible', fail);
  const familyOopMaxCents = money(given.familyOopMax, 'familyOopMax', fail);
  const deductibleApplies = yesNo(given.deductibleApplies, 'deductibleApplies', fail);
  const medigap = medigapPlan(given.medigap, dataset, fail);
  if (!ok || deductibleApplies === undefined || medigap === undefined) return null;
  return {
    status,
    covered,
    deductibleCents,
    coinsuranceBasisPoints,
    copayCents,
    oopMaxCents,
    reimbursementBasisPoints,
    allowedCents,
    medigap,
    familyDeductibleCents,
    familyOopMaxCents,
    deductibleApplies: deductibleApplies ?? true,
  };
}

// The price list's section each public payer is priced from (null: the user's own plan terms).
const PUBLIC_FIGURES: Record<InsuranceStatus, 'medicare' | 'medicareAdvantage' | 'medicaid' | null> = {
  none: null,
  'in-network': null,
  'out-of-network': null,
  medicare: 'medicare',
  'medicare-advantage': 'medicareAdvantage',
  medicaid: 'medicaid',
};

/** "yes"/"no" (and y, true, n, false) as a boolean; null when not given, undefined when refused. */
function yesNo(input: string | undefined, field: ScenarioField, fail: Fail): boolean | null | undefined {
  if (input === undefined) return null;
  const name = normaliseName(input);
  const found = Object.hasOwn(COVERED_ALIASES, name) ? COVERED_ALIASES[name] : undefined;
  if (found === 'yes' || found === 'no') return found === 'yes';
  fail(field, msg('issue.notAChoice', { input, allowed: ['yes', 'no'] }));
  return undefined;
}

/** A Medigap plan letter the price list has figures for ("g", "Plan G"); null when not given, undefined when refused. */
function medigapPlan(input: string | undefined, dataset: Dataset, fail: Fail): string | null | undefined {
  if (input === undefined) return null;
  const letters = (dataset.payers?.medigap?.plans ?? []).map((p) => p.letter).sort();
  const letter = input
    .trim()
    .toUpperCase()
    .replace(/^PLAN[\s-]*/, '');
  if (letters.includes(letter)) return letter;
  fail('medigap', msg('issue.notAMedigapPlan', { input, year: dataset.payers?.medigap?.year ?? null, allowed: letters }));
  return undefined;
}

function resolveExclude(input: string | undefined, route: Route | null, dataset: Dataset, fail: Fail): string[] | null {
  if (input === undefined) return [];
  // Names of this route's items, so nothing is silently left in; any route's before the route is known.
  const known = [...new Set((route ? [route] : dataset.routes).flatMap((r) => (r.items ?? []).map((i) => i.id)))].sort();
  const names = input
    .split(',')
    .map((n) => normaliseName(n))
    .filter((n) => n !== '');
  for (const name of names) {
    if (!known.includes(name)) {
      return fail(
        'exclude',
        msg('issue.notAnItem', { input: name, route: route?.id ?? null, suggestion: closestName(name, known) ?? null, allowed: known }),
      );
    }
  }
  return [...new Set(names)].sort();
}

/** A price from a quote: money above zero (a session that costs nothing is no quote); null when not given. */
function positiveMoney(input: string | undefined, field: ScenarioField, fail: Fail): number | null {
  const cents = money(input, field, fail);
  if (cents === 0) return fail(field, msg('issue.priceNotPositive', { input: input ?? '' }));
  return cents;
}

/**
 * Packages on offer, "6:2400,8:3000" (sessions:dollars), and subscription months, "4:129/month"
 * (up to 4 sessions a month for $129), sorted by size; [] when not given, null when refused.
 */
function resolvePackages(input: string | undefined, fail: Fail): Package[] | null {
  if (input === undefined) return [];
  const packages: Package[] = [];
  for (const part of input
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const match = /^(\d{1,6})\s*:\s*(.+?)(\s*\/\s*(?:month|mo))?$/i.exec(part);
    const sessions = match ? Number(withoutLeadingZeros(match[1] ?? '')) : NaN;
    const cents = match ? parseCents(match[2] ?? '') : null;
    if (!match || cents === null) return fail('package', msg('issue.notAPackage', { input: part }));
    if (!Number.isInteger(sessions) || sessions < 1 || sessions > MAX_SESSIONS)
      return fail('package', msg('issue.packageSessions', { input: part, max: MAX_SESSIONS }));
    if (cents === 0) return fail('package', msg('issue.priceNotPositive', { input: part }));
    packages.push(match[3] === undefined ? { sessions, cents } : { sessions, cents, per: 'month' });
  }
  if (packages.length === 0) return fail('package', msg('issue.notAPackage', { input }));
  return packages.sort((a, b) => a.sessions - b.sessions || a.cents - b.cents);
}

/** Item prices from a quote, "observation=180,intake=0", for items of the route; [] when not given, null when refused. */
function resolveItemPrices(
  input: string | undefined,
  route: Route | null,
  dataset: Dataset,
  fail: Fail,
): { id: string; cents: number }[] | null {
  if (input === undefined) return [];
  const known = [...new Set((route ? [route] : dataset.routes).flatMap((r) => (r.items ?? []).map((i) => i.id)))].sort();
  const prices = new Map<string, number>();
  for (const part of input
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const match = /^([^=]+)=(.*)$/.exec(part);
    const name = normaliseName(match?.[1] ?? '');
    const cents = match ? parseCents(match[2] ?? '') : null;
    if (!match || cents === null) return fail('itemPrice', msg('issue.notAnItemPrice', { input: part }));
    if (!known.includes(name))
      return fail(
        'itemPrice',
        msg('issue.notAnItem', { input: name, route: route?.id ?? null, suggestion: closestName(name, known) ?? null, allowed: known }),
      );
    prices.set(name, cents);
  }
  return [...prices].map(([id, cents]) => ({ id, cents })).sort((a, b) => compareIds(a.id, b.id));
}

function wholeNumber(input: string | undefined, field: ScenarioField, min: number, max: number, fail: Fail): number | null {
  if (input === undefined) return null;
  const s = withoutLeadingZeros(input.trim());
  const n = /^\d{1,6}$/.test(s) ? Number(s) : NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  return fail(field, msg('issue.notAWholeNumber', { input, min, max }));
}

function money(input: string | undefined, field: ScenarioField, fail: Fail): number | null {
  if (input === undefined) return null;
  // The accounting format's zero (" $-   ", "-") is $0; its brackets are a negative amount (#25).
  if (/^\s*\$?\s*-\s*$/.test(input)) return 0;
  const cents = parseCents(input);
  if (cents !== null) return cents;
  if (/^\s*\(.*\)\s*$/.test(input) || /^\s*\$?\s*-\s*\$?\s*\d/.test(input)) return fail(field, msg('issue.negativeMoney', { input }));
  return fail(field, msg('issue.notMoney', { input }));
}

function percent(input: string | undefined, field: ScenarioField, fail: Fail): number | null {
  if (input === undefined) return null;
  // A spreadsheet stores a cell shown as "20%" as 0.2 and exports it so: strictly between 0 and 1
  // without a % sign is refused, never read as 0.2% (#22).
  const fraction = /^\s*0*\.(\d+)\s*$/.exec(input);
  if (fraction?.[1] !== undefined && /[1-9]/.test(fraction[1]))
    return fail(field, msg('issue.percentAsFraction', { input, percent: fractionAsPercent(fraction[1]) }));
  const bp = parseBasisPoints(input);
  if (bp !== null) return bp;
  return fail(field, msg('issue.notAPercent', { input }));
}

/** The digits after "0." read as a percentage, in plain digits ("2" -> "20", "125" -> "12.5", "05" -> "5"). */
function fractionAsPercent(digits: string): string {
  const padded = digits.padEnd(2, '0');
  const whole = padded.slice(0, 2).replace(/^0(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return rest === '' ? whole : `${whole}.${rest}`;
}
