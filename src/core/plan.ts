import type { Bill } from './cost-sharing.js';
import { type CentsRange, type Cited, cite, type Estimate, estimateCost, type SourceOf } from './estimate.js';
import { dataText, type End, type Message, msg } from './message.js';
import { amortize } from './money.js';
import { ZERO } from './patient-share.js';
import { PAYER_TERMS } from './payer-terms.js';
import { PAYERS } from './payers.js';
import type { Dataset, Scenario } from './types.js';

/** What a plan adds to a scenario: when, how often, plan years, and paying over time. */
export type PlanOptions = {
  /** The first session's date (YYYY-MM-DD); without it the plan counts weeks only. */
  start: string | null;
  /** A fixed interval between sessions in days, for routes without a schedule (or to override one). */
  everyDays: number | null;
  /** How many weeks to plan (`--weeks`); null: the sessions given, or the typical program. */
  horizonWeeks: number | null;
  /** With --weeks past the program: a booster every this many weeks. */
  boostersEveryWeeks: number | null;
  /** The plan year's first day, as month and day (default January 1). */
  planYearStart: { month: number; day: number };
  /** The next plan year's full deductible and out-of-pocket maximum (default: the amounts given as left this year). */
  annualDeductibleCents: number | null;
  annualOopMaxCents: number | null;
  /** Paying over time: number of months and the APR in basis points (both, or neither). */
  months: number | null;
  aprBasisPoints: number | null;
};

/** One bill of a plan, in cents, on its day; `T` is how its sentences are carried (Message in the core, words in the contract). */
export type PlanRow<T = string> = {
  /** 1-based position in the plan. */
  n: number;
  kind: 'intake' | 'session' | 'booster';
  /** Days after the first session (day 0), the week (1-based) and, with a start date, the date. */
  day: number;
  week: number;
  date: string | null;
  /** Plan year 1, 2, ... and whether a new plan year starts with this row (deductible and cap reset). */
  planYear: number;
  resetsPlanYear: boolean;
  /** The month it falls in: an index into `months`, from 1. */
  month: number;
  billed: CentsRange;
  patient: CentsRange;
  plan: CentsRange;
  /** What has left the patient's account so far, this row included (paybacks not yet counted). */
  runningPatient: CentsRange;
  /** The arithmetic of the row, with --explain. */
  steps: T[];
  /** A session at one end only (the more frequent schedule has more), null at both. */
  onlyAt: End | null;
  /** What leaves the patient's account on the day: their share, or out of network the whole bill. */
  paidOnTheDay: CentsRange;
  /** Out of network: what the plan is expected to pay back later, after a claim. */
  paidBack: CentsRange;
  /** Above the plan's allowed amount: written off by the clinic, paid by nobody. */
  writtenOff: CentsRange;
};

/** A month's subtotals (cents): calendar months with a start date, else 4-week months. */
export type PlanMonth<T = string> = { month: number; label: T; billed: CentsRange; patient: CentsRange; runningPatient: CentsRange };

/** Paying over time: the monthly payment, the total paid and the interest, in cents, at each end. */
export type Financing = {
  months: number;
  aprBasisPoints: number;
  /** Every payment but the last. */
  monthly: CentsRange;
  /** Principal plus interest, to the cent: the payments add up to it. */
  totalPaid: CentsRange;
  /** Never negative; exactly zero at 0% APR. */
  interest: CentsRange;
  /** The last payment, which takes up the rounding of the others. */
  lastPayment: CentsRange;
};

/** A program laid out in time; `T` is how its sentences are carried (Message in the core, words in the contract). */
export type Plan<T = string> = {
  estimate: Estimate<T>;
  options: PlanOptions;
  /** How the sessions were spaced, in a sentence. */
  cadence: T;
  rows: PlanRow<T>[];
  months: PlanMonth<T>[];
  totals: {
    billed: CentsRange;
    patient: CentsRange;
    plan: CentsRange;
    paidOnTheDay: CentsRange;
    paidBack: CentsRange;
    writtenOff: CentsRange;
  };
  /** What a clinic asks for before the first session, where the price list gives it. */
  dueUpFront: (CentsRange & { sessions: { low: number; high: number }; source: string; at: string }) | null;
  financing: Financing | null;
  notes: Cited<T>[];
  /** With --explain: the cost-sharing arithmetic, run by run, per plan year and end. */
  explanation: T[];
  /** The sources the estimate and the plan's notes cite, in the dataset's order, then the patient's quote. */
  sources: SourceOf<T>[];
};

/** Why a plan cannot be made from these inputs: the flag to blame and a sentence. */
export type PlanIssue = { flag: string; message: Message };

const DAY = 86_400_000;
const INTAKE_VISIT: Message = /* @__PURE__ */ Object.freeze(msg('bill.intake', {})) as Message;

/**
 * Lays a scenario out in time: each session (and a one-time visit before the first) on its day,
 * what is billed, what the patient and the plan pay under the plan year it falls in, the running
 * total, month subtotals, the amount a clinic wants up front and paying over time. Pure: the same
 * input gives the same plan, whatever the clock says (dates only come from `start`).
 */
export function planProgram(scenario: Scenario, dataset: Dataset, options: PlanOptions, explain = false): Plan<Message> | PlanIssue {
  const estimate = estimateCost(scenario, dataset);
  const route = dataset.routes.find((r) => r.id === scenario.route);
  if (!route) return { flag: '--route', message: msg('planIssue.notInList', { route: scenario.route }) };
  // Original Medicare's Part B deductible starts again each 1 January, and it has no yearly cap.
  if (scenario.insurance.status === 'medicare') {
    if (options.planYearStart.month !== 1 || options.planYearStart.day !== 1)
      return { flag: '--plan-year-start', message: msg('planIssue.medicareCalendarYear', {}) };
    if (options.annualOopMaxCents !== null) return { flag: '--annual-oop-max', message: msg('planIssue.medicareNoOopMax', {}) };
  }

  // 1. Session days at each end, as the estimate counts them (#21): the low end the less frequent
  // schedule (or the typical program's fewest sessions), the high end the more frequent (the most).
  const horizonWeeks = options.horizonWeeks ?? scenario.weeks;
  const typical = { low: route.program.lowSessions, high: route.program.highSessions };
  let lowDays: number[];
  let highDays: number[];
  let cadence: Message;
  const every = options.everyDays;
  if (every !== null) {
    const fixed = (count: number) => Array.from({ length: count }, (_, i) => i * every);
    const count = horizonWeeks !== null ? Math.ceil((horizonWeeks * 7) / every) : scenario.sessions;
    lowDays = fixed(count ?? typical.low);
    highDays = fixed(count ?? typical.high);
    cadence = msg('plan.cadenceEvery', { everyDays: every });
  } else if (route.schedule) {
    const lastWeek = horizonWeeks ?? 104;
    lowDays = scheduleDays(route.schedule.phases, lastWeek, 'low');
    highDays = scheduleDays(route.schedule.phases, lastWeek, 'high');
    cadence = msg('plan.cadenceSchedule', { schedule: route.schedule.description });
    if (horizonWeeks === null) {
      lowDays = lowDays.slice(0, scenario.sessions ?? typical.low);
      highDays = highDays.slice(0, scenario.sessions ?? typical.high);
    }
  } else {
    return { flag: '--every', message: msg('planIssue.needsEvery', { route: route.id, program: route.program.description }) };
  }
  if (scenario.sessions !== null) {
    lowDays = lowDays.slice(0, scenario.sessions);
    highDays = highDays.slice(0, scenario.sessions);
  }
  const most = Math.max(lowDays.length, highDays.length);
  if (lowDays.length === 0 || most > 365)
    return { flag: '--weeks', message: msg('planIssue.sessionCount', { count: lowDays.length === 0 ? 0 : most }) };

  // 2. Boosters after the program, only at an interval the user gives; at both ends.
  const boosters: number[] = [];
  if (options.boostersEveryWeeks !== null && horizonWeeks !== null) {
    const last = Math.max(lowDays[lowDays.length - 1] ?? 0, highDays[highDays.length - 1] ?? 0);
    for (let day = last + options.boostersEveryWeeks * 7; day < horizonWeeks * 7; day += options.boostersEveryWeeks * 7) boosters.push(day);
  }

  // 3. The bills in order, each with its day and what it costs at each end (0 where a session is at
  // one end only: the more frequent schedule has sessions the less frequent one has not).
  const perSession = estimate.perSession;
  const first = estimate.firstSession;
  const perSessionExtras = estimate.items.slice(1).filter((i) => i.status === 'priced' && i.charge === 'per-session' && i.unit);
  const extra = (end: End) =>
    perSessionExtras.reduce((sum, i) => sum + (end === 'low' ? (i.unit?.lowCents ?? 0) : (i.unit?.highCents ?? 0)), 0);
  // With a mix of packages the treatment's total is spread over the sessions, as the estimate bills it.
  const spread = (end: End, n: number): number | null => {
    if (!estimate.packages) return null;
    const total = end === 'low' ? estimate.program.lowCents : estimate.program.highCents;
    const count = end === 'low' ? lowDays.length : highDays.length;
    const each = Math.floor(total / count);
    return n === 0 ? total - each * (count - 1) : each;
  };
  const sessionPrice = (end: End, n: number) =>
    (spread(end, n) ??
      (n === 0 && first
        ? end === 'low'
          ? first.lowCents
          : first.highCents
        : end === 'low'
          ? perSession.lowCents
          : perSession.highCents)) + extra(end);
  type Slot = { kind: PlanRow['kind']; day: number; low: number | null; high: number | null };
  const slots: Slot[] = [];
  for (const item of estimate.items.slice(1)) {
    if (item.status === 'priced' && item.charge === 'once' && item.unit)
      slots.push({ kind: 'intake', day: 0, low: item.unit.lowCents, high: item.unit.highCents });
  }
  for (const day of [...new Set([...lowDays, ...highDays])].sort((a, b) => a - b)) {
    const atLow = lowDays.indexOf(day);
    const atHigh = highDays.indexOf(day);
    slots.push({
      kind: 'session',
      day,
      low: atLow < 0 ? null : sessionPrice('low', atLow),
      high: atHigh < 0 ? null : sessionPrice('high', atHigh),
    });
  }
  for (const day of boosters)
    slots.push({ kind: 'booster', day, low: perSession.lowCents + extra('low'), high: perSession.highCents + extra('high') });

  // 4. Plan years: from the plan year's first day with a start date, else 52-week years from week 1.
  const start = options.start === null ? null : Date.parse(`${options.start}T00:00:00Z`);
  const dateOf = (day: number) => (start === null ? null : new Date(start + day * DAY).toISOString().slice(0, 10));
  const planYearOf = (day: number) => (start === null ? Math.floor(day / 364) + 1 : planYearFromDate(start, day, options.planYearStart));

  // 5. Cost sharing at each end, one plan year at a time: deductible and cap reset at each new year.
  // With --explain, the arithmetic of each run of sessions, per plan year and end.
  const explanation: Message[] = [];
  const rules = PAYERS[scenario.insurance.status].plan;
  const covered = estimate.patient.cases[0]?.case === 'covered' && rules !== null;
  const used = estimate.inputsUsed;
  const shareEnd = (end: End): (number | null)[] => {
    const present = slots.map((s, i) => ({ s, i, cents: end === 'low' ? s.low : s.high })).filter((x) => x.cents !== null);
    const bills: Bill[] = present.map(({ s, cents }, k) => ({
      cents: cents ?? 0,
      session: s.kind === 'intake' ? null : k + 1,
      // Sessions are named by their number at this end ("Session 3"); the one-time visit by what it is.
      name: s.kind === 'intake' ? INTAKE_VISIT : undefined,
    }));
    const out: (number | null)[] = slots.map(() => null);
    // The plan follows the usual case (listed first): paying yourself, or a plan that does not cover it, pays every bill.
    if (!covered || rules === null) {
      if (explain) explanation.push(msg('plan.payAll', { end, selfPay: estimate.patient.cases[0]?.case === 'self-pay' }));
      for (const { i, cents } of present) out[i] = cents;
      return out;
    }
    const thisYear = end === 'low' ? (used.deductible?.lowCents ?? 0) : (used.deductible?.highCents ?? 0);
    // A new plan year starts the deductible again: as given, Medicare's own for the year, else this year's.
    const fullPartB = scenario.insurance.status === 'medicare' ? (dataset.payers?.medicare?.deductibleCents ?? null) : null;
    const nextYear = options.annualDeductibleCents ?? fullPartB ?? thisYear;
    const perBill: number[] = [];
    const yearOf = (k: number) => planYearOf(present[k]?.s.day ?? 0);
    const firstPlanYear = planYearOf(slots[0]?.day ?? 0);
    let from = 0;
    while (from < bills.length) {
      const year = yearOf(from);
      let to = from;
      while (to < bills.length && yearOf(to) === year) to++;
      const firstYear = year === firstPlanYear;
      const deductibleCents = firstYear ? thisYear : nextYear;
      // A later plan year starts again from the next year's terms where they are given.
      const terms = firstYear || options.annualOopMaxCents === null ? used : { ...used, oopMaxCents: options.annualOopMaxCents };
      const share = rules.share(bills.slice(from, to), deductibleCents, terms, dataset, explain, perBill);
      for (const step of share.steps) explanation.push(msg('plan.yearStep', { planYear: year - firstPlanYear + 1, end, step }));
      from = to;
    }
    present.forEach(({ i }, k) => {
      out[i] = perBill[k] ?? 0;
    });
    return out;
  };
  const patientLow = shareEnd('low');
  const patientHigh = shareEnd('high');

  // 6. Rows with running totals. What leaves the patient's account on the day: their share, or
  // out of network the whole bill, with the plan's payback expected later, after a claim (#21).
  const paysBill = covered && PAYER_TERMS[scenario.insurance.status].paysOnTheDay === 'bill';
  const allowedCap = covered && !paysBill ? used.allowedCents : null;
  const rows: PlanRow<Message>[] = [];
  let runLow = 0;
  let runHigh = 0;
  let lastYear = planYearOf(slots[0]?.day ?? 0);
  slots.forEach((s, i) => {
    const billed = { lowCents: s.low ?? 0, highCents: s.high ?? 0 };
    const patient = { lowCents: patientLow[i] ?? 0, highCents: patientHigh[i] ?? 0 };
    const counted = (cents: number) => (allowedCap === null ? cents : Math.min(cents, allowedCap));
    const writtenOff = { lowCents: billed.lowCents - counted(billed.lowCents), highCents: billed.highCents - counted(billed.highCents) };
    const plan = {
      lowCents: billed.lowCents - writtenOff.lowCents - patient.lowCents,
      highCents: billed.highCents - writtenOff.highCents - patient.highCents,
    };
    const paidOnTheDay = paysBill ? billed : patient;
    const paidBack = paysBill ? plan : ZERO;
    runLow += paidOnTheDay.lowCents;
    runHigh += paidOnTheDay.highCents;
    const year = planYearOf(s.day);
    const running = { lowCents: runLow, highCents: runHigh };
    rows.push({
      n: i + 1,
      kind: s.kind,
      day: s.day,
      week: Math.floor(s.day / 7) + 1,
      date: dateOf(s.day),
      planYear: year - planYearOf(slots[0]?.day ?? 0) + 1,
      resetsPlanYear: year !== lastYear,
      month: 0,
      billed,
      patient,
      plan,
      runningPatient: running,
      steps: explain ? [msg('plan.rowStep', { billed, patient, plan, running })] : [],
      onlyAt: s.low === null ? 'high' : s.high === null ? 'low' : null,
      paidOnTheDay,
      paidBack,
      writtenOff,
    });
    lastYear = year;
  });
  const months = monthSubtotals(rows, start);
  const sum = (pick: (r: PlanRow<Message>) => CentsRange) =>
    rows.reduce((t, r) => ({ lowCents: t.lowCents + pick(r).lowCents, highCents: t.highCents + pick(r).highCents }), {
      lowCents: 0,
      highCents: 0,
    });
  const totals = {
    billed: sum((r) => r.billed),
    patient: sum((r) => r.patient),
    plan: sum((r) => r.plan),
    paidOnTheDay: sum((r) => r.paidOnTheDay),
    paidBack: sum((r) => r.paidBack),
    writtenOff: sum((r) => r.writtenOff),
  };

  // 7. Up front: the sessions a clinic takes payment for before the first, as the estimate counts them.
  const upFront = route.upFront;
  const dueUpFront = upFront && estimate.dueUpFront ? { ...estimate.dueUpFront, source: upFront.ref.source, at: upFront.ref.at } : null;

  // 8. Paying over time, on what the patient pays at each end.
  const financing =
    options.months !== null && options.aprBasisPoints !== null ? financingOf(totals.patient, options.months, options.aprBasisPoints) : null;

  // 9. Notes: the schedule's source, resets, financing's warning and tax-advantaged accounts.
  const notes: Cited<Message>[] = [];
  if (route.schedule && options.everyDays === null) notes.push(cite(msg('plan.note.schedule', { cadence }), route.schedule.ref));
  if (horizonWeeks !== null && options.boostersEveryWeeks === null && !route.schedule)
    notes.push(cite(msg('plan.note.noBoosters', {}), route.items?.find((i) => i.id === 'boosters')?.ref ?? route.program.ref));
  if (rows.some((r) => r.resetsPlanYear)) {
    notes.push(cite(msg('plan.note.newPlanYear', {}), dataset.insurance.deductibleRef ?? dataset.insurance.coinsuranceRef));
    // A later year's Part B deductible is not known yet: say which year's figure stands in for it.
    const partB = dataset.payers?.medicare;
    if (scenario.insurance.status === 'medicare' && partB && options.annualDeductibleCents === null)
      notes.push(
        cite(msg('plan.note.medicareNextYear', { year: partB.year, deductibleCents: partB.deductibleCents }), partB.deductibleRef),
      );
  }
  if (dueUpFront && upFront)
    notes.push(cite(msg('plan.note.upFront', { low: upFront.lowSessions, high: upFront.highSessions }), upFront.ref));
  if (financing) {
    const deferred = dataset.financing?.deferredInterest;
    if (deferred) notes.push(cite(dataText(deferred.text), deferred.ref));
  }
  const hsa = dataset.financing?.hsa;
  if (hsa) notes.push(cite(dataText(hsa.text), hsa.ref));
  const letter = dataset.financing?.medicalNecessityLetter;
  if (letter) notes.push(cite(dataText(letter.text), letter.ref));
  const cited = new Set([...estimate.sources.map((s) => s.id), ...notes.map((n) => n.source)]);
  // The patient's quote, when it priced the sessions, is listed as the estimate lists it (last).
  const quote = estimate.sources.filter((s) => 'kind' in s);
  const sources: SourceOf<Message>[] = [...dataset.sources.filter((s) => cited.has(s.id)), ...quote];
  return { estimate, options, cadence, rows, months, totals, dueUpFront, financing, notes, explanation, sources };
}

/** Session days (from day 0) of a schedule up to a week: at the low end the least frequent each phase allows, at the high end the most. */
export function scheduleDays(
  phases: NonNullable<Dataset['routes'][number]['schedule']>['phases'],
  lastWeek: number,
  end: End = 'low',
): number[] {
  const days: number[] = [];
  for (const phase of phases) {
    const to = Math.min(phase.toWeek ?? lastWeek, lastWeek);
    if (phase.perWeek) {
      const perWeek = end === 'low' ? phase.perWeek.low : phase.perWeek.high;
      for (let week = phase.fromWeek; week <= to; week++)
        for (let k = 0; k < perWeek; k++) days.push((week - 1) * 7 + Math.floor((k * 7) / perWeek));
    } else if (phase.everyWeeks) {
      const step = end === 'low' ? phase.everyWeeks.high : phase.everyWeeks.low;
      for (let week = phase.fromWeek; week <= to; week += step) days.push((week - 1) * 7);
    }
  }
  return days;
}

function planYearFromDate(start: number, day: number, yearStart: { month: number; day: number }): number {
  const date = new Date(start + day * DAY);
  const y = date.getUTCFullYear();
  const boundary = Date.UTC(y, yearStart.month - 1, yearStart.day);
  // Plan years are numbered by the calendar year they begin in, so a reset falls on the boundary.
  return date.getTime() >= boundary ? y : y - 1;
}

function monthSubtotals(rows: PlanRow<Message>[], start: number | null): PlanMonth<Message>[] {
  const months: PlanMonth<Message>[] = [];
  let lastKey: string | null = null;
  for (const r of rows) {
    const index = start === null ? Math.floor(r.day / 28) + 1 : 0;
    const yearMonth = (r.date ?? '').slice(0, 7);
    const key = start === null ? String(index) : yearMonth;
    let m = months[months.length - 1];
    if (!m || key !== lastKey) {
      lastKey = key;
      m = {
        month: months.length + 1,
        label: start === null ? msg('plan.monthOfWeeks', { month: index }) : msg('plan.calendarMonth', { yearMonth }),
        billed: { lowCents: 0, highCents: 0 },
        patient: { lowCents: 0, highCents: 0 },
        runningPatient: r.runningPatient,
      };
      months.push(m);
    }
    m.billed = { lowCents: m.billed.lowCents + r.billed.lowCents, highCents: m.billed.highCents + r.billed.highCents };
    m.patient = { lowCents: m.patient.lowCents + r.paidOnTheDay.lowCents, highCents: m.patient.highCents + r.paidOnTheDay.highCents };
    m.runningPatient = r.runningPatient;
    r.month = m.month;
  }
  return months;
}

function financingOf(principal: CentsRange, months: number, aprBasisPoints: number): Financing {
  const low = amortize(principal.lowCents, aprBasisPoints, months);
  const high = amortize(principal.highCents, aprBasisPoints, months);
  return {
    months,
    aprBasisPoints,
    monthly: { lowCents: low.monthly, highCents: high.monthly },
    totalPaid: { lowCents: low.total, highCents: high.total },
    interest: { lowCents: low.total - principal.lowCents, highCents: high.total - principal.highCents },
    lastPayment: { lowCents: low.last, highCents: high.last },
  };
}
