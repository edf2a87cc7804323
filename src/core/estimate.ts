import { cite, DatasetMismatch, findRoute } from './cite.js';
import {
  type Cited,
  type Estimate,
  type EstimateOptions,
  type ProgramPrice,
  QUOTE_SOURCE_ID,
  type SourceOf,
  type Step,
} from './estimate-types.js';
import { type Message, msg } from './message.js';
import { NONE, sharePatientCost } from './patient-share.js';
import { PAYERS } from './payers.js';
import { priceProgram } from './price-program.js';
import type { Dataset, Ref, Scenario } from './types.js';

export { cite, findRoute, refFields } from './cite.js';
export type * from './estimate-types.js';
export { hasQuote, priceProgram, programKey } from './price-program.js';
export { cheapestMix } from './treatment.js';

/**
 * Prices one scenario against a dataset: each line item, the sessions, the whole program, the
 * all-in total and what the patient pays under the scenario's insurance, every figure in cents and
 * every sentence a Message (src/text/ says it in words). Pure and deterministic: the same input
 * gives the same estimate, so every output format is byte-identical run after run.
 */
export function estimateCost(scenario: Scenario, dataset: Dataset, options: EstimateOptions = {}): Estimate<Message> {
  return estimateFromPrice(priceProgram(scenario, dataset, options), scenario, dataset, options);
}

/**
 * The second half of estimateCost: shares a priced program (priceProgram of the same program; see
 * programKey) under the scenario's insurance and adds the notes that depend on it. Never changes
 * `price`, so one price serves many scenarios.
 */
export function estimateFromPrice(
  price: ProgramPrice,
  scenario: Scenario,
  dataset: Dataset,
  options: EstimateOptions = {},
): Estimate<Message> {
  const explain = options.explain ?? true;
  const { patient, inputsUsed } = sharePatientCost(scenario, dataset, price, explain);
  let explanation: Step<Message>[] = NONE;
  let notes: Cited<Message>[] = NONE;
  let sources: SourceOf<Message>[] = NONE;
  if (explain) {
    explanation = [...price.steps, ...caseSteps(patient.cases, scenario, dataset)];
    notes = [
      ...price.notesBefore,
      ...insuranceNotes(scenario, dataset, patient.cases),
      ...price.notesAfter,
      ...coveredNotes(scenario, dataset, patient.cases, inputsUsed),
    ];
    // Keep the dataset's order, so the list reads the same whatever was cited first.
    const cited = new Set<string | null>([
      price.coverage.source,
      ...[price.included, price.excluded, notes, patient.assumptions, patient.given, explanation, price.items, price.benchmarks]
        .flat()
        .map((c) => c.source),
    ]);
    sources = dataset.sources.filter((s) => cited.has(s.id));
    // The patient's own quote is a source too, dated the day it was given.
    if (cited.has(QUOTE_SOURCE_ID)) sources = [...sources, { id: QUOTE_SOURCE_ID, kind: 'quote', date: scenario.quote.asOf }];
  }
  return {
    dataset: price.dataset,
    scenario,
    route: price.route,
    provider: price.provider,
    dose: price.dose,
    perSession: price.perSession,
    firstSession: price.firstSession,
    sessions: price.sessions,
    program: price.program,
    packages: price.packages,
    items: price.items,
    dueUpFront: price.dueUpFront,
    firstYear: price.firstYear,
    allIn: price.allIn,
    patient,
    inputsUsed,
    benchmarks: price.benchmarks,
    coverage: price.coverage,
    included: price.included,
    excluded: price.excluded,
    notes,
    explanation,
    sources,
  };
}

/** Each case's cost-sharing arithmetic, low end then high end, as explanation steps with their sources. */
function caseSteps(cases: Estimate<Message>['patient']['cases'], scenario: Scenario, dataset: Dataset): Step<Message>[] {
  const offer = findRoute(dataset, scenario.route).offers.find((o) => o.provider === scenario.provider);
  if (!offer) throw new DatasetMismatch('offer', `${scenario.route}@${scenario.provider}`);
  const steps: Step<Message>[] = [];
  const coverage = findRoute(dataset, scenario.route).coverage.ref;
  for (const c of cases) {
    for (const [end, lines] of [
      ['low', c.steps.low],
      ['high', c.steps.high],
    ] as const)
      for (const line of lines) {
        const ref = c.case === 'self-pay' ? offer.price.ref : stepRef(line, scenario, dataset, coverage);
        steps.push({
          text: msg('explain.caseStep', { case: c.case, end, step: line }),
          source: ref.source,
          at: ref.at,
          quote: ref.quote ?? null,
        });
      }
  }
  return steps;
}

/**
 * The rule a cost-sharing step relies on, so each cites its own (#21): the deductible where the
 * step pays into it, the out-of-pocket maximum where it caps, else the copay or coinsurance; out
 * of network the payback (or the balance bill); Medicare its own Part B figures and Medigap chart.
 */
function stepRef(step: Message, scenario: Scenario, dataset: Dataset, coverage: Ref): Ref {
  const terms = dataset.insurance;
  const partB = scenario.insurance.status === 'medicare' ? dataset.payers?.medicare : undefined;
  const deductible = partB?.deductibleRef ?? terms.deductibleRef ?? terms.coinsuranceRef;
  const coinsurance = partB?.coinsuranceRef ?? terms.coinsuranceRef;
  const copay = terms.copayRef ?? terms.coinsuranceRef;
  switch (step.key) {
    case 'share.notCovered':
      return coverage;
    case 'share.inNetwork.step': {
      const p = step.params;
      if (p.supplementPaidCents > 0 && scenario.insurance.medigap !== null)
        return dataset.payers?.medigap?.plans.find((g) => g.letter === scenario.insurance.medigap)?.ref ?? coinsurance;
      if (p.capped) return terms.oopMaxRef ?? coinsurance;
      if (p.toDeductibleCents > 0) return deductible;
      if (p.allowedCents < p.billedCents) return partB?.lesserOfRef ?? terms.allowedAmountRef ?? coinsurance;
      return p.coinsuranceBasisPoints === null ? copay : coinsurance;
    }
    case 'share.inNetwork.total':
      return step.params.copayCents === null ? coinsurance : copay;
    case 'share.outOfNetwork.step':
      return step.params.balanceCents > 0 ? (terms.balanceBillingRef ?? coinsurance) : (terms.reimbursementRef ?? coinsurance);
    default:
      return terms.reimbursementRef ?? coinsurance;
  }
}

/** The Good Faith Estimate note for anyone who pays the clinic's price themselves. */
function insuranceNotes(scenario: Scenario, dataset: Dataset, cases: Estimate<Message>['patient']['cases']): Cited<Message>[] {
  const selfPay = scenario.insurance.status === 'none';
  if (!selfPay && !cases.some((c) => c.case === 'not-covered')) return [];
  const ins = dataset.insurance;
  return [cite(msg('note.goodFaithEstimate', { selfPay, disputeCents: ins.goodFaithEstimateDisputeCents }), ins.goodFaithEstimateRef)];
}

/** The payer's notes for the cases reported: why a route is not covered, and what a covering plan leaves open. */
function coveredNotes(
  scenario: Scenario,
  dataset: Dataset,
  cases: Estimate<Message>['patient']['cases'],
  inputsUsed: Estimate<Message>['inputsUsed'],
): Cited<Message>[] {
  const rules = PAYERS[scenario.insurance.status].plan;
  if (!rules) return [];
  const notes = cases.some((c) => c.case === 'not-covered') ? rules.notCoveredNotes(findRoute(dataset, scenario.route), dataset) : [];
  if (cases.some((c) => c.case === 'covered')) notes.push(...rules.coveredNotes(scenario.insurance, dataset, inputsUsed));
  return notes;
}
