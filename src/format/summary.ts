import type { Estimate, PatientCase } from '../core/estimate.js';
import { formatRange } from '../core/fields.js';
import { formatUsd, formatUsdRange } from '../core/money.js';
import { PAYER_TERMS } from '../core/payer-terms.js';
import type { Source } from '../core/types.js';
import { caseTitle, PAYER_WORDS } from '../text/en-words.js';

export const DISCLAIMER =
  'This is an estimate from published price ranges, not a quote and not medical advice. Ask the provider for a written quote.';

/**
 * What a citation mark means, said once above every sources list: "[1: L160]" alone told a new
 * reader nothing (#25 C). `short`: the terminal's "[1]" marks, whose places follow "Cited at".
 */
export function sourceMarksKey(short = false): string {
  return short
    ? 'A mark like [1] after a figure points to source 1 below; "Cited at" says where in it (L160: line 160).'
    : 'A mark like [1: L160] after a figure points to source 1 below and the place in it (L160: line 160).';
}

/**
 * The answer first, in one sentence: what this patient will most likely pay, all-in, with the
 * range, and in a second line what that figure leaves out.
 */
export function headline(e: Estimate): string[] {
  const usual = e.patient.cases[0];
  const pay = usual?.patient ?? e.allIn;
  const several = e.patient.cases.length > 1;
  const how =
    !usual || usual.case === 'self-pay'
      ? 'paying yourself'
      : usual.case === 'covered'
        ? several
          ? 'if your plan covers it, as plans usually do'
          : 'with your plan covering it'
        : several
          ? 'if your plan does not cover it, as is usual'
          : 'as your plan does not cover it';
  // A span of published prices is not a likelihood: say what it spans (#21).
  const amount = formatUsdRange(pay.lowCents, pay.highCents);
  // With the patient's own quote the figure is theirs, not a span of published prices.
  // A package quote alone leaves single sessions at published prices: both are said.
  const quotedAll = e.perSession.source === 'quote';
  const quotedSome = quotedAll || e.sources.some((s) => s.id === 'quote');
  const span =
    pay.lowCents === pay.highCents
      ? `At ${quotedAll ? 'the prices you gave' : quotedSome ? 'the prices you gave and the published ones' : 'published prices'} you would pay ${amount} in all`
      : `From the lowest to the highest ${quotedSome ? 'of the prices you gave and the published ones' : 'published price'}, you would pay ${amount} in all`;
  const lines = [`${span} (${how}) for ${describeEstimate(e)}.`];
  const named = (status: string) => e.items.filter((i) => i.status === status).map((i) => i.label.replace(/\s*\(.*\)$/, '').toLowerCase());
  const unpriced = named('not-priced');
  if (unpriced.length) lines.push(`Not in that figure: ${unpriced.join('; ')} (not priced: ask the clinic).`);
  const excluded = named('excluded');
  if (excluded.length) lines.push(`Left out, as asked: ${excluded.join('; ')}.`);
  return lines;
}

/** Returns the one-line description of what was priced ("IV infusion at a clinic, 6 sessions"). */
export function describeEstimate(e: Estimate): string {
  const dose = e.dose ? `, ${e.dose.mg} mg dose` : '';
  const span = formatRange(e.sessions.low, e.sessions.high);
  const count = `${span} ${e.sessions.high === 1 ? 'session' : 'sessions'}`;
  const basis =
    e.sessions.basis === 'typical'
      ? ' (the typical program)'
      : e.sessions.basis === 'weeks'
        ? ` over ${e.scenario.weeks} ${e.scenario.weeks === 1 ? 'week' : 'weeks'}`
        : '';
  return `${e.route.label} ${e.provider.label}${dose}, ${count}${basis}`;
}

/** Returns how the insurance situation reads in a sentence. */
export function describeInsurance(e: Estimate): string {
  return PAYER_WORDS[e.patient.insurance].describe;
}

/** The line that says which insurance terms were assumed rather than given, and the flags that give them; '' when none. */
export function assumedLine(e: Estimate): string {
  const assumed = e.inputsUsed.assumed;
  if (assumed.length === 0) return '';
  return `Assumed, not given: ${assumed.join(', ')} (give ${assumed.map((a) => `--${a}`).join(', ')} for your own).`;
}

/** The label of a patient case in a table row, marking the usual one when both are shown. */
export function caseLabel(c: PatientCase, shownCases: number): string {
  return `${caseTitle(c.case)}${shownCases > 1 && c.typical ? ' (usual)' : ''}`;
}

/** A short label for what the patient pays in a one-line row: "paying yourself", "if plan covers it (usual)". */
export function payLabel(e: Estimate): string {
  const first = e.patient.cases[0];
  if (!first || first.case === 'self-pay') return 'paying yourself';
  return caseLabel(first, e.patient.cases.length).replace(/^If your plan /, 'if plan ');
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
export function dateLabel(asOf: string | null | undefined, source: Source | undefined): string {
  if (!asOf) return '';
  return source && (source.date === null || source.date === undefined) ? ` (read ${asOf})` : ` (as of ${asOf})`;
}

/** A source as a reader looks it up: title, publisher, date (or why none), address, and whether it is a third party. */
export function describeSource(s: Source): string {
  const when = s.date ?? s.dateNote ?? 'undated';
  const where = s.url ?? s.locator ?? 'no public address';
  const who = s.publisher ? `${s.publisher}, ` : '';
  return `${s.title}. ${who}${when}. ${where}${s.thirdParty ? ' (third party)' : ''}`;
}

export type Row = { label: string; lowCents: number; highCents: number; cite: string };

/**
 * The money rows every estimate format shows, in order: per session, the treatment program, the
 * other priced line items, the all-in total, then each patient case.
 */
export function estimateRows(e: Estimate, short = false): Row[] {
  const n = sourceNumbers(e);
  const cite = (source: string | null, at: string | null) => (short ? shortCitation(n, source) : citation(n, source, at));
  const priceCite = cite(e.perSession.source, e.perSession.at);
  const unit = e.perSession.units > 1 ? ` (${e.dose ? `${e.dose.mg} mg, ` : ''}${e.perSession.units} devices)` : '';
  // The session price's source is labelled as every other figure is when a third party gives it (#21).
  const third = e.perSession.source === 'quote' ? ' (your quote)' : e.items[0]?.thirdParty ? ' (third-party figure)' : '';
  const rows: Row[] = [
    { label: `Per session${unit}${third}`, lowCents: e.perSession.lowCents, highCents: e.perSession.highCents, cite: priceCite },
  ];
  const first = e.firstSession;
  if (first)
    rows.push({
      label: `Session 1 (${first.doseMg} mg starting dose, ${first.devices} devices)`,
      lowCents: first.lowCents,
      highCents: first.highCents,
      cite: cite(first.source, first.at),
    });
  rows.push({
    label: `${e.items.length > 1 ? 'Treatment, ' : 'Program, '}${formatRange(e.sessions.low, e.sessions.high)} ${e.sessions.high === 1 ? 'session' : 'sessions'}`,
    lowCents: e.program.lowCents,
    highCents: e.program.highCents,
    cite: priceCite,
  });
  const extras = e.items.slice(1);
  for (const item of extras.filter((i) => i.status === 'priced' && i.total)) {
    const whose = item.source === 'quote' ? ' (your quote)' : item.thirdParty ? ' (third-party figure)' : '';
    const label = `${item.label.replace(/\s*\(.*\)$/, '')}${item.charge === 'once' ? ', once' : ''}${whose}`;
    rows.push({
      label,
      lowCents: item.total?.lowCents ?? 0,
      highCents: item.total?.highCents ?? 0,
      cite: cite(item.source, item.at),
    });
  }
  if (extras.length > 0) {
    // Name what the total leaves out where it says so (#21).
    const left = [...e.allIn.notPriced, ...e.allIn.excludedItems];
    rows.push({
      label: `All-in${left.length > 0 ? ` (without ${left.join(', ')})` : ''}`,
      lowCents: e.allIn.lowCents,
      highCents: e.allIn.highCents,
      cite: '',
    });
  }
  if (e.dueUpFront) {
    rows.push({
      label: `Due before the first session (${formatRange(e.dueUpFront.sessions.low, e.dueUpFront.sessions.high)} sessions up front)`,
      lowCents: e.dueUpFront.lowCents,
      highCents: e.dueUpFront.highCents,
      cite: priceCite,
    });
  }
  if (e.firstYear) {
    rows.push({
      label: `If it went on for a year on the schedule (${formatRange(e.firstYear.sessions.low, e.firstYear.sessions.high)} sessions), billed before insurance`,
      lowCents: e.firstYear.lowCents,
      highCents: e.firstYear.highCents,
      cite: '',
    });
  }
  const cases = e.patient.cases;
  for (const c of cases) {
    if (c.case === 'self-pay') continue;
    const title = caseLabel(c, cases.length);
    // A plan that pays back after a claim: the patient pays the bill on the day, then gets some back.
    if (PAYER_TERMS[e.patient.insurance].paysOnTheDay === 'bill' && c.case === 'covered') {
      rows.push({ label: `${title}: paid up front`, lowCents: c.upFront.lowCents, highCents: c.upFront.highCents, cite: '' });
      rows.push({ label: `${title}: paid back`, lowCents: c.plan.lowCents, highCents: c.plan.highCents, cite: '' });
      if (c.balanceBilled.highCents > 0)
        rows.push({
          label: `${title}: billed to you above the allowed amount`,
          lowCents: c.balanceBilled.lowCents,
          highCents: c.balanceBilled.highCents,
          cite: '',
        });
      rows.push({ label: `${title}: you pay in the end`, lowCents: c.patient.lowCents, highCents: c.patient.highCents, cite: '' });
    } else {
      rows.push({ label: `${title}: you pay`, lowCents: c.patient.lowCents, highCents: c.patient.highCents, cite: '' });
      if (c.case === 'covered')
        rows.push({ label: `${title}: plan pays`, lowCents: c.plan.lowCents, highCents: c.plan.highCents, cite: '' });
      // Above the plan's allowed amount: the clinic writes it off and nobody pays it (no balance billing in network).
      if (c.case === 'covered' && c.writtenOff.highCents > 0)
        rows.push({
          label: `${title}: written off (above the allowed amount, not billed to you)`,
          lowCents: c.writtenOff.lowCents,
          highCents: c.writtenOff.highCents,
          cite: '',
        });
    }
  }
  return rows;
}

/** The notes sections shared by the table and Markdown formats, as titled lists of cited lines. */
export function noteSections(e: Estimate, options: { explain: boolean; short?: boolean }): { title: string; lines: string[] }[] {
  const n = sourceNumbers(e);
  const short = options.short === true;
  const cite = (source: string | null, at: string | null) => (short ? shortCitation(n, source) : citation(n, source, at));
  const cited = (items: { text: string; source: string | null; at: string | null }[]) =>
    items.map((i) => `${i.text} ${cite(i.source, i.at)}`.trimEnd());
  const sessions =
    e.sessions.basis === 'given' ? [] : cited([{ text: `${e.sessions.description}.`, source: e.sessions.source, at: e.sessions.at }]);
  const sections = [
    { title: 'Sessions', lines: sessions },
    { title: 'Included', lines: cited(e.included) },
    { title: 'Not included', lines: cited(e.excluded) },
    {
      title: 'Insurance',
      lines: cited([{ text: `${describeInsurance(e)}. ${e.coverage.note}`, source: e.coverage.source, at: e.coverage.at }]),
    },
    { title: 'Your terms, as given', lines: cited(e.patient.given) },
    { title: 'Assumptions', lines: cited(e.patient.assumptions) },
    { title: 'Notes', lines: cited(e.notes) },
  ];
  sections.push({
    title: 'For scale, not prices',
    lines: cited(e.benchmarks.map((b) => ({ ...b, text: `${b.text}: ${formatUsd(b.cents)}.` }))),
  });
  if (options.explain) {
    sections.push({ title: 'How it was counted', lines: cited(e.explanation) });
    const dated = new Map(e.sources.map((s) => [s.id, s]));
    sections.push({
      title: 'What the sources say',
      lines: quotes(e).map((q) => `${citation(n, q.source, q.at)} "${q.quote}"${dateLabel(q.asOf, dated.get(q.source))}`),
    });
  }
  // With short markers ("[1]"), the places each source is cited at are listed once, here.
  const places = short ? citedPlaces(e) : new Map<string, string[]>();
  sections.push({
    title: 'Sources',
    lines: [
      sourceMarksKey(short),
      ...e.sources.map(
        (s, i) => `[${i + 1}] ${describeSource(s)}${places.get(s.id)?.length ? ` Cited at: ${places.get(s.id)?.join(', ')}.` : ''}`,
      ),
    ],
  });
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
