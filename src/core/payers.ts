import { type Bill, type CostShare, shareInNetwork, shareOutOfNetwork } from './cost-sharing.js';
import type { Cited, InputsUsed } from './estimate-types.js';
import { type Message, msg } from './message.js';
import type { Dataset, Insurance, InsuranceStatus, Ref } from './types.js';

/** The names a term has in `inputsUsed.assumed` (the JSON contract), in the order they are listed. */
export const ASSUMABLE = ['covered', 'deductible', 'coinsurance', 'oop-max', 'reimbursement', 'allowed'] as const;
export type Assumable = (typeof ASSUMABLE)[number];

/**
 * How one insurance status prices a program: null when paying yourself, else how the patient's
 * share of each bill is worked out, which terms were assumed and the notes. `PAYERS` holds one for
 * each status (and PAYER_TERMS what each accepts), so a new status does not compile until it says
 * all of this.
 */
export type PayerRules = { plan: PlanRules | null };

/** A plan's cost-sharing rules: all money in cents, shares in basis points. */
export type PlanRules = {
  /** The terms the figures use, from what was given and the price list's defaults. */
  inputsUsed: (ins: Insurance, dataset: Dataset, deductible: { low: number; high: number }) => Omit<InputsUsed, 'assumed'>;
  /** Which terms were assumed (not given): bit i set for ASSUMABLE[i] (a mask, so a batch shares one list per combination). */
  assumed: (ins: Insurance) => number;
  /** The bills split between patient and plan, from the terms used (`perBill` receives each bill's patient share). */
  share: (
    bills: readonly Bill[],
    deductibleCents: number,
    used: Omit<InputsUsed, 'assumed'>,
    explain: boolean,
    perBill?: number[],
  ) => CostShare;
  /** The sentences saying which terms were used or assumed, each with its source. */
  assumptions: (ins: Insurance, dataset: Dataset) => Cited<Message>[];
  /** Notes for a patient whose plan covers the route (how to claim, what the figures leave open). */
  coveredNotes: (ins: Insurance, dataset: Dataset) => Cited<Message>[];
};

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

const IN_NETWORK: PlanRules = {
  inputsUsed: (ins, dataset, deductible) => ({
    deductible: { lowCents: deductible.low, highCents: deductible.high },
    coinsuranceBasisPoints: ins.copayCents === null ? (ins.coinsuranceBasisPoints ?? defaultCoinsuranceBasisPoints(dataset)) : null,
    copayCents: ins.copayCents,
    oopMaxCents: ins.oopMaxCents,
    reimbursementBasisPoints: null,
    allowedCents: null,
  }),
  assumed: (ins) =>
    bit('covered', ins.covered === 'auto') |
    bit('deductible', ins.deductibleCents === null) |
    bit('coinsurance', ins.coinsuranceBasisPoints === null && ins.copayCents === null) |
    bit('oop-max', ins.oopMaxCents === null),
  share: (bills, deductibleCents, used, explain, perBill) =>
    shareInNetwork(
      bills,
      {
        deductibleCents,
        coinsuranceBasisPoints: used.coinsuranceBasisPoints ?? 0,
        copayCents: used.copayCents,
        oopMaxCents: used.oopMaxCents,
      },
      explain,
      perBill,
    ),
  assumptions: (ins, dataset) => {
    const terms = dataset.insurance;
    const notes = [cited(msg('assume.allowedInNetwork', {}), terms.allowedAmountRef ?? terms.coinsuranceRef)];
    const coinsurance = ins.coinsuranceBasisPoints ?? defaultCoinsuranceBasisPoints(dataset);
    if (ins.copayCents !== null)
      notes.push(cited(msg('assume.copay', { copayCents: ins.copayCents }), terms.copayRef ?? terms.coinsuranceRef));
    else if (ins.coinsuranceBasisPoints === null)
      notes.push(cited(msg('assume.coinsuranceDefault', { coinsuranceBasisPoints: coinsurance }), terms.coinsuranceRef));
    else notes.push(cited(msg('assume.coinsurance', { coinsuranceBasisPoints: coinsurance }), terms.coinsuranceRef));
    notes.push(cited(msg('assume.oopMax', { oopMaxCents: ins.oopMaxCents }), terms.oopMaxRef ?? terms.coinsuranceRef));
    return notes;
  },
  coveredNotes: () => [],
};

const OUT_OF_NETWORK: PlanRules = {
  inputsUsed: (ins, _dataset, deductible) => ({
    deductible: { lowCents: deductible.low, highCents: deductible.high },
    coinsuranceBasisPoints: null,
    copayCents: null,
    oopMaxCents: null,
    reimbursementBasisPoints: ins.reimbursementBasisPoints ?? 0,
    allowedCents: ins.allowedCents,
  }),
  assumed: (ins) =>
    bit('covered', ins.covered === 'auto') |
    bit('deductible', ins.deductibleCents === null) |
    bit('reimbursement', ins.reimbursementBasisPoints === null) |
    bit('allowed', ins.allowedCents === null),
  share: (bills, deductibleCents, used, explain, perBill) =>
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
};

/** Every insurance status and its rules. A status missing here, or in a catalog's words for it, does not compile. */
export const PAYERS: Record<InsuranceStatus, PayerRules> = {
  none: { plan: null },
  'in-network': { plan: IN_NETWORK },
  'out-of-network': { plan: OUT_OF_NETWORK },
};
