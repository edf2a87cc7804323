import { type Bill, type CostShare, sessionBills, shareInNetwork, shareOutOfNetwork } from './cost-sharing.js';
import { formatRange } from './fields.js';
import { formatPercent, formatUsd, formatUsdRange } from './money.js';
import { countSessions } from './schedule.js';
import type { Dataset, Ref, Route, Scenario, Source } from './types.js';

/** A figure or sentence and where it comes from: a source id, the line or section, the sentence it relies on and its date. */
export type Cited = { text: string; source: string; at: string; quote: string | null; asOf: string | null };
/** One line of the arithmetic; source and at are null where the figure is the user's own (sessions as given). */
export type Step = { text: string; source: string | null; at: string | null; quote: string | null };
export type CentsRange = { lowCents: number; highCents: number };

/** What one insurance case costs, at the low and the high end of the price range. */
export type PatientCase = {
  /** self-pay: no insurance; covered / not-covered: whether the plan covers this route. */
  case: 'self-pay' | 'covered' | 'not-covered';
  /** Whether this case is what usually happens for the route (the dataset's coverage note). */
  typical: boolean;
  /** What the patient pays before any reimbursement. */
  upFront: CentsRange;
  /** What the plan pays or pays back. */
  plan: CentsRange;
  /** What the patient pays in the end. */
  patient: CentsRange;
  /** Out of network: what the provider charges above the plan's allowed amount, which the patient pays. */
  balanceBilled: CentsRange;
  steps: { low: string[]; high: string[] };
};

/** One thing the patient pays for: the treatment, or a visit or service beside it, priced or not. */
export type LineItem = {
  id: string;
  label: string;
  charge: 'per-session' | 'once';
  /** How many times it is charged: the sessions, or once. */
  count: { low: number; high: number };
  /** The price each time; null when no source prices it. */
  unit: CentsRange | null;
  /** What it adds to the all-in total; null when not priced or left out. */
  total: CentsRange | null;
  status: 'priced' | 'not-priced' | 'excluded';
  /** Why it is not priced or was left out. */
  note: string | null;
  /** The price comes from a third party (a clinic's website, a billing firm), not the maker, a payer or a regulator. */
  thirdParty: boolean;
  source: string;
  at: string;
  quote: string | null;
  asOf: string | null;
};

/**
 * The insurance terms the figures were computed with (an audit of the inputs), and which of them
 * were assumed rather than given: `deductible`, `coinsurance`, `oop-max`, `reimbursement`, `allowed`, `covered`.
 */
export type InputsUsed = {
  /** What was left of the deductible at the low end and at the high end; null without insurance. */
  deductible: CentsRange | null;
  coinsuranceBasisPoints: number | null;
  copayCents: number | null;
  /** null: no cap applied. */
  oopMaxCents: number | null;
  reimbursementBasisPoints: number | null;
  /** null: the price was counted (an upper bound of the payback). */
  allowedCents: number | null;
  assumed: string[];
};

/** A public reference figure (what Medicare pays for a whole session): shown for scale, never added up. */
export type BenchmarkFigure = { text: string; cents: number; source: string; at: string; quote: string | null; asOf: string | null };

export type Estimate = {
  dataset: { id: string; version: string; asOf: string };
  scenario: Scenario;
  route: { id: string; label: string; description: string };
  provider: { id: string; label: string };
  dose: { mg: number; devices: number; source: string; at: string } | null;
  perSession: CentsRange & {
    per: 'session' | 'device';
    units: number;
    unitLowCents: number;
    unitHighCents: number;
    source: string;
    at: string;
  };
  /** Session 1 when the label starts every patient on another dose (esketamine: 56 mg on day 1). */
  firstSession:
    | (CentsRange & { doseMg: number; devices: number; source: string; at: string; quote: string | null; asOf: string | null })
    | null;
  sessions: {
    low: number;
    high: number;
    basis: 'given' | 'typical' | 'weeks';
    description: string;
    source: string | null;
    at: string | null;
  };
  /** The treatment itself over the program (sessions x price, session 1 at its own dose). */
  program: CentsRange;
  /** Every line item: the treatment, then visits and services beside it, priced or not. */
  items: LineItem[];
  /** What clinics ask for before the first session (the price list's up-front sessions), where it says. */
  dueUpFront: (CentsRange & { sessions: { low: number; high: number } }) | null;
  /** The first 52 weeks on the route's schedule, billed all-in, where the route has a schedule. */
  firstYear: (CentsRange & { sessions: { low: number; high: number } }) | null;
  /** Everything priced, added up: the program plus the other priced items. What it leaves out is in `notPriced` and `excludedItems`. */
  allIn: CentsRange & { notPriced: string[]; excludedItems: string[] };
  /** What the patient pays (all-in), for each insurance case worth reporting. */
  patient: { insurance: Scenario['insurance']['status']; cases: PatientCase[]; assumptions: Cited[] };
  inputsUsed: InputsUsed;
  benchmarks: BenchmarkFigure[];
  coverage: { typical: 'covered' | 'not-covered'; note: string; source: string; at: string };
  included: Cited[];
  excluded: Cited[];
  notes: Cited[];
  explanation: Step[];
  sources: Source[];
};

/**
 * `explain: false` leaves out every sentence (the explanation, notes and assumptions come back
 * empty): a batch's summary and CSV rows show only figures, for many rows at a time.
 */
export type EstimateOptions = { explain?: boolean };

/** The part of a scenario that sets the program's price: everything but the insurance. */
export type ProgramScenario = Omit<Scenario, 'insurance'>;

/**
 * What a program costs before insurance: every figure of an estimate that the insurance does not
 * change, the bills the plan would share, and the explanation and notes so far. A counselor's file
 * has many patients (each with their own deductible) on a few programs, so a batch prices each
 * program once (see programKey) and shares it between its patients with estimateFromPrice.
 */
export type ProgramPrice = Pick<
  Estimate,
  | 'dataset'
  | 'route'
  | 'provider'
  | 'dose'
  | 'perSession'
  | 'firstSession'
  | 'sessions'
  | 'program'
  | 'items'
  | 'dueUpFront'
  | 'firstYear'
  | 'allIn'
  | 'benchmarks'
  | 'coverage'
  | 'included'
  | 'excluded'
> & {
  /** What the insurance shares, in order (one-time visits first, then each session), at the low and the high end. */
  bills: { low: Bill[]; high: Bill[] };
  /** Those bills added up: what the patient is billed before any plan pays. */
  billed: CentsRange;
  /** The explanation up to the insurance steps. */
  steps: Step[];
  /** The notes before the self-pay note, and the route's own notes after it. */
  notesBefore: Cited[];
  notesAfter: Cited[];
};

/**
 * A key two scenarios share exactly when priceProgram prices them alike: the fields of
 * ProgramScenario. They are parsed ids and numbers, never free text, so a separator is safe.
 */
export function programKey(scenario: ProgramScenario): string {
  return `${scenario.route}|${scenario.provider}|${scenario.sessions}|${scenario.weeks}|${scenario.doseMg}|${scenario.exclude.join(',')}`;
}

/**
 * Prices one scenario against a dataset: each line item, the sessions, the whole program, the
 * all-in total and what the patient pays under the scenario's insurance. Pure and deterministic:
 * the same input gives the same estimate, so every output format is byte-identical run after run.
 */
export function estimateCost(scenario: Scenario, dataset: Dataset, options: EstimateOptions = {}): Estimate {
  return estimateFromPrice(priceProgram(scenario, dataset, options), scenario, dataset, options);
}

/** Prices the program before insurance: the first half of estimateCost. */
export function priceProgram(scenario: ProgramScenario, dataset: Dataset, options: EstimateOptions = {}): ProgramPrice {
  const explain = options.explain ?? true;
  const route = findRoute(dataset, scenario.route);
  const offer = route.offers.find((o) => o.provider === scenario.provider);
  const provider = dataset.providers.find((p) => p.id === scenario.provider);
  if (!offer || !provider) throw new Error(`the dataset has no ${scenario.provider} offer for ${route.id}`);
  const explanation: Step[] = [];
  // Without the explanation (a batch's summary rows), its lines are not kept, nor the insurance steps.
  // Lines are built only when explaining: formatting them costs more than the arithmetic.
  const say = (line: () => Step) => {
    if (explain) explanation.push(line());
  };
  const price = offer.price;

  // 1. One session: the route's price, times the devices the dose needs when priced per device.
  const dose = scenario.doseMg === null ? null : (route.doses ?? []).find((d) => d.mg === scenario.doseMg);
  if (price.per === 'device' && !dose) throw new Error(`${route.id} is priced per device but the scenario has no dose`);
  const units = price.per === 'device' && dose ? dose.devices : 1;
  const perSession = { lowCents: price.lowCents * units, highCents: price.highCents * units };
  if (units === 1) {
    say(() =>
      step(`Per session: ${formatUsdRange(perSession.lowCents, perSession.highCents)} for ${route.label} ${provider.label}`, price.ref),
    );
  } else if (dose) {
    say(() => step(`Price per ${price.per}: ${formatUsdRange(price.lowCents, price.highCents)}`, price.ref));
    say(() =>
      step(
        `The ${dose.mg} mg dose uses ${dose.devices} devices: ${dose.devices} x ${formatUsdRange(price.lowCents, price.highCents)} = ${formatUsdRange(perSession.lowCents, perSession.highCents)} per session`,
        dose.ref,
      ),
    );
  }

  // 2. Session 1 at the label's starting dose when the chosen dose differs (esketamine 84 mg).
  const startDose =
    route.firstSession && dose && route.firstSession.doseMg !== dose.mg
      ? route.doses?.find((d) => d.mg === route.firstSession?.doseMg)
      : undefined;
  const firstSession =
    startDose && route.firstSession && price.per === 'device'
      ? {
          doseMg: startDose.mg,
          devices: startDose.devices,
          lowCents: price.lowCents * startDose.devices,
          highCents: price.highCents * startDose.devices,
          source: route.firstSession.ref.source,
          at: route.firstSession.ref.at,
          quote: route.firstSession.ref.quote ?? null,
          asOf: route.firstSession.ref.asOf ?? null,
        }
      : null;
  if (firstSession) {
    say(() =>
      step(
        `Session 1 is at the ${firstSession.doseMg} mg starting dose: ${firstSession.devices} x ${formatUsdRange(price.lowCents, price.highCents)} = ${formatUsdRange(firstSession.lowCents, firstSession.highCents)}; ${dose?.mg} mg from session 2`,
        route.firstSession?.ref ?? price.ref,
      ),
    );
  }

  // 3. How many sessions: as given, from a duration through the schedule, or the typical program.
  const sessions = countProgramSessions(scenario, route);
  for (const line of sessions.steps)
    say(() => ({ text: line, source: sessions.ref?.source ?? null, at: sessions.ref?.at ?? null, quote: sessions.ref?.quote ?? null }));

  // 4. The treatment over the program: the low end is the fewest sessions at the lowest price, the high end the most at the highest.
  const treatmentTotal = (count: number, each: number, first: number | null) => (count === 0 ? 0 : (first ?? each) + each * (count - 1));
  const program = {
    lowCents: treatmentTotal(sessions.low, perSession.lowCents, firstSession?.lowCents ?? null),
    highCents: treatmentTotal(sessions.high, perSession.highCents, firstSession?.highCents ?? null),
  };
  for (const [end, count, each, first, total] of [
    ['low', sessions.low, perSession.lowCents, firstSession?.lowCents, program.lowCents],
    ['high', sessions.high, perSession.highCents, firstSession?.highCents, program.highCents],
  ] as const) {
    const sum = first === undefined ? `${count} x ${formatUsd(each)}` : `${formatUsd(first)} + ${count - 1} x ${formatUsd(each)}`;
    say(() => step(`Program, ${end} end: ${sum} = ${formatUsd(total)}`, price.ref));
  }

  // 5. The other line items: priced ones add up, the rest are named and left out of the total.
  const thirdParties = thirdPartySources(dataset);
  const thirdParty = (ref: Ref | undefined) => ref !== undefined && thirdParties.has(ref.source);
  const treatmentItem: LineItem = {
    id: price.per === 'device' ? 'drug' : 'treatment',
    label:
      price.per === 'device' && dose
        ? `${route.label}: the drug, ${dose.devices} devices of 28 mg per session`
        : `${route.label} ${provider.label}`,
    charge: 'per-session',
    count: { low: sessions.low, high: sessions.high },
    unit: perSession,
    total: program,
    status: 'priced',
    note: firstSession ? `session 1 at ${firstSession.doseMg} mg (${firstSession.devices} devices)` : null,
    thirdParty: thirdParty(price.ref),
    ...refFields(price.ref),
  };
  const items: LineItem[] = [treatmentItem];
  for (const def of route.items ?? []) {
    const count = def.charge === 'once' ? { low: 1, high: 1 } : { low: sessions.low, high: sessions.high };
    const excluded = scenario.exclude.includes(def.id);
    const unit = def.price ? { lowCents: def.price.lowCents, highCents: def.price.highCents } : null;
    const priced = unit !== null && !excluded;
    items.push({
      id: def.id,
      label: def.label,
      charge: def.charge,
      count,
      unit,
      total: priced && unit ? { lowCents: unit.lowCents * count.low, highCents: unit.highCents * count.high } : null,
      status: excluded ? 'excluded' : priced ? 'priced' : 'not-priced',
      note: excluded ? 'left out with --exclude' : (def.notPriced ?? null),
      thirdParty: thirdParty(def.price?.ref) || thirdParty(def.price?.highRef),
      ...refFields(def.price?.highRef ?? def.price?.ref ?? def.ref),
    });
    const itemPrice = def.price;
    if (priced && unit && itemPrice) {
      const third = thirdParty(itemPrice.ref) || thirdParty(itemPrice.highRef) ? ' (third-party figure)' : '';
      const each = def.charge === 'once' ? ' once' : ' per session';
      const highRef = itemPrice.highRef;
      if (highRef) {
        // Two sources, one for each end: cite both.
        say(() => step(`${def.label}, low end: ${formatUsd(unit.lowCents)}${each}${third}`, itemPrice.ref));
        say(() => step(`${def.label}, high end: ${formatUsd(unit.highCents)}${each}${third}`, highRef));
      } else say(() => step(`${def.label}: ${formatUsdRange(unit.lowCents, unit.highCents)}${each}${third}`, itemPrice.ref));
    }
  }
  const extras = items.slice(1).filter((i) => i.status === 'priced');
  const allIn = {
    lowCents: program.lowCents + extras.reduce((sum, i) => sum + (i.total?.lowCents ?? 0), 0),
    highCents: program.highCents + extras.reduce((sum, i) => sum + (i.total?.highCents ?? 0), 0),
    notPriced: items.filter((i) => i.status === 'not-priced').map((i) => i.id),
    excludedItems: items.filter((i) => i.status === 'excluded').map((i) => i.id),
  };
  if (extras.length > 0) {
    say(() =>
      step(
        `All-in: ${formatUsdRange(program.lowCents, program.highCents)} for the treatment + ${extras.map((i) => formatUsdRange(i.total?.lowCents ?? 0, i.total?.highCents ?? 0)).join(' + ')} = ${formatUsdRange(allIn.lowCents, allIn.highCents)}`,
        price.ref,
      ),
    );
  }

  // The money due before the first session, and a first year on the schedule, where the price list says.
  const upFront = route.upFront;
  const dueUpFront = upFront
    ? (() => {
        const low = Math.min(upFront.lowSessions, sessions.low);
        const high = Math.min(upFront.highSessions, sessions.high);
        return {
          lowCents: treatmentTotal(low, perSession.lowCents, firstSession?.lowCents ?? null),
          highCents: treatmentTotal(high, perSession.highCents, firstSession?.highCents ?? null),
          sessions: { low, high },
        };
      })()
    : null;
  const onceLow = extras.filter((i) => i.charge === 'once').reduce((t, i) => t + (i.total?.lowCents ?? 0), 0);
  const onceHigh = extras.filter((i) => i.charge === 'once').reduce((t, i) => t + (i.total?.highCents ?? 0), 0);
  const perSessionLow =
    perSession.lowCents + extras.filter((i) => i.charge === 'per-session').reduce((t, i) => t + (i.unit?.lowCents ?? 0), 0);
  const perSessionHigh =
    perSession.highCents + extras.filter((i) => i.charge === 'per-session').reduce((t, i) => t + (i.unit?.highCents ?? 0), 0);
  const year = route.schedule ? countSessions(route.schedule.phases, 52) : null;
  const firstYear = year
    ? {
        lowCents:
          onceLow +
          treatmentTotal(year.low, perSessionLow, firstSession ? firstSession.lowCents + perSessionLow - perSession.lowCents : null),
        highCents:
          onceHigh +
          treatmentTotal(year.high, perSessionHigh, firstSession ? firstSession.highCents + perSessionHigh - perSession.highCents : null),
        sessions: { low: year.low, high: year.high },
      }
    : null;

  // 6. The bills, in order, that insurance shares: one-time visits first, then each session.
  const billsFor = (end: 'low' | 'high'): Bill[] => {
    const pick = (r: CentsRange) => (end === 'low' ? r.lowCents : r.highCents);
    const count = end === 'low' ? sessions.low : sessions.high;
    const once = extras
      .filter((i) => i.charge === 'once' && i.unit)
      .map((i) => ({ cents: pick(i.unit as CentsRange), session: null, name: shortLabel(i.label) }));
    const perSessionExtras = extras.filter((i) => i.charge === 'per-session').reduce((sum, i) => sum + (i.unit ? pick(i.unit) : 0), 0);
    const each = pick(perSession) + perSessionExtras;
    const bills: Bill[] = [...once, ...sessionBills(each, count)];
    const first = bills[once.length];
    if (firstSession && first) first.cents = pick(firstSession) + perSessionExtras;
    return bills;
  };

  const bills = { low: billsFor('low'), high: billsFor('high') };

  // 7. Notes that the program alone decides (the rest depend on the insurance; see estimateFromPrice).
  let included: Cited[] = [];
  let excluded: Cited[] = [];
  const notesBefore: Cited[] = [];
  const notesAfter: Cited[] = [];
  const ins = dataset.insurance;
  if (explain) {
    included = route.included.map((n) => cite(n.text, n.ref));
    excluded = route.excluded.map((n) => cite(n.text, n.ref));
    for (const item of items.filter((i) => i.status !== 'priced')) {
      const def = route.items?.find((d) => d.id === item.id);
      if (def)
        excluded.push(
          cite(
            `${item.label}: ${item.status === 'excluded' ? 'left out with --exclude' : `not priced (${def.notPriced ?? 'ask the clinic'})`}.`,
            def.ref,
          ),
        );
    }
    for (const n of route.notes) notesBefore.push(cite(n.text, n.ref));
    if (firstSession && route.firstSession) {
      notesBefore.push(
        cite(
          `Session 1 is priced at ${firstSession.doseMg} mg (${firstSession.devices} devices), the label's starting dose${sessions.high > 1 ? `; ${scenario.doseMg} mg only from session 2` : ''}.`,
          route.firstSession.ref,
        ),
      );
    }
    if (ins.savingsProgram.routes.includes(route.id)) {
      notesAfter.push(cite(ins.savingsProgram.text, ins.savingsProgram.ref));
      for (const n of ins.savingsProgram.notes ?? []) notesAfter.push(cite(n.text, n.ref));
      if (ins.savingsProgram.excludedRef)
        notesAfter.push(
          cite(
            'Government plans (Medicare, Medicaid, TRICARE, Department of Defense, VA) could not use it under its earlier terms; check the current ones.',
            ins.savingsProgram.excludedRef,
          ),
        );
    }
  }
  const benchmarks = (route.benchmarks ?? [])
    .filter((b) => b.doseMg === undefined || !dose || b.doseMg === dose.mg)
    .map((b) => ({ text: b.text, cents: b.cents, ...refFields(b.ref) }));
  const coverage = {
    typical: route.coverage.typical,
    note: route.coverage.note,
    source: route.coverage.ref.source,
    at: route.coverage.ref.at,
  };
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
    items,
    dueUpFront,
    firstYear,
    allIn,
    benchmarks,
    coverage,
    included,
    excluded,
    bills,
    billed: { lowCents: sumBills(bills.low), highCents: sumBills(bills.high) },
    steps: explanation,
    notesBefore,
    notesAfter,
  };
}

/**
 * The second half of estimateCost: shares a priced program (priceProgram of the same program; see
 * programKey) under the scenario's insurance and adds the notes that depend on it. Never changes
 * `price`, so one price serves many scenarios.
 */
export function estimateFromPrice(price: ProgramPrice, scenario: Scenario, dataset: Dataset, options: EstimateOptions = {}): Estimate {
  const explain = options.explain ?? true;
  const { patient, inputsUsed } = sharePatientCost(scenario, dataset, price, explain);
  let explanation: Step[] = NONE;
  let notes: Cited[] = NONE;
  let sources: Source[] = NONE;
  if (explain) {
    const priceRef = findRoute(dataset, scenario.route).offers.find((o) => o.provider === scenario.provider)?.price.ref;
    if (!priceRef) throw new Error(`the dataset has no ${scenario.provider} offer for ${scenario.route}`);
    explanation = [...price.steps];
    for (const c of patient.cases) {
      const title = caseTitle(c.case);
      for (const [end, lines] of [
        ['low', c.steps.low],
        ['high', c.steps.high],
      ] as const) {
        for (const line of lines)
          explanation.push(
            step(
              `${title}, ${end} end: ${line}`,
              c.case === 'self-pay' ? priceRef : (dataset.insurance.deductibleRef ?? dataset.insurance.coinsuranceRef),
            ),
          );
      }
    }
    notes = [...price.notesBefore];
    const ins = dataset.insurance;
    const paysCash = scenario.insurance.status === 'none' || patient.cases.some((c) => c.case === 'not-covered');
    if (paysCash) {
      const who = scenario.insurance.status === 'none' ? 'Paying for yourself' : 'If you pay for it yourself (your plan does not cover it)';
      notes.push(
        cite(
          `${who}: the provider owes you a written Good Faith Estimate before treatment, and a bill that comes in at least ${formatUsd(ins.goodFaithEstimateDisputeCents)} above it can be disputed.`,
          ins.goodFaithEstimateRef,
        ),
      );
    }
    notes.push(...price.notesAfter);
    const oon = scenario.insurance.status === 'out-of-network';
    const oonCovered = oon && patient.cases.some((c) => c.case === 'covered');
    const payback = (scenario.insurance.reimbursementBasisPoints ?? 0) > 0;
    if (oonCovered && payback && scenario.insurance.allowedCents === null) {
      notes.push(
        cite(
          "The payback shown is an upper bound: the plan pays its share of its own allowed amount, not of the clinic's price, and the clinic may bill you the difference (balance billing). Ask your plan for its allowed amount and give --allowed.",
          ins.balanceBillingRef ?? ins.coinsuranceRef,
        ),
      );
    }
    if (oonCovered && payback) {
      notes.push(
        cite(
          'If your plan covers it, ask your insurer before you start how to claim the reimbursement, and ask the provider for an itemised receipt (superbill).',
          ins.reimbursementRef ?? ins.coinsuranceRef,
        ),
      );
    }
    // Keep the dataset's order, so the list reads the same whatever was cited first; none without text.
    const cited = new Set<string | null>([
      price.coverage.source,
      ...[price.included, price.excluded, notes, patient.assumptions, explanation, price.items, price.benchmarks]
        .flat()
        .map((c) => c.source),
    ]);
    sources = dataset.sources.filter((s) => cited.has(s.id));
  }
  return {
    dataset: price.dataset,
    scenario,
    route: price.route,
    provider: price.provider,
    dose: price.dose,
    perSession: price.perSession,
    firstSession: price.firstSession,
    sessions: price.sessions,
    program: price.program,
    items: price.items,
    dueUpFront: price.dueUpFront,
    firstYear: price.firstYear,
    allIn: price.allIn,
    patient,
    inputsUsed,
    benchmarks: price.benchmarks,
    coverage: price.coverage,
    included: price.included,
    excluded: price.excluded,
    notes,
    explanation,
    sources,
  };
}

const thirdPartyCache = new WeakMap<Dataset, Set<string>>();

/** The ids of a dataset's third-party sources, worked out once per dataset (a batch prices thousands of rows). */
function thirdPartySources(dataset: Dataset): Set<string> {
  let ids = thirdPartyCache.get(dataset);
  if (!ids) {
    ids = new Set(dataset.sources.filter((s) => s.thirdParty === true).map((s) => s.id));
    thirdPartyCache.set(dataset, ids);
  }
  return ids;
}

function refFields(ref: Ref): { source: string; at: string; quote: string | null; asOf: string | null } {
  return { source: ref.source, at: ref.at, quote: ref.quote ?? null, asOf: ref.asOf ?? null };
}

/** A sentence with its reference's source, place, quote and date: how every note is carried. */
export function cite(text: string, ref: Ref): Cited {
  return { text, ...refFields(ref) };
}

function step(text: string, ref: Ref): Step {
  return { text, source: ref.source, at: ref.at, quote: ref.quote ?? null };
}

/** "Intake or consultation visit (once, before the first session)" -> "Intake or consultation visit". */
function shortLabel(label: string): string {
  return label.replace(/\s*\(.*\)$/, '');
}

/** Returns the route with this id; throws when the dataset does not have it (a caller's bug, since scenarios are validated). */
export function findRoute(dataset: Dataset, id: string): Route {
  const route = dataset.routes.find((r) => r.id === id);
  if (!route) throw new Error(`the dataset has no route "${id}"`);
  return route;
}

type ProgramSessions = {
  low: number;
  high: number;
  basis: 'given' | 'typical' | 'weeks';
  description: string;
  ref: Ref | null;
  steps: string[];
};

function countProgramSessions(scenario: ProgramScenario, route: Route): ProgramSessions {
  if (scenario.sessions !== null) {
    const n = scenario.sessions;
    return {
      low: n,
      high: n,
      basis: 'given',
      description: `${n} ${n === 1 ? 'session' : 'sessions'}, as given`,
      ref: null,
      steps: [`Sessions: ${n}, as given`],
    };
  }
  if (scenario.weeks !== null && route.schedule) {
    const counted = countSessions(route.schedule.phases, scenario.weeks);
    const span = formatRange(counted.low, counted.high);
    return {
      low: counted.low,
      high: counted.high,
      basis: 'weeks',
      description: `${span} sessions over ${scenario.weeks} ${scenario.weeks === 1 ? 'week' : 'weeks'} (${route.schedule.description})`,
      ref: route.schedule.ref,
      steps: [...counted.steps, `Sessions over ${scenario.weeks} weeks: ${span}`],
    };
  }
  const { lowSessions: low, highSessions: high } = route.program;
  const span = formatRange(low, high);
  return {
    low,
    high,
    basis: 'typical',
    description: `${span} sessions, the typical program: ${route.program.description}`,
    ref: route.program.ref,
    steps: [`Sessions: ${span}, the typical program (${route.program.description})`],
  };
}

function sharePatientCost(
  scenario: Scenario,
  dataset: Dataset,
  price: ProgramPrice,
  explain: boolean,
): { patient: Estimate['patient']; inputsUsed: InputsUsed } {
  const ins = scenario.insurance;
  const terms = dataset.insurance;
  // Sentences only when explaining (see EstimateOptions); a batch row skips them, and their cost.
  const assumptions: Cited[] = [];
  const { low: billsLow, high: billsHigh } = price.bills;
  const billed = price.billed;
  if (ins.status === 'none') {
    const selfPay: PatientCase = {
      case: 'self-pay',
      typical: true,
      upFront: billed,
      plan: ZERO,
      patient: billed,
      balanceBilled: ZERO,
      steps: NO_STEPS,
    };
    return { patient: { insurance: 'none', cases: [selfPay], assumptions }, inputsUsed: NO_INPUTS };
  }

  const typicalCovered = price.coverage.typical === 'covered';
  const reported: ('covered' | 'not-covered')[] =
    ins.covered === 'yes'
      ? ['covered']
      : ins.covered === 'no'
        ? ['not-covered']
        : typicalCovered
          ? ['covered', 'not-covered']
          : ['not-covered', 'covered'];
  if (ins.covered === 'auto') {
    if (explain)
      assumptions.push(
        cite(
          `Coverage not given: both cases are shown; for ${scenario.route} the usual case is ${typicalCovered ? 'covered' : 'not covered'}.`,
          findRoute(dataset, scenario.route).coverage.ref,
        ),
      );
  }

  // Not covered, as given: the plan's terms change nothing, so none is assumed or said to be used.
  if (ins.covered === 'no') {
    if (explain)
      assumptions.push(
        cite(
          'Not covered (as given): you pay the full price; the deductible, cost sharing and any payback do not apply.',
          findRoute(dataset, scenario.route).coverage.ref,
        ),
      );
    const notCovered: PatientCase = {
      case: 'not-covered',
      typical: !typicalCovered,
      upFront: billed,
      plan: ZERO,
      patient: billed,
      balanceBilled: ZERO,
      steps: explain ? { low: [NOT_COVERED_STEP], high: [NOT_COVERED_STEP] } : NO_STEPS,
    };
    return { patient: { insurance: ins.status, cases: [notCovered], assumptions }, inputsUsed: NO_INPUTS };
  }

  // No optimistic default: a deductible not given spans "already met" to a typical full one.
  const deductibleRef = terms.deductibleRef ?? terms.coinsuranceRef;
  const typical = terms.typicalDeductible;
  const deductible =
    ins.deductibleCents !== null ? { low: ins.deductibleCents, high: ins.deductibleCents } : { low: 0, high: typical?.cents ?? 0 };
  const givenDeductible = ins.deductibleCents;
  if (explain) {
    if (givenDeductible !== null) assumptions.push(cite(`Deductible left this year: ${formatUsd(givenDeductible)}.`, deductibleRef));
    else if (typical)
      assumptions.push(
        cite(
          `Deductible left this year not given: the low end assumes it is already met ($0), the high end a typical full deductible of ${formatUsd(typical.cents)} (average for single coverage in employer plans), so the plan may pay more at the low end. Give --deductible for yours.`,
          typical.ref,
        ),
      );
    else
      assumptions.push(
        cite(
          'Deductible left this year not given, and the price list has no typical figure: assumed already met ($0). Give --deductible for yours.',
          deductibleRef,
        ),
      );
  }

  let share: (bills: Bill[], deductibleCents: number) => CostShare;
  if (ins.status === 'in-network') {
    const defaultBasisPoints = Math.round(terms.defaultCoinsurancePercent * 100);
    const coinsuranceBasisPoints = ins.coinsuranceBasisPoints ?? defaultBasisPoints;
    if (explain)
      assumptions.push(
        cite(
          "Your share is counted on the clinic's price shown here; a plan counts it on its own allowed amount, which may be lower.",
          terms.allowedAmountRef ?? terms.coinsuranceRef,
        ),
      );
    const copay = ins.copayCents;
    if (explain) {
      if (copay !== null)
        assumptions.push(cite(`Copay: ${formatUsd(copay)} per session after the deductible.`, terms.copayRef ?? terms.coinsuranceRef));
      else if (ins.coinsuranceBasisPoints === null)
        assumptions.push(
          cite(
            `Coinsurance not given: assumed ${formatPercent(coinsuranceBasisPoints)}, the figure a marketplace glossary uses in its example; give --coinsurance for yours.`,
            terms.coinsuranceRef,
          ),
        );
      else assumptions.push(cite(`Coinsurance: ${formatPercent(coinsuranceBasisPoints)}.`, terms.coinsuranceRef));
    }
    if (explain)
      assumptions.push(
        cite(
          ins.oopMaxCents === null
            ? 'Out-of-pocket maximum left: not given, so no cap is applied.'
            : `Out-of-pocket maximum left this year: ${formatUsd(ins.oopMaxCents)}.`,
          terms.oopMaxRef ?? terms.coinsuranceRef,
        ),
      );
    share = (bills, deductibleCents) =>
      shareInNetwork(bills, { deductibleCents, coinsuranceBasisPoints, copayCents: ins.copayCents, oopMaxCents: ins.oopMaxCents }, explain);
  } else {
    const reimbursementBasisPoints = ins.reimbursementBasisPoints ?? 0;
    if (explain)
      assumptions.push(
        cite(
          `Out of network: the plan pays back ${formatPercent(reimbursementBasisPoints)} of what lies above the deductible${ins.reimbursementBasisPoints === null ? ' (no reimbursement given)' : ''}.`,
          terms.coinsuranceRef,
        ),
      );
    if (explain)
      assumptions.push(
        cite(
          ins.allowedCents === null
            ? "Allowed amount not given: the payback is counted on the clinic's price, an upper bound."
            : `The plan's allowed amount per visit: ${formatUsd(ins.allowedCents)}; what the clinic charges above it is billed to you.`,
          terms.allowedAmountRef ?? terms.coinsuranceRef,
        ),
      );
    share = (bills, deductibleCents) =>
      shareOutOfNetwork(bills, { deductibleCents, reimbursementBasisPoints, allowedCents: ins.allowedCents }, explain);
  }

  const cases = reported.map((which): PatientCase => {
    const typicalCase = (which === 'covered') === typicalCovered;
    if (which === 'not-covered') {
      return {
        case: which,
        typical: typicalCase,
        upFront: billed,
        plan: ZERO,
        patient: billed,
        balanceBilled: ZERO,
        steps: explain ? { low: [NOT_COVERED_STEP], high: [NOT_COVERED_STEP] } : NO_STEPS,
      };
    }
    const low = share(billsLow, deductible.low);
    const high = share(billsHigh, deductible.high);
    const upFront = ins.status === 'out-of-network' ? billed : { lowCents: low.patientCents, highCents: high.patientCents };
    return {
      case: which,
      typical: typicalCase,
      upFront,
      plan: { lowCents: low.planCents, highCents: high.planCents },
      patient: { lowCents: low.patientCents, highCents: high.patientCents },
      balanceBilled: { lowCents: low.balanceBilledCents, highCents: high.balanceBilledCents },
      steps: explain ? { low: low.steps, high: high.steps } : NO_STEPS,
    };
  });
  const inNetwork = ins.status === 'in-network';
  const assumed = assumedList([
    ins.covered === 'auto',
    ins.deductibleCents === null,
    inNetwork && ins.coinsuranceBasisPoints === null && ins.copayCents === null,
    inNetwork && ins.oopMaxCents === null,
    !inNetwork && ins.reimbursementBasisPoints === null,
    !inNetwork && ins.allowedCents === null,
  ]);
  const inputsUsed: InputsUsed = {
    deductible: { lowCents: deductible.low, highCents: deductible.high },
    coinsuranceBasisPoints:
      inNetwork && ins.copayCents === null ? (ins.coinsuranceBasisPoints ?? Math.round(terms.defaultCoinsurancePercent * 100)) : null,
    copayCents: inNetwork ? ins.copayCents : null,
    oopMaxCents: inNetwork ? ins.oopMaxCents : null,
    reimbursementBasisPoints: inNetwork ? null : (ins.reimbursementBasisPoints ?? 0),
    allowedCents: inNetwork ? null : ins.allowedCents,
    assumed,
  };
  return { patient: { insurance: ins.status, cases, assumptions }, inputsUsed };
}

// Shared, frozen values: a batch makes an estimate per row, and these are the same for many.
const ZERO: CentsRange = Object.freeze({ lowCents: 0, highCents: 0 });
const NONE: never[] = Object.freeze([]) as unknown as never[];
const NO_STEPS: PatientCase['steps'] = Object.freeze({ low: NONE, high: NONE });
const ASSUMABLE = ['covered', 'deductible', 'coinsurance', 'oop-max', 'reimbursement', 'allowed'] as const;
const assumedLists = new Map<number, string[]>();

/** The names of the terms assumed, in ASSUMABLE order, from one flag each: one shared list per combination. */
function assumedList(flags: readonly boolean[]): string[] {
  let mask = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i]) mask |= 1 << i;
  let list = assumedLists.get(mask);
  if (list === undefined) {
    list = Object.freeze(ASSUMABLE.filter((_, i) => (mask & (1 << i)) !== 0)) as unknown as string[];
    assumedLists.set(mask, list);
  }
  return list;
}
const sumBills = (bills: Bill[]) => bills.reduce((total, b) => total + b.cents, 0);

const NOT_COVERED_STEP = 'not covered, so you pay the full price and nothing counts towards the deductible or the out-of-pocket maximum';

/** No insurance terms used: paying yourself, or a plan that does not cover the route. */
const NO_INPUTS: InputsUsed = {
  deductible: null,
  coinsuranceBasisPoints: null,
  copayCents: null,
  oopMaxCents: null,
  reimbursementBasisPoints: null,
  allowedCents: null,
  assumed: [],
};

/** A plain-language name for an insurance case. */
export function caseTitle(c: PatientCase['case']): string {
  return c === 'self-pay' ? 'Paying yourself' : c === 'covered' ? 'If your plan covers it' : 'If your plan does not cover it';
}
