import { describe, expect, it } from 'vitest';
import type { RawScenario } from '../../src/core/scenario.js';
import { estimateFrom, priceOf, readDataset } from '../helpers.js';

const dataset = readDataset();

const estimate = (raw: RawScenario) => estimateFrom(raw, dataset);

describe('estimateCost against the dataset figures', () => {
  const iv = priceOf(dataset, 'iv');
  const device = priceOf(dataset, 'esketamine');
  const oral = priceOf(dataset, 'oral');

  it.each([
    // name, scenario, per session low/high, sessions low/high, program low/high (the and FACTS.md's figures)
    ['6 IV sessions', { route: 'iv', sessions: '6' }, [22500, 80000], [6, 6], [135000, 480000]],
    ['IV, typical 3-6', { route: 'iv' }, [22500, 80000], [3, 6], [67500, 480000]],
    ['IM, typical 3-6', { route: 'im' }, [22500, 80000], [3, 6], [67500, 480000]],
    // Label: day 1 is 56 mg (2 devices) whatever the dose, so one session at "84 mg" is priced 2 x $300-$400.
    [
      'one esketamine session at 84 mg is the 56 mg start',
      { route: 'esketamine', dose: '84', sessions: '1' },
      [90000, 120000],
      [1, 1],
      [60000, 80000],
    ],
    // --dose 84 -s 4: one 56 mg session (2 x $300-$400 = $600-$800) and three 84 mg (3 x 3 x $300-$400 = $2,700-$3,600): $3,300-$4,400.
    [
      '84 mg, 4 sessions: one at 56 mg, three at 84 mg',
      { route: 'esketamine', dose: '84', sessions: '4' },
      [90000, 120000],
      [4, 4],
      [330000, 440000],
    ],
    ['56 mg esketamine, typical 8', { route: 'esketamine' }, [60000, 80000], [8, 8], [480000, 640000]],
    ['oral at home, typical 4-6', { route: 'oral' }, [7500, 20000], [4, 6], [30000, 120000]],
    ['esketamine over 26 weeks', { route: 'esketamine', weeks: '26' }, [60000, 80000], [21, 30], [1260000, 2400000]],
    ['oral over 6 weeks', { route: 'oral', weeks: '6' }, [7500, 20000], [6, 12], [45000, 240000]],
  ] as const)('%s', (_name, raw, perSession, sessions, program) => {
    const e = estimate(raw);
    expect([e.perSession.lowCents, e.perSession.highCents]).toEqual(perSession);
    expect([e.sessions.low, e.sessions.high]).toEqual(sessions);
    expect([e.program.lowCents, e.program.highCents]).toEqual(program);
  });

  it('derives every figure from the dataset', () => {
    expect(estimate({ route: 'iv', sessions: '6' }).program).toEqual({ lowCents: iv.lowCents * 6, highCents: iv.highCents * 6 });
    expect(estimate({ route: 'esketamine', dose: '84', sessions: '1' }).perSession).toMatchObject({
      lowCents: device.lowCents * 3,
      highCents: device.highCents * 3,
      units: 3,
    });
    expect(estimate({ route: 'oral', sessions: '1' }).perSession).toMatchObject({ lowCents: oral.lowCents, highCents: oral.highCents });
  });

  it('cites a source for every figure it prints', () => {
    const e = estimate({ route: 'esketamine', dose: '84', insurance: 'in-network' });
    const ids = new Set(dataset.sources.map((s) => s.id));
    for (const c of [...e.included, ...e.excluded, ...e.notes, ...e.patient.assumptions]) expect(ids.has(c.source)).toBe(true);
    expect(ids.has(e.perSession.source)).toBe(true);
    expect(e.sources.map((s) => s.id)).toContain(e.perSession.source);
  });

  it('says what esketamine leaves out: the observation visit, marked not priced, never given a made-up figure', () => {
    const e = estimate({ route: 'esketamine' });
    const visit = e.items.find((i) => i.id === 'observation');
    expect(visit).toMatchObject({ status: 'not-priced', unit: null, total: null, charge: 'per-session' });
    // The ride home the label requires (no driving until the next day) is named too (#21).
    expect(e.allIn.notPriced).toEqual(['observation', 'psychotherapy', 'ride-home']);
    const text = e.excluded.map((n) => n.text).join(' ');
    expect(text).toMatch(/2 hours of observation .*: not priced \(no published cash price; ask the clinic/);
    expect(text).not.toMatch(/\$/);
  });

  it('lists every line item; the all-in total adds the priced ones (hand-computed)', () => {
    const e = estimate({ route: 'iv', sessions: '6' });
    expect(e.items.map((i) => [i.id, i.status])).toEqual([
      ['treatment', 'priced'],
      ['intake', 'priced'],
      ['psychotherapy', 'not-priced'],
      ['boosters', 'not-priced'],
    ]);
    // Intake: $0 (a clinic's free consultation) to $350 (HealingMaps), once, third-party figures.
    expect(e.items[1]).toMatchObject({
      unit: { lowCents: 0, highCents: 35000 },
      total: { lowCents: 0, highCents: 35000 },
      thirdParty: true,
    });
    // 6 x $225-$800 = $1,350-$4,800; + $0-$350 = $1,350-$5,150.
    expect(e.allIn).toMatchObject({ lowCents: 135000, highCents: 515000, notPriced: ['psychotherapy', 'boosters'] });
    expect(e.patient.cases[0]?.patient).toEqual({ lowCents: 135000, highCents: 515000 });
  });

  it('shows the first year on the schedule and what is due up front, where the price list knows them', () => {
    const esk = estimate({ route: 'esketamine' });
    // 52 weeks on the label: 8 + 4 + every 1-2 weeks over weeks 9-52 (22-44) = 34-56 sessions.
    // Low: $0 intake + 34 x $600 = $20,400; high: $350 + 56 x $800 = $45,150.
    expect(esk.firstYear).toEqual({ lowCents: 2040000, highCents: 4515000, sessions: { low: 34, high: 56 } });
    expect(esk.dueUpFront).toBeNull();
    const iv = estimate({ route: 'iv', sessions: '6' });
    // Clinics take 4-6 sessions up front (seed L160): 4 x $225 = $900 to 6 x $800 = $4,800.
    expect(iv.dueUpFront).toEqual({ lowCents: 90000, highCents: 480000, sessions: { low: 4, high: 6 } });
    expect(iv.firstYear).toBeNull();
  });

  it('--exclude leaves an item out of the total and says so', () => {
    const e = estimate({ route: 'iv', sessions: '6', exclude: 'intake' });
    expect(e.items.find((i) => i.id === 'intake')).toMatchObject({ status: 'excluded', total: null, note: 'left out with --exclude' });
    // 6 x $225-$800 alone.
    expect(e.allIn).toMatchObject({ lowCents: 135000, highCents: 480000, excludedItems: ['intake'] });
  });

  it('shows the Medicare benchmark for the dose, labelled as a benchmark, never added up', () => {
    const e = estimate({ route: 'esketamine', dose: '84', sessions: '4' });
    expect(e.benchmarks).toHaveLength(1);
    expect(e.benchmarks[0]).toMatchObject({ cents: 135608, source: 'neolytix-2026' });
    expect(e.benchmarks[0]?.text).toMatch(/a benchmark, not a price/);
    // All-in stays drug ($3,300-$4,400) + intake ($0-$350): $3,300-$4,750.
    expect(e.allIn).toMatchObject({ lowCents: 330000, highCents: 475000 });
  });

  it('says esketamine may be taken on its own (approved as monotherapy in January 2025)', () => {
    const e = estimate({ route: 'esketamine' });
    const text = [e.route.description, ...e.notes.map((n) => n.text), ...e.excluded.map((n) => n.text)].join(' ');
    expect(text).toMatch(/monotherapy/);
    expect(text).not.toMatch(/taken alongside/);
  });

  it('shows the savings program to every esketamine patient, with who is excluded', () => {
    for (const insurance of ['none', 'in-network', 'out-of-network']) {
      const text = estimate({ route: 'esketamine', insurance })
        .notes.map((n) => n.text)
        .join(' ');
      expect(text).toMatch(/as little as \$10 per treatment, for commercially insured patients \(not for patients without insurance\)/);
      expect(text).toMatch(/not valid for residents of MA, MI, MN or RI/);
      expect(text).toMatch(
        /Government plans \(Medicare, Medicaid, TRICARE, Department of Defense, VA\) could not use it under its earlier terms/,
      );
    }
  });

  it('notes the Good Faith Estimate for self-pay, with the dataset threshold', () => {
    const e = estimate({ route: 'iv' });
    expect(e.notes.map((n) => n.text).join(' ')).toContain('at least $400 above it');
    expect(dataset.insurance.goodFaithEstimateDisputeCents).toBe(40000);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(estimate({ route: 'oral', weeks: '5' }))).toBe(JSON.stringify(estimate({ route: 'oral', weeks: '5' })));
  });
});
