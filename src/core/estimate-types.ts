// The shapes of an estimate. The core fills every sentence with a Message (see message.ts); the
// views and the JSON contract read the same shapes with each Message said in words by a catalog
// (src/text/), so `Estimate` alone is the contract and `Estimate<Message>` is what the core returns.

import type { Bill } from './cost-sharing.js';
import type { Message } from './message.js';
import type { InsuranceStatus, Scenario, Source } from './types.js';

/** The id under which figures from the patient's own quote are cited. */
export const QUOTE_SOURCE_ID = 'quote';

/**
 * The patient's own quote as the core cites it: the day it was given (YYYY-MM-DD, null when not
 * known), and no words; a catalog names it (text/localize.ts).
 */
export type QuoteSource = { id: typeof QUOTE_SOURCE_ID; kind: 'quote'; date: string | null };

/** A cited source: with words after a catalog (T = string), or as the core lists it, the quote wordless. */
export type SourceOf<T> = T extends string ? Source : Source | QuoteSource;

/** A figure or sentence and where it comes from: a source id, the line or section, the sentence it relies on and its date. */
export type Cited<T = string> = { text: T; source: string; at: string; quote: string | null; asOf: string | null };
/** One line of the arithmetic; source and at are null where the figure is the user's own (sessions as given). */
export type Step<T = string> = { text: T; source: string | null; at: string | null; quote: string | null };
/** A low and a high amount of money, in integer cents. */
export type CentsRange = { lowCents: number; highCents: number };

/** Whose case an amount is: paying yourself, or a plan that covers or does not cover the route. */
export type CaseKind = 'self-pay' | 'covered' | 'not-covered';

/** What one insurance case costs, at the low and the high end of the price range (cents). */
export type PatientCase<T = string> = {
  /** self-pay: no insurance; covered / not-covered: whether the plan covers this route. */
  case: CaseKind;
  /** Whether this case is what usually happens for the route (the dataset's coverage note). */
  typical: boolean;
  /** What the patient pays before any reimbursement. */
  upFront: CentsRange;
  /** What the plan pays or pays back. */
  plan: CentsRange;
  /** What the patient pays in the end. */
  patient: CentsRange;
  /** Out of network: what the provider charges above the plan's allowed amount, which the patient pays. */
  balanceBilled: CentsRange;
  /** What the provider charges above the plan's allowed amount and writes off (in network; Medicare assignment): nobody pays it. */
  writtenOff: CentsRange;
  steps: { low: T[]; high: T[] };
};

/** One thing the patient pays for: the treatment, or a visit or service beside it, priced or not (cents). */
export type LineItem<T = string> = {
  id: string;
  label: T;
  charge: 'per-session' | 'once';
  /** How many times it is charged: the sessions, or once. */
  count: { low: number; high: number };
  /** The price each time; null when no source prices it. */
  unit: CentsRange | null;
  /** What it adds to the all-in total; null when not priced or left out. */
  total: CentsRange | null;
  status: 'priced' | 'not-priced' | 'excluded';
  /** Why it is not priced or was left out. */
  note: T | null;
  /** The price comes from a third party (a clinic's website, a billing firm), not the maker, a payer or a regulator. */
  thirdParty: boolean;
  source: string;
  at: string;
  quote: string | null;
  asOf: string | null;
};

/**
 * The insurance terms the figures were computed with (an audit of the inputs), and which of them
 * were assumed rather than given: `deductible`, `coinsurance`, `oop-max`, `reimbursement`, `allowed`, `covered`.
 */
export type InputsUsed = {
  /** What was left of the deductible at the low end and at the high end; null without insurance. */
  deductible: CentsRange | null;
  coinsuranceBasisPoints: number | null;
  copayCents: number | null;
  /** null: no cap applied. */
  oopMaxCents: number | null;
  reimbursementBasisPoints: number | null;
  /** The allowed (Medicare: approved) amount per visit; null: the price was counted. */
  allowedCents: number | null;
  assumed: string[];
  /** Medicare: the Medigap plan letter; null for none. */
  medigap: string | null;
  /** What was left of the family deductible and out-of-pocket maximum; null when not given. */
  familyDeductibleCents: number | null;
  familyOopMaxCents: number | null;
  /** Whether the deductible applied before the copay or coinsurance; null when no plan shared the bills. */
  deductibleApplies: boolean | null;
};

/** How a program's sessions are bought: packages (sessions, price, how many) and single sessions, all in cents. */
export type PackageMix = {
  /** `per: 'month'`: months of a subscription (up to `sessions` sessions a month), not packages. */
  packages: { sessions: number; cents: number; count: number; per?: 'month' }[];
  singles: number;
  singleCents: number;
  /** The introductory first session's price when the mix starts with it, else null. */
  introCents: number | null;
  totalCents: number;
};

/** A public reference figure (what Medicare pays for a whole session): shown for scale, never added up. */
export type BenchmarkFigure = { text: string; cents: number; source: string; at: string; quote: string | null; asOf: string | null };

/** One scenario priced: every figure in integer cents, every sentence as `T` (words in the contract). */
export type Estimate<T = string> = {
  dataset: { id: string; version: string; asOf: string };
  scenario: Scenario;
  route: { id: string; label: string; description: string };
  provider: { id: string; label: string };
  dose: { mg: number; devices: number; source: string; at: string } | null;
  perSession: CentsRange & {
    per: 'session' | 'device';
    units: number;
    unitLowCents: number;
    unitHighCents: number;
    source: string;
    at: string;
  };
  /** Session 1 when the label starts every patient on another dose (esketamine: 56 mg on day 1). */
  firstSession:
    | (CentsRange & { doseMg: number; devices: number; source: string; at: string; quote: string | null; asOf: string | null })
    | null;
  sessions: {
    low: number;
    high: number;
    basis: 'given' | 'typical' | 'weeks';
    description: T;
    source: string | null;
    at: string | null;
  };
  /** The treatment itself over the program (sessions x price, session 1 at its own dose, or the cheapest mix of packages). */
  program: CentsRange;
  /** With packages on offer: the cheapest mix at each end (packages bought, single sessions), null without. */
  packages: { low: PackageMix; high: PackageMix } | null;
  /** Every line item: the treatment, then visits and services beside it, priced or not. */
  items: LineItem<T>[];
  /** What clinics ask for before the first session (the price list's up-front sessions), where it says. */
  dueUpFront: (CentsRange & { sessions: { low: number; high: number } }) | null;
  /** The first 52 weeks on the route's schedule, billed all-in, where the route has a schedule. */
  firstYear: (CentsRange & { sessions: { low: number; high: number } }) | null;
  /** Everything priced, added up: the program plus the other priced items. What it leaves out is in `notPriced` and `excludedItems`. */
  allIn: CentsRange & { notPriced: string[]; excludedItems: string[] };
  /** What the patient pays (all-in), for each insurance case worth reporting. */
  /**
   * `assumptions`: what was assumed (never a value the user gave) and the payer's rules that apply;
   * `given`: the terms as the user gave them, each with the rule's source.
   */
  patient: { insurance: InsuranceStatus; cases: PatientCase<T>[]; assumptions: Cited<T>[]; given: Cited<T>[] };
  inputsUsed: InputsUsed;
  benchmarks: BenchmarkFigure[];
  coverage: { typical: 'covered' | 'not-covered'; note: string; source: string; at: string };
  included: Cited<T>[];
  excluded: Cited<T>[];
  notes: Cited<T>[];
  explanation: Step<T>[];
  sources: SourceOf<T>[];
};

/**
 * `explain: false` leaves out every sentence (the explanation, notes and assumptions come back
 * empty): a batch's summary and CSV rows show only figures, for many rows at a time.
 */
export type EstimateOptions = { explain?: boolean };

/** The part of a scenario that sets the program's price: everything but the insurance. */
export type ProgramScenario = Omit<Scenario, 'insurance'>;

/**
 * What a program costs before insurance: every figure of an estimate that the insurance does not
 * change, the bills the plan would share, and the explanation and notes so far. A counselor's file
 * has many patients (each with their own deductible) on a few programs, so a batch prices each
 * program once (see programKey) and shares it between its patients with estimateFromPrice.
 */
export type ProgramPrice = Pick<
  Estimate<Message>,
  | 'dataset'
  | 'route'
  | 'provider'
  | 'dose'
  | 'perSession'
  | 'firstSession'
  | 'sessions'
  | 'program'
  | 'packages'
  | 'items'
  | 'dueUpFront'
  | 'firstYear'
  | 'allIn'
  | 'benchmarks'
  | 'coverage'
  | 'included'
  | 'excluded'
> & {
  /** What the insurance shares, in order (one-time visits first, then each session), at the low and the high end. */
  bills: { low: Bill[]; high: Bill[] };
  /** Those bills added up: what the patient is billed before any plan pays. */
  billed: CentsRange;
  /** The explanation up to the insurance steps. */
  steps: Step<Message>[];
  /** The notes before the self-pay note, and the route's own notes after it. */
  notesBefore: Cited<Message>[];
  notesAfter: Cited<Message>[];
};
