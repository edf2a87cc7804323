// The programmatic API: the same functions the CLI is built on.
import { bundledDataset } from './catalog/load.js';
import { type Comparison, compareScenarios, quoteTarget } from './core/compare.js';
import { type Estimate, estimateCost } from './core/estimate.js';
import { parseScenario } from './core/scenario.js';
import type { ScenarioIssue as CoreIssue, Dataset, RawScenario, ScenarioField } from './core/types.js';
import * as en from './text/en.js';
import { sayComparison, sayEstimate } from './text/localize.js';

export { bundledDataset } from './catalog/load.js';
export type { CheckDatasetResult, DatasetProblem } from './catalog/read.js';
export { checkDataset, loadDataset } from './catalog/read.js';
export type { Comparison, Skipped } from './core/compare.js';
export type { CentsRange, Cited, Estimate, PatientCase, Step } from './core/estimate.js';
export { formatUsd } from './core/money.js';
export type {
  Covered,
  Dataset,
  Insurance,
  InsuranceStatus,
  Note,
  Price,
  RawScenario,
  Ref,
  Route,
  Scenario,
  ScenarioField,
} from './core/types.js';
export { SCHEMA_VERSION, toJsonDocument } from './format/json.js';

/** One thing wrong with a scenario: the field and a sentence saying what was given and what is allowed. */
export type ScenarioIssue = { field: ScenarioField; message: string };

/** Thrown by `estimate` and `compare` when a scenario is invalid; `issues` names each field and what it allows. */
export class InvalidScenarioError extends Error {
  readonly issues: ScenarioIssue[];
  constructor(issues: readonly CoreIssue[]) {
    const said = issues.map((i) => ({ field: i.field, message: en.say(i.message) }));
    super(said.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.issues = said;
    this.name = 'InvalidScenarioError';
  }
}

/**
 * Estimates one scenario, given as the flags would give it (`{ route: 'iv', sessions: 6 }`),
 * against the bundled price list or one of your own. Money in the result is integer cents.
 * @example estimate({ route: 'iv', sessions: 6 }).program // { lowCents: 135000, highCents: 480000 }
 */
export function estimate(input: RawScenario, dataset: Dataset = bundledDataset): Estimate {
  const parsed = parseScenario(input, dataset);
  if (!parsed.ok) throw new InvalidScenarioError(parsed.issues);
  return sayEstimate(estimateCost(parsed.scenario, dataset), en.say);
}

/**
 * Compares every route and provider (or only the options given) under the same session count
 * and insurance, cheapest for the patient first. A quote (`price`, `package`, `itemPrice`) is for
 * one route: `quoteFor` names it ("iv", "oral@at-home"), or `only` holds that one option; the
 * others keep published prices. Throws InvalidScenarioError naming the field.
 * @example compare({ insurance: 'in-network', deductible: 1200 }, { only: [{ route: 'iv', sessions: 6 }, { route: 'esketamine', weeks: 8 }] })
 * @example compare({ sessions: 6, price: 450 }, { quoteFor: 'iv' }) // IV at $450 a session, the rest published
 */
export function compare(
  shared: RawScenario = {},
  options: { only?: RawScenario[]; dataset?: Dataset; quoteFor?: string } = {},
): Comparison {
  const dataset = options.dataset ?? bundledDataset;
  const names = (options.only ?? []).map((o) => (typeof o.route === 'string' || typeof o.route === 'number' ? String(o.route) : ''));
  const quote = quoteTarget(shared, options.quoteFor, options.only, names, dataset);
  if ('problem' in quote) throw new InvalidScenarioError([{ field: quote.field, message: quote.problem }]);
  const result = compareScenarios(shared, dataset, options.only, quote.target);
  if ('issues' in result) throw new InvalidScenarioError(result.issues);
  return sayComparison(result, en.say);
}
