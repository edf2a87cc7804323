// Turns what the core returns (every sentence a Message) into the contract's shapes (every
// sentence in words), with one catalog's `say`. Figures, ids and sources pass through untouched.

import type { Comparison } from '../core/compare.js';
import type { Cited, Estimate, LineItem, SourceOf, Step } from '../core/estimate-types.js';
import type { GoodFaithEstimate } from '../core/gfe.js';
import { dataText, type Message, msg } from '../core/message.js';
import type { Plan } from '../core/plan.js';
import type { Dataset, Ref, Source } from '../core/types.js';
import type { Say } from './catalog.js';

// A batch localizes an estimate per row, and rows of one program share its items and sessions:
// their words are made once per program and catalog.
const itemsDone = new WeakMap<Say, WeakMap<object, unknown>>();
function once<A extends object, B>(say: Say, value: A, make: () => B): B {
  let done = itemsDone.get(say);
  if (!done) {
    done = new WeakMap();
    itemsDone.set(say, done);
  }
  let hit = done.get(value) as B | undefined;
  if (hit === undefined) {
    hit = make();
    done.set(value, hit);
  }
  return hit;
}

const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Cited messages in words (the same empty list when there are none). */
export function sayCited(list: readonly Cited<Message>[], say: Say): Cited[] {
  return list.length === 0 ? NONE : list.map((c) => ({ text: say(c.text), source: c.source, at: c.at, quote: c.quote, asOf: c.asOf }));
}

function saySteps(list: readonly Step<Message>[], say: Say): Step[] {
  return list.length === 0 ? NONE : list.map((s) => ({ text: say(s.text), source: s.source, at: s.at, quote: s.quote }));
}

const sayAll = (list: readonly Message[], say: Say): string[] => (list.length === 0 ? NONE : list.map(say));

function sayItems(items: LineItem<Message>[], say: Say): LineItem[] {
  return once(say, items, () => items.map((i) => ({ ...i, label: say(i.label), note: i.note === null ? null : say(i.note) })));
}

/** An estimate in words: the contract's `Estimate`. */
export function sayEstimate(e: Estimate<Message>, say: Say): Estimate {
  return {
    dataset: e.dataset,
    scenario: e.scenario,
    // The price list's names and prose, through the catalog (a second language translates them).
    route: once(say, e.route, () => ({ ...e.route, label: say(dataText(e.route.label)) })),
    provider: once(say, e.provider, () => ({ ...e.provider, label: say(dataText(e.provider.label)) })),
    dose: e.dose,
    perSession: e.perSession,
    firstSession: e.firstSession,
    sessions: once(say, e.sessions, () => ({ ...e.sessions, description: say(e.sessions.description) })),
    program: e.program,
    packages: e.packages,
    items: sayItems(e.items, say),
    dueUpFront: e.dueUpFront,
    firstYear: e.firstYear,
    allIn: e.allIn,
    patient: {
      insurance: e.patient.insurance,
      cases: e.patient.cases.map((c) =>
        c.steps.low.length === 0 && c.steps.high.length === 0
          ? (c as unknown as Estimate['patient']['cases'][number])
          : { ...c, steps: { low: sayAll(c.steps.low, say), high: sayAll(c.steps.high, say) } },
      ),
      assumptions: sayCited(e.patient.assumptions, say),
      given: sayCited(e.patient.given, say),
    },
    inputsUsed: e.inputsUsed,
    benchmarks:
      e.benchmarks.length === 0
        ? e.benchmarks
        : once(say, e.benchmarks, () => e.benchmarks.map((b) => ({ ...b, text: say(dataText(b.text)) }))),
    coverage: once(say, e.coverage, () => ({ ...e.coverage, note: say(dataText(e.coverage.note)) })),
    included: sayCited(e.included, say),
    excluded: sayCited(e.excluded, say),
    notes: sayCited(e.notes, say),
    explanation: saySteps(e.explanation, say),
    sources: saySources(e.sources, say),
  };
}

/** A plan in words. */
export function sayPlan(p: Plan<Message>, say: Say): Plan {
  return {
    estimate: sayEstimate(p.estimate, say),
    options: p.options,
    cadence: say(p.cadence),
    rows: p.rows.map((r) => ({ ...r, steps: sayAll(r.steps, say) })),
    months: p.months.map((m) => ({ ...m, label: say(m.label) })),
    totals: p.totals,
    dueUpFront: p.dueUpFront,
    financing: p.financing,
    notes: sayCited(p.notes, say),
    explanation: sayAll(p.explanation, say),
    sources: saySources(p.sources, say),
  };
}

/** A comparison in words. */
export function sayComparison(c: Comparison<Message>, say: Say): Comparison {
  return {
    options: c.options.map((e) => sayEstimate(e, say)),
    skipped: c.skipped.map((s) => ({ ...s, reason: say(s.reason) })),
  };
}

/** A Good Faith Estimate in words. */
export function sayGfe(g: GoodFaithEstimate<Message>, say: Say): GoodFaithEstimate {
  return {
    ...g,
    primaryService: { ...g.primaryService, description: say(g.primaryService.description) },
    providers: g.providers.map((p) => ({ ...p, items: p.items.map((i) => ({ ...i, description: say(i.description) })) })),
    scheduledSeparately: g.scheduledSeparately.map((s) => ({ ...s, description: say(s.description), reason: say(s.reason) })),
    notIncluded: g.notIncluded.map((s) => ({ ...s, description: say(s.description), reason: say(s.reason) })),
    recurring: { ...g.recurring, frequency: say(g.recurring.frequency) },
    notices: g.notices.map((n) => ({ ...n, text: say(n.text) })),
    sources: saySources(g.sources, say),
  };
}

/**
 * The sources in words: the price list's with their publisher and date note through the catalog
 * (a title is a name, left as it is), the patient's quote named by the catalog.
 */
function saySources(sources: SourceOf<Message>[], say: Say): Source[] {
  return sources.map((s) =>
    'kind' in s
      ? {
          id: s.id,
          title: say(msg('source.quoteTitle', {})),
          publisher: say(msg('source.quotePublisher', {})),
          date: s.date,
          thirdParty: false,
        }
      : saySource(s, say),
  );
}

/** One of the price list's sources with its publisher and date note in words (the same object in English). */
export function saySource(s: Source, say: Say): Source {
  const publisher = s.publisher ? say(dataText(s.publisher)) : s.publisher;
  const dateNote = s.dateNote ? say(dataText(s.dateNote)) : s.dateNote;
  return publisher === s.publisher && dateNote === s.dateNote ? s : { ...s, publisher, dateNote };
}

/** A sentence of the price list's own (not a core message) with its reference, as the views carry it. */
export function citeText(text: string, ref: Ref): Cited {
  return { text, source: ref.source, at: ref.at, quote: ref.quote ?? null, asOf: ref.asOf ?? null };
}

/**
 * The price list with the prose a reader sees in the routes view in words (names, descriptions,
 * coverage notes, line items, benchmarks, sources' publishers and date notes); figures, ids and
 * quoted sentences untouched. In English every text says itself.
 */
export function sayDataset(d: Dataset, say: Say): Dataset {
  const t = (text: string) => say(dataText(text));
  return {
    ...d,
    sources: d.sources.map((s) => saySource(s, say)),
    providers: d.providers.map((p) => ({ ...p, label: t(p.label) })),
    routes: d.routes.map((r) => ({
      ...r,
      label: t(r.label),
      description: t(r.description),
      program: { ...r.program, description: t(r.program.description) },
      schedule: r.schedule && { ...r.schedule, description: t(r.schedule.description) },
      coverage: { ...r.coverage, note: t(r.coverage.note) },
      items: r.items?.map((i) => ({ ...i, label: t(i.label), notPriced: i.notPriced === undefined ? undefined : t(i.notPriced) })),
      benchmarks: r.benchmarks?.map((b) => ({ ...b, text: t(b.text) })),
    })),
  };
}
