import type { CentsRange, Estimate } from './estimate.js';
import { QUOTE_SOURCE_ID, type SourceOf } from './estimate-types.js';
import { dataText, type Message, msg } from './message.js';
import type { Dataset, ServiceCode } from './types.js';

/** Who the clinic is, as a Good Faith Estimate names it (45 CFR 149.610(c)(1)). Read from a clinic profile. */
export type ClinicProfile = {
  name: string;
  npi: string;
  tin: string;
  location: { street: string; city: string; state: string; zip: string };
  phone?: string | undefined;
};

/** The patient's details: personal data, printed in the document only, never in a message. */
export type GfePatient = { name: string; dateOfBirth: string; diagnosisCodes: string[] };

/** One item of a Good Faith Estimate: its codes, quantity and expected charges in cents. */
export type GfeItem<T = string> = {
  description: T;
  codes: Omit<ServiceCode, 'ref'>[];
  /** How many times: the sessions, or once. */
  quantity: { low: number; high: number };
  unit: CentsRange;
  expected: CentsRange;
  thirdParty: boolean;
  source: string;
  at: string;
};

/** A Good Faith Estimate draft (45 CFR 149.610): money in cents; `T` is how sentences are carried. */
export type GoodFaithEstimate<T = string> = {
  patient: GfePatient;
  primaryService: { description: T; scheduledDate: string | null };
  /** The date the estimate is given, when said (the document carries no clock time of its own). */
  issued: string | null;
  /** Items grouped by provider or facility: here the one clinic of the profile. */
  providers: { clinic: ClinicProfile; items: GfeItem<T>[]; subtotal: CentsRange }[];
  /** Care before or after the period that another provider or facility will estimate (separate estimates). */
  scheduledSeparately: { description: T; codes: Omit<ServiceCode, 'ref'>[]; reason: T }[];
  /** Optional items the clinic has not priced, or left out on purpose: not in the total. */
  notIncluded: { description: T; codes: Omit<ServiceCode, 'ref'>[]; reason: T }[];
  /** Recurring care: how many sessions, how often, over how many weeks (null: as given in sessions). */
  recurring: { sessions: number; frequency: T; weeks: number | null };
  total: CentsRange;
  notices: { id: string; text: T; source: string; at: string; quote: string | null; asOf: string | null }[];
  disputeThresholdCents: number;
  sources: SourceOf<T>[];
  dataset: Estimate['dataset'];
};

/** Why a Good Faith Estimate cannot be made from these inputs: the flag to give and a message (never the patient's details). */
export type GfeIssue = { flag: string; message: Message };

/** The longest period of care one Good Faith Estimate covers (45 CFR 149.610: up to 12 months), in weeks. */
export const GFE_MAX_WEEKS = 52;

/**
 * Lays an estimate out as a Good Faith Estimate a clinic could issue (45 CFR 149.610(c)(1)): one
 * expected charge for each item (the clinic's own price, never a published range), each line's
 * quantity x unit charge = its total, items given at each session itemised with their sessions, the
 * optional items not priced named as not included, the recurring care's frequency and period, and
 * the notices the rule requires, each from the price list with its source. Money in cents. Returns
 * a GfeIssue instead when a charge is a range, an item every session requires is not priced, or
 * the period is longer than 12 months.
 */
export function goodFaithEstimate(
  e: Estimate<Message>,
  dataset: Dataset,
  clinic: ClinicProfile,
  patient: GfePatient,
  scheduledDate: string | null,
  issued: string | null = null,
): GoodFaithEstimate<Message> | GfeIssue {
  const route = dataset.routes.find((r) => r.id === e.route.id);
  const offer = route?.offers.find((o) => o.provider === e.provider.id);
  // 1. One expected charge: the clinic's price, for a set number of sessions, within 12 months.
  if (e.scenario.weeks !== null && e.scenario.weeks > GFE_MAX_WEEKS)
    return { flag: '--weeks', message: msg('gfeIssue.tooLong', { weeks: e.scenario.weeks, max: GFE_MAX_WEEKS }) };
  if (e.sessions.low !== e.sessions.high)
    return { flag: '--sessions', message: msg('gfeIssue.sessionCount', { low: e.sessions.low, high: e.sessions.high }) };
  if (e.program.lowCents !== e.program.highCents) return { flag: '--price', message: msg('gfeIssue.range', {}) };
  // 2. An item every session requires must be priced (a Good Faith Estimate cannot leave it out); then every priced item is single.
  for (const item of e.items) {
    const def = route?.items?.find((d) => d.id === item.id);
    if (def?.requiredEachSession && item.status !== 'priced')
      return { flag: '--item-price', message: msg('gfeIssue.requiredItem', { id: def.id }) };
  }
  for (const item of e.items)
    if (item.status === 'priced' && item.unit && item.unit.lowCents !== item.unit.highCents)
      return { flag: '--item-price', message: msg('gfeIssue.itemRange', { id: item.id }) };
  // A code's source is listed with the others, so every code printed can be checked.
  const codeSources = new Set<string>();
  const codesOf = (id: string): Omit<ServiceCode, 'ref'>[] => {
    const codes = id === 'treatment' || id === 'drug' ? offer?.codes : route?.items?.find((i) => i.id === id)?.codes;
    for (const c of codes ?? []) if (c.ref) codeSources.add(c.ref.source);
    return (codes ?? []).map(({ system, code, description }) => ({ system, code, description }));
  };
  // 3. The lines: the treatment (as packages, single sessions and an introductory one where it was
  // bought so), then each priced item with its count; quantity x each = the line's total.
  const items: GfeItem<Message>[] = [];
  const line = (
    description: Message,
    id: string,
    quantity: number,
    each: number,
    ref: { source: string; at: string },
    thirdParty: boolean,
  ) =>
    items.push({
      description,
      codes: codesOf(id),
      quantity: { low: quantity, high: quantity },
      unit: { lowCents: each, highCents: each },
      expected: { lowCents: each * quantity, highCents: each * quantity },
      thirdParty,
      source: ref.source,
      at: ref.at,
    });
  const [treatment, ...others] = e.items;
  if (treatment) {
    const mix = e.packages?.low;
    if (mix) {
      if (mix.introCents !== null)
        line(msg('gfe.introSession', { treatment: treatment.label }), treatment.id, 1, mix.introCents, treatment, treatment.thirdParty);
      for (const p of mix.packages)
        line(
          msg('gfe.package', { treatment: treatment.label, sessions: p.sessions, month: p.per === 'month' }),
          treatment.id,
          p.count,
          p.cents,
          treatment,
          treatment.thirdParty,
        );
      if (mix.singles > 0) line(treatment.label, treatment.id, mix.singles, mix.singleCents, treatment, treatment.thirdParty);
    } else if (e.firstSession) {
      // Session 1 at its own dose is its own line, so each line multiplies (#24).
      line(
        msg('gfe.firstSession', { treatment: treatment.label, doseMg: e.firstSession.doseMg }),
        treatment.id,
        1,
        e.firstSession.lowCents,
        treatment,
        treatment.thirdParty,
      );
      line(treatment.label, treatment.id, e.sessions.low - 1, e.perSession.lowCents, treatment, treatment.thirdParty);
    } else line(treatment.label, treatment.id, e.sessions.low, e.perSession.lowCents, treatment, treatment.thirdParty);
  }
  const notIncluded: GoodFaithEstimate<Message>['notIncluded'] = [];
  for (const item of others) {
    if (item.status === 'priced' && item.unit) line(item.label, item.id, item.count.low, item.unit.lowCents, item, item.thirdParty);
    else
      notIncluded.push({
        description: item.label,
        codes: codesOf(item.id),
        reason: item.status === 'excluded' ? msg('gfe.leftOut', {}) : msg('gfe.notPricedOptional', {}),
      });
  }
  const subtotal = items.reduce((sum, i) => sum + i.expected.lowCents, 0);
  const notices = (dataset.goodFaithEstimate?.notices ?? []).map((n) => ({
    id: n.id,
    text: dataText(n.text),
    source: n.ref.source,
    at: n.ref.at,
    quote: n.ref.quote ?? null,
    asOf: n.ref.asOf ?? null,
  }));
  const cited = new Set([
    ...items.map((i) => i.source),
    ...codeSources,
    ...notices.map((n) => n.source),
    dataset.insurance.goodFaithEstimateRef.source,
  ]);
  // 4. Recurring care: how often (the route's schedule or as the clinic schedules) and over what period.
  const recurring = {
    sessions: e.sessions.low,
    frequency: route?.schedule && e.scenario.weeks !== null ? dataText(route.schedule.description) : msg('gfe.asScheduled', {}),
    weeks: e.scenario.weeks,
  };
  const sources = dataset.sources.filter((s) => cited.has(s.id));
  return {
    patient,
    primaryService: {
      description: msg('gfe.primaryService', {
        route: e.route.label,
        provider: e.provider.label,
        low: e.sessions.low,
        high: e.sessions.high,
      }),
      scheduledDate,
    },
    issued,
    providers: [{ clinic, items, subtotal: { lowCents: subtotal, highCents: subtotal } }],
    // Care another provider or facility gives before or after, which it estimates itself: none here.
    scheduledSeparately: [],
    notIncluded,
    recurring,
    total: { lowCents: subtotal, highCents: subtotal },
    notices,
    disputeThresholdCents: dataset.insurance.goodFaithEstimateDisputeCents,
    sources: cited.has(QUOTE_SOURCE_ID) ? [...sources, { id: QUOTE_SOURCE_ID, kind: 'quote', date: e.scenario.quote.asOf }] : sources,
    dataset: e.dataset,
  };
}

/**
 * Whether a National Provider Identifier is well formed: 10 digits whose last is the Luhn check
 * digit of the other nine prefixed with 80840 (the card issuer prefix the NPI standard uses).
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
