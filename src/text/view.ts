// The words of the estimate's views (#20, #26): one object per language, beside the message
// catalog, so the views carry no sentence of their own and a second language is one more object.

import type { CaseKind } from '../core/estimate-types.js';
import type { Financing } from '../core/plan.js';
import type { InsuranceStatus } from '../core/types.js';

/** How the answer's payer reads: paying yourself, or a plan that covers it (or not), usual or as given. */
export type AnswerHow = 'self-pay' | 'covered-usual' | 'covered' | 'not-covered-usual' | 'not-covered';

/**
 * A name from the price list inside a sentence, in any language: lower case first ("for esketamine
 * nasal spray", "por ketamina oral"), but an acronym stays as it is ("for IV infusion"); a new user
 * saw "for Oral or ...".
 */
export function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** A price-list label without its closing "(...)", as a row or a list names it ("Intake visit (once)" -> "Intake visit"). */
export function shortLabel(label: string): string {
  // Most texts (the price list's quotes) do not end in ")": no pattern to run (#27).
  return label.endsWith(')') ? label.replace(/\s*\(.*\)$/, '') : label;
}

/** A text that starts a sentence: its first letter in capitals ("consumer-health website" after a title's full stop). */
export function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Each payer's `describe` words, from a language's payer table (one line per language, not six). */
export function payerDescriptions(words: Record<InsuranceStatus, { describe: string }>): Record<InsuranceStatus, string> {
  return Object.fromEntries(Object.entries(words).map(([status, w]) => [status, w.describe])) as Record<InsuranceStatus, string>;
}

/** The words of the estimate views (table, Markdown, brief), for one language. */
export type ViewWords = {
  /** Said under every estimate from the bundled price list's published prices: not a quote, not medical advice. */
  disclaimer: string;
  /**
   * The disclaimer of an estimate from other prices: the patient's own (`quoted`, the rest from
   * the price list) or a price list that is not the bundled one (`list`, its id). The new-user try:
   * "from published price ranges" under a clinic's own prices was untrue.
   */
  disclaimerOf: (p: { quoted: boolean; list: string | null }) => string;
  /** What a citation mark means, above the sources; `short`: the terminal's "[1]" marks. */
  sourceMarksKey: (short: boolean) => string;
  /**
   * The answer line: `amount` formatted, `single` when low = high, `quoted` how much is the
   * patient's quote, `list` the id of the price list when it is not the bundled one (a clinic's
   * own, made with `data init`), whose prices are not "published" ones.
   */
  answer: (p: {
    amount: string;
    single: boolean;
    quoted: 'all' | 'some' | 'none';
    list: string | null;
    how: AnswerHow;
    what: string;
  }) => string;
  notInFigure: (labels: string[]) => string;
  leftOut: (labels: string[]) => string;
  /** "IV infusion at a clinic, 56 mg dose, 3-6 sessions (the typical program)". */
  estimateTitle: (p: {
    route: string;
    provider: string;
    doseMg: number | null;
    span: string;
    high: number;
    basis: 'typical' | 'weeks' | 'given';
    weeks: number | null;
  }) => string;
  payer: Record<InsuranceStatus, string>;
  caseTitle: Record<CaseKind, string>;
  usual: string;
  payingYourself: string;
  /** The case title shortened for a one-line row ("if plan covers it"). */
  shortCase: (c: CaseKind) => string;
  assumed: (terms: string[]) => string;
  low: string;
  high: string;
  rows: {
    perSession: (p: { doseMg: number | null; units: number; whose: 'quote' | 'third-party' | null }) => string;
    firstSession: (doseMg: number, devices: number) => string;
    program: (p: { items: boolean; span: string; high: number }) => string;
    item: (label: string, once: boolean, whose: 'quote' | 'third-party' | null) => string;
    /** `left`: what the total leaves out, by item id and by its label in this language. */
    allIn: (left: { id: string; label: string }[]) => string;
    /** `whole`: the program is shorter than what clinics take up front, so all of it is due before it starts. */
    dueUpFront: (span: string, whole: boolean) => string;
    firstYear: (span: string) => string;
    paidUpFront: (title: string) => string;
    paidBack: (title: string) => string;
    balanceBilled: (title: string) => string;
    youPayInTheEnd: (title: string) => string;
    youPay: (title: string) => string;
    planPays: (title: string) => string;
    writtenOff: (title: string) => string;
  };
  sections: {
    sessions: string;
    included: string;
    notIncluded: string;
    insurance: string;
    given: string;
    assumptions: string;
    notes: string;
    forScale: string;
    howCounted: string;
    whatSourcesSay: string;
    sources: string;
  };
  citedAt: (places: string[]) => string;
  /** A figure's date: as of a dated source, or when an undated one was read. */
  dated: (date: string, read: boolean) => string;
  undated: string;
  /** A date (YYYY, YYYY-MM or YYYY-MM-DD: a source's, a visit's) as this language writes it. */
  date: (date: string) => string;
  noAddress: string;
  thirdParty: string;
  /** Said on a terminal after --output wrote a file; `file` null for a private one (it may be named after the patient). */
  wroteFile: (file: string | null) => string;
  /** The notes to discuss with a provider, after an interactive estimate. */
  eligibility: { heading: string; source: (title: string, at: string) => string };
  /** "To run this again:" before the command line. */
  rerun: string;
  /** Said when the questions are stopped (Ctrl-C, exit 130). */
  cancelled: string;
  /** "In short:" before the answer, repeated at the end of a long one. */
  inShort: string;
  /** compare's words: the title, the columns, an option's name and the lines under the table. */
  compare: {
    title: (options: number) => string;
    ranking: string;
    headers: { option: string; perSession: string; allIn: string; youPay: string; scale: (max: string) => string };
    yourQuote: string;
    option: (p: { route: string; doseMg: number | null; providerId: string; providerLabel: string; span: string; high: number }) => string;
    notCompared: (route: string, provider: string, reason: string) => string;
    /** Where a refused option of the command line is (`option "iv:x": sessions`), before its problem. */
    specField: (spec: string, field: string) => string;
    assumed: (text: string) => string;
    notPriced: (list: string[]) => string;
    /** How the not-priced items are named: by id (as --exclude takes them) or by their label. */
    itemNames: 'ids' | 'labels';
    hint: string;
  };
  /** plan's words: the title, the schedule's columns and rows, the totals. */
  plan: {
    title: (p: {
      route: string;
      provider: string;
      doseMg: number | null;
      span: string;
      high: number;
      boosters: number;
      weeks: number;
    }) => string;
    heading: string;
    sessions: string;
    when: (p: { date: string | null; week: number; day: number }) => string;
    /** `number`: a session's or booster's place among its kind (session 1, 2, ...); null where the schedules differ. */
    what: (p: {
      kind: 'intake' | 'booster' | 'session';
      onlyAt: 'low' | 'high' | null;
      newPlanYear: number | null;
      number: number | null;
    }) => string;
    headers: {
      when: string;
      what: string;
      billed: string;
      paidSoFar: string;
      month: string;
      youPay: string;
      planPays: string;
      onTheDay: string;
      paidBack: string;
    };
    monthSubtotal: string;
    byMonth: string;
    inAll: (p: { billed: string; patient: string; plan: string }) => string;
    inAllBack: (p: { billed: string; onTheDay: string; paidBack: string; patient: string }) => string;
    writtenOff: (amount: string) => string;
    dueUpFront: (span: string, amount: string) => string;
    howCounted: string;
    notes: string;
    sources: string;
    financing: (f: Financing) => string;
  };
  /** The routes view's words: the price list as people read it, each figure with its source. */
  routes: {
    /** "Price list ketamine-cost-us 2.3.3, as of 2026-11-30" (no closing full stop). */
    title: (id: string, version: string, asOf: string) => string;
    headers: { route: string; provider: string; price: string; program: string; insurance: string };
    /** "$225-$800 per session": `per` as the price list has it. */
    price: (amount: string, per: 'session' | 'device') => string;
    /** "56 mg = 2 devices". */
    dose: (mg: number, devices: number) => string;
    /** A figure's date after it: ", read 2026-11-01" or ", as of 2024-10-09". */
    dated: (date: string, read: boolean) => string;
    sessions: (span: string, high: number) => string;
    /** Said under a route whose program follows a dosing schedule (so --weeks counts its sessions). */
    schedule: string;
    coverage: (typical: 'covered' | 'not-covered') => string;
    otherItems: string;
    /** An item's price: "$0-$350 once", "per session", and whose figure it is. */
    itemPrice: (amount: string, once: boolean, thirdParty: boolean) => string;
    notPriced: (why: string) => string;
    /** "iv: Intake visit (--exclude intake): $0-$350 once". */
    item: (route: string, label: string, id: string, figure: string) => string;
    forScale: (route: string, text: string, amount: string) => string;
  };
  /** The printable HTML pages' own words (the handout, compare, plan), beside the views' words above. */
  html: {
    /** The page's `lang` attribute. */
    lang: string;
    estimateHeading: string;
    estimateTitle: (described: string) => string;
    priceList: (id: string, version: string, asOf: string) => string;
    costs: string;
    costsCaption: string;
    perSession: string;
    treatment: string;
    allIn: string;
    youPay: (caseLabel: string) => string;
    costRanges: string;
    /** Under a chart: its title, its scale and where the figures are written out. */
    chartCaption: (title: string, max: string) => string;
    sourcesHeading: string;
    /** After a third party's source: its figures are not the maker's, a regulator's or a payer's. */
    thirdPartyFigure: string;
    questions: { heading: string; clinic: string; insurer: string; forClinic: string[]; forInsurer: string[] };
    compareHeading: string;
    compareCaption: string;
    compareChart: string;
    planHeading: string;
    planTitle: (described: string) => string;
    sessionsLine: (cadence: string) => string;
    schedule: string;
    scheduleCaption: string;
    byMonth: string;
    monthCaption: string;
    paidByEndOf: (month: string) => string;
    paidChart: string;
  };
  /** The Good Faith Estimate draft's words (45 CFR 149.610; CMS: "estimado de buena fe"). */
  gfe: {
    title: string;
    /** Said at the top: a draft the clinic checks, dates and signs. */
    draft: string;
    separate: string;
    notIncluded: string;
    signature: [string, string, string];
    blank: string;
    dateOfEstimate: string;
    patient: string;
    name: string;
    dateOfBirth: string;
    born: (date: string) => string;
    diagnosisCodes: string;
    noneGiven: string;
    primaryService: string;
    scheduled: (date: string | null) => string;
    scheduledDate: string;
    notScheduled: string;
    recurringCare: string;
    /** "8 sessions, twice a week ..., over 8 weeks; this estimate covers at most 12 months". */
    recurring: (sessions: number, frequency: string, weeks: number | null) => string;
    providerHeading: (name: string) => string;
    /** "NPI ...; TIN ...; where care is given: ...; phone ..." (Markdown joins with " · "). */
    where: string;
    phone: string;
    itemsCaption: string;
    headers: { item: string; code: string; quantity: string; each: string; expected: string };
    noCode: string;
    thirdParty: string;
    totalForProvider: string;
    total: string;
    scheduledSeparately: string;
    notIncludedHeading: string;
    rights: string;
    sources: string;
    priceList: (id: string, version: string, asOf: string) => string;
    /** The last line of the Markdown and of the page. */
    notAdviceShort: string;
    notAdvice: string;
  };
  /** A batch's words: where a failed row is, its table's headers, its last line. */
  batch: {
    row: (row: number, line: number | null) => string;
    column: (name: string) => string;
    headers: { route: string; sessions: string; program: string; youPay: string; status: string };
    ok: string;
    error: string;
    counts: (ok: number, failed: number) => string;
    /** "Wrote 3 rows to out.csv:" before the counts, when -o names a file. */
    wrote: (rows: number, file: string) => string;
    /** The progress line on a terminal, every 10,000 rows, and when all are done. */
    progress: (rows: number, done: boolean) => string;
    /** What begins a notice on stderr that is no error (the run goes on, exit 0): "warning". */
    warning: string;
    priceList: (id: string, version: string, asOf: string) => string;
  };
};
