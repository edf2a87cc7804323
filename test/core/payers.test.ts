// Every payer of #22, one hand-worked case a line: the arithmetic is in the comment, the figures
// from the bundled price list (IV $225-$800 a session; esketamine $300-$400 a 28 mg device, so
// $600-$800 a 56 mg session; Part B deductible $283 in 2026; G2082 $952.59).
import { describe, expect, it } from 'vitest';
import { shareInNetwork } from '../../src/core/cost-sharing.js';
import { parseScenario } from '../../src/core/scenario.js';
import type { RawScenario } from '../../src/core/types.js';
import * as en from '../../src/text/en.js';
import { estimateFrom, planOptions, readDataset } from '../helpers.js';

const dataset = readDataset();
/** What the patient pays in the covered case, low and high, in cents. */
const covered = (raw: RawScenario) => {
  const e = estimateFrom({ exclude: 'intake', covered: 'yes', ...raw }, dataset);
  const c = e.patient.cases.find((x) => x.case === 'covered');
  if (!c) throw new Error('no covered case');
  return c;
};
const pays = (raw: RawScenario) => {
  const c = covered(raw);
  return [c.patient.lowCents, c.patient.highCents];
};

describe('in network: a copay the deductible does not apply to', () => {
  // 8 visits, $1,500 deductible left, $60 copay, "deductible does not apply": 8 x $60 = $480 at both ends.
  it('costs the copays only', () =>
    expect(pays({ route: 'iv', sessions: 8, insurance: 'in-network', deductible: 1500, copay: 60, deductibleApplies: 'no' })).toEqual([
      48_000, 48_000,
    ]));
  // The same with the deductible first, high end: $800 + ($700 + $60) + 6 x $60 = $1,920; low end:
  // $225 x 6 = $1,350 to the deductible, then $150 + $60 on the 7th ($75 left is above it: $60 copay), $60 on the 8th = $1,620.
  it('and with the deductible first', () =>
    expect(pays({ route: 'iv', sessions: 8, insurance: 'in-network', deductible: 1500, copay: 60 })).toEqual([162_000, 192_000]));
});

describe('in network: the allowed amount', () => {
  // A published sample EOB: billed $179.50, allowed $96.65, $15 copay: the patient owes $15, the plan
  // pays $96.65 - $15 = $81.65, and $179.50 - $96.65 = $82.85 is written off.
  it('the patient pays on the allowed amount, the plan pays what it pays, the rest is written off', () => {
    const share = shareInNetwork(
      [{ cents: 17_950, session: 1 }],
      { deductibleCents: 0, coinsuranceBasisPoints: 0, copayCents: 1_500, oopMaxCents: null, allowedCents: 9_665 },
      false,
    );
    expect(share).toMatchObject({
      billedCents: 17_950,
      patientCents: 1_500,
      planCents: 8_165,
      writtenOffCents: 8_285,
      balanceBilledCents: 0,
    });
  });
  // 4 IV sessions, allowed $300, $15 copay, deductible met: 4 x $15 = $60; the plan pays 4 x ($225 - $15) = $840
  // at the low end (the charge is below the allowed amount) and 4 x ($300 - $15) = $1,140 at the high end, where
  // 4 x ($800 - $300) = $2,000 is written off.
  it('through the estimate', () => {
    const c = covered({ route: 'iv', sessions: 4, insurance: 'in-network', deductible: 0, copay: 15, allowed: 300 });
    expect([c.patient, c.plan, c.writtenOff]).toEqual([
      { lowCents: 6_000, highCents: 6_000 },
      { lowCents: 84_000, highCents: 114_000 },
      { lowCents: 0, highCents: 200_000 },
    ]);
  });
});

describe('in network: family deductible and out-of-pocket maximum', () => {
  // Aggregate: $2,400 of a $3,000 family deductible paid, $600 left. 6 IV sessions at 20%:
  // low: $225 + $225 + ($150 + 20% of $75 = $165) + 3 x $45 = $750; high: $600 + 20% of $200 = $640, + 5 x $160 = $1,440.
  it('the family amount alone', () =>
    expect(pays({ route: 'iv', sessions: 6, insurance: 'in-network', familyDeductible: 600, coinsurance: 20 })).toEqual([75_000, 144_000]));
  // Embedded: $1,000 left for the patient, $600 for the family: met when either runs out, so the same $600.
  it('the lesser of the individual and the family amount', () =>
    expect(pays({ route: 'iv', sessions: 6, insurance: 'in-network', deductible: 1000, familyDeductible: 600, coinsurance: 20 })).toEqual([
      75_000, 144_000,
    ]));
  // The family's $1,000 cap left stops the high end: $640 + $160 + $160 + $40 (capped) = $1,000.
  it('the family out-of-pocket maximum caps the total', () =>
    expect(
      pays({ route: 'iv', sessions: 6, insurance: 'in-network', familyDeductible: 600, coinsurance: 20, oopMax: 5000, familyOopMax: 1000 }),
    ).toEqual([75_000, 100_000]));
});

describe('Original Medicare, Part B', () => {
  const esk = { route: 'esketamine', sessions: 8, insurance: 'medicare' };
  // Approved $952.59 (G2082) is above the charge, so the charge counts. Low: deductible met, 8 x 20% of $600 = $960.
  // High: $283 + 20% of ($800 - $283 = $517) = $386.40, + 7 x $160 = $1,506.40.
  it('deductible, then 20%, no yearly limit', () => expect(pays(esk)).toEqual([96_000, 150_640]));
  // Plan G pays the 20% but not the deductible: $0 and $283.
  it('with Medigap G', () => expect(pays({ ...esk, medigap: 'G' })).toEqual([0, 28_300]));
  // Plan C pays both.
  it('with Medigap C', () => expect(pays({ ...esk, medigap: 'c' })).toEqual([0, 0]));
  // Plan N leaves a copay of up to $20 a visit (counted as $20): low 8 x $20 = $160; high $283 + 8 x $20 = $443.
  it('with Medigap N', () => expect(pays({ ...esk, medigap: 'Plan N' })).toEqual([16_000, 44_300]));
  // Plan K pays half the 20%: low 8 x $60 = $480; high $283 + $51.70 + 7 x $80 = $894.70 (its $8,000 limit not reached).
  it('with Medigap K', () => expect(pays({ ...esk, medigap: 'K' })).toEqual([48_000, 89_470]));
  // Approved $500 given: the lesser of the charge and $500. Low: 8 x 20% of $500 = $800. High: $283 + 20% of $217 =
  // $326.40, + 7 x $100 = $1,026.40; above $500 the clinic writes off 8 x $100 (low) and 8 x $300 (high).
  it('the approved amount given', () => {
    const c = covered({ ...esk, allowed: 500 });
    expect([c.patient, c.writtenOff]).toEqual([
      { lowCents: 80_000, highCents: 102_640 },
      { lowCents: 80_000, highCents: 240_000 },
    ]);
  });
  // The limiting charge: up to 15% of $500 = $75 more a session.
  it('says what a clinic that does not accept assignment may charge', () => {
    const e = estimateFrom({ ...esk, covered: 'yes', allowed: 500 }, dataset);
    expect(e.notes.map((n) => n.text)).toContain(
      'A clinic that does not accept assignment may charge up to 15% above the approved amount (the limiting charge): up to $75 more a session at $500, which you would pay too.',
    );
  });
  it('IV is usually not covered, and says why', () => {
    const e = estimateFrom({ route: 'iv', sessions: 6, insurance: 'medicare' }, dataset);
    expect(e.patient.cases.map((c) => [c.case, c.typical])).toEqual([
      ['not-covered', true],
      ['covered', false],
    ]);
    expect(e.notes.some((n) => n.text.startsWith('IV infusion has no Medicare coverage policy for depression'))).toBe(true);
  });
  it('refuses a plan letter with no figures for the year', () => {
    const parsed = parseScenario({ ...esk, medigap: 'L' }, dataset);
    expect(!parsed.ok && en.say(parsed.issues[0]?.message ?? { key: 'gfe.notPriced', params: {} })).toBe(
      '"L" is not a Medigap plan the price list has 2026 figures for; allowed: A, B, C, D, F, G, K, M, N',
    );
  });
});

describe('Medicare Advantage', () => {
  // 30 IV sessions at 50%, deductible taken as met: low 30 x $112.50 = $3,375; high 30 x $400 = $12,000,
  // above the federal $9,250 limit assumed without --oop-max, so $9,250.
  it('the federal out-of-pocket limit bounds the high end', () => {
    const e = estimateFrom({ route: 'iv', sessions: 30, insurance: 'ma', covered: 'yes', coinsurance: 50, exclude: 'intake' }, dataset);
    expect(e.patient.cases[0]?.patient).toEqual({ lowCents: 337_500, highCents: 925_000 });
    expect(e.inputsUsed.oopMaxCents).toBe(925_000);
    expect(e.inputsUsed.assumed).toEqual(['deductible', 'oop-max']);
  });
});

describe('Medicaid', () => {
  // A $4 copay a visit: 8 x $4 = $32 at both ends.
  it('the state copay', () => expect(pays({ route: 'esketamine', sessions: 8, insurance: 'medicaid', copay: 4 })).toEqual([3_200, 3_200]));
  it('without a copay: $0, and says the copay was assumed', () => {
    const e = estimateFrom({ route: 'esketamine', sessions: 8, insurance: 'medicaid', covered: 'yes', exclude: 'intake' }, dataset);
    expect(e.patient.cases[0]?.patient).toEqual({ lowCents: 0, highCents: 0 });
    expect(e.inputsUsed.assumed).toEqual(['copay']);
  });
});

describe('Original Medicare in a plan', () => {
  it('starts the Part B deductible again on 1 January, with the known year standing in for the next', async () => {
    const { planProgram } = await import('../../src/core/plan.js');
    const { parseScenario } = await import('../../src/core/scenario.js');
    const parsed = parseScenario({ route: 'esketamine', weeks: 20, insurance: 'medicare', covered: 'yes', exclude: 'intake' }, dataset);
    if (!parsed.ok) throw new Error('refused');
    const options = planOptions({ start: '2026-11-02' });
    const plan = planProgram(parsed.scenario, dataset, options);
    if ('flag' in plan) throw new Error('refused');
    expect(plan.rows.find((r) => r.date !== null && r.date >= '2027-01-01')?.resetsPlanYear).toBe(true);
    // The first 2027 session at the low end (the less frequent schedule has it too).
    const first2027 = plan.rows.find((r) => r.date !== null && r.date >= '2027-01-01' && r.onlyAt !== 'high');
    // Low end: deductible taken as met in 2026; in 2027 the full $283 again, then 20% of ($600 - $283 = $317) = $63.40: $346.40.
    expect(first2027?.patient.lowCents).toBe(34_640);
    const july = planProgram(parsed.scenario, dataset, { ...options, planYearStart: { month: 7, day: 1 } });
    expect('flag' in july && july.flag).toBe('--plan-year-start');
  });
});
