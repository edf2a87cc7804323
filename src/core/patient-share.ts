import { findRoute } from './cite.js';
import type { Bill } from './cost-sharing.js';
import type { CaseKind, CentsRange, Cited, Estimate, InputsUsed, PatientCase, ProgramPrice } from './estimate-types.js';
import { type Message, msg } from './message.js';
import { PAYER_TERMS, type PayerTerms } from './payer-terms.js';
import { ASSUMABLE, isGiven, PAYERS, type PlanRules, type TermsUsed } from './payers.js';
import type { Dataset, Ref, Scenario } from './types.js';

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
  medigap: null,
  familyDeductibleCents: null,
  familyOopMaxCents: null,
  deductibleApplies: null,
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
    return {
      patient: { insurance: ins.status, cases: [payAll('self-pay', true, price, false)], assumptions: NONE, given: NONE },
      inputsUsed: NO_INPUTS,
    };

  // 2. Which cases to report: as given, or both with the usual one first (the payer knows which is usual).
  const route = findRoute(dataset, scenario.route);
  const typicalCovered = rules.typicallyCovers(route, dataset);
  const coverageRef = route.coverage.ref;
  const assumptions: Cited<Message>[] = [];
  if (ins.covered === 'auto' && explain)
    assumptions.push(cite(msg('assume.coverageAuto', { route: route.label, typicalCovered }), coverageRef));
  // Not covered, as given: the plan's terms change nothing, so none is assumed or said to be used.
  if (ins.covered === 'no') {
    if (explain) assumptions.push(cite(msg('assume.notCovered', {}), coverageRef));
    return {
      patient: { insurance: ins.status, cases: [payAll('not-covered', !typicalCovered, price, explain)], ...split(assumptions) },
      inputsUsed: NO_INPUTS,
    };
  }
  const reported: ('covered' | 'not-covered')[] =
    ins.covered === 'yes' ? ['covered'] : typicalCovered ? ['covered', 'not-covered'] : ['not-covered', 'covered'];

  // 3. The deductible left: as given, else from already met to a full one (no optimistic default).
  const deductible = rules.deductible(ins, dataset);
  const used = { deductible: { lowCents: deductible.low, highCents: deductible.high }, ...rules.inputsUsed(ins, dataset, scenario) };
  if (explain) assumptions.push(deductible.note, ...rules.assumptions(ins, dataset, used, scenario));

  // 4. Each case: not covered pays every bill; covered shares them by the payer's rules.
  const cases = reported.map((which) =>
    which === 'not-covered'
      ? payAll(which, !typicalCovered, price, explain)
      : coveredCase(rules, PAYER_TERMS[ins.status].paysOnTheDay, price, used, dataset, deductible, typicalCovered, explain),
  );
  // The contract's order: the first release's fields, then the list assumed, then the fields added
  // since. Named one by one rather than rest and spread: those make an object a batch reads slowly.
  const inputsUsed: InputsUsed = {
    deductible: used.deductible,
    coinsuranceBasisPoints: used.coinsuranceBasisPoints,
    copayCents: used.copayCents,
    oopMaxCents: used.oopMaxCents,
    reimbursementBasisPoints: used.reimbursementBasisPoints,
    allowedCents: used.allowedCents,
    assumed: assumedList(rules.assumed(ins)),
    medigap: used.medigap,
    familyDeductibleCents: used.familyDeductibleCents,
    familyOopMaxCents: used.familyOopMaxCents,
    deductibleApplies: used.deductibleApplies,
  };
  return { patient: { insurance: ins.status, cases, ...split(assumptions) }, inputsUsed };
}

/** Insurance notes in two lists: what was assumed (and the payer's rules), and the terms as given. */
function split(notes: Cited<Message>[]): { assumptions: Cited<Message>[]; given: Cited<Message>[] } {
  if (notes.length === 0) return { assumptions: NONE, given: NONE };
  return { assumptions: notes.filter((n) => !isGiven(n.text)), given: notes.filter((n) => isGiven(n.text)) };
}

/** A case that pays every bill in full: paying yourself, or a plan that does not cover the route. */
function payAll(kind: CaseKind, typical: boolean, price: ProgramPrice, explain: boolean): PatientCase<Message> {
  const billed = price.billed;
  const steps = kind === 'not-covered' && explain ? NOT_COVERED_STEPS : NO_STEPS;
  return { case: kind, typical, upFront: billed, plan: ZERO, patient: billed, balanceBilled: ZERO, writtenOff: ZERO, steps };
}

/** The covered case: the bills at each end shared by the payer's rules, from the deductible left at that end. */
function coveredCase(
  rules: PlanRules,
  paysOnTheDay: PayerTerms['paysOnTheDay'],
  price: ProgramPrice,
  used: TermsUsed,
  dataset: Dataset,
  deductible: { low: number; high: number },
  typicalCovered: boolean,
  explain: boolean,
): PatientCase<Message> {
  const low = rules.share(price.bills.low as Bill[], deductible.low, used, dataset, explain);
  const high = rules.share(price.bills.high as Bill[], deductible.high, used, dataset, explain);
  const patient = { lowCents: low.patientCents, highCents: high.patientCents };
  return {
    case: 'covered',
    typical: typicalCovered,
    upFront: paysOnTheDay === 'bill' ? price.billed : patient,
    plan: { lowCents: low.planCents, highCents: high.planCents },
    patient,
    balanceBilled: { lowCents: low.balanceBilledCents, highCents: high.balanceBilledCents },
    writtenOff:
      low.writtenOffCents === 0 && high.writtenOffCents === 0 ? ZERO : { lowCents: low.writtenOffCents, highCents: high.writtenOffCents },
    steps: explain ? { low: low.steps, high: high.steps } : NO_STEPS,
  };
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
