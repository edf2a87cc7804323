import { bundledDataset } from '../catalog/load.js';
import { type Estimate, hasQuote, type PatientCase } from '../core/estimate.js';
import { QUOTE_SOURCE_ID } from '../core/estimate-types.js';
import { formatRange } from '../core/fields.js';
import { formatUsd, formatUsdRange } from '../core/money.js';
import { PAYER_TERMS } from '../core/payer-terms.js';
import type { Source } from '../core/types.js';
import { EN_VIEW } from '../text/en-view.js';
import { type AnswerHow, sentenceStart, shortLabel, type ViewWords } from '../text/view.js';

/** Said under every estimate, in English (each view's words carry their own). */
export const DISCLAIMER = EN_VIEW.disclaimer;

/**
 * What a citation mark means, said once above every sources list: "[1: L160]" alone told a new
 * reader nothing (#25 C). `short`: the terminal's "[1]" marks, whose places follow "Cited at".
 */
export function sourceMarksKey(short = false, w: ViewWords = EN_VIEW): string {
  return w.sourceMarksKey(short);
}

/** A price list's id when it is not the bundled one (a clinic's own, whose prices are not "published" ones), else null. */
function ownList(datasetId: string): string | null {
  return datasetId === bundledDataset.id ? null : datasetId;
}

/** The disclaimer under an estimate, naming whose prices it is from (the patient's quote, a price list of their own, or published ranges). */
export function disclaimerOf(e: Estimate, w: ViewWords = EN_VIEW): string {
  const quoted = hasQuote(e.scenario);
  const list = ownList(e.dataset.id);
  return quoted || list !== null ? w.disclaimerOf({ quoted, list }) : w.disclaimer;
}

/** The disclaimer under a comparison of `options` (compare's table, Markdown and handout): the first option's, as they share a scenario. */
export function comparisonDisclaimer(options: readonly Estimate[], w: ViewWords = EN_VIEW): string {
  return options[0] ? disclaimerOf(options[0], w) : w.disclaimer;
}

/** The disclaimer under a view of a whole price list (`datasetId`): a batch, the routes. */
export function listDisclaimer(datasetId: string, w: ViewWords = EN_VIEW): string {
  const list = ownList(datasetId);
  return list === null ? w.disclaimer : w.disclaimerOf({ quoted: false, list });
}

/**
 * The answer first, in one sentence: what this patient will most likely pay, all-in, with the
 * range, and in a second line what that figure leaves out.
 */
export function headline(e: Estimate, w: ViewWords = EN_VIEW): string[] {
  const usual = e.patient.cases[0];
  const pay = usual?.patient ?? e.allIn;
  const several = e.patient.cases.length > 1;
  const how: AnswerHow =
    !usual || usual.case === 'self-pay'
      ? 'self-pay'
      : usual.case === 'covered'
        ? several
          ? 'covered-usual'
          : 'covered'
        : several
          ? 'not-covered-usual'
          : 'not-covered';
  // A span of published prices is not a likelihood: say what it spans (#21). With the patient's
  // own quote the figure is theirs; a package quote alone leaves single sessions at published prices.
  const quotedAll = e.perSession.source === 'quote';
  const quotedSome = quotedAll || e.sources.some((s) => s.id === 'quote');
  const lines = [
    w.answer({
      amount: formatUsdRange(pay.lowCents, pay.highCents),
      single: pay.lowCents === pay.highCents,
      quoted: quotedAll ? 'all' : quotedSome ? 'some' : 'none',
      list: ownList(e.dataset.id),
      how,
      what: describeEstimate(e, w),
    }),
  ];
  const named = (status: string) => e.items.filter((i) => i.status === status).map((i) => shortLabel(i.label).toLowerCase());
  const unpriced = named('not-priced');
  if (unpriced.length) lines.push(w.notInFigure(unpriced));
  const excluded = named('excluded');
  if (excluded.length) lines.push(w.leftOut(excluded));
  return lines;
}

/** Returns the one-line description of what was priced ("IV infusion at a clinic, 6 sessions"). */
export function describeEstimate(e: Estimate, w: ViewWords = EN_VIEW): string {
  return w.estimateTitle({
    route: e.route.label,
    provider: e.provider.label,
    doseMg: e.dose ? e.dose.mg : null,
    span: formatRange(e.sessions.low, e.sessions.high),
    high: e.sessions.high,
    basis: e.sessions.basis === 'typical' ? 'typical' : e.sessions.basis === 'weeks' ? 'weeks' : 'given',
    weeks: e.scenario.weeks,
  });
}

/** Returns how the insurance situation reads in a sentence. */
export function describeInsurance(e: Estimate, w: ViewWords = EN_VIEW): string {
  return w.payer[e.patient.insurance];
}

/** The line that says which insurance terms were assumed rather than given, and the flags that give them; '' when none. */
export function assumedLine(e: Estimate, w: ViewWords = EN_VIEW): string {
  const assumed = e.inputsUsed.assumed;
  return assumed.length === 0 ? '' : w.assumed(assumed);
}

/** The label of a patient case in a table row, marking the usual one when both are shown. */
export function caseLabel(c: PatientCase, shownCases: number, w: ViewWords = EN_VIEW): string {
  return `${w.caseTitle[c.case]}${shownCases > 1 && c.typical ? ` (${w.usual})` : ''}`;
}

/** A short label for what the patient pays in a one-line row: "paying yourself", "if plan covers it (usual)". */
export function payLabel(e: Estimate, w: ViewWords = EN_VIEW): string {
  const first = e.patient.cases[0];
  if (!first || first.case === 'self-pay') return w.payingYourself;
  return `${w.shortCase(first.case)}${e.patient.cases.length > 1 && first.typical ? ` (${w.usual})` : ''}`;
}

/** Numbers each source the estimate cites, in dataset order, for "[1: L160]" markers. */
export function sourceNumbers(e: Estimate): Map<string, number> {
  return new Map(e.sources.map((s, i) => [s.id, i + 1]));
}

/** The short marker of a source on a terminal, "[1]": the places cited are listed with the sources. */
export function shortCitation(numbers: Map<string, number>, source: string | null): string {
  return source === null ? '' : `[${numbers.get(source) ?? source}]`;
}

/** For each source, the lines or sections the estimate cites, in order, once each. */
function citedPlaces(e: Estimate): Map<string, string[]> {
  const places = new Map<string, string[]>();
  const all = [
    { source: e.perSession.source, at: e.perSession.at },
    ...(e.firstSession ? [e.firstSession] : []),
    ...e.items,
    ...e.included,
    ...e.excluded,
    ...e.patient.given,
    ...e.patient.assumptions,
    ...e.notes,
    ...e.benchmarks,
    { source: e.coverage.source, at: e.coverage.at },
    { source: e.sessions.source, at: e.sessions.at },
    ...e.explanation,
  ];
  for (const c of all) {
    if (c.source === null || c.at === null) continue;
    const list = places.get(c.source) ?? [];
    if (!list.includes(c.at)) list.push(c.at);
    places.set(c.source, list);
  }
  return places;
}

/** Returns the citation marker of a figure, e.g. "[1: L160]". */
export function citation(numbers: Map<string, number>, source: string | null, at: string | null): string {
  if (source === null) return '';
  return `[${numbers.get(source) ?? source}${at ? `: ${at}` : ''}]`;
}

/**
 * When a figure was true: " (as of 2024-10-09)" where the source is dated; where it is not, the
 * date is only when it was read, and says so: " (read 2026-11-01)".
 */
export function dateLabel(asOf: string | null | undefined, source: Source | undefined, w: ViewWords = EN_VIEW): string {
  if (!asOf) return '';
  return w.dated(asOf, source !== undefined && (source.date === null || source.date === undefined));
}

/** A source as a reader looks it up: title, publisher, date (or why none), address, and whether it is a third party. */
export function describeSource(s: Source, w: ViewWords = EN_VIEW): string {
  const when = s.date ? w.date(s.date) : (s.dateNote ?? w.undated);
  const where = s.url ?? s.locator ?? sentenceStart(w.noAddress);
  const who = s.publisher ? `${s.publisher}, ` : '';
  // After the title's full stop a new sentence starts: "Consumer-health website, ..." (#26 review).
  return `${s.title}. ${sentenceStart(`${who}${when}`)}. ${where}${s.thirdParty ? w.thirdParty : ''}`;
}

export type Row = { label: string; lowCents: number; highCents: number; cite: string };

/**
 * The money rows every estimate format shows, in order: per session, the treatment program, the
 * other priced line items, the all-in total, then each patient case.
 */
export function estimateRows(e: Estimate, short = false, w: ViewWords = EN_VIEW): Row[] {
  const n = sourceNumbers(e);
  const cite = (source: string | null, at: string | null) => (short ? shortCitation(n, source) : citation(n, source, at));
  const priceCite = cite(e.perSession.source, e.perSession.at);
  // The session price's source is labelled as every other figure is when a third party gives it (#21).
  const whose = e.perSession.source === 'quote' ? 'quote' : e.items[0]?.thirdParty ? 'third-party' : null;
  const rows: Row[] = [
    {
      label: w.rows.perSession({ doseMg: e.dose ? e.dose.mg : null, units: e.perSession.units, whose }),
      lowCents: e.perSession.lowCents,
      highCents: e.perSession.highCents,
      cite: priceCite,
    },
  ];
  const first = e.firstSession;
  if (first)
    rows.push({
      label: w.rows.firstSession(first.doseMg, first.devices),
      lowCents: first.lowCents,
      highCents: first.highCents,
      cite: cite(first.source, first.at),
    });
  // Priced from the patient's packages: the program cites the quote, and the published price too
  // where single sessions at that price fill the mix (a new user saw the article cited alone).
  const quotedPackages = e.scenario.quote.packages.length > 0;
  const singles = e.packages !== null && (e.packages.low.singles > 0 || e.packages.high.singles > 0);
  const programCite = !quotedPackages
    ? priceCite
    : [cite(QUOTE_SOURCE_ID, '--package'), ...(singles && e.perSession.source !== QUOTE_SOURCE_ID ? [priceCite] : [])].join(' ');
  rows.push({
    label: w.rows.program({ items: e.items.length > 1, span: formatRange(e.sessions.low, e.sessions.high), high: e.sessions.high }),
    lowCents: e.program.lowCents,
    highCents: e.program.highCents,
    cite: programCite,
  });
  const extras = e.items.slice(1);
  for (const item of extras.filter((i) => i.status === 'priced' && i.total)) {
    const itemWhose = item.source === 'quote' ? 'quote' : item.thirdParty ? 'third-party' : null;
    rows.push({
      label: w.rows.item(shortLabel(item.label), item.charge === 'once', itemWhose),
      lowCents: item.total?.lowCents ?? 0,
      highCents: item.total?.highCents ?? 0,
      cite: cite(item.source, item.at),
    });
  }
  if (extras.length > 0) {
    // Name what the total leaves out where it says so (#21).
    rows.push({
      label: w.rows.allIn(
        [...e.allIn.notPriced, ...e.allIn.excludedItems].map((id) => ({
          id,
          label: shortLabel(e.items.find((i) => i.id === id)?.label ?? id).toLowerCase(),
        })),
      ),
      lowCents: e.allIn.lowCents,
      highCents: e.allIn.highCents,
      cite: '',
    });
  }
  if (e.dueUpFront) {
    rows.push({
      // A program shorter than what clinics take up front is due whole (price-program.ts).
      label: w.rows.dueUpFront(
        formatRange(e.dueUpFront.sessions.low, e.dueUpFront.sessions.high),
        e.dueUpFront.sessions.low === e.sessions.low && e.dueUpFront.sessions.high === e.sessions.high,
      ),
      lowCents: e.dueUpFront.lowCents,
      highCents: e.dueUpFront.highCents,
      // Bought as the program is (price-program.ts): with the patient's packages, they are cited too.
      // Each source once: with your own price too, both are your quote ("[9] [9]" in the new-user try).
      cite: quotedPackages ? [...new Set([cite(QUOTE_SOURCE_ID, '--package'), priceCite])].join(' ') : priceCite,
    });
  }
  if (e.firstYear) {
    rows.push({
      label: w.rows.firstYear(formatRange(e.firstYear.sessions.low, e.firstYear.sessions.high)),
      lowCents: e.firstYear.lowCents,
      highCents: e.firstYear.highCents,
      cite: '',
    });
  }
  const cases = e.patient.cases;
  for (const c of cases) {
    if (c.case === 'self-pay') continue;
    const title = caseLabel(c, cases.length, w);
    // A plan that pays back after a claim: the patient pays the bill on the day, then gets some back.
    if (PAYER_TERMS[e.patient.insurance].paysOnTheDay === 'bill' && c.case === 'covered') {
      rows.push({ label: w.rows.paidUpFront(title), lowCents: c.upFront.lowCents, highCents: c.upFront.highCents, cite: '' });
      rows.push({ label: w.rows.paidBack(title), lowCents: c.plan.lowCents, highCents: c.plan.highCents, cite: '' });
      if (c.balanceBilled.highCents > 0)
        rows.push({
          label: w.rows.balanceBilled(title),
          lowCents: c.balanceBilled.lowCents,
          highCents: c.balanceBilled.highCents,
          cite: '',
        });
      rows.push({ label: w.rows.youPayInTheEnd(title), lowCents: c.patient.lowCents, highCents: c.patient.highCents, cite: '' });
    } else {
      rows.push({ label: w.rows.youPay(title), lowCents: c.patient.lowCents, highCents: c.patient.highCents, cite: '' });
      if (c.case === 'covered')
        rows.push({ label: w.rows.planPays(title), lowCents: c.plan.lowCents, highCents: c.plan.highCents, cite: '' });
      // Above the plan's allowed amount: the clinic writes it off and nobody pays it (no balance billing in network).
      if (c.case === 'covered' && c.writtenOff.highCents > 0)
        rows.push({ label: w.rows.writtenOff(title), lowCents: c.writtenOff.lowCents, highCents: c.writtenOff.highCents, cite: '' });
    }
  }
  return rows;
}

/** The notes sections shared by the table and Markdown formats, as titled lists of cited lines. */
/** Which section a block of notes is, whatever its title says in the reader's language. */
export type SectionId = keyof ViewWords['sections'];

export function noteSections(
  e: Estimate,
  options: { explain: boolean; short?: boolean },
  w: ViewWords = EN_VIEW,
): { id: SectionId; title: string; lines: string[] }[] {
  const n = sourceNumbers(e);
  const short = options.short === true;
  const cite = (source: string | null, at: string | null) => (short ? shortCitation(n, source) : citation(n, source, at));
  const cited = (items: { text: string; source: string | null; at: string | null }[]) =>
    items.map((i) => `${i.text} ${cite(i.source, i.at)}`.trimEnd());
  const sessions =
    e.sessions.basis === 'given' ? [] : cited([{ text: `${e.sessions.description}.`, source: e.sessions.source, at: e.sessions.at }]);
  const section = (id: SectionId, lines: string[]) => ({ id, title: w.sections[id], lines });
  const sections = [
    section('sessions', sessions),
    section('included', cited(e.included)),
    section('notIncluded', cited(e.excluded)),
    section('insurance', cited([{ text: `${describeInsurance(e, w)}. ${e.coverage.note}`, source: e.coverage.source, at: e.coverage.at }])),
    section('given', cited(e.patient.given)),
    section('assumptions', cited(e.patient.assumptions)),
    section('notes', cited(e.notes)),
  ];
  sections.push(section('forScale', cited(e.benchmarks.map((b) => ({ ...b, text: `${b.text}: ${formatUsd(b.cents)}.` })))));
  if (options.explain) {
    sections.push(section('howCounted', cited(e.explanation)));
    const dated = new Map(e.sources.map((s) => [s.id, s]));
    sections.push(
      section(
        'whatSourcesSay',
        quotes(e).map((q) => `${citation(n, q.source, q.at)} "${q.quote}"${dateLabel(q.asOf, dated.get(q.source), w)}`),
      ),
    );
  }
  // With short markers ("[1]"), the places each source is cited at are listed once, here.
  const places = short ? citedPlaces(e) : new Map<string, string[]>();
  sections.push(
    section('sources', [
      w.sourceMarksKey(short),
      ...e.sources.map((s, i) => `[${i + 1}] ${describeSource(s, w)}${places.get(s.id)?.length ? w.citedAt(places.get(s.id) ?? []) : ''}`),
    ]),
  );
  return sections.filter((s) => s.lines.length > 0);
}

/** Every sentence the estimate's figures rely on, once each, in the order they are cited. */
export function quotes(e: Estimate): { source: string; at: string; quote: string; asOf: string | null }[] {
  const seen = new Set<string>();
  const out: { source: string; at: string; quote: string; asOf: string | null }[] = [];
  const all = [
    e.items,
    e.firstSession ? [e.firstSession] : [],
    e.included,
    e.excluded,
    e.patient.given,
    e.patient.assumptions,
    e.notes,
    e.benchmarks,
    // Steps cite what the other figures do, and a few sources only they cite (the dose kits).
    e.explanation.flatMap((s) => (s.source === null || s.at === null ? [] : [{ source: s.source, at: s.at, quote: s.quote, asOf: null }])),
  ].flat();
  for (const c of all) {
    if (c.quote === null || c.quote === undefined) continue;
    const key = `${c.source}\u0000${c.at}\u0000${c.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ source: c.source, at: c.at, quote: c.quote, asOf: c.asOf });
  }
  return out;
}
