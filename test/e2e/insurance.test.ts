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
      // The example is the infusions' arithmetic; the intake visit is tested on its own.
      '--exclude',
      'intake',
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
      reimbursementBasisPoints: null,
      allowedCents: null,
      medigap: null,
      familyDeductibleCents: null,
      familyOopMaxCents: null,
      deductibleApplies: true,
    });
    expect(doc.scenario.exclude).toEqual(['intake']);
  });

  it('shows both cases in the table when coverage is not given, marking the usual one', () => {
    const r = runCli(['-r', 'iv', '-s', '6', '-i', 'in-network']);
    // Not covered: 6 x $225-$800 + intake $0-$350 = $1,350-$5,150.
    expect(r.stdout).toMatch(/If your plan does not cover it \(usual\): you pay +│ \$1,350 │ +\$5,150 │/);
    // Covered, no deductible given. Low end, already met: 20% of 6 x $225 = $270 (the intake is $0).
    // High end, a typical $1,886 deductible: intake $350 and session 1 $800 to it ($736 left); session 2:
    // $736 + 20% of $64 = $748.80; sessions 3-6: 20% of $800 = $160 x 4 = $640. $350 + $800 + $748.80 + $640 = $2,538.80.
    expect(r.stdout).toMatch(/If your plan covers it: you pay +│ +\$270 │ \$2,538\.80 │/);
    expect(r.stdout).toContain('Coinsurance not given: assumed 20%');
  });

  it('out of network with --allowed shows the balance bill as its own row', () => {
    const r = runCli([
      '-r',
      'iv',
      '-s',
      '4',
      '-i',
      'oon',
      '--covered',
      'yes',
      '--deductible',
      '500',
      '--reimbursement',
      '60',
      '--allowed',
      '400',
      '--exclude',
      'intake',
    ]);
    // High end $800 a session, allowed $400: 4 x $400 = $1,600 billed above it; the low end ($225) is under the allowed amount.
    expect(r.stdout).toMatch(/If your plan covers it: billed to you above the allowed amount +│ +\$0 │ \$1,600 │/);
    expect(r.stdout.match(/billed to you above the allowed amount/g)).toHaveLength(1);
  });

  it('compare --dose prices the options priced by dose at that dose', () => {
    const r = runCli(['compare', 'esketamine:8', 'iv:8', '--dose', '84', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const esk = doc.options.find((o: { route: { id: string } }) => o.route.id === 'esketamine');
    // Session 1 at 56 mg (2 x $300-$400), then 7 at 84 mg (3 x $300-$400): $6,900-$9,200.
    expect(esk.program).toEqual({ lowCents: 690000, highCents: 920000 });
    expect(doc.options.find((o: { route: { id: string } }) => o.route.id === 'iv').scenario.doseMg).toBeNull();
  });

  it('compare --exclude leaves each option the items it has', () => {
    const r = runCli(['compare', 'iv:6', 'oral:4', '--exclude', 'intake,boosters', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const excluded = Object.fromEntries(
      doc.options.map((o: { route: { id: string }; scenario: { exclude: string[] } }) => [o.route.id, o.scenario.exclude]),
    );
    expect(excluded).toEqual({ iv: ['boosters', 'intake'], oral: ['intake'] });
  });

  it('out of network reports up front, paid back and net', () => {
    const r = runCli([
      '-r',
      'iv',
      '-s',
      '4',
      '-i',
      'oon',
      '--covered',
      'yes',
      '--deductible',
      '500',
      '--reimbursement',
      '70',
      '--exclude',
      'intake',
    ]);
    expect(r.stdout).toMatch(/If your plan covers it: paid up front +│ +\$900 │ \$3,200 │/);
    expect(r.stdout).toMatch(/If your plan covers it: paid back +│ +\$280 │ \$1,890 │/);
    expect(r.stdout).toMatch(/If your plan covers it: you pay in the end +│ +\$620 │ \$1,310 │/);
  });

  it('--explain shows the arithmetic with sources', () => {
    const r = runCli(['-r', 'iv', '-s', '6', '--explain']);
    expect(r.stdout).toContain('Program, low end: 6 x $225 = $1,350 [1: L160]');
    expect(r.stdout).toContain('Program, high end: 6 x $800 = $4,800 [1: L160]');
    const insured = runCli([
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
      '--explain',
      '--exclude',
      'intake',
    ]);
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
      'Sessions:\n  - 21-30 sessions over 26 weeks (twice a week in weeks 1-4, once a week in weeks 5-8, then every 1-2 weeks). [3: dosage]',
    );
  });

  it.each([
    [
      ['-r', 'iv', '-i', 'tricare'],
      /--insurance "tricare" is not an insurance status; allowed: none, in-network, out-of-network, medicare, medicare-advantage, medicaid/,
    ],
    [['-r', 'iv', '-i', 'in-network', '--deductible', '-5'], /--deductible "-5" is a negative amount; use dollars of zero or more/],
    [['-r', 'iv', '-i', 'in-network', '--deductible', '1.005'], /--deductible "1.005" is not an amount of money/],
    [['-r', 'iv', '-i', 'in-network', '--deductible', '1e3'], /--deductible "1e3" is not an amount of money/],
    [['-r', 'iv', '-i', 'in-network', '--deductible', '0x10'], /--deductible "0x10" is not an amount/],
    [['-r', 'iv', '-i', 'in-network', '--deductible', 'NaN'], /--deductible "NaN" is not an amount/],
    [['-r', 'iv', '-i', 'in-network', '--coinsurance', '150'], /--coinsurance "150" is not a percentage; use a number from 0 to 100/],
    [
      ['-r', 'iv', '-i', 'in-network', '--coinsurance', '20', '--copay', '40'],
      /--copay cannot be given with coinsurance; give one of them/,
    ],
    [
      ['-r', 'iv', '--deductible', '500'],
      /--deductible applies only when insurance is in-network, out-of-network, medicare or medicare-advantage \(it is none\)/,
    ],
    [['-r', 'iv', '-i', 'in-network', '--reimbursement', '70'], /--reimbursement applies only when insurance is out-of-network/],
    [['-r', 'iv', '-i', 'oon', '--oop-max', '2000'], /--oop-max applies only when insurance is in-network/],
    [['-r', 'iv', '-i', 'in-network', '--covered', 'maybe'], /--covered "maybe" is not allowed; allowed: yes, no, auto/],
    [['-r', 'iv', '--weeks', '8'], /--weeks cannot count sessions for IV infusion: the price list has no schedule for it/],
    [['-r', 'oral', '--weeks', '8', '--sessions', '4'], /--weeks cannot be given with --sessions; give one of them/],
  ])('%j exits 2 with one line', (args, message) => expectUsageError(args, message));
});

describe('compare', () => {
  it('answers the counselor question in one command: 6 IV infusions vs 2 months of esketamine, $1,200 deductible, 20%', () => {
    const r = runCli(['compare', 'iv:6', 'esketamine:8w', '-i', 'in-network', '--deductible', '1200', '--coinsurance', '20', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // Ranked by the most the patient could pay: esketamine (covered, at most $2,950) before IV (not covered, up to $5,150).
    expect(doc.options.map((o: { route: { id: string } }) => o.route.id)).toEqual(['esketamine', 'iv']);
    const [eske, ivOption] = doc.options;
    expect(ivOption.program).toEqual({ lowCents: iv.lowCents * 6, highCents: iv.highCents * 6 });
    expect(ivOption.patient.cases[0]).toMatchObject({
      case: 'not-covered',
      typical: true,
      // 6 x $225-$800 + intake $0-$350.
      patient: { lowCents: 135000, highCents: 515000 },
    });
    // esketamine, 8 weeks = 12 sessions of 2 devices; covered: $1,200 deductible then 20%, all-in with the intake.
    expect(eske.sessions).toMatchObject({ low: 12, high: 12 });
    expect(eske.program).toEqual({ lowCents: device.lowCents * 2 * 12, highCents: device.highCents * 2 * 12 });
    expect(eske.patient.cases[0]).toMatchObject({
      case: 'covered',
      typical: true,
      // Low: $7,200 billed (intake $0): $1,200 + 20% of $6,000 = $2,400.
      // High: $9,600 + $350 intake = $9,950 billed: $1,200 + 20% of $8,750 = $2,950.
      patient: { lowCents: 120000 + (720000 - 120000) / 5, highCents: 120000 + (960000 + 35000 - 120000) / 5 },
    });
    expect(doc.options[0].schemaVersion).toBe(2);
  });

  it('lists every route and provider, ranked by the most you could pay, then the least, with a range bar', () => {
    const r = runCli(['compare', '--sessions', '6']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^│ [A-Z]/.test(l) && !l.includes('Option'));
    expect(rows.map((l) => l.split('│')[1]?.trim().split(',')[0])).toEqual([
      'Oral or sublingual ketamine',
      'IM injection',
      'IV infusion',
      'Esketamine nasal spray (Spravato) 56 mg',
    ]);
    // Highs: oral 6 x $200 = $1,200; IM and IV 6 x $800 + $350 intake = $5,150 (lows $1,350: route id decides);
    // esketamine 56 mg 6 x $800 + $350 = $5,150 with a higher low (6 x $600 = $3,600).
    expect(r.stdout).toContain('4 options, ranked by the most you could pay, then the least');
    expect(r.stdout).toMatch(/█/);
    expect(runCli(['compare', '--sessions', '6', '--ascii']).stdout).not.toMatch(/[█░]/);
    expect(runCli(['compare', '--sessions', '6'], { env: { TERM: 'dumb' } }).stdout).toMatch(/#/);
    expect(r.stdout).toMatchSnapshot();
  });

  it('says which options it could not price by weeks, instead of dropping them', () => {
    const r = runCli(['compare', '--weeks', '6', '-f', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.options.map((o: { route: { id: string } }) => o.route.id)).toEqual(['oral', 'esketamine']);
    expect(doc.skipped.map((s: { route: string }) => s.route)).toEqual(['iv', 'im']);
    // Past the 6 weeks its source describes, oral is skipped too, and says why (#21).
    const longer = JSON.parse(runCli(['compare', '--weeks', '8', '-f', 'json']).stdout);
    expect(longer.skipped.map((s: { route: string; reason: string }) => [s.route, s.reason])).toContainEqual([
      'oral',
      'its source describes programs of up to 6 weeks, not 8; give --sessions to include it',
    ]);
  });

  it('csv and markdown', () => {
    const csv = runCli(['compare', '-s', '1', '-f', 'csv']).stdout.split('\r\n');
    expect(csv).toHaveLength(6);
    expect(csv[1]).toMatch(/^oral,at-home,,1,1,given,75.00,200.00,75.00,200.00,/);
    expect(runCli(['compare', '-s', '1', '-f', 'markdown']).stdout).toContain(
      '| Oral or sublingual ketamine, at-home, 1 session | $75-$200 | $75-$200 | $75-$200, paying yourself |',
    );
  });

  it.each([
    [['compare', 'ivv:6'], /option "ivv:6": route "ivv" is not a route \(did you mean "iv"\?\)/],
    [['compare', 'iv:6:x'], /option "iv:6:x" is not understood/],
    [['compare', 'iv:8w'], /option "iv:8w": weeks cannot count sessions for IV infusion/],
    [['compare', '-s', '0'], /--sessions "0" is not allowed/],
    [['compare', '--deductible', '5'], /--deductible applies only when insurance is/],
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
    expect(runCli(['routes', '-f', 'csv']).stdout.split('\r\n')[1]).toBe(
      'iv,clinic,session,225.00,800.00,3,6,false,not-covered,seed,L160,2026-11-01,"In-person intravenous and injectable ketamine-assisted therapy sessions can cost anywhere from $225-$800, and since most providers require up-front payments for four to six sessions, you can expect to pay up to $4,800 for a complete program."',
    );
    const md = runCli(['routes', '-f', 'markdown']).stdout;
    // Sources are numbered in the price list's order (#25 C: "[seed: L160]" named an id a reader
    // cannot place): seed is the 1st, hcpcs-esketamine the 9th, healingmaps the 13th, dreamscape
    // the 14th, kff-ehbs-2025 the 38th; the list says what a mark means.
    const n = new Map(readDataset().sources.map((src, i) => [src.id, i + 1]));
    expect([n.get('seed'), n.get('hcpcs-esketamine'), n.get('healingmaps'), n.get('dreamscape'), n.get('kff-ehbs-2025')]).toEqual([
      1, 9, 13, 14, 38,
    ]);
    expect(md).toContain(
      // The article is undated: the date is when its figures were read, and says so.
      '| IV infusion (iv) | at a clinic (clinic) | $225-$800 per session, read 2026-11-01 [1: L160] | 3-6 sessions [1: L148] | usually not covered |',
    );
    expect(md).toContain('A mark like [1: L160] after a figure points to source 1 below and the place in it (L160: line 160).');
    // The other line items, each priced with its date or marked not priced, and the quotes behind the figures.
    expect(md).toContain(
      '- iv: Intake or consultation visit (once, before the first session) (--exclude intake): $0-$350 once (third-party figure), read 2026-11-27 [14: free consultation] [13: initial consultation fee]',
    );
    expect(md).toContain(
      '- esketamine: Clinic visit with at least 2 hours of observation after each dose (HCPCS billing codes G2082/G2083) (--exclude observation): not priced: no published cash price; ask the clinic what it charges per visit [9: G2082 descriptor]',
    );
    expect(md).toContain('**What the sources say**');
    expect(md).toContain(
      '- [38: deductibles] "The average deductible for covered workers enrolled in a plan with a general annual deductible was $1,886 for single coverage." (read 2026-11-30)',
    );
    expect(md).toContain('- [1] How Does Ketamine Therapy Work?');
    expect(md).not.toContain('[seed');
  });
});
