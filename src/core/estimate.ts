import { type CostShare, shareInNetwork, shareOutOfNetwork } from './cost-sharing.js';
import { formatRange } from './fields.js';
import { formatPercent, formatUsd, formatUsdRange } from './money.js';
import { countSessions } from './schedule.js';
import type { Dataset, Ref, Route, Scenario } from './types.js';

/** A figure or sentence and where it comes from: a source id of the dataset and the line or section in it. */
export type Cited = { text: string; source: string; at: string };
/** One line of the arithmetic; source and at are null where the figure is the user's own (sessions as given). */
export type Step = { text: string; source: string | null; at: string | null };
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
  steps: { low: string[]; high: string[] };
};

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
  sessions: {
    low: number;
    high: number;
    basis: 'given' | 'typical' | 'weeks';
    description: string;
    source: string | null;
    at: string | null;
  };
  program: CentsRange;
  patient: { insurance: Scenario['insurance']['status']; cases: PatientCase[]; assumptions: Cited[] };
  coverage: { typical: 'covered' | 'not-covered'; note: string; source: string; at: string };
  included: Cited[];
  excluded: Cited[];
  notes: Cited[];
  explanation: Step[];
  sources: { id: string; title: string; locator: string }[];
};

/**
 * Prices one scenario against a dataset: per session, sessions used, the whole program and what
 * the patient pays under the scenario's insurance. Pure and deterministic: the same input gives
 * the same estimate, so every output format is byte-identical run after run.
 */
export function estimateCost(scenario: Scenario, dataset: Dataset): Estimate {
  const route = findRoute(dataset, scenario.route);
  const offer = route.offers.find((o) => o.provider === scenario.provider);
  const provider = dataset.providers.find((p) => p.id === scenario.provider);
  if (!offer || !provider) throw new Error(`the dataset has no ${scenario.provider} offer for ${route.id}`);
  const cite = (text: string, ref: Ref): Cited => ({ text, source: ref.source, at: ref.at });
  const explanation: Step[] = [];

  // 1. One session: the route's price, times the devices the dose needs when priced per device.
  const dose = scenario.doseMg === null ? null : (route.doses ?? []).find((d) => d.mg === scenario.doseMg);
  if (offer.price.per === 'device' && !dose) throw new Error(`${route.id} is priced per device but the scenario has no dose`);
  const units = offer.price.per === 'device' && dose ? dose.devices : 1;
  const perSession = { lowCents: offer.price.lowCents * units, highCents: offer.price.highCents * units };
  if (units === 1) {
    explanation.push(
      cite(
        `Per session: ${formatUsdRange(perSession.lowCents, perSession.highCents)} for ${route.label} ${provider.label}`,
        offer.price.ref,
      ),
    );
  } else if (dose) {
    explanation.push(cite(`Price per ${offer.price.per}: ${formatUsdRange(offer.price.lowCents, offer.price.highCents)}`, offer.price.ref));
    explanation.push(
      cite(
        `The ${dose.mg} mg dose uses ${dose.devices} devices: ${dose.devices} x ${formatUsdRange(offer.price.lowCents, offer.price.highCents)} = ${formatUsdRange(perSession.lowCents, perSession.highCents)} per session`,
        dose.ref,
      ),
    );
  }

  // 2. How many sessions: as given, from a duration through the schedule, or the typical program.
  const sessions = countProgramSessions(scenario, route);
  for (const line of sessions.steps) explanation.push({ text: line, source: sessions.ref?.source ?? null, at: sessions.ref?.at ?? null });

  // 3. The program: the low end is the fewest sessions at the lowest price, the high end the most at the highest.
  const program = { lowCents: perSession.lowCents * sessions.low, highCents: perSession.highCents * sessions.high };
  explanation.push(
    cite(`Program, low end: ${sessions.low} x ${formatUsd(perSession.lowCents)} = ${formatUsd(program.lowCents)}`, offer.price.ref),
  );
  explanation.push(
    cite(`Program, high end: ${sessions.high} x ${formatUsd(perSession.highCents)} = ${formatUsd(program.highCents)}`, offer.price.ref),
  );

  // 4. What the patient pays, for each insurance case worth reporting.
  const patient = sharePatientCost(scenario, dataset, route, perSession, sessions);
  for (const c of patient.cases) {
    const title = caseTitle(c.case);
    for (const [end, lines] of [
      ['low', c.steps.low],
      ['high', c.steps.high],
    ] as const) {
      for (const line of lines)
        explanation.push(cite(`${title}, ${end} end: ${line}`, c.case === 'self-pay' ? offer.price.ref : dataset.insurance.coinsuranceRef));
    }
  }

  // 5. Notes: what the figure includes, what it leaves out, and what else to know.
  const included = route.included.map((n) => cite(n.text, n.ref));
  const excluded = route.excluded.map((n) => cite(n.text, n.ref));
  const notes = route.notes.map((n) => cite(n.text, n.ref));
  const ins = dataset.insurance;
  if (scenario.insurance.status === 'none') {
    notes.push(
      cite(
        `Paying for yourself: the provider owes you a written Good Faith Estimate before treatment, and a bill that comes in at least ${formatUsd(ins.goodFaithEstimateDisputeCents)} above it can be disputed.`,
        ins.goodFaithEstimateRef,
      ),
    );
  }
  if (scenario.insurance.status === 'in-network' && ins.savingsProgram.routes.includes(route.id)) {
    notes.push(cite(ins.savingsProgram.text, ins.savingsProgram.ref));
  }
  if (scenario.insurance.status === 'out-of-network' && scenario.insurance.reimbursementBasisPoints > 0) {
    notes.push(
      cite(
        'Out-of-network care does not count towards the out-of-pocket maximum; ask the provider for an itemised receipt (superbill) to claim the reimbursement.',
        ins.coinsuranceRef,
      ),
    );
  }
  const coverage = {
    typical: route.coverage.typical,
    note: route.coverage.note,
    source: route.coverage.ref.source,
    at: route.coverage.ref.at,
  };

  const cited = new Set<string | null>([
    coverage.source,
    ...[included, excluded, notes, patient.assumptions, explanation].flat().map((c) => c.source),
  ]);
  return {
    dataset: { id: dataset.id, version: dataset.version, asOf: dataset.asOf },
    scenario,
    route: { id: route.id, label: route.label, description: route.description },
    provider: { id: provider.id, label: provider.label },
    dose: dose ? { mg: dose.mg, devices: dose.devices, source: dose.ref.source, at: dose.ref.at } : null,
    perSession: {
      ...perSession,
      per: offer.price.per,
      units,
      unitLowCents: offer.price.lowCents,
      unitHighCents: offer.price.highCents,
      source: offer.price.ref.source,
      at: offer.price.ref.at,
    },
    sessions: {
      low: sessions.low,
      high: sessions.high,
      basis: sessions.basis,
      description: sessions.description,
      source: sessions.ref?.source ?? null,
      at: sessions.ref?.at ?? null,
    },
    program,
    patient,
    coverage,
    included,
    excluded,
    notes,
    explanation,
    // Keep the dataset's order, so the list reads the same whatever was cited first.
    sources: dataset.sources.filter((s) => cited.has(s.id)).map((s) => ({ id: s.id, title: s.title, locator: s.locator })),
  };
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

function countProgramSessions(scenario: Scenario, route: Route): ProgramSessions {
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
  route: Route,
  perSession: CentsRange,
  sessions: { low: number; high: number },
): Estimate['patient'] {
  const ins = scenario.insurance;
  const assumptions: Cited[] = [];
  const at = (ref: Ref) => ({ source: ref.source, at: ref.at });
  const billed = { lowCents: perSession.lowCents * sessions.low, highCents: perSession.highCents * sessions.high };
  if (ins.status === 'none') {
    const selfPay: PatientCase = {
      case: 'self-pay',
      typical: true,
      upFront: billed,
      plan: { lowCents: 0, highCents: 0 },
      patient: billed,
      steps: { low: [], high: [] },
    };
    return { insurance: 'none', cases: [selfPay], assumptions };
  }

  const typicalCovered = route.coverage.typical === 'covered';
  const reported: ('covered' | 'not-covered')[] =
    ins.covered === 'yes'
      ? ['covered']
      : ins.covered === 'no'
        ? ['not-covered']
        : typicalCovered
          ? ['covered', 'not-covered']
          : ['not-covered', 'covered'];
  if (ins.covered === 'auto') {
    assumptions.push({
      text: `Coverage not given: both cases are shown; for ${route.id} the usual case is ${typicalCovered ? 'covered' : 'not covered'}.`,
      ...at(route.coverage.ref),
    });
  }
  assumptions.push({
    text: `Deductible left this year: ${formatUsd(ins.deductibleCents)}${ins.deductibleCents === 0 ? ' (none given)' : ''}.`,
    ...at(dataset.insurance.coinsuranceRef),
  });

  let share: (price: number, count: number) => CostShare;
  if (ins.status === 'in-network') {
    const defaultBasisPoints = Math.round(dataset.insurance.defaultCoinsurancePercent * 100);
    const coinsuranceBasisPoints = ins.coinsuranceBasisPoints ?? defaultBasisPoints;
    if (ins.copayCents !== null)
      assumptions.push({
        text: `Copay: ${formatUsd(ins.copayCents)} per session after the deductible.`,
        ...at(dataset.insurance.coinsuranceRef),
      });
    else if (ins.coinsuranceBasisPoints === null)
      assumptions.push({
        text: `Coinsurance not given: assumed ${formatPercent(coinsuranceBasisPoints)}, a common figure.`,
        ...at(dataset.insurance.coinsuranceRef),
      });
    else assumptions.push({ text: `Coinsurance: ${formatPercent(coinsuranceBasisPoints)}.`, ...at(dataset.insurance.coinsuranceRef) });
    assumptions.push({
      text:
        ins.oopMaxCents === null
          ? 'Out-of-pocket maximum left: not given, so no cap is applied.'
          : `Out-of-pocket maximum left this year: ${formatUsd(ins.oopMaxCents)}.`,
      ...at(dataset.insurance.coinsuranceRef),
    });
    const terms = {
      deductibleCents: ins.deductibleCents,
      coinsuranceBasisPoints,
      copayCents: ins.copayCents,
      oopMaxCents: ins.oopMaxCents,
    };
    share = (price, count) => shareInNetwork(price, count, terms);
  } else {
    assumptions.push({
      text: `Out of network: the plan pays back ${formatPercent(ins.reimbursementBasisPoints)} of what lies above the deductible${ins.reimbursementBasisPoints === 0 ? ' (no reimbursement given)' : ''}.`,
      ...at(dataset.insurance.coinsuranceRef),
    });
    const terms = { deductibleCents: ins.deductibleCents, reimbursementBasisPoints: ins.reimbursementBasisPoints };
    share = (price, count) => shareOutOfNetwork(price, count, terms);
  }

  const cases = reported.map((which): PatientCase => {
    const typical = (which === 'covered') === typicalCovered;
    if (which === 'not-covered') {
      const line = 'not covered, so you pay the full price and nothing counts towards the deductible or the out-of-pocket maximum';
      return {
        case: which,
        typical,
        upFront: billed,
        plan: { lowCents: 0, highCents: 0 },
        patient: billed,
        steps: { low: [line], high: [line] },
      };
    }
    const low = share(perSession.lowCents, sessions.low);
    const high = share(perSession.highCents, sessions.high);
    const upFront = ins.status === 'out-of-network' ? billed : { lowCents: low.patientCents, highCents: high.patientCents };
    return {
      case: which,
      typical,
      upFront,
      plan: { lowCents: low.planCents, highCents: high.planCents },
      patient: { lowCents: low.patientCents, highCents: high.patientCents },
      steps: { low: low.steps, high: high.steps },
    };
  });
  return { insurance: ins.status, cases, assumptions };
}

/** A plain-language name for an insurance case. */
export function caseTitle(c: PatientCase['case']): string {
  return c === 'self-pay' ? 'Paying yourself' : c === 'covered' ? 'If your plan covers it' : 'If your plan does not cover it';
}
