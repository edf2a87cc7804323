import { describe, expect, it } from 'vitest';
import { expectUsageError, priceOf, readDataset, runCli } from '../helpers.js';

const dataset = readDataset();
const iv = priceOf(dataset, 'iv');
const device = priceOf(dataset, 'esketamine');

describe('insurance flags', () => {
  it('the issue example in JSON: billed $900-$3,200, patient $580-$1,040', () => {
    const r = runCli([
      '-r',
      'iv',
      '-s',
      '4',
      '-i',
      'in-network',
      '--covered',
      'yes',
      '--deductible',
      '500',
      '--coinsurance',
      '20',
      '--oop-max',
      '$2,000',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.program).toEqual({ lowCents: iv.lowCents * 4, highCents: iv.highCents * 4 });
    expect(doc.program).toEqual({ lowCents: 90000, highCents: 320000 });
    expect(doc.patient.cases).toEqual([expect.objectContaining({ case: 'covered', patient: { lowCents: 58000, highCents: 104000 } })]);
    expect(doc.scenario.insurance).toEqual({
      status: 'in-network',
      covered: 'yes',
      deductibleCents: 50000,
      coinsuranceBasisPoints: 2000,
      copayCents: null,
      oopMaxCents: 200000,
      reimbursementBasisPoints: 0,
    });
  });

  it('shows both cases in the table when coverage is not given, marking the usual one', () => {
    const r = runCli(['-r', 'iv', '-s', '6', '-i', 'in-network']);
    expect(r.stdout).toMatch(/If your plan does not cover it \(usual\): you pay +│ \$1,350 │ \$4,800 │/);
    expect(r.stdout).toMatch(/If your plan covers it: you pay +│ +\$270 │ +\$960 │/);
    expect(r.stdout).toContain('Coinsurance not given: assumed 20%');
  });

  it('out of network reports up front, paid back and net', () => {
    const r = runCli(['-r', 'iv', '-s', '4', '-i', 'oon', '--covered', 'yes', '--deductible', '500', '--reimbursement', '70']);
    expect(r.stdout).toMatch(/If your plan covers it: paid up front +│ +\$900 │ \$3,200 │/);
    expect(r.stdout).toMatch(/If your plan covers it: paid back +│ +\$280 │ \$1,890 │/);
    expect(r.stdout).toMatch(/If your plan covers it: you pay in the end +│ +\$620 │ \$1,310 │/);
  });

  it('--explain shows the arithmetic with sources', () => {
    const r = runCli(['-r', 'iv', '-s', '6', '--explain']);
    expect(r.stdout).toContain('Program, low end: 6 x $225 = $1,350 [1: L160]');
    expect(r.stdout).toContain('Program, high end: 6 x $800 = $4,800 [1: L160]');
    const insured = runCli(['-r', 'iv', '-s', '4', '-i', 'in-network', '--covered', 'yes', '--deductible', '500', '--explain']);
    expect(insured.stdout).toContain('Session 3 at $225: $50 to the deductible, then 20% of $175 = $35; you pay $85');
  });

  it('--weeks counts sessions from the schedule and says how', () => {
    const r = runCli(['-r', 'esketamine', '--weeks', '26', '--explain', '-f', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.sessions).toMatchObject({ low: 21, high: 30, basis: 'weeks' });
    expect(doc.program).toEqual({ lowCents: device.lowCents * 2 * 21, highCents: device.highCents * 2 * 30 });
    expect(doc.explanation.map((s: { text: string }) => s.text)).toEqual(
      expect.arrayContaining([
        'Weeks 1-4: 2 a week x 4 weeks = 8 sessions',
        'Weeks 5-8: 1 a week x 4 weeks = 4 sessions',
        'Weeks 9-26: one every 1-2 weeks over 18 weeks = 9-18 sessions',
      ]),
    );
    // The table says how it counted, with the source, even without --explain.
    expect(runCli(['-r', 'esketamine', '--weeks', '26']).stdout).toContain(
      'Sessions:\n  - 21-30 sessions over 26 weeks (twice a week in weeks 1-4, once a week in weeks 5-8, then every 1-2 weeks). [2: Dosage and Administration: induction and maintenance phases]',
    );
  });

  it.each([
    [['-r', 'iv', '-i', 'medicare'], /--insurance "medicare" is not an insurance status; allowed: none, in-network, out-of-network/],
    [['-r', 'iv', '-i', 'in-network', '--deductible', '-5'], /--deductible "-5" is not an amount of money/],
    [['-r', 'iv', '-i', 'in-network', '--deductible', '1.005'], /--deductible "1.005" is not an amount of money/],
    [['-r', 'iv', '-i', 'in-network', '--deductible', '1e3'], /--deductible "1e3" is not an amount of money/],
    [['-r', 'iv', '-i', 'in-network', '--deductible', '0x10'], /--deductible "0x10" is not an amount/],
    [['-r', 'iv', '-i', 'in-network', '--deductible', 'NaN'], /--deductible "NaN" is not an amount/],
    [['-r', 'iv', '-i', 'in-network', '--coinsurance', '150'], /--coinsurance "150" is not a percentage; use a number from 0 to 100/],
    [['-r', 'iv', '-i', 'in-network', '--coinsurance', '20', '--copay', '40'], /--copay give --coinsurance or --copay, not both/],
    [['-r', 'iv', '--deductible', '500'], /--deductible applies only with --insurance in-network or out-of-network \(insurance is none\)/],
    [['-r', 'iv', '-i', 'in-network', '--reimbursement', '70'], /--reimbursement applies only with --insurance out-of-network/],
    [['-r', 'iv', '-i', 'oon', '--oop-max', '2000'], /--oop-max applies only with --insurance in-network/],
    [['-r', 'iv', '-i', 'in-network', '--covered', 'maybe'], /--covered "maybe" is not allowed; allowed: yes, no, auto/],
    [['-r', 'iv', '--weeks', '8'], /--weeks iv has no schedule in the dataset/],
    [['-r', 'oral', '--weeks', '8', '--sessions', '4'], /--weeks .*not both/],
  ])('%j exits 2 with one line', (args, message) => expectUsageError(args, message));
});

describe('compare', () => {
  it('answers the counselor question in one command: 6 IV infusions vs 2 months of esketamine, $1,200 deductible, 20%', () => {
    const r = runCli(['compare', 'iv:6', 'esketamine:8w', '-i', 'in-network', '--deductible', '1200', '--coinsurance', '20', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.options.map((o: { route: { id: string } }) => o.route.id)).toEqual(['iv', 'esketamine']);
    const [ivOption, eske] = doc.options;
    expect(ivOption.program).toEqual({ lowCents: iv.lowCents * 6, highCents: iv.highCents * 6 });
    expect(ivOption.patient.cases[0]).toMatchObject({
      case: 'not-covered',
      typical: true,
      patient: { lowCents: 135000, highCents: 480000 },
    });
    // esketamine, 8 weeks = 12 sessions of 2 devices; covered: $1,200 deductible then 20%.
    expect(eske.sessions).toMatchObject({ low: 12, high: 12 });
    expect(eske.program).toEqual({ lowCents: device.lowCents * 2 * 12, highCents: device.highCents * 2 * 12 });
    expect(eske.patient.cases[0]).toMatchObject({
      case: 'covered',
      typical: true,
      patient: { lowCents: 120000 + (720000 - 120000) / 5, highCents: 120000 + (960000 - 120000) / 5 },
    });
    expect(doc.options[0].schemaVersion).toBe(1);
  });

  it('lists every route and provider, cheapest first, with a range bar', () => {
    const r = runCli(['compare', '--sessions', '6']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^│ [A-Z]/.test(l) && !l.includes('Option'));
    expect(rows.map((l) => l.split('│')[1]?.trim().split(',')[0])).toEqual([
      'Oral or sublingual ketamine',
      'IM injection',
      'IV infusion',
      'Esketamine nasal spray (Spravato) 56 mg',
    ]);
    expect(r.stdout).toMatch(/█/);
    expect(runCli(['compare', '--sessions', '6', '--ascii']).stdout).not.toMatch(/[█░]/);
    expect(runCli(['compare', '--sessions', '6'], { env: { TERM: 'dumb' } }).stdout).toMatch(/#/);
    expect(r.stdout).toMatchSnapshot();
  });

  it('says which options it could not price by weeks, instead of dropping them', () => {
    const r = runCli(['compare', '--weeks', '8', '-f', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.options.map((o: { route: { id: string } }) => o.route.id)).toEqual(['oral', 'esketamine']);
    expect(doc.skipped.map((s: { route: string }) => s.route)).toEqual(['iv', 'im']);
  });

  it('csv and markdown', () => {
    const csv = runCli(['compare', '-s', '1', '-f', 'csv']).stdout.split('\r\n');
    expect(csv).toHaveLength(6);
    expect(csv[1]).toMatch(/^oral,at-home,,1,1,given,75.00,200.00,75.00,200.00,/);
    expect(runCli(['compare', '-s', '1', '-f', 'markdown']).stdout).toContain(
      '| Oral or sublingual ketamine, at-home, 1 sessions | $75-$200 | $75-$200 | $75-$200, paying yourself |',
    );
  });

  it.each([
    [['compare', 'ivv:6'], /option "ivv:6": route "ivv" is not a route \(did you mean "iv"\?\)/],
    [['compare', 'iv:6:x'], /option "iv:6:x" is not understood/],
    [['compare', 'iv:8w'], /option "iv:8w": weeks iv has no schedule/],
    [['compare', '-s', '0'], /--sessions "0" is not allowed/],
    [['compare', '--deductible', '5'], /--deductible applies only with --insurance/],
  ])('%j exits 2', (args, message) => expectUsageError(args, message));
});

describe('routes', () => {
  it('lists each route with its price and source, in every format', () => {
    const table = runCli(['routes']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('$225-$800 per session');
    expect(table.stdout).toContain('$300-$400 per device (56 mg = 2 devices, 84 mg = 3 devices)');
    expect(table.stdout).toContain('$75-$200 per session');
    const doc = JSON.parse(runCli(['routes', '-f', 'json']).stdout);
    expect(doc.routes.map((r: { route: string; lowCents: number; highCents: number }) => [r.route, r.lowCents, r.highCents])).toEqual(
      dataset.routes.map((r) => [r.id, r.offers[0]?.price.lowCents, r.offers[0]?.price.highCents]),
    );
    expect(runCli(['routes', '-f', 'csv']).stdout.split('\r\n')[1]).toBe('iv,clinic,session,225.00,800.00,3,6,false,not-covered,seed,L160');
    expect(runCli(['routes', '-f', 'markdown']).stdout).toContain(
      '| IV infusion (iv) | clinic | $225-$800 per session [seed: L160] | 3-6 sessions [seed: L148] | usually not covered |',
    );
  });
});
