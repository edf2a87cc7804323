import type { CentsRange, Estimate } from './estimate.js';
import { dataText, type Message, msg } from './message.js';
import type { Dataset, ServiceCode, Source } from './types.js';

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
  /** Items that must be scheduled separately, and for which separate estimates will be issued. */
  scheduledSeparately: { description: T; codes: Omit<ServiceCode, 'ref'>[]; reason: T }[];
  total: CentsRange;
  notices: { id: string; text: T; source: string; at: string; quote: string | null; asOf: string | null }[];
  disputeThresholdCents: number;
  sources: Source[];
  dataset: Estimate['dataset'];
};

/**
 * Lays an estimate out as a Good Faith Estimate draft for a self-pay patient: each priced item with
 * its codes (where the price list gives them) and expected charges, what must be estimated
 * separately, and the notices the rule requires, each from the price list with its source.
 */
export function goodFaithEstimate(
  e: Estimate<Message>,
  dataset: Dataset,
  clinic: ClinicProfile,
  patient: GfePatient,
  scheduledDate: string | null,
  issued: string | null = null,
): GoodFaithEstimate<Message> {
  const route = dataset.routes.find((r) => r.id === e.route.id);
  const offer = route?.offers.find((o) => o.provider === e.provider.id);
  // A code's source is listed with the others, so every code printed can be checked.
  const codeSources = new Set<string>();
  const codesOf = (id: string): Omit<ServiceCode, 'ref'>[] => {
    const codes = id === 'treatment' || id === 'drug' ? offer?.codes : route?.items?.find((i) => i.id === id)?.codes;
    for (const c of codes ?? []) if (c.ref) codeSources.add(c.ref.source);
    return (codes ?? []).map(({ system, code, description }) => ({ system, code, description }));
  };
  const items: GfeItem<Message>[] = [];
  const separate: GoodFaithEstimate<Message>['scheduledSeparately'] = [];
  for (const item of e.items) {
    if (item.status === 'priced' && item.unit && item.total) {
      items.push({
        description: item.label,
        codes: codesOf(item.id),
        quantity: item.count,
        unit: item.unit,
        expected: item.total,
        thirdParty: item.thirdParty,
        source: item.source,
        at: item.at,
      });
    } else if (item.status === 'not-priced') {
      separate.push({ description: item.label, codes: codesOf(item.id), reason: item.note ?? msg('gfe.notPriced', {}) });
    }
  }
  const subtotal = items.reduce(
    (sum, i) => ({ lowCents: sum.lowCents + i.expected.lowCents, highCents: sum.highCents + i.expected.highCents }),
    {
      lowCents: 0,
      highCents: 0,
    },
  );
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
    providers: [{ clinic, items, subtotal }],
    scheduledSeparately: separate,
    total: subtotal,
    notices,
    disputeThresholdCents: dataset.insurance.goodFaithEstimateDisputeCents,
    sources: dataset.sources.filter((s) => cited.has(s.id)),
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
