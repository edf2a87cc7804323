// The English words of the estimate views (see view.ts): the same bytes the views printed when
// these words were written into them.

import { CASE_TITLES, describeFinancing, optionCount, PAYER_WORDS, RANKING } from './en-words.js';
import { inSentence, payerDescriptions, type ViewWords } from './view.js';

const count = (span: string, high: number) => `${span} ${high === 1 ? 'session' : 'sessions'}`;
const whoseText = (whose: 'quote' | 'third-party' | null) =>
  whose === 'quote' ? ' (your quote)' : whose === 'third-party' ? ' (third-party figure)' : '';

/** English. */
export const EN_VIEW: ViewWords = {
  disclaimer: 'This is an estimate from published price ranges, not a quote and not medical advice. Ask the provider for a written quote.',
  disclaimerOf: ({ quoted, list }) => {
    const theirs = list === null ? 'published price ranges' : `price list ${list}`;
    const from = quoted ? `the prices you gave and, for the rest, ${theirs}` : theirs;
    return `This is an estimate from ${from}; it is not the provider's written quote and not medical advice. Ask the provider for a written quote.`;
  },
  sourceMarksKey: (short) =>
    short
      ? 'A mark like [1] after a figure points to source 1 below; "Cited at" says where in it (L160: line 160).'
      : 'A mark like [1: L160] after a figure points to source 1 below and the place in it (L160: line 160).',
  answer: ({ amount, single, quoted, list, how, what }) => {
    const howText = {
      'self-pay': 'paying yourself',
      'covered-usual': 'if your plan covers it, as plans usually do',
      covered: 'with your plan covering it',
      'not-covered-usual': 'if your plan does not cover it, as is usual',
      'not-covered': 'as your plan does not cover it',
    }[how];
    // A clinic's own price list is not "published" prices: named by its id.
    const theirs = list === null ? 'the published ones' : `those of price list ${list}`;
    const span = single
      ? `At ${quoted === 'all' ? 'the prices you gave' : quoted === 'some' ? `the prices you gave and ${theirs}` : list === null ? 'published prices' : `the prices of price list ${list}`} you would pay ${amount} in all`
      : `From the lowest to the highest ${quoted === 'none' ? (list === null ? 'published price' : `price of price list ${list}`) : `of the prices you gave and ${theirs}`}, you would pay ${amount} in all`;
    return `${span} (${howText}) for ${inSentence(what)}.`;
  },
  notInFigure: (labels) => `Not in that figure: ${labels.join('; ')} (not priced: ask the provider).`,
  leftOut: (labels) => `Left out, as asked: ${labels.join('; ')}.`,
  estimateTitle: ({ route, provider, doseMg, span, high, basis, weeks }) => {
    const dose = doseMg === null ? '' : `, ${doseMg} mg dose`;
    const why =
      basis === 'typical' ? ' (the typical program)' : basis === 'weeks' ? ` over ${weeks} ${weeks === 1 ? 'week' : 'weeks'}` : '';
    return `${route} ${provider}${dose}, ${count(span, high)}${why}`;
  },
  payer: payerDescriptions(PAYER_WORDS),
  caseTitle: CASE_TITLES,
  usual: 'usual',
  payingYourself: 'paying yourself',
  shortCase: (c) => CASE_TITLES[c].replace(/^If your plan /, 'if plan '),
  assumed: (terms) => `Assumed, not given: ${terms.join(', ')} (give ${terms.map((a) => `--${a}`).join(', ')} for your own).`,
  low: 'Low',
  high: 'High',
  rows: {
    perSession: ({ doseMg, units, whose }) =>
      `Per session${units > 1 ? ` (${doseMg === null ? '' : `${doseMg} mg, `}${units} devices)` : ''}${whoseText(whose)}`,
    firstSession: (doseMg, devices) => `Session 1 (${doseMg} mg starting dose, ${devices} devices)`,
    program: ({ items, span, high }) => `${items ? 'Treatment, ' : 'Program, '}${count(span, high)}`,
    item: (label, once, whose) => `${label}${once ? ', once' : ''}${whoseText(whose)}`,
    allIn: (left) => `All-in${left.length > 0 ? ` (without ${left.map((l) => l.id).join(', ')})` : ''}`,
    dueUpFront: (span, whole) =>
      whole
        ? `Due before the first session (the whole program, ${span} sessions, up front)`
        : `Due before the first session (${span} sessions up front)`,
    firstYear: (span) => `If it went on for a year on the schedule (${span} sessions), billed before insurance`,
    paidUpFront: (t) => `${t}: paid up front`,
    paidBack: (t) => `${t}: paid back`,
    balanceBilled: (t) => `${t}: billed to you above the allowed amount`,
    youPayInTheEnd: (t) => `${t}: you pay in the end`,
    youPay: (t) => `${t}: you pay`,
    planPays: (t) => `${t}: plan pays`,
    writtenOff: (t) => `${t}: written off (above the allowed amount, not billed to you)`,
  },
  sections: {
    sessions: 'Sessions',
    included: 'Included',
    notIncluded: 'Not included',
    insurance: 'Insurance',
    given: 'Your terms, as given',
    assumptions: 'Assumptions',
    notes: 'Notes',
    forScale: 'For scale, not prices',
    howCounted: 'How it was counted',
    whatSourcesSay: 'What the sources say',
    sources: 'Sources',
  },
  citedAt: (places) => ` Cited at: ${places.join(', ')}.`,
  dated: (date, read) => (read ? ` (read ${date})` : ` (as of ${date})`),
  undated: 'undated',
  date: (date) => date,
  noAddress: 'no public address',
  thirdParty: ' (third party)',
  wroteFile: (file) => (file === null ? 'Wrote the file you named (private: only your user can read it).' : `Wrote ${file}.`),
  eligibility: {
    heading: 'To discuss with your provider (not medical advice; the estimate above does not change):',
    source: (title, at) => `source: ${title}, ${at}`,
  },
  rerun: 'To run this again:',
  cancelled: 'Cancelled',
  inShort: 'In short:',
  routes: {
    title: (id, version, asOf) => `Price list ${id} ${version}, as of ${asOf}`,
    headers: { route: 'Route', provider: 'Provider', price: 'Price', program: 'Typical program', insurance: 'Insurance' },
    price: (amount, per) => `${amount} per ${per}`,
    dose: (mg, devices) => `${mg} mg = ${devices} devices`,
    dated: (date, read) => (read ? `, read ${date}` : `, as of ${date}`),
    sessions: (span, high) => count(span, high),
    schedule: 'schedule: yes (--weeks)',
    coverage: (typical) => `usually ${typical === 'covered' ? 'covered' : 'not covered'}`,
    otherItems: 'Other line items',
    itemPrice: (amount, once, thirdParty) => `${amount} ${once ? 'once' : 'per session'}${thirdParty ? ' (third-party figure)' : ''}`,
    notPriced: (why) => `not priced: ${why}`,
    item: (route, label, id, figure) => `${route}: ${label} (--exclude ${id}): ${figure}`,
    forScale: (route, text, amount) => `${route}: for scale, not a price: ${text}: ${amount}`,
  },
  html: {
    lang: 'en',
    estimateHeading: 'Ketamine therapy: cost estimate',
    estimateTitle: (described) => `Ketamine therapy cost estimate: ${described}`,
    priceList: (id, version, asOf) => `Price list ${id} ${version}, as of ${asOf}.`,
    costs: 'Costs',
    costsCaption: 'Low and high estimates, in US dollars; [n] marks the source',
    perSession: 'Per session',
    treatment: 'Treatment',
    allIn: 'All-in',
    youPay: (caseLabel) => `You pay: ${caseLabel}`,
    costRanges: 'Cost ranges',
    chartCaption: (title, max) => `${title}, from $0 to ${max}. The figures are in the table above.`,
    sourcesHeading: 'Sources and what they say',
    thirdPartyFigure: '(third-party figure)',
    questions: {
      heading: 'Questions to ask',
      clinic: 'The clinic',
      insurer: 'Your insurer',
      forClinic: [
        'What does the price per session include: the consultation or intake, monitoring, and the follow-up visit?',
        'Which billing codes (CPT or HCPCS) will you use, so I can ask my insurer about them?',
        'Do you ask for payment before the first session, for how many sessions, and is it refunded if I stop?',
        'Will you give me a written Good Faith Estimate before I book?',
      ],
      forInsurer: [
        'Is this treatment covered under my plan, and is prior authorization needed?',
        'How much of my deductible is left this year, and what is my coinsurance or copay for it?',
        'Is the clinic in network, and if not, what would you pay back?',
        'How much is left of my out-of-pocket maximum this year?',
      ],
    },
    compareHeading: 'Ketamine therapy: options compared',
    compareCaption: 'What each option costs, in US dollars',
    compareChart: 'What you pay, by option',
    planHeading: 'Ketamine therapy: payment plan',
    planTitle: (described) => `Ketamine therapy payment plan: ${described}`,
    sessionsLine: (cadence) => `Sessions: ${cadence}.`,
    schedule: 'Schedule',
    scheduleCaption: 'Each visit and what it costs, in US dollars',
    byMonth: 'Month by month',
    monthCaption: 'What falls due each month, in US dollars',
    paidByEndOf: (month) => `Paid by the end of ${month}`,
    paidChart: 'What you have paid, month by month',
  },
  gfe: {
    title: 'Good Faith Estimate (draft)',
    draft:
      "Prepared with ketamine-cost from the clinic's own prices. The clinic checks every charge, then dates and signs it before giving it to the patient.",
    separate: 'These must be scheduled separately; separate Good Faith Estimates will be issued for them.',
    notIncluded: 'Not included in this estimate (not in the total):',
    signature: [
      'Signed for the provider or facility: ______________________________',
      'Name and title: ______________________________',
      'Date: ____________',
    ],
    blank: '____________',
    dateOfEstimate: 'Date of this estimate',
    patient: 'Patient',
    name: 'Name',
    dateOfBirth: 'Date of birth',
    born: (date) => `born ${date}`,
    diagnosisCodes: 'Diagnosis codes',
    noneGiven: 'none given',
    primaryService: 'Primary service',
    scheduled: (date) => (date === null ? 'not yet scheduled' : `scheduled ${date}`),
    scheduledDate: 'Scheduled date',
    notScheduled: 'not yet scheduled',
    recurringCare: 'Recurring care',
    recurring: (sessions, frequency, weeks) =>
      `${sessions} ${sessions === 1 ? 'session' : 'sessions'}, ${frequency}${weeks === null ? '' : `, over ${weeks} ${weeks === 1 ? 'week' : 'weeks'}`}; this estimate covers at most 12 months`,
    providerHeading: (name) => `Provider or facility: ${name}`,
    where: 'where care is given',
    phone: 'phone',
    itemsCaption: 'Items and services reasonably expected, in US dollars',
    headers: { item: 'Item or service', code: 'Service code', quantity: 'Quantity', each: 'Each', expected: 'Expected charge' },
    noCode: 'code to be filled in by the clinic (none in the price list)',
    thirdParty: ' (third-party figure)',
    totalForProvider: 'Total for this provider',
    total: 'Total expected charges',
    scheduledSeparately: 'Scheduled separately',
    notIncludedHeading: 'Not included',
    rights: 'Your rights',
    sources: 'Sources',
    priceList: (id, version, asOf) => `Price list ${id} ${version}, as of ${asOf}.`,
    notAdviceShort: 'Not medical advice.',
    notAdvice: 'An estimate of charges, not medical advice.',
  },
  compare: {
    title: (n) => `${optionCount(n)}, ${RANKING}`,
    ranking: RANKING,
    headers: { option: 'Option', perSession: 'Per session', allIn: 'All-in', youPay: 'You pay', scale: (max) => `0 to ${max}` },
    yourQuote: 'your quote',
    option: ({ route, doseMg, providerId, span, high }) =>
      `${route}${doseMg === null ? '' : ` ${doseMg} mg`}, ${providerId}, ${count(span, high)}`,
    notCompared: (route, provider, reason) => `Not compared: ${route} (${provider}): ${reason}.`,
    specField: (spec, field) => `option "${spec}": ${field}`,
    assumed: (text) => `Assumed: ${text}`,
    notPriced: (list) => `Not priced, so not in the totals: ${list.join('; ')}.`,
    itemNames: 'ids',
    hint: 'Run an estimate with --route for what each figure includes and its sources.',
  },
  plan: {
    title: ({ route, provider, doseMg, span, high, boosters, weeks }) => {
      const dose = doseMg === null ? '' : `, ${doseMg} mg dose`;
      const extra = boosters ? ` and ${boosters} ${boosters === 1 ? 'booster' : 'boosters'}` : '';
      return `${route} ${provider}${dose}, ${count(span, high)}${extra} over ${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
    },
    heading: 'Plan',
    sessions: 'Sessions',
    when: ({ date, week, day }) => (date ? `${date} (week ${week})` : `week ${week}, day ${day + 1}`),
    what: ({ kind, onlyAt, newPlanYear, number }) => {
      const label = `${kind === 'intake' ? 'intake visit' : kind === 'booster' ? 'booster session' : 'session'}${number === null ? '' : ` ${number}`}`;
      // The more frequent schedule has sessions the less frequent one has not: say which end has it.
      const only = onlyAt === null ? '' : ` (${onlyAt === 'high' ? 'more' : 'less'} frequent schedule only)`;
      return `${newPlanYear === null ? '' : `new plan year ${newPlanYear}: `}${label}${only}`;
    },
    headers: {
      when: 'When',
      what: 'What',
      billed: 'Billed',
      paidSoFar: 'Paid so far',
      month: 'Month',
      youPay: 'You pay',
      planPays: 'Plan pays',
      onTheDay: 'You pay on the day',
      paidBack: 'Paid back later',
    },
    monthSubtotal: 'month subtotal',
    byMonth: 'Paid so far, by month (high end):',
    inAll: ({ billed, patient, plan }) => `In all: billed ${billed}; you pay ${patient}; the plan pays ${plan}.`,
    inAllBack: ({ billed, onTheDay, paidBack, patient }) =>
      `In all: billed ${billed}; you pay ${onTheDay} on the days of the sessions, and the plan is expected to pay back ${paidBack} later, after you claim it: ${patient} in the end.`,
    writtenOff: (amount) => `Written off by the clinic (above the plan's allowed amount, not billed to you): ${amount}.`,
    dueUpFront: (span, amount) => `Due before the first session, where the clinic takes ${span} sessions' payment up front: ${amount}.`,
    howCounted: 'How each session was counted',
    notes: 'Notes',
    sources: 'Sources',
    financing: describeFinancing,
  },
  batch: {
    row: (row, line) => `row ${row}${line === null ? '' : ` (line ${line})`}`,
    column: (name) => `column ${name}`,
    headers: { route: 'route', sessions: 'sessions', program: 'program', youPay: 'you pay', status: 'status' },
    ok: 'ok',
    error: 'error',
    counts: (ok, failed) => `${ok} estimated, ${failed} failed.`,
    wrote: (rows, file) => `Wrote ${rows} ${rows === 1 ? 'row' : 'rows'} to ${file}:`,
    warning: 'warning',
    progress: (rows, done) => `ketamine-cost: ${rows} rows${done ? ' done' : ''}`,
    priceList: (id, version, asOf) => `Price list: ${id} ${version}, as of ${asOf}.`,
  },
};
