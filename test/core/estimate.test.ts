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
    ['an 84 mg esketamine session', { route: 'esketamine', dose: '84', sessions: '1' }, [90000, 120000], [1, 1], [90000, 120000]],
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

  it('says what esketamine leaves out: the observation visit, without a figure', () => {
    const e = estimate({ route: 'esketamine' });
    const text = e.excluded.map((n) => n.text).join(' ');
    expect(text).toMatch(/2 hours of observation/);
    expect(text).not.toMatch(/\$/);
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
