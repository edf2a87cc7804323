import { type Bill, type CostShare, type InNetworkTerms, type Supplement, shareInNetwork, shareOutOfNetwork } from './cost-sharing.js';
import type { Cited, InputsUsed } from './estimate-types.js';
import { type Message, msg } from './message.js';
import { shareOf } from './money.js';
import type { Dataset, Insurance, InsuranceStatus, PublicPayers, Ref, Route, Scenario } from './types.js';

/** The names a term has in `inputsUsed.assumed` (the JSON contract), in the order they are listed; new ones are appended. */
export const ASSUMABLE = ['covered', 'deductible', 'coinsurance', 'oop-max', 'reimbursement', 'allowed', 'copay'] as const;
export type Assumable = (typeof ASSUMABLE)[number];

/**
 * How one insurance status prices a program: null when paying yourself, else how the patient's
 * share of each bill is worked out, which terms were assumed and the notes. `PAYERS` holds one for
 * each status (and PAYER_TERMS what each accepts), so a new status does not compile until it says
 * all of this.
 */
export type PayerRules = { plan: PlanRules | null };

/** The terms an estimate used, but the list of those assumed (money in cents, shares in basis points). */
export type TermsUsed = Omit<InputsUsed, 'assumed'>;

/** A plan's cost-sharing rules: all money in cents, shares in basis points. */
export type PlanRules = {
  /** Whether the plan usually covers the route (the case listed first when coverage is not given). */
  typicallyCovers: (route: Route, dataset: Dataset) => boolean;
  /** The deductible left at the low and the high end, and the sentence saying where that came from. */
  deductible: (ins: Insurance, dataset: Dataset) => { low: number; high: number; note: Cited<Message> };
  /** The terms the figures use, from what was given and the price list's figures (all but the deductible). */
  inputsUsed: (ins: Insurance, dataset: Dataset, scenario: Scenario) => Omit<TermsUsed, 'deductible'>;
  /** Which terms were assumed (not given): bit i set for ASSUMABLE[i] (a mask, so a batch shares one list per combination). */
  assumed: (ins: Insurance) => number;
  /** The bills split between patient and plan, from the terms used (`perBill` receives each bill's patient share). */
  share: (
    bills: readonly Bill[],
    deductibleCents: number,
    used: TermsUsed,
    dataset: Dataset,
    explain: boolean,
    perBill?: number[],
  ) => CostShare;
  /** The sentences saying which terms were used or assumed (but the deductible's), each with its source. */
  assumptions: (ins: Insurance, dataset: Dataset, used: TermsUsed, scenario: Scenario) => Cited<Message>[];
  /** Notes for a patient whose plan covers the route (how to claim, what the figures leave open). */
  coveredNotes: (ins: Insurance, dataset: Dataset, used: TermsUsed) => Cited<Message>[];
  /** Notes for a patient whose plan does not cover the route (why). */
  notCoveredNotes: (route: Route, dataset: Dataset) => Cited<Message>[];
};

/** Whether an insurance note states a term as the user gave it (it then belongs under "as given", never under assumptions). */
export function isGiven(message: Message): boolean {
  switch (message.key) {
    case 'assume.notCovered':
    case 'assume.deductible':
    case 'assume.familyDeductible':
    case 'assume.familyOopMax':
    case 'assume.allowedGiven':
    case 'assume.copay':
    case 'assume.coinsurance':
    case 'assume.deductibleDoesNotApply':
    case 'assume.medicareApprovedGiven':
    case 'assume.medigap':
      return true;
    case 'assume.oopMax':
      return message.params.oopMaxCents !== null;
    case 'assume.reimbursement':
      return message.params.given;
    case 'assume.allowedOutOfNetwork':
      return message.params.allowedCents !== null;
    default:
      return false;
  }
}

const bit = (term: Assumable, assumed: boolean): number => (assumed ? 1 << ASSUMABLE.indexOf(term) : 0);

const cited = (text: Message, ref: Ref): Cited<Message> => ({
  text,
  source: ref.source,
  at: ref.at,
  quote: ref.quote ?? null,
  asOf: ref.asOf ?? null,
});

/** The coinsurance used when none is given: the price list's default, in basis points. */
export function defaultCoinsuranceBasisPoints(dataset: Dataset): number {
  return Math.round(dataset.insurance.defaultCoinsurancePercent * 100);
}

/** The lesser of two caps that may be absent (null: no cap). */
const lesser = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));

/** A price list's public-payer section; the scenario was checked to have it (parseScenario refuses the status otherwise). */
function figures<K extends keyof PublicPayers>(dataset: Dataset, key: K): NonNullable<PublicPayers[K]> {
  const section = dataset.payers?.[key];
  if (section === undefined || section === null) throw new Error(`payers.${key}`);
  return section as NonNullable<PublicPayers[K]>;
}

const NOT_USED = { medigap: null, familyDeductibleCents: null, familyOopMaxCents: null, deductibleApplies: null } as const;

/**
 * The deductible left for a plan of the patient's own (in network, Medicare Advantage): as given
 * (the lesser of the individual and the family amounts left; the family amount alone in an
 * aggregate plan), else from already met to the price list's typical full deductible.
 */
function ownDeductible(ins: Insurance, dataset: Dataset, typical: boolean): { low: number; high: number; note: Cited<Message> } {
  const terms = dataset.insurance;
  const ref = terms.deductibleRef ?? terms.coinsuranceRef;
  const left = lesser(ins.deductibleCents, ins.familyDeductibleCents);
  if (left !== null) {
    const note =
      ins.familyDeductibleCents === null
        ? msg('assume.deductible', { deductibleCents: left })
        : msg('assume.familyDeductible', { individualCents: ins.deductibleCents, familyCents: ins.familyDeductibleCents, leftCents: left });
    return { low: left, high: left, note: cited(note, ref) };
  }
  const typicalDeductible = typical ? terms.typicalDeductible : undefined;
  if (typicalDeductible)
    return {
      low: 0,
      high: typicalDeductible.cents,
      note: cited(msg('assume.deductibleTypical', { typicalCents: typicalDeductible.cents }), typicalDeductible.ref),
    };
  return { low: 0, high: 0, note: cited(msg('assume.deductibleMet', {}), ref) };
}

/** The split for plans that share each bill: the deductible, then coinsurance or a copay, to the lesser cap. */
function shareEachBill(
  bills: readonly Bill[],
  deductibleCents: number,
  used: TermsUsed,
  explain: boolean,
  perBill: number[] | undefined,
  supplement: Supplement | null = null,
): CostShare {
  const terms: InNetworkTerms = {
    deductibleCents,
    coinsuranceBasisPoints: used.coinsuranceBasisPoints ?? 0,
    copayCents: used.copayCents,
    oopMaxCents: lesser(used.oopMaxCents, used.familyOopMaxCents),
    allowedCents: used.allowedCents,
    deductibleApplies: used.deductibleApplies ?? true,
    supplement,
  };
  return shareInNetwork(bills, terms, explain, perBill);
}

/** The notes on what a plan counts: its allowed amount as given, or the clinic's price (which it may count lower). */
function allowedNote(ins: Insurance, dataset: Dataset): Cited<Message> {
  const terms = dataset.insurance;
  const ref = terms.allowedAmountRef ?? terms.coinsuranceRef;
  return ins.allowedCents === null
    ? cited(msg('assume.allowedInNetwork', {}), ref)
    : cited(msg('assume.allowedGiven', { allowedCents: ins.allowedCents }), ref);
}

/** The coinsurance or copay notes of a plan of the patient's own. */
function shareNotes(ins: Insurance, dataset: Dataset, used: TermsUsed): Cited<Message>[] {
  const terms = dataset.insurance;
  const notes: Cited<Message>[] = [];
  const coinsurance = used.coinsuranceBasisPoints ?? defaultCoinsuranceBasisPoints(dataset);
  if (ins.copayCents !== null)
    notes.push(cited(msg('assume.copay', { copayCents: ins.copayCents }), terms.copayRef ?? terms.coinsuranceRef));
  else if (ins.coinsuranceBasisPoints === null)
    notes.push(cited(msg('assume.coinsuranceDefault', { coinsuranceBasisPoints: coinsurance }), terms.coinsuranceRef));
  else notes.push(cited(msg('assume.coinsurance', { coinsuranceBasisPoints: coinsurance }), terms.coinsuranceRef));
  if (!ins.deductibleApplies) notes.push(cited(msg('assume.deductibleDoesNotApply', {}), terms.deductibleRef ?? terms.coinsuranceRef));
  return notes;
}

const usuallyAsTheRouteSays = (route: Route) => route.coverage.typical === 'covered';

const IN_NETWORK: PlanRules = {
  typicallyCovers: usuallyAsTheRouteSays,
  deductible: (ins, dataset) => ownDeductible(ins, dataset, true),
  inputsUsed: (ins, dataset) => ({
    coinsuranceBasisPoints: ins.copayCents === null ? (ins.coinsuranceBasisPoints ?? defaultCoinsuranceBasisPoints(dataset)) : null,
    copayCents: ins.copayCents,
    oopMaxCents: ins.oopMaxCents,
    reimbursementBasisPoints: null,
    allowedCents: ins.allowedCents,
    medigap: null,
    familyDeductibleCents: ins.familyDeductibleCents,
    familyOopMaxCents: ins.familyOopMaxCents,
    deductibleApplies: ins.deductibleApplies,
  }),
  assumed: (ins) =>
    bit('covered', ins.covered === 'auto') |
    bit('deductible', ins.deductibleCents === null && ins.familyDeductibleCents === null) |
    bit('coinsurance', ins.coinsuranceBasisPoints === null && ins.copayCents === null) |
    bit('oop-max', ins.oopMaxCents === null && ins.familyOopMaxCents === null),
  share: (bills, deductibleCents, used, _dataset, explain, perBill) => shareEachBill(bills, deductibleCents, used, explain, perBill),
  assumptions: (ins, dataset, used) => {
    const terms = dataset.insurance;
    const notes = [allowedNote(ins, dataset), ...shareNotes(ins, dataset, used)];
    const cap = lesser(ins.oopMaxCents, ins.familyOopMaxCents);
    notes.push(
      cited(
        ins.familyOopMaxCents === null
          ? msg('assume.oopMax', { oopMaxCents: ins.oopMaxCents })
          : msg('assume.familyOopMax', { individualCents: ins.oopMaxCents, familyCents: ins.familyOopMaxCents, leftCents: cap ?? 0 }),
        terms.oopMaxRef ?? terms.coinsuranceRef,
      ),
    );
    return notes;
  },
  coveredNotes: () => [],
  notCoveredNotes: () => [],
};

const OUT_OF_NETWORK: PlanRules = {
  typicallyCovers: usuallyAsTheRouteSays,
  deductible: (ins, dataset) => ownDeductible(ins, dataset, true),
  inputsUsed: (ins) => ({
    coinsuranceBasisPoints: null,
    copayCents: null,
    oopMaxCents: null,
    reimbursementBasisPoints: ins.reimbursementBasisPoints ?? 0,
    allowedCents: ins.allowedCents,
    ...NOT_USED,
  }),
  assumed: (ins) =>
    bit('covered', ins.covered === 'auto') |
    bit('deductible', ins.deductibleCents === null) |
    bit('reimbursement', ins.reimbursementBasisPoints === null) |
    bit('allowed', ins.allowedCents === null),
  share: (bills, deductibleCents, used, _dataset, explain, perBill) =>
    shareOutOfNetwork(
      bills,
      { deductibleCents, reimbursementBasisPoints: used.reimbursementBasisPoints ?? 0, allowedCents: used.allowedCents },
      explain,
      perBill,
    ),
  assumptions: (ins, dataset) => {
    const terms = dataset.insurance;
    return [
      cited(
        msg('assume.reimbursement', {
          reimbursementBasisPoints: ins.reimbursementBasisPoints ?? 0,
          given: ins.reimbursementBasisPoints !== null,
        }),
        terms.coinsuranceRef,
      ),
      cited(msg('assume.allowedOutOfNetwork', { allowedCents: ins.allowedCents }), terms.allowedAmountRef ?? terms.coinsuranceRef),
    ];
  },
  coveredNotes: (ins, dataset) => {
    // Only a plan that pays something back has a claim to make or an upper bound to warn of.
    if ((ins.reimbursementBasisPoints ?? 0) <= 0) return [];
    const terms = dataset.insurance;
    const notes: Cited<Message>[] = [];
    if (ins.allowedCents === null) notes.push(cited(msg('note.paybackUpperBound', {}), terms.balanceBillingRef ?? terms.coinsuranceRef));
    notes.push(cited(msg('note.superbill', {}), terms.reimbursementRef ?? terms.coinsuranceRef));
    return notes;
  },
  notCoveredNotes: () => [],
};

/** Medicare's approved amount for one session of the scenario's route and dose, where the price list has one (cents). */
export function medicareApproved(dataset: Dataset, scenario: Scenario): { code: string; cents: number; ref: Ref } | null {
  const fits = figures(dataset, 'medicare')
    .approved.filter(
      (a) => a.route === scenario.route && (a.maxDoseMg === undefined || scenario.doseMg === null || scenario.doseMg <= a.maxDoseMg),
    )
    .sort((a, b) => (a.maxDoseMg ?? Number.POSITIVE_INFINITY) - (b.maxDoseMg ?? Number.POSITIVE_INFINITY));
  return fits[0] ?? null;
}

/** The Medigap plan's share of the Part B costs, from the price list's chart; null without a plan. */
function medigapOf(dataset: Dataset, letter: string | null): (Supplement & { letter: string; ref: Ref }) | null {
  if (letter === null) return null;
  const plan = figures(dataset, 'medigap').plans.find((p) => p.letter === letter);
  if (!plan) throw new Error(`payers.medigap.${letter}`);
  return {
    letter,
    paysDeductible: plan.paysDeductible,
    coinsuranceBasisPoints: plan.coinsuranceBasisPoints,
    officeCopayCents: plan.officeCopayCents ?? null,
    oopLimitCents: plan.oopLimitCents ?? null,
    ref: plan.ref,
  };
}

// Original Medicare, Part B (Federal Register CMS-8091-N; Social Security Act 1848(a)(1)).
const MEDICARE: PlanRules = {
  typicallyCovers: (route, dataset) => !figures(dataset, 'medicare').notCovered.routes.includes(route.id),
  deductible: (ins, dataset) => {
    const partB = figures(dataset, 'medicare');
    if (ins.deductibleCents !== null)
      return {
        low: ins.deductibleCents,
        high: ins.deductibleCents,
        note: cited(msg('assume.deductible', { deductibleCents: ins.deductibleCents }), partB.deductibleRef),
      };
    return {
      low: 0,
      high: partB.deductibleCents,
      note: cited(msg('assume.medicareDeductible', { deductibleCents: partB.deductibleCents, year: partB.year }), partB.deductibleRef),
    };
  },
  inputsUsed: (ins, dataset, scenario) => ({
    coinsuranceBasisPoints: figures(dataset, 'medicare').coinsuranceBasisPoints,
    copayCents: null,
    oopMaxCents: null,
    reimbursementBasisPoints: null,
    allowedCents: ins.allowedCents ?? medicareApproved(dataset, scenario)?.cents ?? null,
    medigap: ins.medigap,
    familyDeductibleCents: null,
    familyOopMaxCents: null,
    deductibleApplies: true,
  }),
  assumed: (ins) =>
    bit('covered', ins.covered === 'auto') | bit('deductible', ins.deductibleCents === null) | bit('allowed', ins.allowedCents === null),
  share: (bills, deductibleCents, used, dataset, explain, perBill) =>
    shareEachBill(bills, deductibleCents, used, explain, perBill, medigapOf(dataset, used.medigap)),
  assumptions: (ins, dataset, used, scenario) => {
    const partB = figures(dataset, 'medicare');
    const notes = [
      cited(msg('assume.medicareCoinsurance', { coinsuranceBasisPoints: partB.coinsuranceBasisPoints }), partB.coinsuranceRef),
      cited(msg('assume.medicareNoOopLimit', {}), partB.noOopLimitRef),
    ];
    if (ins.allowedCents !== null)
      notes.push(cited(msg('assume.medicareApprovedGiven', { allowedCents: ins.allowedCents }), partB.lesserOfRef));
    else if (used.allowedCents !== null) {
      const approved = partB.approved.find((a) => a.cents === used.allowedCents);
      if (approved)
        notes.push(
          cited(msg('assume.medicareApproved', { allowedCents: approved.cents, code: approved.code, year: partB.year }), approved.ref),
        );
    } else if (!partB.notCovered.routes.includes(scenario.route))
      notes.push(cited(msg('assume.medicareApprovedUnknown', {}), partB.lesserOfRef));
    const medigap = medigapOf(dataset, ins.medigap);
    if (medigap) notes.push(cited(msg('assume.medigap', { ...medigap, year: figures(dataset, 'medigap').year }), medigap.ref));
    return notes;
  },
  coveredNotes: (_ins, dataset, used) => {
    const partB = figures(dataset, 'medicare');
    const notes = [cited(msg('note.medicareLesserOf', {}), partB.lesserOfRef)];
    if (used.allowedCents !== null)
      notes.push(
        cited(
          msg('note.limitingCharge', {
            basisPoints: partB.limitingChargeBasisPoints,
            allowedCents: used.allowedCents,
            limitCents: shareOf(used.allowedCents, partB.limitingChargeBasisPoints),
          }),
          partB.limitingChargeRef,
        ),
      );
    return notes;
  },
  notCoveredNotes: (route, dataset) => {
    const partB = figures(dataset, 'medicare');
    return partB.notCovered.routes.includes(route.id)
      ? [cited(msg('note.medicareNotCovered', { route: route.label }), partB.notCovered.ref)]
      : [];
  },
};

// A Medicare Advantage plan: its own terms, its out-of-pocket maximum under the federal limit.
const MEDICARE_ADVANTAGE: PlanRules = {
  typicallyCovers: (route, dataset) => MEDICARE.typicallyCovers(route, dataset),
  deductible: (ins, dataset) => ownDeductible(ins, dataset, false),
  inputsUsed: (ins, dataset) => ({
    coinsuranceBasisPoints: ins.copayCents === null ? (ins.coinsuranceBasisPoints ?? defaultCoinsuranceBasisPoints(dataset)) : null,
    copayCents: ins.copayCents,
    // Without the plan's own maximum, the federal limit bounds what the patient pays in network.
    oopMaxCents: ins.oopMaxCents ?? figures(dataset, 'medicareAdvantage').oopMaxCents,
    reimbursementBasisPoints: null,
    allowedCents: ins.allowedCents,
    medigap: null,
    familyDeductibleCents: null,
    familyOopMaxCents: null,
    deductibleApplies: ins.deductibleApplies,
  }),
  assumed: (ins) =>
    bit('covered', ins.covered === 'auto') |
    bit('deductible', ins.deductibleCents === null) |
    bit('coinsurance', ins.coinsuranceBasisPoints === null && ins.copayCents === null) |
    bit('oop-max', ins.oopMaxCents === null),
  share: (bills, deductibleCents, used, _dataset, explain, perBill) => shareEachBill(bills, deductibleCents, used, explain, perBill),
  assumptions: (ins, dataset, used) => {
    const limit = figures(dataset, 'medicareAdvantage');
    const notes = [allowedNote(ins, dataset), ...shareNotes(ins, dataset, used)];
    notes.push(
      ins.oopMaxCents === null
        ? cited(msg('assume.medicareAdvantageOopMax', { oopMaxCents: limit.oopMaxCents, year: limit.year }), limit.ref)
        : cited(msg('assume.oopMax', { oopMaxCents: ins.oopMaxCents }), dataset.insurance.oopMaxRef ?? dataset.insurance.coinsuranceRef),
    );
    return notes;
  },
  coveredNotes: () => [],
  notCoveredNotes: (route, dataset) => MEDICARE.notCoveredNotes(route, dataset),
};

// Medicaid: coverage set by each state and plan; cost sharing small and set by the state.
const MEDICAID: PlanRules = {
  typicallyCovers: usuallyAsTheRouteSays,
  deductible: (_ins, dataset) => ({
    low: 0,
    high: 0,
    note: cited(msg('assume.medicaidNoDeductible', {}), figures(dataset, 'medicaid').costSharingRef),
  }),
  inputsUsed: (ins) => ({
    coinsuranceBasisPoints: ins.copayCents === null ? 0 : null,
    copayCents: ins.copayCents,
    oopMaxCents: null,
    reimbursementBasisPoints: null,
    allowedCents: null,
    ...NOT_USED,
  }),
  assumed: (ins) => bit('covered', ins.covered === 'auto') | bit('copay', ins.copayCents === null),
  share: (bills, deductibleCents, used, _dataset, explain, perBill) => shareEachBill(bills, deductibleCents, used, explain, perBill),
  assumptions: (ins, dataset) => {
    const medicaid = figures(dataset, 'medicaid');
    return [
      ins.copayCents === null
        ? cited(msg('assume.medicaidCopayUnknown', {}), medicaid.costSharingRef)
        : cited(msg('assume.copay', { copayCents: ins.copayCents }), medicaid.costSharingRef),
      ...medicaid.coverage.map((n) => cited(msg('data.text', { text: n.text }), n.ref)),
    ];
  },
  coveredNotes: () => [],
  notCoveredNotes: () => [],
};

/** Every insurance status and its rules. A status missing here, or in a catalog's words for it, does not compile. */
export const PAYERS: Record<InsuranceStatus, PayerRules> = {
  none: { plan: null },
  'in-network': { plan: IN_NETWORK },
  'out-of-network': { plan: OUT_OF_NETWORK },
  medicare: { plan: MEDICARE },
  'medicare-advantage': { plan: MEDICARE_ADVANTAGE },
  medicaid: { plan: MEDICAID },
};
