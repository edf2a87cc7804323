import { type BillRun, type Message, msg } from './message.js';
import { shareOf } from './money.js';

/**
 * What a plan that shares each bill asks of the patient (in network, Medicare, Medicare Advantage,
 * Medicaid); money in cents, shares in basis points. `deductibleCents` and `oopMaxCents` are what is
 * left this year (the lesser of the individual and the family amounts, when both are given).
 */
export type InNetworkTerms = {
  deductibleCents: number;
  coinsuranceBasisPoints: number;
  copayCents: number | null;
  oopMaxCents: number | null;
  /** The plan's allowed (negotiated, or Medicare-approved) amount per visit; null or absent: the bill itself. */
  allowedCents?: number | null | undefined;
  /** false: the copay or coinsurance applies from the first visit, without the deductible (absent: true). */
  deductibleApplies?: boolean | undefined;
  /** A supplement that pays part of what the patient owes (a Medigap plan); absent: none. */
  supplement?: Supplement | null | undefined;
};

/**
 * What a Medigap plan pays of the patient's Part B share: the deductible or not, a share of the
 * coinsurance (10000 = all), a copay it leaves to the patient per visit (Plan N), and a yearly limit
 * on what the patient pays (Plans K and L), all in cents and basis points (Medicare plan chart).
 */
export type Supplement = {
  paysDeductible: boolean;
  coinsuranceBasisPoints: number;
  officeCopayCents: number | null;
  oopLimitCents: number | null;
};

/**
 * What an out-of-network plan pays back: its share of what lies above the out-of-network
 * deductible, counted on its allowed amount per visit (null: on the price, an upper bound).
 */
export type OutOfNetworkTerms = { deductibleCents: number; reimbursementBasisPoints: number; allowedCents: number | null };

/** One bill: a session (numbered; named "Session n" when explained) or a one-time visit (named by a message). */
export type Bill = { cents: number; session: number | null; name?: Message | undefined };

/**
 * A split of bills between patient and plan, in cents, with the arithmetic as messages when explained.
 * `writtenOffCents`: what the provider charged above the plan's allowed amount and may not bill the
 * patient (in network, or a clinic that accepts Medicare's assignment).
 */
export type CostShare = {
  billedCents: number;
  patientCents: number;
  planCents: number;
  balanceBilledCents: number;
  writtenOffCents: number;
  steps: Message[];
};

type BillShare = {
  bill: Bill;
  allowed: number;
  toDeductible: number;
  share: number;
  supplementPaid: number;
  pay: number;
  capped: boolean;
  balance: number;
};

/** Returns `count` session bills of the same price, numbered from `first`. */
export function sessionBills(cents: number, count: number, first = 1): Bill[] {
  const bills: Bill[] = [];
  for (let i = 0; i < count; i++) bills.push({ cents, session: first + i });
  return bills;
}

/**
 * Splits a program of equally priced sessions between patient and plan, in network and covered:
 * each session pays first into what is left of the deductible, then the coinsurance share (or the
 * copay) of the rest, and the running total stops at what is left of the out-of-pocket maximum
 * (HealthCare.gov glossary). Deductible and cap carry from one session to the next. `perBill`,
 * when given, receives what the patient pays for each bill in order (a plan's schedule).
 */
export function shareInNetwork(bills: readonly Bill[], terms: InNetworkTerms, explain = true, perBill?: number[]): CostShare {
  const allowedCap = terms.allowedCents ?? null;
  const deductibleApplies = terms.deductibleApplies ?? true;
  const supplement = terms.supplement ?? null;
  let deductibleLeft = terms.deductibleCents;
  // The cap on what the patient pays: the plan's out-of-pocket maximum, or a Medigap plan's limit.
  let capLeft = terms.oopMaxCents ?? supplement?.oopLimitCents ?? null;
  let patientCents = 0;
  let billedCents = 0;
  let allowedTotal = 0;
  const shares: BillShare[] = [];
  for (const bill of bills) {
    billedCents += bill.cents;
    // The plan counts the lesser of the charge and its allowed amount; the rest is written off.
    const allowed = allowedCap === null ? bill.cents : Math.min(bill.cents, allowedCap);
    allowedTotal += allowed;
    const toDeductible = deductibleApplies ? Math.min(allowed, deductibleLeft) : 0;
    deductibleLeft -= toDeductible;
    const rest = allowed - toDeductible;
    const share = terms.copayCents === null ? shareOf(rest, terms.coinsuranceBasisPoints) : Math.min(terms.copayCents, rest);
    const owed = supplement === null ? toDeductible + share : supplementLeaves(supplement, toDeductible, share);
    const pay = capLeft === null ? owed : Math.min(owed, capLeft);
    const capped = pay < owed;
    if (capLeft !== null) capLeft -= pay;
    patientCents += pay;
    perBill?.push(pay);
    if (explain) shares.push({ bill, allowed, toDeductible, share, supplementPaid: toDeductible + share - owed, pay, capped, balance: 0 });
  }
  // One literal shape for every share, no spread: a batch reads millions of these (a spread copy
  // is a slower object to read).
  const planCents = allowedTotal - patientCents;
  const writtenOffCents = billedCents - allowedTotal;
  if (!explain) return { billedCents, patientCents, planCents, balanceBilledCents: 0, writtenOffCents, steps: [] };
  const steps = groupBills(shares).map(({ bills, each, s }) =>
    msg('share.inNetwork.step', {
      bills,
      billedCents: s.bill.cents,
      allowedCents: s.allowed,
      toDeductibleCents: s.toDeductible,
      shareCents: s.share,
      coinsuranceBasisPoints: terms.copayCents === null ? terms.coinsuranceBasisPoints : null,
      supplementPaidCents: s.supplementPaid,
      capped: s.capped,
      payCents: s.pay,
      each,
    }),
  );
  steps.push(
    msg('share.inNetwork.total', {
      patientCents,
      billedCents,
      copayCents: terms.copayCents,
      coinsuranceBasisPoints: terms.coinsuranceBasisPoints,
      deductibleApplies,
      planCents,
      writtenOffCents,
    }),
  );
  return { billedCents, patientCents, planCents, balanceBilledCents: 0, writtenOffCents, steps };
}

/** What the patient still owes of a bill's deductible part and coinsurance (cents) after a Medigap plan pays its part. */
function supplementLeaves(plan: Supplement, toDeductible: number, share: number): number {
  const deductible = plan.paysDeductible ? 0 : toDeductible;
  if (plan.officeCopayCents !== null) return deductible + Math.min(plan.officeCopayCents, share);
  return deductible + share - shareOf(share, plan.coinsuranceBasisPoints);
}

/**
 * Out of network: the patient pays every bill up front. The plan counts its allowed amount for
 * each (never more than the bill), applies the out-of-network deductible to it and pays back its
 * share of the rest; what the provider charges above the allowed amount stays with the patient
 * (balance billing, HealthCare.gov). Without an allowed amount the bill itself is counted, so
 * the payback is an upper bound.
 */
export function shareOutOfNetwork(bills: readonly Bill[], terms: OutOfNetworkTerms, explain = true, perBill?: number[]): CostShare {
  let deductibleLeft = terms.deductibleCents;
  let planCents = 0;
  let balanceBilledCents = 0;
  let billedCents = 0;
  const shares: BillShare[] = [];
  for (const bill of bills) {
    billedCents += bill.cents;
    const allowed = terms.allowedCents === null ? bill.cents : Math.min(bill.cents, terms.allowedCents);
    const balance = bill.cents - allowed;
    const toDeductible = Math.min(allowed, deductibleLeft);
    deductibleLeft -= toDeductible;
    const reimbursed = shareOf(allowed - toDeductible, terms.reimbursementBasisPoints);
    planCents += reimbursed;
    balanceBilledCents += balance;
    perBill?.push(bill.cents - reimbursed);
    if (explain)
      shares.push({
        bill,
        allowed,
        toDeductible,
        share: reimbursed,
        supplementPaid: 0,
        pay: bill.cents - reimbursed,
        capped: false,
        balance,
      });
  }
  if (!explain) return { billedCents, patientCents: billedCents - planCents, planCents, balanceBilledCents, writtenOffCents: 0, steps: [] };
  const steps = groupBills(shares).map(({ bills, each, s }) =>
    msg('share.outOfNetwork.step', {
      bills,
      billedCents: s.bill.cents,
      balanceCents: s.balance,
      toDeductibleCents: s.toDeductible,
      reimbursementBasisPoints: terms.reimbursementBasisPoints,
      paidBackCents: s.share,
      each,
    }),
  );
  steps.push(msg('share.outOfNetwork.total', { billedCents, paidBackCents: planCents }));
  return { billedCents, patientCents: billedCents - planCents, planCents, balanceBilledCents, writtenOffCents: 0, steps };
}

/** Runs of consecutive sessions that split the same way, so a 30-session explanation stays a few lines. */
function groupBills(shares: BillShare[]): { bills: BillRun; each: boolean; s: BillShare }[] {
  const groups: { first: BillShare; last: BillShare; s: BillShare }[] = [];
  for (const s of shares) {
    const previous = groups[groups.length - 1];
    const same =
      previous !== undefined &&
      previous.last.bill.session !== null &&
      s.bill.session === previous.last.bill.session + 1 &&
      previous.s.bill.cents === s.bill.cents &&
      previous.s.allowed === s.allowed &&
      previous.s.supplementPaid === s.supplementPaid &&
      previous.s.toDeductible === s.toDeductible &&
      previous.s.share === s.share &&
      previous.s.pay === s.pay &&
      previous.s.balance === s.balance &&
      previous.s.capped === s.capped;
    if (same) previous.last = s;
    else groups.push({ first: s, last: s, s });
  }
  return groups.map(({ first, last, s }) => {
    const run = first !== last;
    const bills: BillRun = run
      ? { first: first.bill.session, last: last.bill.session, name: null }
      : { first: first.bill.session, last: null, name: first.bill.name ?? null };
    return { bills, each: run, s };
  });
}
