import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amortize, monthlyPayment } from '../../src/core/money.js';
import { type Plan, type PlanOptions, planProgram, scheduleDays } from '../../src/core/plan.js';
import { parseScenario, type RawScenario } from '../../src/core/scenario.js';
import * as en from '../../src/text/en.js';
import { sayPlan } from '../../src/text/localize.js';
import { planOptions, readDataset } from '../helpers.js';

const dataset = readDataset();
const options = planOptions;
function plan(raw: RawScenario, o: Partial<PlanOptions> = {}): Plan {
  const parsed = parseScenario(raw, dataset);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const p = planProgram(parsed.scenario, dataset, options(o));
  if ('flag' in p) throw new Error(`${p.flag} ${en.say(p.message)}`);
  return sayPlan(p, en.say);
}

describe('the schedule', () => {
  it('follows the esketamine label: twice a week in weeks 1-4, weekly in weeks 5-8, then every 2 weeks', () => {
    const esk = dataset.routes.find((r) => r.id === 'esketamine');
    // Days 0 and 3 of weeks 1-4; day 0 of weeks 5-8; then weeks 9, 11 (every 2 weeks, the least frequent).
    expect(scheduleDays(esk?.schedule?.phases ?? [], 12)).toEqual([0, 3, 7, 10, 14, 17, 21, 24, 28, 35, 42, 49, 56, 70]);
  });

  it('needs --every for a route without a schedule, and says why', () => {
    const parsed = parseScenario({ route: 'iv', sessions: '6' }, dataset);
    if (!parsed.ok) throw new Error('unexpected');
    const p = planProgram(parsed.scenario, dataset, options());
    expect(p).toMatchObject({ flag: '--every' });
  });

  it('puts the intake visit first and weeks (no dates) without --start', () => {
    const p = plan({ route: 'iv', sessions: '3' }, { everyDays: 7 });
    expect(p.rows.map((r) => [r.kind, r.week, r.date])).toEqual([
      ['intake', 1, null],
      ['session', 1, null],
      ['session', 2, null],
      ['session', 3, null],
    ]);
    // Paying yourself: each row is billed in full; 3 x $225-$800 + $0-$350 = $675-$2,750.
    expect(p.totals.patient).toEqual({ lowCents: 67500, highCents: 275000 });
  });
});

describe('plan years and cost sharing (hand-computed)', () => {
  it('resets the deductible across 31 December', () => {
    // 4 sessions of 56 mg esketamine ($600-$800 each) from Monday 28 December 2026: 12-28, 12-31, then 01-04, 01-07 (new plan year).
    const p = plan(
      {
        route: 'esketamine',
        sessions: '4',
        insurance: 'in-network',
        covered: 'yes',
        deductible: '500',
        coinsurance: '20',
        exclude: 'intake',
      },
      { start: '2026-12-28', annualDeductibleCents: 100000 },
    );
    expect(p.rows.map((r) => [r.date, r.planYear, r.resetsPlanYear])).toEqual([
      ['2026-12-28', 1, false],
      ['2026-12-31', 1, false],
      ['2027-01-04', 2, true],
      ['2027-01-07', 2, false],
    ]);
    // Low end ($600): $500 + 20% of $100 = $520; $120; new year, $1,000 deductible: $600; $400 + 20% of $200 = $440.
    // High end ($800): $500 + 20% of $300 = $560; $160; $800; $200 + 20% of $600 = $320.
    expect(p.rows.map((r) => [r.patient.lowCents, r.patient.highCents])).toEqual([
      [52000, 56000],
      [12000, 16000],
      [60000, 80000],
      [44000, 32000],
    ]);
    // $520 + $120 + $600 + $440 = $1,680; $560 + $160 + $800 + $320 = $1,840.
    expect(p.totals.patient).toEqual({ lowCents: 168000, highCents: 184000 });
    expect(p.rows.some((r) => r.resetsPlanYear)).toBe(true);
    expect(p.notes.map((n) => n.text).join(' ')).toContain('A new plan year starts');
  });

  it('stops at the out-of-pocket maximum in the middle of the program', () => {
    // IV every week, 6 sessions, 50% coinsurance, $1,000 cap left. High end $800: $400, $400, $200 (capped), then $0.
    const p = plan(
      {
        route: 'iv',
        sessions: '6',
        insurance: 'in-network',
        covered: 'yes',
        deductible: '0',
        coinsurance: '50',
        oopMax: '1000',
        exclude: 'intake',
      },
      { everyDays: 7 },
    );
    expect(p.rows.map((r) => r.patient.highCents)).toEqual([40000, 40000, 20000, 0, 0, 0]);
    expect(p.rows.map((r) => r.runningPatient.highCents)).toEqual([40000, 80000, 100000, 100000, 100000, 100000]);
    // Low end $225: 50% = $112.50 each, 6 x $112.50 = $675, under the cap.
    expect(p.totals.patient.lowCents).toBe(67500);
  });

  it('without dates, a plan year is 52 weeks: week 53 starts the next', () => {
    const p = plan({ route: 'iv', sessions: '3', exclude: 'intake' }, { everyDays: 182 });
    // Days 0, 182, 364: the third is in week 53.
    expect(p.rows.map((r) => [r.week, r.planYear, r.resetsPlanYear])).toEqual([
      [1, 1, false],
      [27, 1, false],
      [53, 2, true],
    ]);
  });

  it('shows what clinics take up front: the seed says 4-6 sessions', () => {
    const p = plan({ route: 'iv', sessions: '6', exclude: 'intake' }, { everyDays: 7 });
    // 4 x $225 = $900 to 6 x $800 = $4,800.
    expect(p.dueUpFront).toMatchObject({ lowCents: 90000, highCents: 480000, sessions: { low: 4, high: 6 } });
    const short = plan({ route: 'iv', sessions: '3', exclude: 'intake' }, { everyDays: 7 });
    // A 3-session program is paid whole before it starts, never for more sessions than it has (the
    // new-user try: $900-$4,800 due beside $675-$2,400 in all): 3 x $225 = $675 to 3 x $800 = $2,400.
    expect(short.dueUpFront).toMatchObject({ lowCents: 67500, highCents: 240000, sessions: { low: 3, high: 3 } });
    // The plan's note still says what clinics ask for: 4-6 sessions (seed L160).
    expect(short.notes.some((n) => n.text.includes('4-6'))).toBe(true);
  });

  it('plans boosters only at an interval the user gives', () => {
    const p = plan({ route: 'iv', sessions: '2', exclude: 'intake' }, { everyDays: 7, horizonWeeks: 10, boostersEveryWeeks: 4 });
    // Sessions on days 0 and 7 (weeks 1-2); --weeks 10 would add sessions, but --sessions 2 caps them; boosters at days 35 and 63.
    expect(p.rows.map((r) => [r.kind, r.day])).toEqual([
      ['session', 0],
      ['session', 7],
      ['booster', 35],
      ['booster', 63],
    ]);
  });
});

describe('paying over time', () => {
  it('says what counts for an HSA or FSA and what a letter of medical necessity holds, each with its source', () => {
    const p = plan({ route: 'oral', sessions: '4' }, { everyDays: 7 });
    const hsa = p.notes.find((n) => n.text.startsWith('Paying from an HSA or FSA'));
    // IRS Publication 502 (#21), not a 2013 Publication 17.
    expect(hsa?.source).toBe('irs-pub-502');
    const letter = p.notes.find((n) => n.text.includes('letter of medical necessity'));
    expect(letter?.source).toBe('fsafeds-lmn');
    // What the letter holds, as FSAFEDS lists it: the condition, the treatment, how long.
    for (const part of ['medical condition', 'recommended treatment', 'how long the treatment lasts']) expect(letter?.text).toContain(part);
    expect(letter?.quote).toContain('specific medical condition, description of recommended treatment, and the length of treatment');
  });

  it.each([
    // $1,200 over 12 months at 18%: r = 1.5%, 1200 x 0.015 / (1 - 1.015^-12) = $110.02.
    [120000, 1800, 12, 11002],
    // 0%: the total over the months: $1,200 / 12 = $100.
    [120000, 0, 12, 10000],
    // 0% that does not divide: $1,000 / 3 = $333.33..., rounded up so the payments cover it: $333.34.
    [100000, 0, 3, 33334],
    // $5,000 over 24 months at 9.99%: r = 0.8325%, 5000 x 0.008325 / (1 - 1.008325^-24) = 5000 x 0.0461403 = $230.70.
    [500000, 999, 24, 23070],
  ])('%i cents at %i bp over %i months is %i a month', (principal, apr, months, expected) => {
    expect(monthlyPayment(principal, apr, months)).toBe(expected);
  });

  it('a plan with --months and --apr gives the monthly payment, the total and the interest, and the deferred-interest warning', () => {
    const p = plan({ route: 'iv', sessions: '1', exclude: 'intake' }, { everyDays: 7, months: 12, aprBasisPoints: 1800 });
    // What the patient pays: $225-$800. At 18% over 12: $20.63 and $73.34 a month.
    expect(p.financing?.monthly).toEqual({ lowCents: 2063, highCents: 7334 });
    // Month by month on $800 at 1.5% a month, interest rounded to the cent: $12.00, $11.08, $10.15,
    // $9.20, $8.24, $7.26, $6.27, $5.26, $4.24, $3.20, $2.15 with eleven payments of $73.34, leaving
    // $72.31, which with its $1.08 interest is the last payment: $73.39. In all 11 x $73.34 + $73.39
    // = $880.13, of which $80.13 interest. (12 x $73.34 = $880.08 would not repay it.)
    expect(p.financing?.lastPayment.highCents).toBe(7339);
    expect(p.financing?.totalPaid.highCents).toBe(88013);
    expect(p.financing?.interest.highCents).toBe(8013);
    expect(p.notes.map((n) => n.text).join(' ')).toMatch(/charges all the interest from the purchase date/);
  });
});

describe('plan properties', () => {
  it('the running total never falls, the rows add up to the totals, and a reset never lowers what was paid', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('iv', 'esketamine', 'oral'),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('none', 'in-network', 'out-of-network'),
        fc.integer({ min: 0, max: 300000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 30 }),
        (route, sessions, insurance, deductible, percent, every) => {
          const terms: RawScenario =
            insurance === 'in-network'
              ? { deductible: String(deductible / 100), coinsurance: String(percent), covered: 'yes' }
              : insurance === 'out-of-network'
                ? { deductible: String(deductible / 100), reimbursement: String(percent), covered: 'yes' }
                : {};
          const p = plan({ route, sessions: String(sessions), insurance, ...terms }, { everyDays: every, start: '2026-11-30' });
          let low = 0;
          let high = 0;
          for (const r of p.rows) {
            expect(r.runningPatient.lowCents).toBeGreaterThanOrEqual(low);
            expect(r.runningPatient.highCents).toBeGreaterThanOrEqual(high);
            low = r.runningPatient.lowCents;
            high = r.runningPatient.highCents;
            expect(r.patient.lowCents + r.plan.lowCents + r.writtenOff.lowCents).toBe(r.billed.lowCents);
            expect(r.patient.highCents + r.plan.highCents + r.writtenOff.highCents).toBe(r.billed.highCents);
            // What leaves the account on the day: out of network the whole bill, the payback coming later.
            expect(r.paidOnTheDay.highCents - r.paidBack.highCents).toBe(r.patient.highCents);
          }
          expect(p.totals.paidOnTheDay).toEqual({ lowCents: low, highCents: high });
          expect(p.months.reduce((t, m) => t + m.patient.highCents, 0)).toBe(high);
        },
      ),
      { numRuns: 150, interruptAfterTimeLimit: 8000, markInterruptAsFailure: true },
    );
  });
});

describe('paying over time adds up to the cent (#21)', () => {
  // $5,150 over 12 months at 0%: $5,150 / 12 = $429.1666..., so 11 x $429.17 = $4,720.87 and a last
  // payment of $5,150 - $4,720.87 = $429.13; no interest.
  it('0% APR: the last payment takes up the rounding', () =>
    expect(amortize(515_000, 0, 12)).toEqual({ monthly: 42_917, last: 42_913, total: 515_000 }));
  // $1,200 over 12 months at 18%: $110.02 a month (the standard formula); the schedule's last payment
  // is what is left with its interest, and the total is the 12 payments.
  it('18% APR: eleven equal payments and the balance', () => {
    const r = amortize(120_000, 1_800, 12);
    expect(r.monthly).toBe(11_002);
    expect(r.total).toBe(11 * 11_002 + r.last);
    expect(Math.abs(r.last - r.monthly)).toBeLessThan(100);
  });
  it('property: the payments add up to principal + interest, interest is never negative, and 0% costs nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3_600 }),
        fc.integer({ min: 1, max: 120 }),
        (p, apr, n) => {
          const r = amortize(p, apr, n);
          expect(r.total).toBeGreaterThanOrEqual(p);
          if (apr === 0) expect(r.total).toBe(p);
          // A balance large enough for every payment: n - 1 equal payments and the last.
          if (p >= n * 100) expect(r.total).toBe(r.monthly * (n - 1) + r.last);
        },
      ),
    );
  });
});

describe('a plan spans the same range as the estimate (#21)', () => {
  it('esketamine over 20 weeks: 18 sessions at the low end, 24 at the high end, as the estimate counts', () => {
    // Weeks 1-4 twice a week (8), weeks 5-8 weekly (4), weeks 9-20 every 2 weeks (6) or weekly (12): 18-24.
    const p = plan({ route: 'esketamine', weeks: '20', exclude: 'intake' });
    const sessions = p.rows.filter((r) => r.kind === 'session');
    expect(sessions.filter((r) => r.onlyAt !== 'high')).toHaveLength(18);
    expect(sessions.filter((r) => r.onlyAt !== 'low')).toHaveLength(24);
    // 18 x $600 = $10,800; 24 x $800 = $19,200.
    expect(p.totals.billed).toEqual({ lowCents: 1_080_000, highCents: 1_920_000 });
  });
  it('property: without a plan-year reset, the totals equal the estimate for the same flags', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('esketamine', 'oral', 'iv', 'im'),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom('none', 'in-network', 'out-of-network', 'medicare', 'medicare-advantage', 'medicaid'),
        fc.integer({ min: 0, max: 300_000 }),
        (route, weeks, insurance, deductible) => {
          const scheduled = route === 'esketamine' || route === 'oral';
          const raw: RawScenario = { route, insurance, ...(scheduled ? { weeks: String(weeks) } : {}) };
          if (insurance === 'in-network' || insurance === 'out-of-network' || insurance === 'medicare')
            raw.deductible = String(deductible / 100);
          const parsed = parseScenario(raw, dataset);
          if (!parsed.ok) return;
          const p = planProgram(parsed.scenario, dataset, options(scheduled ? {} : { everyDays: 7 }));
          if ('flag' in p) return;
          const e = p.estimate;
          const usual = e.patient.cases[0];
          expect(p.totals.billed).toEqual({
            lowCents: usual?.upFront.lowCents === undefined ? 0 : e.allIn.lowCents,
            highCents: e.allIn.highCents,
          });
          expect(p.totals.patient).toEqual(usual?.patient);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('out of network, cash on the day (#21)', () => {
  it('the patient pays the bill on the session date; the payback is its own column, later', () => {
    // 2 IV sessions a week apart, covered out of network at 70% with the deductible met: each $225-$800
    // bill is paid on the day; the plan pays back 70%, $157.50-$560, after a claim.
    const p = plan(
      { route: 'iv', sessions: '2', insurance: 'oon', covered: 'yes', reimbursement: '70', deductible: '0', exclude: 'intake' },
      { everyDays: 7 },
    );
    expect(p.rows.map((r) => [r.paidOnTheDay, r.paidBack, r.runningPatient])).toEqual([
      [
        { lowCents: 22_500, highCents: 80_000 },
        { lowCents: 15_750, highCents: 56_000 },
        { lowCents: 22_500, highCents: 80_000 },
      ],
      [
        { lowCents: 22_500, highCents: 80_000 },
        { lowCents: 15_750, highCents: 56_000 },
        { lowCents: 45_000, highCents: 160_000 },
      ],
    ]);
    // In the end: 2 x ($225 - $157.50) = $135 to 2 x ($800 - $560) = $480.
    expect(p.totals.patient).toEqual({ lowCents: 13_500, highCents: 48_000 });
    expect(p.totals.paidBack).toEqual({ lowCents: 31_500, highCents: 112_000 });
  });
});
