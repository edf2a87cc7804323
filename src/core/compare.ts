import { type Estimate, estimateCost } from './estimate.js';
import { type Message, type MessageKey, msg } from './message.js';
import { normaliseName } from './names.js';
import { parseScenario } from './scenario.js';
import type { Dataset, RawScenario, ScenarioIssue } from './types.js';

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
): Comparison<Message> | { issues: ScenarioIssue[]; spec: RawScenario } {
  const wanted: readonly RawScenario[] =
    only ?? dataset.routes.flatMap((r) => r.offers.map((o) => ({ route: r.id, provider: o.provider })));
  const options: Estimate<Message>[] = [];
  const skipped: Skipped<Message>[] = [];
  for (const spec of wanted) {
    const raw: RawScenario = { ...shared, ...spec };
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
      a.route.id.localeCompare(b.route.id, 'en') ||
      a.provider.id.localeCompare(b.provider.id, 'en')
    );
  });
  return { options, skipped };
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
