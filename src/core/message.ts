// The core's words, as data: every sentence a person reads is a key with its parameters (figures in
// cents, basis points and counts; ids; nested messages), and the message catalogs in src/text/
// turn them into words, one catalog per language. The compiler checks that each catalog has every
// key, and that each message is built with the parameters its key takes.

import type { CaseKind, CentsRange, PackageMix } from './estimate-types.js';
import type { Financing } from './plan.js';
import type { InsuranceStatus, LowHigh, ScenarioField } from './types.js';

/** A run of bills in an explanation: sessions first-last, one session, or a one-time visit by name. */
export type BillRun = { first: number | null; last: number | null; name: Message | null };

/** Which end of a range a line is about: the fewest sessions at the lowest price, or the most at the highest. */
export type End = 'low' | 'high';

/**
 * Every message the core can return, by key, with the parameters each takes. Money is integer
 * cents, shares basis points (1% = 100); `text` parameters are the price list's own prose.
 */
export type MessageParams = {
  /** The price list's own prose (a label, note or description), shown as written. */
  'data.text': { text: string };
  /** A line item's label without its parenthesis ("Intake visit (once)" -> "Intake visit"). */
  'data.shortLabel': { text: string };

  // Cost sharing (core/cost-sharing.ts).
  'share.inNetwork.step': {
    bills: BillRun;
    billedCents: number;
    /** What the plan counts: the lesser of the bill and its allowed amount (the rest is written off). */
    allowedCents: number;
    toDeductibleCents: number;
    shareCents: number;
    /** null: a copay was applied (shareCents is it). */
    coinsuranceBasisPoints: number | null;
    /** What a Medigap plan paid of the deductible part and the share. */
    supplementPaidCents: number;
    capped: boolean;
    payCents: number;
    each: boolean;
  };
  'share.inNetwork.total': {
    patientCents: number;
    billedCents: number;
    copayCents: number | null;
    coinsuranceBasisPoints: number;
    deductibleApplies: boolean;
    planCents: number;
    writtenOffCents: number;
  };
  'share.outOfNetwork.step': {
    bills: BillRun;
    billedCents: number;
    balanceCents: number;
    toDeductibleCents: number;
    reimbursementBasisPoints: number;
    paidBackCents: number;
    each: boolean;
  };
  'share.outOfNetwork.total': { billedCents: number; paidBackCents: number };
  /** A plan that does not cover the route: every bill is the patient's. */
  'share.notCovered': Record<string, never>;

  // Assumptions: which insurance terms were used or assumed (core/patient-share.ts, core/payers.ts).
  'assume.coverageAuto': { route: string; typicalCovered: boolean };
  'assume.notCovered': Record<string, never>;
  'assume.deductible': { deductibleCents: number };
  'assume.deductibleTypical': { typicalCents: number };
  'assume.deductibleMet': Record<string, never>;
  'assume.allowedInNetwork': Record<string, never>;
  'assume.copay': { copayCents: number };
  'assume.coinsuranceDefault': { coinsuranceBasisPoints: number };
  'assume.coinsurance': { coinsuranceBasisPoints: number };
  'assume.oopMax': { oopMaxCents: number | null };
  'assume.reimbursement': { reimbursementBasisPoints: number; given: boolean };
  'assume.allowedOutOfNetwork': { allowedCents: number | null };
  'assume.allowedGiven': { allowedCents: number };
  /** The deductible left when a family amount is given: the lesser of the two (the family amount alone in an aggregate plan). */
  'assume.familyDeductible': { individualCents: number | null; familyCents: number; leftCents: number };
  'assume.familyOopMax': { individualCents: number | null; familyCents: number; leftCents: number };
  'assume.deductibleDoesNotApply': Record<string, never>;
  'assume.medicareDeductible': { deductibleCents: number; year: number };
  'assume.medicareCoinsurance': { coinsuranceBasisPoints: number };
  'assume.medicareNoOopLimit': Record<string, never>;
  'assume.medicareApproved': { allowedCents: number; code: string; year: number };
  'assume.medicareApprovedGiven': { allowedCents: number };
  'assume.medicareApprovedUnknown': Record<string, never>;
  /** A Medigap plan's share: the deductible or not, the share of the coinsurance (bp), a copay it leaves, a yearly limit. */
  'assume.medigap': {
    letter: string;
    year: number;
    paysDeductible: boolean;
    coinsuranceBasisPoints: number;
    officeCopayCents: number | null;
    oopLimitCents: number | null;
  };
  'assume.medicareAdvantageOopMax': { oopMaxCents: number; year: number };
  'assume.medicaidNoDeductible': Record<string, never>;
  'assume.medicaidCopayUnknown': Record<string, never>;

  // Notes beside an estimate (core/estimate.ts, core/price-program.ts).
  'note.paybackUpperBound': Record<string, never>;
  'note.superbill': Record<string, never>;
  'note.goodFaithEstimate': { selfPay: boolean; disputeCents: number };
  'note.itemExcluded': { label: string };
  /** `why`: the price list's reason, null where it gives none. */
  'note.itemNotPriced': { label: string; why: string | null };
  /** `laterDoseMg`: the dose from session 2, null for a one-session program. */
  'note.firstSession': { doseMg: number; devices: number; laterDoseMg: number | null };
  'note.savingsGovernmentPlans': Record<string, never>;
  'note.packageMix': { low: PackageMix; high: PackageMix; count: { low: number; high: number } };
  /** A quoted price per session against the published range for the same session. */
  'note.quoteVsPublished': { priceCents: number; published: CentsRange; position: 'below' | 'within' | 'above' };
  'note.medicareLesserOf': Record<string, never>;
  /** A clinic that does not accept assignment may charge `limitCents` (basisPoints of the approved amount) more per session. */
  'note.limitingCharge': { basisPoints: number; allowedCents: number; limitCents: number };
  'note.medicareNotCovered': { route: string };

  // The explanation of the price (core/price-program.ts).
  'price.perSession': { perSession: CentsRange; route: string; provider: string };
  'price.perUnit': { per: 'session' | 'device'; unit: CentsRange };
  'price.doseDevices': { doseMg: number; devices: number; unit: CentsRange; perSession: CentsRange };
  'price.firstSession': { doseMg: number; devices: number; unit: CentsRange; first: CentsRange; laterDoseMg: number };
  /** `firstCents`: session 1's own price, null when it has none. */
  'price.program': { end: End; count: number; eachCents: number; firstCents: number | null; totalCents: number };
  'price.itemEnd': { label: string; charge: 'per-session' | 'once'; thirdParty: boolean; end: End; cents: number };
  'price.item': { label: string; charge: 'per-session' | 'once'; thirdParty: boolean; unit: CentsRange };
  'price.allIn': { program: CentsRange; extras: CentsRange[]; allIn: CentsRange };
  /** The cheapest mix of packages, single sessions and an introductory session for `count` sessions at one end. */
  'price.mix': { end: End; count: number; mix: PackageMix };
  'sessions.given': { count: number };
  'sessions.givenStep': { count: number };
  'sessions.weeks': { low: number; high: number; weeks: number; schedule: string };
  'sessions.weeksStep': { low: number; high: number; weeks: number };
  'sessions.typical': { low: number; high: number; program: string };
  'sessions.typicalStep': { low: number; high: number; program: string };
  /** One phase of a schedule: `perWeek` sessions a week, or one every `everyWeeks` weeks. */
  'schedule.phase': { fromWeek: number; toWeek: number; perWeek: LowHigh | null; everyWeeks: LowHigh | null; low: number; high: number };
  'item.drug': { route: string; devices: number };
  'item.treatment': { route: string; provider: string };
  'item.firstSessionNote': { doseMg: number; devices: number };
  'item.excluded': Record<string, never>;
  'explain.caseStep': { case: CaseKind; end: End; step: Message };

  // Why a raw scenario was refused (core/scenario.ts); `input` is what was typed, `suggestion` a near name.
  'issue.weeksWithSessions': Record<string, never>;
  'issue.noSchedule': { route: string; withSchedule: string[] };
  'issue.weeksTooMany': { weeks: number; route: string; low: number; high: number; max: number };
  'issue.weeksBeyondSchedule': { weeks: number; route: string; coversWeeks: number };
  'issue.routeRequired': { allowed: string[] };
  'issue.notText': { kind: 'list' | 'object' | 'bigint' | 'symbol' | 'boolean' | 'function' | 'undefined' | 'string' | 'number' };
  'issue.notARoute': { input: string; suggestion: string | null; allowed: string[] };
  'issue.providerRequired': { route: string; allowed: string[] };
  'issue.notAProvider': { input: string; suggestion: string | null; allowed: string[] };
  'issue.providerNotOffered': { input: string; route: string; provider: string; routeId: string; allowed: string[] };
  'issue.doseNotApplicable': { dosed: string[]; route: string };
  'issue.notADose': { input: string; route: string; allowed: number[] };
  'issue.notAnInsurance': { input: string; suggestion: string | null; allowed: InsuranceStatus[] };
  'issue.termNotApplicable': { statuses: readonly InsuranceStatus[]; status: InsuranceStatus };
  'issue.copayWithCoinsurance': Record<string, never>;
  'issue.notAChoice': { input: string; allowed: string[] };
  /** `route`: the route whose items were allowed, null before the route is known. */
  'issue.notAnItem': { input: string; route: string | null; suggestion: string | null; allowed: string[] };
  'issue.notAWholeNumber': { input: string; min: number; max: number };
  'issue.notMoney': { input: string };
  'issue.negativeMoney': { input: string };
  /** The patient's own quote, named as a source. */
  'source.quoteTitle': Record<string, never>;
  'source.quotePublisher': Record<string, never>;
  'issue.priceNotPositive': { input: string };
  'issue.notAPackage': { input: string };
  'issue.packageSessions': { input: string; max: number };
  'issue.notAnItemPrice': { input: string };
  'issue.notAPercent': { input: string };
  /** A public payer the price list has no figures for. */
  'issue.payerNotPriced': { status: InsuranceStatus };
  /** `year`: the year of the price list's Medigap figures, null when it has none. */
  'issue.notAMedigapPlan': { input: string; year: number | null; allowed: string[] };
  /** A share typed as a fraction (0.2): `percent` is what it probably means, in plain digits ("20"). */
  'issue.percentAsFraction': { input: string; percent: string };

  // Plans (core/plan.ts).
  'planIssue.notInList': { route: string };
  'planIssue.needsEvery': { route: string; program: string };
  'planIssue.sessionCount': { count: number };
  'planIssue.medicareCalendarYear': Record<string, never>;
  'planIssue.medicareNoOopMax': Record<string, never>;
  'plan.cadenceEvery': { everyDays: number };
  'plan.cadenceSchedule': { schedule: string };
  'bill.intake': Record<string, never>;
  'plan.payAll': { end: End; selfPay: boolean };
  'plan.yearStep': { planYear: number; end: End; step: Message };
  'plan.rowStep': { billed: CentsRange; patient: CentsRange; plan: CentsRange; running: CentsRange };
  'plan.monthOfWeeks': { month: number };
  'plan.calendarMonth': { yearMonth: string };
  'plan.note.schedule': { cadence: Message };
  'plan.note.noBoosters': Record<string, never>;
  'plan.note.newPlanYear': Record<string, never>;
  'plan.note.medicareNextYear': { year: number; deductibleCents: number };
  'plan.note.upFront': { low: number; high: number };
  'plan.financing': { financing: Financing };

  // Compare and the Good Faith Estimate (core/compare.ts, core/gfe.ts).
  /** `coversWeeks`: the weeks the route's schedule covers, null when it has none. */
  'compare.noSchedule': { weeks: string; coversWeeks: number | null };
  'compare.quoteForWithoutQuote': Record<string, never>;
  'compare.quoteNeedsTarget': { field: ScenarioField };
  'compare.quoteForUnknown': { input: string; allowed: string[] };
  'compare.quoteForProvider': { input: string; route: string; provider: string; allowed: string[] };
  'compare.quoteForNotCompared': { route: string };
  'gfe.notPriced': Record<string, never>;
  'gfe.notPricedOptional': Record<string, never>;
  'gfe.leftOut': Record<string, never>;
  'gfe.asScheduled': Record<string, never>;
  'gfe.introSession': { treatment: Message };
  'gfe.package': { treatment: Message; sessions: number; month: boolean };
  'gfe.firstSession': { treatment: Message; doseMg: number };
  'gfeIssue.sessionCount': { low: number; high: number };
  'gfeIssue.range': Record<string, never>;
  'gfeIssue.tooLong': { weeks: number; max: number };
  'gfeIssue.requiredItem': { id: string };
  'gfeIssue.itemRange': { id: string };
  'gfe.primaryService': { route: string; provider: string; low: number; high: number };
};

export type MessageKey = keyof MessageParams;

/** A message: a key of MessageParams and the parameters that key takes. */
export type Message = { [K in MessageKey]: { key: K; params: MessageParams[K] } }[MessageKey];

/** Builds a message; the compiler checks the parameters against the key. */
export function msg<K extends MessageKey>(key: K, params: MessageParams[K]): Message {
  return { key, params } as Message;
}

/** The price list's own prose as a message (a catalog may translate it through the price list). */
export function dataText(text: string): Message {
  return { key: 'data.text', params: { text } };
}
