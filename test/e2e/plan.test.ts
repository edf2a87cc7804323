import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { PLAN_COLUMNS } from '../../src/format/plan.js';
import { expectUsageError, runCli } from '../helpers.js';

const args = ['plan', '-r', 'esketamine', '-s', '4', '-i', 'in-network', '--covered', 'yes', '--deductible', '500', '--coinsurance', '20'];
const dated = [...args, '--exclude', 'intake', '--start', '2026-12-28', '--annual-deductible', '1000'];

describe('ketamine-cost plan', () => {
  it('json: the schedule validates against `schema plan`, with the hand-computed figures', () => {
    const r = runCli([...dated, '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const valid = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(runCli(['schema', 'plan']).stdout));
    expect(valid(doc) ? [] : valid.errors).toEqual([]);
    // As in test/core/plan.test.ts: $520 + $120 + $600 + $440 and $560 + $160 + $800 + $320.
    expect(doc.totals.patient).toEqual({ lowCents: 168000, highCents: 184000 });
    expect(doc.rows.map((row: { date: string }) => row.date)).toEqual(['2026-12-28', '2026-12-31', '2027-01-04', '2027-01-07']);
  });

  it('table: one row per session, month subtotals, the plan-year reset, a chart, ASCII on request', () => {
    const r = runCli(dated);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan: Esketamine nasal spray (Spravato) at a clinic, 56 mg dose, 4 sessions over 2 weeks');
    expect(r.stdout).toMatch(
      /│ +3 │ 2027-01-04 \(week 2\) +│ new plan year 2: session 3 +│ +\$600-\$800 │ +\$600-\$800 │ +\$0 │ \$1,240-\$1,520 │/,
    );
    expect(r.stdout).toMatch(/│ +│ 2026-12 +│ month subtotal +│ \$1,200-\$1,600 │ +\$640-\$720 │/);
    // --explain: the arithmetic, run by run, per plan year and end.
    expect(runCli([...dated, '--explain']).stdout).toContain(
      'Plan year 2, high end: Session 4 at $800: $200 to the deductible, then 20% of $600 = $120; you pay $320',
    );
    expect(r.stdout).toContain('In all: billed $2,400-$3,200; you pay $1,680-$1,840; the plan pays $720-$1,360.');
    expect(r.stdout).toMatch(/2027-01 +█+ +\$1,840/);
    expect(runCli([...dated, '--ascii']).stdout).toMatch(/2027-01 +#+ +\$1,840/);
    expect(runCli(dated, { env: { TERM: 'dumb' } }).stdout).not.toMatch(/[█░]/);
  });

  it('csv: one row per session, append-only columns', () => {
    const lines = runCli([...dated, '-f', 'csv'])
      .stdout.trim()
      .split('\r\n');
    expect(lines[0]).toBe(PLAN_COLUMNS.join(','));
    expect(lines).toHaveLength(5);
    // The first release's columns, then (appended for #21) paid on the day, paid back later (none in
    // network), written off (none) and which end the session is at (both: empty).
    expect(lines[3]).toBe(
      '3,session,2,7,2027-01-04,2,true,600.00,800.00,600.00,800.00,0.00,0.00,1240.00,1520.00,600.00,800.00,0.00,0.00,0.00,0.00,',
    );
  });

  it('markdown: the schedule and the months', () => {
    const md = runCli([...dated, '-f', 'markdown']).stdout;
    expect(md).toContain('| 3 | 2027-01-04 (week 2) | new plan year 2: session 3 | $600-$800 | $600-$800 | $0 | $1,240-$1,520 |');
    expect(md).toContain('| 2027-01 | $1,200-$1,600 | $1,040-$1,120 | $1,680-$1,840 |');
  });

  it('paying over time: $1,200 over 12 months at 18% is $110.02 a month', () => {
    // The $1,200 case is in test/core/plan.test.ts; here one IV session, $225-$800, over 12 months at 18%.
    const r = runCli(['plan', '-r', 'iv', '-s', '1', '--every', '1w', '--exclude', 'intake', '--months', '12', '--apr', '18']);
    // $225 at 18% over 12: $20.63 a month, the last $20.60 ($247.53 in all); $800: $73.34, the last
    // $73.39 ($880.13): the month-by-month schedule of $800 is worked in test/core/plan.test.ts; that
    // of $225 the same way, leaving $20.30 with its $0.30 interest for the last payment.
    expect(r.stdout).toContain(
      'Over 12 months at 18% APR: $20.63-$73.34 a month (the last $20.60-$73.39), $247.53-$880.13 in all, of which $22.53-$80.13 interest.',
    );
    expect(r.stdout).toMatch(/deferred interest/);
  });

  it('byte-identical whatever the day or time zone when no --start is given', () => {
    const base = runCli(['plan', '-r', 'oral', '-f', 'json']).stdout;
    expect(runCli(['plan', '-r', 'oral', '-f', 'json'], { env: { TZ: 'Pacific/Kiritimati' } }).stdout).toBe(base);
    expect(JSON.parse(base).rows.every((row: { date: null }) => row.date === null)).toBe(true);
  });

  it.each([
    [['plan', '-r', 'iv', '-s', '6'], /^error: --every is needed: iv has no schedule in the price list/],
    [['plan', '-r', 'oral', '--start', '2027-02-30'], /^error: --start "2027-02-30" is not a date; use YYYY-MM-DD/],
    [['plan', '-r', 'oral', '--every', 'weekly'], /^error: --every "weekly" is not an interval; use days or weeks such as 4d or 1w/],
    [['plan', '-r', 'oral', '--apr', '18'], /^error: --apr needs --months/],
    [['plan', '-r', 'oral', '--plan-year-start', '13-01'], /^error: --plan-year-start "13-01" is not a day of the year; use MM-DD/],
    [['plan', '-r', 'oral', '--months', '0'], /^error: --months "0" is not allowed; use a whole number from 1 to 120/],
  ])('%j is a usage error', (argv, message) => expectUsageError(argv, message));
});

describe('a plan priced from your quote names it among its sources', () => {
  const sourcesOf = (args: string[]) => {
    const r = runCli(['plan', '-r', 'iv', '-s', '3', '--every', '1w', ...args, '-f', 'json']);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout).sources as { id: string; title: string }[];
  };
  it('with --price the quote is the last source, as in the estimate; without it, absent', () => {
    const quoted = sourcesOf(['--price', '400']);
    expect(quoted.at(-1)).toMatchObject({ id: 'quote', title: expect.stringMatching(/^Your quote/) });
    expect(sourcesOf([]).map((s) => s.id)).not.toContain('quote');
  });
});

describe('each session is numbered in its row (the new-user try: # counts the intake visit, so session 1 was row 2)', () => {
  const rows = (r: { stdout: string }) => r.stdout.split('\n').filter((l) => /^\| \d+ \|/.test(l));
  it('one schedule: session 1, 2, 3 after the unnumbered intake visit, in Markdown, the table and Spanish', () => {
    const plan = ['plan', '-r', 'iv', '-s', '3', '--every', '1w', '--start', '2027-01-04'];
    const md = rows(runCli([...plan, '-f', 'markdown']));
    expect(md.map((l) => l.split(' | ')[2])).toEqual(['intake visit', 'session 1', 'session 2', 'session 3']);
    expect(runCli(plan).stdout).toMatch(/│ 2 │ 2027-01-04 \(week 1\) │ session 1 +│/);
    expect(rows(runCli(['--lang', 'es', ...plan, '-f', 'markdown'])).map((l) => l.split(' | ')[2])).toEqual([
      'consulta inicial',
      'sesión 1',
      'sesión 2',
      'sesión 3',
    ]);
  });
  it('two schedules (the label gives a range of frequencies): no numbers, which would skip on the less frequent one', () => {
    const what = rows(runCli(['plan', '-r', 'esketamine', '--weeks', '12', '-f', 'markdown'])).map((l) => l.split(' | ')[2]);
    expect(what).toContain('session (more frequent schedule only)');
    expect(what.filter((w) => /^session \d/.test(w ?? ''))).toEqual([]);
  });
});

describe('how often, in plain words (the new-user try read "one session every 1 week")', () => {
  it.each([
    ['1w', 'one session every week'],
    ['2w', 'one session every 2 weeks'],
    ['1d', 'one session every day'],
    ['3d', 'one session every 3 days'],
  ])('--every %s reads "%s"', (every, words) => {
    const r = runCli(['plan', '-r', 'iv', '-s', '3', '--every', every, '-f', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${words}.`);
    expect(r.stdout).not.toMatch(/every 1 (week|day)/);
  });
});
