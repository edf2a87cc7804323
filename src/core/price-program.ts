import { cite, DatasetMismatch, findRoute, refFields, step, thirdPartySources } from './cite.js';
import { type Bill, sessionBills } from './cost-sharing.js';
import {
  type CentsRange,
  type Cited,
  type EstimateOptions,
  type LineItem,
  type ProgramPrice,
  type ProgramScenario,
  QUOTE_SOURCE_ID,
  type Step,
} from './estimate-types.js';
import { dataText, type End, type Message, msg } from './message.js';
import { countSessions } from './schedule.js';
import { treatmentCost, treatmentPrice, treatmentTotal } from './treatment.js';
import type { Dataset, Package, Ref, Route } from './types.js';

/**
 * A key two scenarios share exactly when priceProgram prices them alike: the fields of
 * ProgramScenario. They are parsed ids and numbers, never free text, so a separator is safe.
 */
export function programKey(scenario: ProgramScenario): string {
  const q = scenario.quote;
  const quote = q.priceCents === null && q.packages.length === 0 && q.itemPrices.length === 0 ? '' : `|${JSON.stringify(q)}`;
  return `${scenario.route}|${scenario.provider}|${scenario.sessions}|${scenario.weeks}|${scenario.doseMg}|${scenario.exclude.join(',')}${quote}`;
}

/** Whether a scenario carries a quote of the patient's own (a price, packages or item prices). */
export function hasQuote(scenario: ProgramScenario): boolean {
  const q = scenario.quote;
  return q.priceCents !== null || q.packages.length > 0 || q.itemPrices.length > 0;
}

/** Adds an explanation step when explaining (the step is built only then). */
export type Say = (line: () => Step<Message>) => void;
type Dose = NonNullable<Route['doses']>[number];
type FirstSession = NonNullable<ProgramPrice['firstSession']>;

/**
 * Prices the program before insurance, the first half of estimateCost: one session, session 1 at
 * its own dose, the session count, the treatment, the other line items, what is due up front, a
 * first year and the bills a plan would share (all in cents). Throws when the dataset lacks the
 * route, offer or dose (a caller's bug: scenarios are validated against the same dataset).
 */
export function priceProgram(scenario: ProgramScenario, dataset: Dataset, options: EstimateOptions = {}): ProgramPrice {
  const explain = options.explain ?? true;
  const route = findRoute(dataset, scenario.route);
  const offer = route.offers.find((o) => o.provider === scenario.provider);
  const provider = dataset.providers.find((p) => p.id === scenario.provider);
  if (!offer || !provider) throw new DatasetMismatch('offer', `${route.id}@${scenario.provider}`);
  const explanation: Step<Message>[] = [];
  // Lines are built only when explaining: a batch's summary rows skip them, and their cost.
  const say: Say = (line) => {
    if (explain) explanation.push(line());
  };
  const quote = scenario.quote;
  const quoted = quote.priceCents;
  // The patient's quote replaces the published price (#23): one price a session, at the dose given.
  const price: Price =
    quoted === null ? offer.price : { per: 'session', lowCents: quoted, highCents: quoted, ref: quoteRef('--price', quote.asOf) };

  // 1. One session, and session 1 at the label's starting dose where it differs (not with a quote: it is per session as given).
  const dose = scenario.doseMg === null ? null : ((route.doses ?? []).find((d) => d.mg === scenario.doseMg) ?? null);
  const { perSession, units } = sessionPrice(route, provider.label, price, quoted === null ? dose : null, say);
  const firstSession = quoted === null ? firstSessionPrice(route, price, dose, say) : null;

  // 2. How many sessions: as given, from a duration through the schedule, or the typical program.
  const sessions = countProgramSessions(scenario, route);
  for (const line of sessions.steps)
    say(() => ({ text: line, source: sessions.ref?.source ?? null, at: sessions.ref?.at ?? null, quote: sessions.ref?.quote ?? null }));

  // 3. The treatment over the program (treatment.ts): with packages or an introductory session, the cheapest mix.
  const packagesRef =
    quote.packages.length > 0 ? quoteRef('--package', quote.asOf) : (offer.packages?.[0]?.ref ?? offer.intro?.ref ?? price.ref);
  const buying = {
    packages: quote.packages.length > 0 ? quote.packages : quoted === null ? (offer.packages ?? []) : [],
    intro: quoted === null ? (offer.intro ?? null) : null,
  };
  const { program, mixes } = treatmentPrice({
    sessions,
    perSession,
    firstSession,
    ...buying,
    priceRef: price.ref,
    packagesRef,
    say,
  });

  // 4. The line items: the treatment, then the others; priced ones add up, the rest are named.
  const items = lineItems(scenario, dataset, route, provider.label, price, dose, firstSession, sessions, perSession, program, say);
  const extras = items.slice(1).filter((i) => i.status === 'priced');
  const allIn = {
    lowCents: program.lowCents + extras.reduce((sum, i) => sum + (i.total?.lowCents ?? 0), 0),
    highCents: program.highCents + extras.reduce((sum, i) => sum + (i.total?.highCents ?? 0), 0),
    notPriced: items.filter((i) => i.status === 'not-priced').map((i) => i.id),
    excludedItems: items.filter((i) => i.status === 'excluded').map((i) => i.id),
  };
  if (extras.length > 0)
    say(() => step(msg('price.allIn', { program, extras: extras.map((i) => i.total ?? { lowCents: 0, highCents: 0 }), allIn }), price.ref));

  // 5. Money due before the first session and a first year on the schedule, where the price list says.
  const dueUpFront = upFrontPrice(route, perSession, firstSession, buying, sessions);
  const firstYear = firstYearPrice(route, extras, perSession, firstSession);

  // 6. The bills, in order, that insurance shares: one-time visits first, then each session.
  const bills = {
    low: billsFor('low', extras, sessions, perSession, firstSession, mixes ? program.lowCents : null),
    high: billsFor('high', extras, sessions, perSession, firstSession, mixes ? program.highCents : null),
  };

  // 7. Notes that the program alone decides (the rest depend on the insurance; see estimateFromPrice).
  const programNoteLists = explain ? programNotes(scenario, dataset, route, items, firstSession, sessions.high) : NO_NOTES;
  // The quote against the published range, and the mix of packages: said before the route's own notes.
  const quoteNotes: Cited<Message>[] = [];
  if (explain && quoted !== null) quoteNotes.push(quoteNote(quoted, offer.price, dose));
  if (explain && mixes)
    quoteNotes.push(
      cite(msg('note.packageMix', { low: mixes.low, high: mixes.high, count: { low: sessions.low, high: sessions.high } }), packagesRef),
    );
  const notes = quoteNotes.length === 0 ? programNoteLists : { ...programNoteLists, before: [...quoteNotes, ...programNoteLists.before] };
  const benchmarks = (route.benchmarks ?? [])
    .filter((b) => b.doseMg === undefined || !dose || b.doseMg === dose.mg)
    .map((b) => ({ text: b.text, cents: b.cents, ...refFields(b.ref) }));
  return {
    dataset: { id: dataset.id, version: dataset.version, asOf: dataset.asOf },
    route: { id: route.id, label: route.label, description: route.description },
    provider: { id: provider.id, label: provider.label },
    dose: dose ? { mg: dose.mg, devices: dose.devices, source: dose.ref.source, at: dose.ref.at } : null,
    perSession: {
      lowCents: perSession.lowCents,
      highCents: perSession.highCents,
      per: price.per,
      units,
      unitLowCents: price.lowCents,
      unitHighCents: price.highCents,
      source: price.ref.source,
      at: price.ref.at,
    },
    firstSession,
    sessions: {
      low: sessions.low,
      high: sessions.high,
      basis: sessions.basis,
      description: sessions.description,
      source: sessions.ref?.source ?? null,
      at: sessions.ref?.at ?? null,
    },
    program,
    packages: mixes,
    items,
    dueUpFront,
    firstYear,
    allIn,
    benchmarks,
    coverage: { typical: route.coverage.typical, note: route.coverage.note, source: route.coverage.ref.source, at: route.coverage.ref.at },
    included: notes.included,
    excluded: notes.excluded,
    bills,
    billed: { lowCents: sumBills(bills.low), highCents: sumBills(bills.high) },
    steps: explanation,
    notesBefore: notes.before,
    notesAfter: notes.after,
  };
}

type Price = Route['offers'][number]['price'];

/** One session's price (cents): the route's price, times the devices the dose needs when priced per device. */
function sessionPrice(
  route: Route,
  providerLabel: string,
  price: Price,
  dose: Dose | null,
  say: Say,
): { perSession: CentsRange; units: number } {
  if (price.per === 'device' && !dose) throw new DatasetMismatch('dose', route.id);
  const units = price.per === 'device' && dose ? dose.devices : 1;
  const perSession = { lowCents: price.lowCents * units, highCents: price.highCents * units };
  if (units === 1) say(() => step(msg('price.perSession', { perSession, route: route.label, provider: providerLabel }), price.ref));
  else if (dose) {
    say(() => step(msg('price.perUnit', { per: price.per, unit: price }), price.ref));
    say(() => step(msg('price.doseDevices', { doseMg: dose.mg, devices: dose.devices, unit: price, perSession }), dose.ref));
  }
  return { perSession, units };
}

/** Session 1 at the label's starting dose when the chosen dose differs (esketamine at 84 mg starts at 56 mg), else null. */
function firstSessionPrice(route: Route, price: Price, dose: Dose | null, say: Say): FirstSession | null {
  const start = route.firstSession;
  if (!start || !dose || start.doseMg === dose.mg || price.per !== 'device') return null;
  const startDose = route.doses?.find((d) => d.mg === start.doseMg);
  if (!startDose) return null;
  const first: FirstSession = {
    doseMg: startDose.mg,
    devices: startDose.devices,
    lowCents: price.lowCents * startDose.devices,
    highCents: price.highCents * startDose.devices,
    ...refFields(start.ref),
  };
  say(() =>
    step(msg('price.firstSession', { doseMg: first.doseMg, devices: first.devices, unit: price, first, laterDoseMg: dose.mg }), start.ref),
  );
  return first;
}

export type ProgramSessions = {
  low: number;
  high: number;
  basis: 'given' | 'typical' | 'weeks';
  description: Message;
  ref: Ref | null;
  steps: Message[];
};

/** The session count, low and high: as given, from weeks on the route's schedule, or the route's typical program. */
function countProgramSessions(scenario: ProgramScenario, route: Route): ProgramSessions {
  if (scenario.sessions !== null) {
    const n = scenario.sessions;
    return {
      low: n,
      high: n,
      basis: 'given',
      description: msg('sessions.given', { count: n }),
      ref: null,
      steps: [msg('sessions.givenStep', { count: n })],
    };
  }
  if (scenario.weeks !== null && route.schedule) {
    const counted = countSessions(route.schedule.phases, scenario.weeks);
    const span = { low: counted.low, high: counted.high };
    return {
      ...span,
      basis: 'weeks',
      description: msg('sessions.weeks', { ...span, weeks: scenario.weeks, schedule: route.schedule.description }),
      ref: route.schedule.ref,
      steps: [...counted.steps, msg('sessions.weeksStep', { ...span, weeks: scenario.weeks })],
    };
  }
  const span = { low: route.program.lowSessions, high: route.program.highSessions };
  return {
    ...span,
    basis: 'typical',
    description: msg('sessions.typical', { ...span, program: route.program.description }),
    ref: route.program.ref,
    steps: [msg('sessions.typicalStep', { ...span, program: route.program.description })],
  };
}

/** Every line item: the treatment first, then the route's items, priced, not priced or left out with --exclude. */
function lineItems(
  scenario: ProgramScenario,
  dataset: Dataset,
  route: Route,
  providerLabel: string,
  price: Price,
  dose: Dose | null,
  firstSession: FirstSession | null,
  sessions: ProgramSessions,
  perSession: CentsRange,
  program: CentsRange,
  say: Say,
): LineItem<Message>[] {
  const thirdParties = thirdPartySources(dataset);
  const thirdParty = (ref: Ref | undefined) => ref !== undefined && thirdParties.has(ref.source);
  const items: LineItem<Message>[] = [
    {
      id: price.per === 'device' ? 'drug' : 'treatment',
      label:
        price.per === 'device' && dose
          ? msg('item.drug', { route: route.label, devices: dose.devices })
          : msg('item.treatment', { route: route.label, provider: providerLabel }),
      charge: 'per-session',
      count: { low: sessions.low, high: sessions.high },
      unit: perSession,
      total: program,
      status: 'priced',
      note: firstSession ? msg('item.firstSessionNote', { doseMg: firstSession.doseMg, devices: firstSession.devices }) : null,
      thirdParty: thirdParty(price.ref),
      ...refFields(price.ref),
    },
  ];
  for (const def of route.items ?? []) {
    const count = def.charge === 'once' ? { low: 1, high: 1 } : { low: sessions.low, high: sessions.high };
    const excluded = scenario.exclude.includes(def.id);
    // An item price from the quote replaces the published one, or prices an item no source prices (#23).
    const quotedItem = scenario.quote.itemPrices.find((q) => q.id === def.id);
    const itemRef = quotedItem ? quoteRef('--item-price', scenario.quote.asOf) : undefined;
    const unit = quotedItem
      ? { lowCents: quotedItem.cents, highCents: quotedItem.cents }
      : def.price
        ? { lowCents: def.price.lowCents, highCents: def.price.highCents }
        : null;
    const priced = unit !== null && !excluded;
    const isThirdParty = !quotedItem && (thirdParty(def.price?.ref) || thirdParty(def.price?.highRef));
    items.push({
      id: def.id,
      label: dataText(def.label),
      charge: def.charge,
      count,
      unit,
      total: priced && unit ? { lowCents: unit.lowCents * count.low, highCents: unit.highCents * count.high } : null,
      status: excluded ? 'excluded' : priced ? 'priced' : 'not-priced',
      note: excluded ? msg('item.excluded', {}) : def.notPriced === undefined || quotedItem ? null : dataText(def.notPriced),
      thirdParty: isThirdParty,
      ...refFields(itemRef ?? def.price?.highRef ?? def.price?.ref ?? def.ref),
    });
    const itemPrice = itemRef ? { ref: itemRef, highRef: undefined } : def.price;
    if (priced && unit && itemPrice) {
      const line = { label: def.label, charge: def.charge, thirdParty: isThirdParty };
      const highRef = itemPrice.highRef;
      if (highRef) {
        // Two sources, one for each end: cite both.
        say(() => step(msg('price.itemEnd', { ...line, end: 'low', cents: unit.lowCents }), itemPrice.ref));
        say(() => step(msg('price.itemEnd', { ...line, end: 'high', cents: unit.highCents }), highRef));
      } else say(() => step(msg('price.item', { ...line, unit }), itemPrice.ref));
    }
  }
  return items;
}

/**
 * What clinics ask for before the first session (cents), from the price list's up-front sessions;
 * null where it gives none. Those sessions are bought as the program's are: with packages or an
 * introductory session (the quote's or the price list's), at their cheapest mix. At each end, no
 * more sessions than the program has (`program`, low and high): a program shorter than what
 * clinics take up front is paid whole before it starts, never more (the new-user try: a 2-session
 * program showed $900-$4,800 due first beside $450-$1,600 in all). The source's own count is the
 * plan's note (`plan.note.upFront`).
 */
function upFrontPrice(
  route: Route,
  perSession: CentsRange,
  first: FirstSession | null,
  buying: { packages: readonly Package[]; intro: { cents: number } | null },
  program: { low: number; high: number },
): ProgramPrice['dueUpFront'] {
  const upFront = route.upFront;
  if (!upFront) return null;
  const sessions = { low: Math.min(upFront.lowSessions, program.low), high: Math.min(upFront.highSessions, program.high) };
  return { ...treatmentCost(sessions, perSession, first, buying).program, sessions };
}

/** The first 52 weeks on the route's schedule, billed all-in (cents); null for a route without a schedule. */
function firstYearPrice(
  route: Route,
  extras: LineItem<Message>[],
  perSession: CentsRange,
  first: FirstSession | null,
): ProgramPrice['firstYear'] {
  // A first year only where the schedule's source describes one (#21): no extrapolation.
  if (!route.schedule || (route.schedule.coversWeeks !== undefined && route.schedule.coversWeeks < 52)) return null;
  const year = countSessions(route.schedule.phases, 52);
  const once = (end: End) => extras.filter((i) => i.charge === 'once').reduce((t, i) => t + (i.total ? pick(i.total, end) : 0), 0);
  const each = (end: End) =>
    pick(perSession, end) + extras.filter((i) => i.charge === 'per-session').reduce((t, i) => t + (i.unit ? pick(i.unit, end) : 0), 0);
  const total = (end: End, count: number) =>
    once(end) + treatmentTotal(count, each(end), first ? pick(first, end) + each(end) - pick(perSession, end) : null);
  return { lowCents: total('low', year.low), highCents: total('high', year.high), sessions: { low: year.low, high: year.high } };
}

/**
 * The bills at one end, in order: one-time visits first (named), then each session with its
 * per-session items. With a mix of packages, the treatment's total is spread over the sessions
 * (the first takes the odd cents), as a plan shares it session by session.
 */
function billsFor(
  end: End,
  extras: LineItem<Message>[],
  sessions: ProgramSessions,
  perSession: CentsRange,
  first: FirstSession | null,
  mixTotal: number | null,
): Bill[] {
  const once = extras
    .filter((i) => i.charge === 'once' && i.unit)
    .map((i) => ({ cents: pick(i.unit as CentsRange, end), session: null, name: shortLabel(i.label) }));
  const perSessionExtras = extras.filter((i) => i.charge === 'per-session').reduce((sum, i) => sum + (i.unit ? pick(i.unit, end) : 0), 0);
  const count = end === 'low' ? sessions.low : sessions.high;
  if (mixTotal !== null && count > 0) {
    const each = Math.floor(mixTotal / count);
    const bills = sessionBills(each + perSessionExtras, count);
    const firstBill = bills[0];
    if (firstBill) firstBill.cents += mixTotal - each * count;
    return [...once, ...bills];
  }
  const bills: Bill[] = [...once, ...sessionBills(pick(perSession, end) + perSessionExtras, count)];
  const firstBill = bills[once.length];
  if (first && firstBill) firstBill.cents = pick(first, end) + perSessionExtras;
  return bills;
}

const NONE: never[] = /* @__PURE__ */ Object.freeze([]) as unknown as never[];
const NO_NOTES = /* @__PURE__ */ Object.freeze({ included: NONE, excluded: NONE, before: NONE, after: NONE });

/** The notes the program alone decides: what is and is not included, the route's notes, session 1's dose, savings programs. */
function programNotes(
  scenario: ProgramScenario,
  dataset: Dataset,
  route: Route,
  items: LineItem<Message>[],
  first: FirstSession | null,
  highSessions: number,
): { included: Cited<Message>[]; excluded: Cited<Message>[]; before: Cited<Message>[]; after: Cited<Message>[] } {
  const included = route.included.map((n) => cite(dataText(n.text), n.ref));
  const excluded = route.excluded.map((n) => cite(dataText(n.text), n.ref));
  for (const item of items) {
    const def = item.status === 'priced' ? undefined : route.items?.find((d) => d.id === item.id);
    if (def)
      excluded.push(
        cite(
          item.status === 'excluded'
            ? msg('note.itemExcluded', { label: def.label })
            : msg('note.itemNotPriced', { label: def.label, why: def.notPriced ?? null }),
          def.ref,
        ),
      );
  }
  const before = route.notes.map((n) => cite(dataText(n.text), n.ref));
  if (first && route.firstSession)
    before.push(
      cite(
        msg('note.firstSession', { doseMg: first.doseMg, devices: first.devices, laterDoseMg: highSessions > 1 ? scenario.doseMg : null }),
        route.firstSession.ref,
      ),
    );
  const after: Cited<Message>[] = [];
  const savings = dataset.insurance.savingsProgram;
  if (savings.routes.includes(route.id)) {
    after.push(cite(dataText(savings.text), savings.ref));
    for (const n of savings.notes ?? []) after.push(cite(dataText(n.text), n.ref));
    if (savings.excludedRef) after.push(cite(msg('note.savingsGovernmentPlans', {}), savings.excludedRef));
  }
  return { included, excluded, before, after };
}

const pick = (r: CentsRange, end: End) => (end === 'low' ? r.lowCents : r.highCents);
const sumBills = (bills: Bill[]) => bills.reduce((total, b) => total + b.cents, 0);

/** The source of a figure from the patient's own quote: the flag it was given with, on the day given. */
function quoteRef(flag: string, asOf: string | null): Ref {
  return { source: QUOTE_SOURCE_ID, at: flag, asOf: asOf ?? undefined };
}

/** How a quoted price compares with the published range for the same session (cents), cited to the published figure. */
function quoteNote(quoted: number, published: Price, dose: Dose | null): Cited<Message> {
  const units = published.per === 'device' && dose ? dose.devices : 1;
  const range = { lowCents: published.lowCents * units, highCents: published.highCents * units };
  const position = quoted < range.lowCents ? 'below' : quoted > range.highCents ? 'above' : 'within';
  return cite(msg('note.quoteVsPublished', { priceCents: quoted, published: range, position }), published.ref);
}

/** A line item's label without its parenthesis, as a bill's name ("Intake visit (once)" -> "Intake visit"). */
function shortLabel(label: Message): Message {
  return label.key === 'data.text' ? msg('data.shortLabel', { text: label.params.text }) : label;
}
