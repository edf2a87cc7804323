// Plain types of the domain. The schemas (catalog/schema.ts, core/scenario.ts) are checked
// against these at compile time, and the published type declarations need nothing but these.

import type { ScenarioField } from './fields.js';

/** Where a figure comes from: a source id of the dataset and the line or section in it. */
export type Ref = { source: string; at: string };
export type Note = { text: string; ref: Ref };
export type Price = { per: 'session' | 'device'; lowCents: number; highCents: number; ref: Ref };
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
  offers: { provider: string; price: Price }[];
  doses?: { mg: number; devices: number; ref: Ref }[] | undefined;
  defaultDoseMg?: number | undefined;
  program: { lowSessions: number; highSessions: number; description: string; ref: Ref };
  schedule?: { phases: SchedulePhase[]; description: string; ref: Ref } | undefined;
  coverage: { typical: 'covered' | 'not-covered'; note: string; ref: Ref };
  included: Note[];
  excluded: Note[];
  notes: Note[];
};

/** A price list: routes, providers, prices in integer cents, programs and the sources of every figure. */
export type Dataset = {
  id: string;
  version: string;
  asOf: string;
  currency: 'USD';
  sources: { id: string; title: string; locator: string }[];
  providers: { id: string; label: string; aliases: string[] }[];
  routes: Route[];
  insurance: {
    defaultCoinsurancePercent: number;
    coinsuranceRef: Ref;
    goodFaithEstimateDisputeCents: number;
    goodFaithEstimateRef: Ref;
    savingsProgram: { routes: string[]; text: string; ref: Ref };
  };
  eligibility: {
    intro: string;
    ageQuestion: { text: string; note: string; ref: Ref };
    conditions: { id: string; label: string; note: string; ref: Ref }[];
    crisisNote: { routes: string[]; text: string; ref: Ref };
  };
};

export type { ScenarioField } from './fields.js';

/** What flags, prompts and batch rows all produce: every field as the user typed it, unchecked. */
export type RawScenario = Partial<Record<ScenarioField, string | number>>;

/** One thing wrong with a raw scenario: the field and a sentence saying what was typed and what is allowed. */
export type ScenarioIssue = { field: ScenarioField; message: string };

export type InsuranceStatus = 'none' | 'in-network' | 'out-of-network';
export type Covered = 'auto' | 'yes' | 'no';

/** A validated scenario: canonical ids, whole numbers, money in cents, percentages in basis points. */
export type Scenario = {
  route: string;
  provider: string;
  sessions: number | null;
  weeks: number | null;
  doseMg: number | null;
  insurance: {
    status: InsuranceStatus;
    covered: Covered;
    deductibleCents: number;
    coinsuranceBasisPoints: number | null;
    copayCents: number | null;
    oopMaxCents: number | null;
    reimbursementBasisPoints: number;
  };
};
export type Insurance = Scenario['insurance'];

/** Compile-time equality of two types, used to keep zod schemas and these types in step. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
