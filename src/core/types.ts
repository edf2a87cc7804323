// Plain types of the domain. The schemas (catalog/schema.ts, core/scenario.ts) are checked
// against these at compile time, and the published type declarations need nothing but these.

import type { ScenarioField } from './fields.js';
import type { Message } from './message.js';

/**
 * Where a figure comes from: a source id of the dataset, the line or section in it, the one
 * sentence it relies on (verbatim, so a reader can check it offline) and the date it was true
 * (the source's date, or the day it was read where the source has none).
 */
export type Ref = { source: string; at: string; quote?: string | undefined; asOf?: string | undefined };
export type Note = { text: string; ref: Ref };
/** A package of sessions sold at one price: `sessions` sessions for `cents`. */
/**
 * A package: `sessions` sessions for `cents`, bought whole. `per: 'month'` makes it a month of an
 * at-home subscription (up to `sessions` sessions that month for `cents`), bought once a month.
 */
export type Package = { sessions: number; cents: number; per?: 'month' | undefined; ref?: Ref | undefined };

/** A price range; `highRef` is the source of the high end when another source gives it. */
export type Price = { per: 'session' | 'device'; lowCents: number; highCents: number; ref: Ref; highRef?: Ref | undefined };
/** A source of the dataset: who says it, when, and where to read it. */
export type Source = {
  id: string;
  title: string;
  publisher?: string | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null where the source shows none (dateNote says why). */
  date?: string | null | undefined;
  dateNote?: string | undefined;
  url?: string | null | undefined;
  locator?: string | undefined;
  /** A figure from a third party (a website, a billing firm), not the maker, a regulator or a payer. */
  thirdParty?: boolean | undefined;
};
/** A billing code for an item or service (CPT or HCPCS), as a Good Faith Estimate lists it. */
export type ServiceCode = { system: 'CPT' | 'HCPCS'; code: string; description: string; ref?: Ref | undefined };
/**
 * Something else the patient may pay for besides the treatment itself: per session, or once. A
 * price when a source gives one; `notPriced` says why not, and such an item is never added up.
 */
export type LineItemDefinition = {
  id: string;
  label: string;
  charge: 'per-session' | 'once';
  codes?: ServiceCode[] | undefined;
  price?: { lowCents: number; highCents: number; ref: Ref; highRef?: Ref | undefined } | undefined;
  notPriced?: string | undefined;
  /** Given at every session and required with it (esketamine's observation visit, REMS): a Good Faith Estimate must price it. */
  requiredEachSession?: boolean | undefined;
  ref: Ref;
};
/** A public reference figure (what Medicare pays), shown beside the estimate, never added to it. */
export type Benchmark = { text: string; doseMg?: number | undefined; cents: number; ref: Ref };
export type LowHigh = { low: number; high: number };
export type SchedulePhase = {
  fromWeek: number;
  toWeek?: number | undefined;
  perWeek?: LowHigh | undefined;
  everyWeeks?: LowHigh | undefined;
};

export type Route = {
  id: string;
  label: string;
  description: string;
  aliases: string[];
  offers: {
    provider: string;
    price: Price;
    codes?: ServiceCode[] | undefined;
    /** Packages of sessions the provider sells at one price (a clinic's own list), in cents. */
    packages?: Package[] | undefined;
    /** An introductory first session at its own price (with the consultation, say), in cents. */
    intro?: { cents: number; ref: Ref } | undefined;
  }[];
  doses?: { mg: number; devices: number; ref: Ref }[] | undefined;
  defaultDoseMg?: number | undefined;
  /** The dose of the first session whatever the dose chosen (esketamine: 56 mg on day 1). */
  firstSession?: { doseMg: number; ref: Ref } | undefined;
  program: { lowSessions: number; highSessions: number; description: string; ref: Ref };
  /** How many sessions' payment clinics ask for before the first session. */
  upFront?: { lowSessions: number; highSessions: number; ref: Ref } | undefined;
  /**
   * How often sessions come, phase by phase. `coversWeeks`: the longest program its source describes;
   * past it a count would be an extrapolation, so --weeks beyond it is refused and no first year is shown.
   */
  schedule?: { phases: SchedulePhase[]; description: string; ref: Ref; coversWeeks?: number | undefined } | undefined;
  coverage: { typical: 'covered' | 'not-covered'; note: string; ref: Ref };
  included: Note[];
  excluded: Note[];
  notes: Note[];
  items?: LineItemDefinition[] | undefined;
  benchmarks?: Benchmark[] | undefined;
};

/** A price list: routes, providers, prices in integer cents, programs and the sources of every figure. */
export type Dataset = {
  id: string;
  version: string;
  asOf: string;
  currency: 'USD';
  sources: Source[];
  providers: { id: string; label: string; aliases: string[] }[];
  routes: Route[];
  insurance: {
    defaultCoinsurancePercent: number;
    coinsuranceRef: Ref;
    deductibleRef?: Ref | undefined;
    copayRef?: Ref | undefined;
    oopMaxRef?: Ref | undefined;
    balanceBillingRef?: Ref | undefined;
    allowedAmountRef?: Ref | undefined;
    /** A typical full deductible, for insured patients who do not say what is left of theirs. */
    typicalDeductible?: { cents: number; ref: Ref } | undefined;
    goodFaithEstimateDisputeCents: number;
    goodFaithEstimateRef: Ref;
    /** The price list's source for "you may be eligible for reimbursement" out of network. */
    reimbursementRef?: Ref | undefined;
    savingsProgram: { routes: string[]; text: string; ref: Ref; notes?: Note[] | undefined; excludedRef?: Ref | undefined };
  };
  /** Public programs' cost-sharing figures (Medicare Part B, Medigap, Medicare Advantage, Medicaid), each with its source. */
  payers?: PublicPayers | undefined;
  /** Paying over time and from tax-advantaged accounts: sentences with their sources. */
  financing?: { deferredInterest?: Note | undefined; hsa?: Note | undefined; medicalNecessityLetter?: Note | undefined } | undefined;
  /** The notices a Good Faith Estimate carries (No Surprises Act), each with its source. */
  goodFaithEstimate?: { notices: { id: string; text: string; ref: Ref }[] } | undefined;
  eligibility: {
    intro: string;
    ageQuestion: { text: string; note: string; ref: Ref };
    conditions: { id: string; label: string; note: string; ref: Ref }[];
    crisisNote: { routes: string[]; text: string; ref: Ref };
  };
};

/**
 * Public programs' figures for one year (money in cents, shares in basis points), each with its
 * source. A price list without them cannot price those payers (the status is refused, saying so).
 */
export type PublicPayers = {
  medicare?:
    | {
        year: number;
        /** The Part B deductible for the year, and the coinsurance after it (20% = 2000). */
        deductibleCents: number;
        deductibleRef: Ref;
        coinsuranceBasisPoints: number;
        coinsuranceRef: Ref;
        /** Original Medicare has no yearly out-of-pocket limit. */
        noOopLimitRef: Ref;
        /** Part B pays on the lesser of the actual charge and the fee schedule amount. */
        lesserOfRef: Ref;
        /** A clinic that does not accept assignment may charge this much above the approved amount. */
        limitingChargeBasisPoints: number;
        limitingChargeRef: Ref;
        /** The approved amount for one session of a route (the highest dose it covers, when it depends on dose). */
        approved: { route: string; maxDoseMg?: number | undefined; code: string; cents: number; ref: Ref }[];
        /** Routes with no Medicare coverage policy, shown as not covered, and the source that says why. */
        notCovered: { routes: string[]; ref: Ref };
      }
    | undefined;
  /** What each Medigap plan letter pays of the Part B deductible and coinsurance. */
  medigap?:
    | {
        year: number;
        plans: {
          letter: string;
          paysDeductible: boolean;
          /** The share of the Part B coinsurance the plan pays (10000 = all of it). */
          coinsuranceBasisPoints: number;
          /** Plan N: the patient still pays up to this much of an office visit's coinsurance. */
          officeCopayCents?: number | undefined;
          /** Plans K and L: the yearly limit on what the patient pays, after which the plan pays all. */
          oopLimitCents?: number | undefined;
          ref: Ref;
        }[];
      }
    | undefined;
  /** The federal limit on a Medicare Advantage plan's in-network out-of-pocket maximum for the year. */
  medicareAdvantage?: { year: number; oopMaxCents: number; ref: Ref } | undefined;
  /** Medicaid: cost sharing set by each state (nominal), and how often each route is covered. */
  medicaid?: { costSharingRef: Ref; coverage: Note[] } | undefined;
};

export type { ScenarioField } from './fields.js';

/** What flags, prompts and batch rows all produce: every field as the user typed it, unchecked. */
export type RawScenario = Partial<Record<ScenarioField, string | number>>;

/** One thing wrong with a raw scenario: the field and a message saying what was typed and what is allowed (a catalog words it). */
export type ScenarioIssue = { field: ScenarioField; message: Message };

export type InsuranceStatus = 'none' | 'in-network' | 'out-of-network' | 'medicare' | 'medicare-advantage' | 'medicaid';
export type Covered = 'auto' | 'yes' | 'no';

/** A validated scenario: canonical ids, whole numbers, money in cents, percentages in basis points. */
export type Scenario = {
  route: string;
  provider: string;
  sessions: number | null;
  weeks: number | null;
  doseMg: number | null;
  /** Line items left out (`--exclude intake`): ids, sorted. */
  exclude: string[];
  /**
   * The patient's own quote, which replaces the published prices it gives: a price per session
   * (cents; for esketamine, per session at the dose given), packages on offer, and item prices
   * (ids sorted); `asOf` is the day the quote was given (the command's today, so the core stays pure).
   */
  quote: { priceCents: number | null; packages: Package[]; itemPrices: { id: string; cents: number }[]; asOf: string | null };
  insurance: {
    status: InsuranceStatus;
    covered: Covered;
    /** What is left of the deductible; null when not given (the estimate then spans met to a typical full one). */
    deductibleCents: number | null;
    coinsuranceBasisPoints: number | null;
    copayCents: number | null;
    oopMaxCents: number | null;
    /** Out of network: the share the plan pays back; null when not given (then 0). */
    reimbursementBasisPoints: number | null;
    /** The plan's allowed (Medicare: approved) amount per visit; null when not given. */
    allowedCents: number | null;
    /** Medicare: the Medigap plan letter (A-N), null for none. */
    medigap: string | null;
    /** What is left of the family deductible and out-of-pocket maximum this year; null when not given. */
    familyDeductibleCents: number | null;
    familyOopMaxCents: number | null;
    /** Whether the deductible applies before the copay or coinsurance (a plan's "deductible does not apply" says no). */
    deductibleApplies: boolean;
  };
};
export type Insurance = Scenario['insurance'];

/** Compile-time equality of two types, used to keep zod schemas and these types in step. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
