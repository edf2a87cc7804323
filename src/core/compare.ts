import { type Estimate, estimateCost } from './estimate.js';
import { type Message, type MessageKey, msg } from './message.js';
import { compareIds, normaliseName } from './names.js';
import { parseScenario } from './scenario.js';
import type { Dataset, RawScenario, ScenarioField, ScenarioIssue } from './types.js';

/** One option the comparison could not price, and why (a route without a schedule, asked in weeks). */
export type Skipped<T = string> = { route: string; provider: string; reason: T };
/** Options priced side by side, ranked (see compareScenarios); `T` is how sentences are carried. */
export type Comparison<T = string> = { options: Estimate<T>[]; skipped: Skipped<T>[] };

/** What the patient pays for an option, all-in: the usual case when both are shown (it is listed first). */
export function patientLowHigh<T>(e: Estimate<T>): { lowCents: number; highCents: number } {
  return e.patient.cases[0]?.patient ?? e.program;
}

// Only a route's schedule skips an option; a --weeks that is no number of weeks is the user's error.
const SCHEDULE_ISSUES = new Set<MessageKey>(['issue.noSchedule', 'issue.weeksBeyondSchedule', 'issue.weeksTooMany']);

/**
 * Prices every route and provider of the dataset under the same session count (or duration) and
 * insurance, ranked by the most the patient could pay (the high end, all-in), then the least, then route id.
 * Options that cannot take the scenario (weeks on a route with no schedule) are listed as skipped,
 * never dropped silently.
 */
export function compareScenarios(
  shared: RawScenario,
  dataset: Dataset,
  only?: readonly RawScenario[],
  quote?: QuoteTarget,
): Comparison<Message> | { issues: ScenarioIssue[]; spec: RawScenario } {
  const wanted: readonly RawScenario[] =
    only ?? dataset.routes.flatMap((r) => r.offers.map((o) => ({ route: r.id, provider: o.provider })));
  const options: Estimate<Message>[] = [];
  const skipped: Skipped<Message>[] = [];
  for (const spec of wanted) {
    const raw: RawScenario = { ...shared, ...spec };
    // A quote is one clinic's price for one route: the other options keep the published prices.
    if (quote !== undefined && !isQuoted(spec, quote, dataset)) for (const field of QUOTE_FIELDS) delete raw[field];
    // --exclude names items of any route: each option leaves out those it has; --dose applies
    // to the options priced by dose.
    if (isText(shared.exclude)) raw.exclude = applicableItems(String(shared.exclude), textOf(spec.route), dataset);
    if (shared.dose !== undefined && !findByName(dataset, textOf(spec.route))?.doses) delete raw.dose;
    if (spec.sessions !== undefined) delete raw.weeks;
    if (spec.weeks !== undefined) delete raw.sessions;
    const parsed = parseScenario(raw, dataset);
    if (parsed.ok) {
      options.push(estimateCost(parsed.scenario, dataset));
      continue;
    }
    const [issue] = parsed.issues;
    const onlyWeeks =
      only === undefined && issue !== undefined && parsed.issues.every((i) => i.field === 'weeks' && SCHEDULE_ISSUES.has(i.message.key));
    if (onlyWeeks)
      skipped.push({
        route: String(spec.route),
        provider: String(spec.provider),
        // No schedule, or one whose source describes fewer weeks than asked.
        reason: msg('compare.noSchedule', {
          weeks: String(shared.weeks),
          coversWeeks: findByName(dataset, String(spec.route))?.schedule?.coversWeeks ?? null,
        }),
      });
    else return { issues: parsed.issues, spec };
  }
  options.sort((a, b) => {
    const pa = patientLowHigh(a);
    const pb = patientLowHigh(b);
    return (
      pa.highCents - pb.highCents ||
      pa.lowCents - pb.lowCents ||
      compareIds(a.route.id, b.route.id) ||
      compareIds(a.provider.id, b.provider.id)
    );
  });
  return { options, skipped };
}

/** The fields of a patient's quote (--price, --package, --item-price). */
export const QUOTE_FIELDS = ['price', 'package', 'itemPrice'] as const;

/** The option a quote is for: a route id and, when the route has several providers, a provider id. */
export type QuoteTarget = { route: string; provider?: string };

/**
 * Which option a quote is for (#23): `quoteFor` ("iv", "oral@at-home"), or the one option named.
 * A clinic's quote prices one route; applied to every option it would price esketamine at an IV
 * clinic's infusion price. Returns the target (undefined without a quote), or the problem: quote
 * fields without a target, a target that is no route or provider, or one not compared.
 */
export function quoteTarget(
  shared: RawScenario,
  quoteFor: string | undefined,
  only: readonly RawScenario[] | undefined,
  onlyNames: readonly string[],
  dataset: Dataset,
): { target: QuoteTarget | undefined } | { problem: Message; field: ScenarioField } {
  const given = QUOTE_FIELDS.filter((f) => shared[f] !== undefined);
  const field = given[0] ?? 'price';
  if (given.length === 0)
    return quoteFor === undefined ? { target: undefined } : { problem: msg('compare.quoteForWithoutQuote', {}), field };
  const name = quoteFor ?? (only?.length === 1 ? onlyNames[0] : undefined);
  if (name === undefined) return { problem: msg('compare.quoteNeedsTarget', { field }), field };
  const [routeName = '', providerName] = name.trim().split(':')[0]?.split('@') ?? [];
  const route = findByName(dataset, routeName);
  if (!route) return { problem: msg('compare.quoteForUnknown', { input: name, allowed: dataset.routes.map((r) => r.id) }), field };
  let provider: string | undefined;
  if (providerName !== undefined) {
    const wanted = normaliseName(providerName);
    provider = dataset.providers.find((p) => p.id === wanted || p.aliases.includes(wanted))?.id;
    if (provider === undefined || !route.offers.some((o) => o.provider === provider))
      return {
        problem: msg('compare.quoteForProvider', {
          input: name,
          route: route.id,
          provider: providerName,
          allowed: route.offers.map((o) => o.provider),
        }),
        field,
      };
  }
  if (only !== undefined && !only.some((spec) => findByName(dataset, textOf(spec.route))?.id === route.id))
    return { problem: msg('compare.quoteForNotCompared', { route: route.id }), field };
  return { target: provider === undefined ? { route: route.id } : { route: route.id, provider } };
}

/** Whether an option (as named or listed) is the one the quote is for. */
function isQuoted(spec: RawScenario, quote: QuoteTarget, dataset: Dataset): boolean {
  if (findByName(dataset, textOf(spec.route))?.id !== quote.route) return false;
  if (quote.provider === undefined || spec.provider === undefined) return true;
  const name = normaliseName(textOf(spec.provider));
  return dataset.providers.find((p) => p.id === name || p.aliases.includes(name))?.id === quote.provider;
}

/** The names in an --exclude list that are items of this route (any spelling the route resolves). */
function findByName(dataset: Dataset, routeName: string) {
  const name = normaliseName(routeName);
  return dataset.routes.find((r) => r.id === name || r.aliases.includes(name));
}

function applicableItems(list: string, routeName: string, dataset: Dataset): string {
  const route = findByName(dataset, routeName);
  const items = new Set((route?.items ?? []).map((i) => i.id));
  const all = new Set(dataset.routes.flatMap((r) => (r.items ?? []).map((i) => i.id)));
  // Names no route has stay in, so the usual message names them.
  return list
    .split(',')
    .filter((n) => items.has(normaliseName(n)) || !all.has(normaliseName(n)))
    .join(',');
}

/** Whether a raw value is text or a number; anything else is left for parseScenario to name. */
function isText(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** A raw value as text, or "" when it is neither text nor a number. */
function textOf(value: unknown): string {
  return isText(value) ? String(value) : '';
}
