import { formatPercent, formatUsd, shareOf } from './money.js';

/** What an in-network plan asks of the patient; money in cents, coinsurance in basis points. */
export type InNetworkTerms = {
  deductibleCents: number;
  coinsuranceBasisPoints: number;
  copayCents: number | null;
  oopMaxCents: number | null;
};

/** What an out-of-network plan pays back: its share of what lies above the out-of-network deductible. */
export type OutOfNetworkTerms = { deductibleCents: number; reimbursementBasisPoints: number };

export type CostShare = { billedCents: number; patientCents: number; planCents: number; steps: string[] };

type SessionShare = { toDeductible: number; share: number; pay: number; capped: boolean };

/**
 * Splits a program of equally priced sessions between patient and plan, in network and covered:
 * each session pays first into what is left of the deductible, then the coinsurance share (or the
 * copay) of the rest, and the running total stops at what is left of the out-of-pocket maximum
 * (HealthCare.gov glossary). Deductible and cap carry from one session to the next.
 */
export function shareInNetwork(priceCents: number, sessions: number, terms: InNetworkTerms): CostShare {
  let deductibleLeft = terms.deductibleCents;
  let capLeft = terms.oopMaxCents;
  let patientCents = 0;
  const perSession: SessionShare[] = [];
  for (let i = 0; i < sessions; i++) {
    const toDeductible = Math.min(priceCents, deductibleLeft);
    deductibleLeft -= toDeductible;
    const rest = priceCents - toDeductible;
    const share = terms.copayCents === null ? shareOf(rest, terms.coinsuranceBasisPoints) : Math.min(terms.copayCents, rest);
    const uncapped = toDeductible + share;
    const pay = capLeft === null ? uncapped : Math.min(uncapped, capLeft);
    const capped = pay < uncapped;
    if (capLeft !== null) capLeft -= pay;
    patientCents += pay;
    perSession.push({ toDeductible, share, pay, capped });
  }
  const billedCents = priceCents * sessions;
  const how =
    terms.copayCents === null ? `${formatPercent(terms.coinsuranceBasisPoints)} coinsurance` : `${formatUsd(terms.copayCents)} copay`;
  const steps = groupSessions(perSession).map(({ first, last, s }) => {
    const parts: string[] = [];
    if (s.toDeductible > 0) parts.push(`${formatUsd(s.toDeductible)} to the deductible`);
    const rest = priceCents - s.toDeductible;
    if (rest > 0)
      parts.push(
        terms.copayCents === null
          ? `${formatPercent(terms.coinsuranceBasisPoints)} of ${formatUsd(rest)} = ${formatUsd(s.share)}`
          : `copay ${formatUsd(s.share)}`,
      );
    if (s.capped) parts.push(`capped by the out-of-pocket maximum`);
    return `${sessionLabel(first, last)} at ${formatUsd(priceCents)}: ${parts.join(', then ') || 'nothing'}; you pay ${formatUsd(s.pay)}${last > first ? ' each' : ''}`;
  });
  steps.push(
    `Total: you pay ${formatUsd(patientCents)} of ${formatUsd(billedCents)} billed (${how}); the plan pays ${formatUsd(billedCents - patientCents)}`,
  );
  return { billedCents, patientCents, planCents: billedCents - patientCents, steps };
}

/**
 * Out of network: the patient pays every session up front; the plan pays back its share of what
 * lies above the out-of-network deductible, session by session, so the net is price minus that.
 */
export function shareOutOfNetwork(priceCents: number, sessions: number, terms: OutOfNetworkTerms): CostShare {
  let deductibleLeft = terms.deductibleCents;
  let planCents = 0;
  const perSession: SessionShare[] = [];
  for (let i = 0; i < sessions; i++) {
    const toDeductible = Math.min(priceCents, deductibleLeft);
    deductibleLeft -= toDeductible;
    const reimbursed = shareOf(priceCents - toDeductible, terms.reimbursementBasisPoints);
    planCents += reimbursed;
    perSession.push({ toDeductible, share: reimbursed, pay: priceCents - reimbursed, capped: false });
  }
  const billedCents = priceCents * sessions;
  const steps = groupSessions(perSession).map(({ first, last, s }) => {
    const above = priceCents - s.toDeductible;
    const deductible = s.toDeductible > 0 ? `${formatUsd(s.toDeductible)} to the deductible, ` : '';
    return `${sessionLabel(first, last)} at ${formatUsd(priceCents)} paid up front: ${deductible}${formatPercent(terms.reimbursementBasisPoints)} of ${formatUsd(above)} paid back = ${formatUsd(s.share)}${last > first ? ' each' : ''}`;
  });
  steps.push(`Total: ${formatUsd(billedCents)} up front, ${formatUsd(planCents)} paid back, ${formatUsd(billedCents - planCents)} net`);
  return { billedCents, patientCents: billedCents - planCents, planCents, steps };
}

/** Runs of consecutive sessions that split the same way, so a 30-session explanation stays a few lines. */
function groupSessions(shares: SessionShare[]): { first: number; last: number; s: SessionShare }[] {
  const groups: { first: number; last: number; s: SessionShare }[] = [];
  shares.forEach((s, i) => {
    const previous = groups[groups.length - 1];
    if (
      previous &&
      previous.s.toDeductible === s.toDeductible &&
      previous.s.share === s.share &&
      previous.s.pay === s.pay &&
      previous.s.capped === s.capped
    ) {
      previous.last = i + 1;
    } else groups.push({ first: i + 1, last: i + 1, s });
  });
  return groups;
}

function sessionLabel(first: number, last: number): string {
  return first === last ? `Session ${first}` : `Sessions ${first}-${last}`;
}
