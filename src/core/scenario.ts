import { formatRange } from './fields.js';
import { parseBasisPoints, parseCents, withoutLeadingZeros } from './money.js';
import { closestName, normaliseName } from './names.js';
import { countSessions } from './schedule.js';
import type { Covered, Dataset, Insurance, InsuranceStatus, RawScenario, Route, Scenario, ScenarioField, ScenarioIssue } from './types.js';

export { SCENARIO_FIELDS } from './fields.js';
export type { RawScenario, ScenarioField, ScenarioIssue } from './types.js';

export const INSURANCE_STATUSES = ['none', 'in-network', 'out-of-network'] as const satisfies readonly InsuranceStatus[];
const INSURANCE_ALIASES: Record<string, InsuranceStatus> = {
  none: 'none',
  'self-pay': 'none',
  selfpay: 'none',
  uninsured: 'none',
  cash: 'none',
  'in-network': 'in-network',
  'out-of-network': 'out-of-network',
  oon: 'out-of-network',
};
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
  const fail = (field: ScenarioField, message: string): null => {
    issues.push({ field, message });
    return null;
  };
  const text = (field: ScenarioField): string | undefined => {
    const value = raw[field];
    return typeof value === 'string' || value === undefined ? value : String(value);
  };

  // 1. Route and provider: names resolve through the dataset's ids and aliases.
  const route = resolveRoute(text('route'), dataset, fail);
  const provider = route ? resolveProvider(text('provider'), route, dataset, fail) : null;

  // 2. How many sessions: a count, a duration, or (neither) the route's typical program.
  const sessions = wholeNumber(text('sessions'), 'sessions', 1, MAX_SESSIONS, fail);
  const weeks = wholeNumber(text('weeks'), 'weeks', 1, MAX_WEEKS, fail);
  if (raw.sessions !== undefined && raw.weeks !== undefined) fail('weeks', 'cannot be given with --sessions; give one of them');
  if (route && weeks !== null && route.schedule === undefined) {
    const withSchedule = dataset.routes.filter((r) => r.schedule).map((r) => r.id);
    fail(
      'weeks',
      `cannot count sessions for ${route.label}: the price list has no schedule for it; use --sessions (routes with a schedule: ${withSchedule.join(', ') || 'none'})`,
    );
  }

  // A price list's own schedule may count more sessions (or none) from the weeks than a program may have.
  if (route?.schedule && weeks !== null) {
    const counted = countSessions(route.schedule.phases, weeks);
    if (counted.low < 1 || counted.high > MAX_SESSIONS) {
      fail(
        'weeks',
        `${weeks} weeks of ${route.id}'s schedule make ${formatRange(counted.low, counted.high)} sessions; a program has 1 to ${MAX_SESSIONS}, so give fewer weeks or --sessions`,
      );
    }
  }

  // 3. Dose: only routes priced per device have doses.
  const doseMg = route ? resolveDose(text('dose'), route, dataset, fail) : null;

  // 4. Insurance and the cost-sharing terms that status uses.
  const insurance = resolveInsurance(text, fail);

  // 5. Line items to leave out: names of the dataset's items (`intake,psychotherapy`).
  const exclude = resolveExclude(text('exclude'), route, dataset, fail);

  if (issues.length > 0 || !route || !provider || !insurance || !exclude) return { ok: false, issues };
  return { ok: true, scenario: { route: route.id, provider, sessions, weeks, doseMg, exclude, insurance } };
}

type Fail = (field: ScenarioField, message: string) => null;

function resolveRoute(input: string | undefined, dataset: Dataset, fail: Fail): Route | null {
  const allowed = () => dataset.routes.map((r) => r.id).join(', ');
  if (input === undefined) return fail('route', `is required; allowed: ${allowed()}`);
  const name = normaliseName(input);
  const route = dataset.routes.find((r) => r.id === name || r.aliases.includes(name));
  if (route) return route;
  const names = dataset.routes.flatMap((r) => [r.id, ...r.aliases]);
  return fail('route', `${quote(input)} is not a route${didYouMean(name, names)}; allowed: ${allowed()}`);
}

function resolveProvider(input: string | undefined, route: Route, dataset: Dataset, fail: Fail): string | null {
  const offered = route.offers.map((o) => o.provider);
  if (input === undefined) {
    if (offered.length === 1 && offered[0] !== undefined) return offered[0];
    return fail('provider', `is required for ${route.id}, which is offered by more than one provider type; allowed: ${offered.join(', ')}`);
  }
  const name = normaliseName(input);
  const provider = dataset.providers.find((p) => p.id === name || p.aliases.includes(name));
  if (!provider) {
    const names = dataset.providers.flatMap((p) => [p.id, ...p.aliases]);
    return fail(
      'provider',
      `${quote(input)} is not a provider type${didYouMean(name, names)}; allowed: ${dataset.providers.map((p) => p.id).join(', ')}`,
    );
  }
  if (!offered.includes(provider.id))
    return fail(
      'provider',
      `${quote(input)}: ${route.label} is not offered ${provider.label}; allowed for ${route.id}: ${offered.join(', ')}`,
    );
  return provider.id;
}

function resolveDose(input: string | undefined, route: Route, dataset: Dataset, fail: Fail): number | null {
  if (route.doses === undefined) {
    if (input === undefined) return null;
    const dosed = dataset.routes
      .filter((r) => r.doses)
      .map((r) => r.id)
      .join(', ');
    return fail('dose', `applies only to routes priced by dose (${dosed}), not to ${route.id}`);
  }
  if (input === undefined) return route.defaultDoseMg ?? null;
  const allowed = route.doses.map((d) => `${d.mg}`).join(' or ');
  const match = /^(\d{1,4})\s*(?:mg)?$/i.exec(withoutLeadingZeros(input.trim()));
  const mg = match ? Number(match[1]) : NaN;
  if (!route.doses.some((d) => d.mg === mg))
    return fail('dose', `${quote(input)} is not a dose of ${route.label}; allowed: ${allowed} (mg)`);
  return mg;
}

// Terms that do not apply to the status are refused rather than ignored, so nobody believes they were used.
const TERMS_APPLY_TO: readonly (readonly [ScenarioField, readonly InsuranceStatus[]])[] = [
  ['covered', ['in-network', 'out-of-network']],
  ['deductible', ['in-network', 'out-of-network']],
  ['coinsurance', ['in-network']],
  ['copay', ['in-network']],
  ['oopMax', ['in-network']],
  ['reimbursement', ['out-of-network']],
  ['allowed', ['out-of-network']],
];
const COVERED_ALIASES: Record<string, Covered> = { auto: 'auto', yes: 'yes', y: 'yes', true: 'yes', no: 'no', n: 'no', false: 'no' };

function resolveInsurance(text: (field: ScenarioField) => string | undefined, fail: Fail): Insurance | null {
  const statusText = text('insurance');
  let status: InsuranceStatus = 'none';
  if (statusText !== undefined) {
    const name = normaliseName(statusText);
    const found = insuranceStatusOf(statusText);
    if (found === undefined) {
      return fail(
        'insurance',
        `${quote(statusText)} is not an insurance status${didYouMean(name, Object.keys(INSURANCE_ALIASES))}; allowed: ${INSURANCE_STATUSES.join(', ')}`,
      );
    }
    status = found;
  }

  let ok = true;
  for (const [field, statuses] of TERMS_APPLY_TO) {
    if (text(field) !== undefined && !statuses.includes(status)) {
      ok = false;
      fail(field, `applies only with --insurance ${statuses.join(' or ')} (insurance is ${status})`);
    }
  }
  if (text('coinsurance') !== undefined && text('copay') !== undefined) {
    ok = false;
    fail('copay', 'cannot be given with --coinsurance; give one of them');
  }

  const coveredText = text('covered');
  let covered: Covered = 'auto';
  if (coveredText !== undefined) {
    const name = normaliseName(coveredText);
    const found = Object.hasOwn(COVERED_ALIASES, name) ? COVERED_ALIASES[name] : undefined;
    if (found === undefined) {
      ok = false;
      fail('covered', `${quote(coveredText)} is not allowed; allowed: yes, no, auto`);
    } else covered = found;
  }
  const deductibleCents = money(text('deductible'), 'deductible', fail);
  const copayCents = money(text('copay'), 'copay', fail);
  const oopMaxCents = money(text('oopMax'), 'oopMax', fail);
  const coinsuranceBasisPoints = percent(text('coinsurance'), 'coinsurance', fail);
  const reimbursementBasisPoints = percent(text('reimbursement'), 'reimbursement', fail);
  const allowedCents = money(text('allowed'), 'allowed', fail);
  if (!ok) return null;
  return { status, covered, deductibleCents, coinsuranceBasisPoints, copayCents, oopMaxCents, reimbursementBasisPoints, allowedCents };
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
      const of = route ? ` of ${route.id}` : '';
      return fail(
        'exclude',
        `${quote(name)} is not a line item${of}${didYouMean(name, known)}; allowed${of}: ${known.join(', ') || 'none'}`,
      );
    }
  }
  return [...new Set(names)].sort();
}

function wholeNumber(input: string | undefined, field: ScenarioField, min: number, max: number, fail: Fail): number | null {
  if (input === undefined) return null;
  const s = withoutLeadingZeros(input.trim());
  const n = /^\d{1,6}$/.test(s) ? Number(s) : NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  return fail(field, `${quote(input)} is not allowed; use a whole number from ${min} to ${max}`);
}

function money(input: string | undefined, field: ScenarioField, fail: Fail): number | null {
  if (input === undefined) return null;
  const cents = parseCents(input);
  if (cents !== null) return cents;
  return fail(
    field,
    `${quote(input)} is not an amount of money; use dollars such as 1000, 1000.50 or $1,000.50 (at most two decimals, not negative)`,
  );
}

function percent(input: string | undefined, field: ScenarioField, fail: Fail): number | null {
  if (input === undefined) return null;
  const bp = parseBasisPoints(input);
  if (bp !== null) return bp;
  return fail(field, `${quote(input)} is not a percentage; use a number from 0 to 100 with at most two decimals`);
}

function didYouMean(name: string, names: readonly string[]): string {
  const close = closestName(name, names);
  return close === undefined ? '' : ` (did you mean "${close}"?)`;
}

/** Quotes what the user typed for a message, with control characters made visible and the length capped. */
export function quote(input: string): string {
  const shown = JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input);
  return shown;
}
