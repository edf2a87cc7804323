import type { Bill } from './cost-sharing.js';
import type { CaseKind, CentsRange, Cited, Estimate, InputsUsed, PatientCase, ProgramPrice } from './estimate-types.js';
import { type Message, msg } from './message.js';
import { PAYER_TERMS, type PayerTerms } from './payer-terms.js';
import { ASSUMABLE, PAYERS, type PlanRules } from './payers.js';
import { findRoute } from './price-program.js';
import type { Dataset, Insurance, Ref, Scenario } from './types.js';

// Shared, frozen values: a batch makes an estimate per row, and these are the same for many.
export const ZERO: CentsRange = /* @__PURE__ */ Object.freeze({ lowCents: 0, highCents: 0 });
export const NONE: never[] = /* @__PURE__ */ Object.freeze([]) as unknown as never[];
const NO_STEPS: PatientCase<Message>['steps'] = /* @__PURE__ */ Object.freeze({ low: NONE, high: NONE });
const NOT_COVERED_STEP: Message = /* @__PURE__ */ Object.freeze(msg('share.notCovered', {})) as Message;
const NOT_COVERED_STEPS: PatientCase<Message>['steps'] = /* @__PURE__ */ Object.freeze({
  low: [NOT_COVERED_STEP],
  high: [NOT_COVERED_STEP],
});

/** No insurance terms used: paying yourself, or a plan that does not cover the route. */
const NO_INPUTS: InputsUsed = {
  deductible: null,
  coinsuranceBasisPoints: null,
  copayCents: null,
  oopMaxCents: null,
  reimbursementBasisPoints: null,
  allowedCents: null,
  assumed: [],
};

export type PatientShare = { patient: Estimate<Message>['patient']; inputsUsed: InputsUsed };

/**
 * What the patient pays for a priced program under the scenario's insurance, case by case (paying
 * yourself; or covered and not covered, as given or both), with the terms used and, when
 * explaining, the assumptions and each case's arithmetic. Money in cents. The rules of each
 * insurance status come from PAYERS.
 */
export function sharePatientCost(scenario: Scenario, dataset: Dataset, price: ProgramPrice, explain: boolean): PatientShare {
  const ins = scenario.insurance;
  const rules = PAYERS[ins.status].plan;
  // 1. Paying yourself: the bills are what you pay.
  if (rules === null)
    return { patient: { insurance: ins.status, cases: [payAll('self-pay', true, price, false)], assumptions: [] }, inputsUsed: NO_INPUTS };

  // 2. Which cases to report: as given, or both with the usual one first.
  const typicalCovered = price.coverage.typical === 'covered';
  const coverageRef = routeCoverageRef(dataset, scenario.route);
  const assumptions: Cited<Message>[] = [];
  if (ins.covered === 'auto' && explain)
    assumptions.push(cite(msg('assume.coverageAuto', { route: scenario.route, typicalCovered }), coverageRef));
  // Not covered, as given: the plan's terms change nothing, so none is assumed or said to be used.
  if (ins.covered === 'no') {
    if (explain) assumptions.push(cite(msg('assume.notCovered', {}), coverageRef));
    return {
      patient: { insurance: ins.status, cases: [payAll('not-covered', !typicalCovered, price, explain)], assumptions },
      inputsUsed: NO_INPUTS,
    };
  }
  const reported: ('covered' | 'not-covered')[] =
    ins.covered === 'yes' ? ['covered'] : typicalCovered ? ['covered', 'not-covered'] : ['not-covered', 'covered'];

  // 3. The deductible left: as given, else from already met to a typical full one (no optimistic default).
  const deductible = deductibleSpan(ins, dataset);
  if (explain) assumptions.push(deductibleAssumption(ins, dataset), ...rules.assumptions(ins, dataset));

  // 4. Each case: not covered pays every bill; covered shares them by the payer's rules.
  const used = rules.inputsUsed(ins, dataset, deductible);
  const cases = reported.map((which) =>
    which === 'not-covered'
      ? payAll(which, !typicalCovered, price, explain)
      : coveredCase(rules, PAYER_TERMS[ins.status].paysOnTheDay, price, used, deductible, typicalCovered, explain),
  );
  const inputsUsed: InputsUsed = { ...used, assumed: assumedList(rules.assumed(ins)) };
  return { patient: { insurance: ins.status, cases, assumptions }, inputsUsed };
}

/** A case that pays every bill in full: paying yourself, or a plan that does not cover the route. */
function payAll(kind: CaseKind, typical: boolean, price: ProgramPrice, explain: boolean): PatientCase<Message> {
  const billed = price.billed;
  const steps = kind === 'not-covered' && explain ? NOT_COVERED_STEPS : NO_STEPS;
  return { case: kind, typical, upFront: billed, plan: ZERO, patient: billed, balanceBilled: ZERO, steps };
}

/** The covered case: the bills at each end shared by the payer's rules, from the deductible left at that end. */
function coveredCase(
  rules: PlanRules,
  paysOnTheDay: PayerTerms['paysOnTheDay'],
  price: ProgramPrice,
  used: Omit<InputsUsed, 'assumed'>,
  deductible: { low: number; high: number },
  typicalCovered: boolean,
  explain: boolean,
): PatientCase<Message> {
  const low = rules.share(price.bills.low as Bill[], deductible.low, used, explain);
  const high = rules.share(price.bills.high as Bill[], deductible.high, used, explain);
  const patient = { lowCents: low.patientCents, highCents: high.patientCents };
  return {
    case: 'covered',
    typical: typicalCovered,
    upFront: paysOnTheDay === 'bill' ? price.billed : patient,
    plan: { lowCents: low.planCents, highCents: high.planCents },
    patient,
    balanceBilled: { lowCents: low.balanceBilledCents, highCents: high.balanceBilledCents },
    steps: explain ? { low: low.steps, high: high.steps } : NO_STEPS,
  };
}

/** The deductible left at the low and the high end (cents): as given, else $0 to the price list's typical full deductible. */
function deductibleSpan(ins: Insurance, dataset: Dataset): { low: number; high: number } {
  if (ins.deductibleCents !== null) return { low: ins.deductibleCents, high: ins.deductibleCents };
  return { low: 0, high: dataset.insurance.typicalDeductible?.cents ?? 0 };
}

function deductibleAssumption(ins: Insurance, dataset: Dataset): Cited<Message> {
  const terms = dataset.insurance;
  const deductibleRef = terms.deductibleRef ?? terms.coinsuranceRef;
  if (ins.deductibleCents !== null) return cite(msg('assume.deductible', { deductibleCents: ins.deductibleCents }), deductibleRef);
  const typical = terms.typicalDeductible;
  if (typical) return cite(msg('assume.deductibleTypical', { typicalCents: typical.cents }), typical.ref);
  return cite(msg('assume.deductibleMet', {}), deductibleRef);
}

function routeCoverageRef(dataset: Dataset, routeId: string): Ref {
  return findRoute(dataset, routeId).coverage.ref;
}

function cite(text: Message, ref: Ref): Cited<Message> {
  return { text, source: ref.source, at: ref.at, quote: ref.quote ?? null, asOf: ref.asOf ?? null };
}

const assumedLists = new Map<number, string[]>();

/** The names of the terms assumed, in ASSUMABLE order, from a mask: one shared, frozen list per combination. */
function assumedList(mask: number): string[] {
  let list = assumedLists.get(mask);
  if (list === undefined) {
    list = Object.freeze(ASSUMABLE.filter((_, i) => (mask & (1 << i)) !== 0)) as unknown as string[];
    assumedLists.set(mask, list);
  }
  return list;
}
