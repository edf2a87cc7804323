import { describe, expect, it } from 'vitest';
import type { RawScenario } from '../../src/core/scenario.js';
import { shouldColor } from '../../src/format/color.js';
import { csvLine, ESTIMATE_COLUMNS, formatCsv } from '../../src/format/csv.js';
import { formatJson } from '../../src/format/json.js';
import { formatMarkdown } from '../../src/format/markdown.js';
import { formatTable } from '../../src/format/table.js';
import { estimateFrom, readDataset } from '../helpers.js';

const dataset = readDataset();
const estimate = (raw: RawScenario) => estimateFrom(raw, dataset);

describe('table', async () => {
  const table = await formatTable(estimate({ route: 'iv', sessions: '6' }), { color: false, explain: false });
  it('shows the summary, the money rows and the disclaimer', () => {
    // The answer first: 6 x $225 = $1,350; 6 x $800 + the $350 intake = $5,150.
    expect(table.split('\n')[0]).toBe(
      'From the lowest to the highest published price, you would pay $1,350-$5,150 in all (paying yourself) for IV infusion at a clinic, 6 sessions.',
    );
    expect(table.split('\n')[3]).toBe('IV infusion at a clinic, 6 sessions');
    expect(table).toMatch(/│ Per session \(third-party figure\) \[1: L160\] +│ +\$225 │ +\$800 │/);
    // 6 x $225-$800 = $1,350-$4,800 for the infusions; the intake visit $0-$350 once; all-in $1,350-$5,150.
    expect(table).toMatch(/│ Treatment, 6 sessions \[1: L160\] +│ \$1,350 │ \$4,800 │/);
    expect(table).toMatch(
      /│ Intake or consultation visit, once \(third-party figure\) \[\d+: initial consultation fee\] +│ +\$0 │ +\$350 │/,
    );
    expect(table).toMatch(/│ All-in \(without psychotherapy, boosters\) +│ \$1,350 │ \$5,150 │/);
    expect(table).toContain('not a quote and not medical advice');
    expect(table).not.toMatch(/\x1b\[/);
  });
  it('matches the reviewed snapshot', () => expect(table).toMatchSnapshot());
  it('colours only when asked', async () => {
    expect(await formatTable(estimate({ route: 'iv' }), { color: true, explain: false })).toMatch(/\x1b\[1m/);
  });
});

describe('markdown', () => {
  const md = formatMarkdown(estimate({ route: 'esketamine', dose: '84', sessions: '8' }), { explain: false });
  it('is a GitHub table with the figures', () => {
    expect(md).toContain('| | Low | High |');
    expect(md).toContain('| Per session (84 mg, 3 devices) (third-party figure) [1: L160] | $900 | $1,200 |');
    // Session 1 at the 56 mg starting dose: 2 x $300-$400 = $600-$800.
    expect(md).toContain('| Session 1 (56 mg starting dose, 2 devices) [2: Day 1 starting dose] | $600 | $800 |');
    // $600 + 7 x $900 = $6,900; $800 + 7 x $1,200 = $9,200.
    expect(md).toContain('| Treatment, 8 sessions [1: L160] | $6,900 | $9,200 |');
    // + intake $0-$350: $6,900-$9,550.
    expect(md).toContain('| All-in (without observation, psychotherapy, ride-home) | $6,900 | $9,550 |');
  });
  it('matches the reviewed snapshot', () => expect(md).toMatchSnapshot());
});

describe('csv', () => {
  it('has a header and one row, with money as decimals', () => {
    const lines = formatCsv(estimate({ route: 'iv', sessions: '6' })).split('\r\n');
    expect(lines[0]).toBe(ESTIMATE_COLUMNS.join(','));
    const row = Object.fromEntries(ESTIMATE_COLUMNS.map((c, i) => [c, lines[1]?.split(',')[i]]));
    expect(row).toMatchObject({
      route: 'iv',
      provider: 'clinic',
      sessions_low: '6',
      per_session_low_usd: '225.00',
      per_session_high_usd: '800.00',
      program_low_usd: '1350.00',
      program_high_usd: '4800.00',
    });
    expect(lines[2]).toBe('');
  });
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['-12.50', '-12.50'],
  ])('quotes %j as %j', (cell, expected) => expect(csvLine([cell])).toBe(`${expected}\r\n`));
  it('leaves numbers alone', () => expect(csvLine([-5, 3])).toBe('-5,3\r\n'));
});

describe('json', () => {
  it('carries the contract version and cents', () => {
    const doc = JSON.parse(formatJson(estimate({ route: 'oral' })));
    expect(doc).toMatchObject({
      schemaVersion: 2,
      currency: 'USD',
      perSession: { lowCents: 7500, highCents: 20000 },
      program: { lowCents: 30000, highCents: 120000 },
    });
    expect(doc.scenario).toMatchObject({ route: 'oral', provider: 'at-home' });
  });
});

describe('shouldColor', () => {
  it.each([
    [{ colorFlag: false, env: { FORCE_COLOR: '1' }, isTTY: true }, false],
    [{ colorFlag: undefined, env: { NO_COLOR: '1', FORCE_COLOR: '1' }, isTTY: true }, false],
    [{ colorFlag: undefined, env: { NO_COLOR: '' }, isTTY: true }, true],
    [{ colorFlag: undefined, env: { FORCE_COLOR: '1' }, isTTY: false }, true],
    [{ colorFlag: undefined, env: { FORCE_COLOR: '0' }, isTTY: true }, false],
    [{ colorFlag: undefined, env: { TERM: 'dumb' }, isTTY: true }, false],
    [{ colorFlag: undefined, env: {}, isTTY: false }, false],
    [{ colorFlag: undefined, env: {}, isTTY: true }, true],
  ])('%j -> %s', (context, expected) => expect(shouldColor(context)).toBe(expected));
});

describe('batch JSON rows (#27: the summary after "status" is serialised once per estimate)', () => {
  it('each row is exactly its whole summary serialised, in JSON and JSON Lines, whatever its id', async () => {
    const { batchWriter, summaryItem } = await import('../../src/format/batch.js');
    const options = { detail: 'summary' as const, dataset: readDataset() };
    const json = batchWriter('json', options);
    const jsonl = batchWriter('jsonl', options);
    const estimates = [estimate({ route: 'iv', sessions: '6' }), estimate({ route: 'oral', insurance: 'in-network', deductible: '500' })];
    // Ids a reader could break JSON with (a quote, a backslash, U+2028) and a JSON Lines row's null line.
    const rows = ['7', 'a"b\\c', 'x\u2028y', 'José'].flatMap((id, i) =>
      estimates.map((e, j) => ({ row: i * 2 + j + 1, line: j === 0 ? i + 2 : null, id, estimate: e, error: null, extra: null })),
    );
    rows.forEach((r, i) => {
      // The whole item, as JSON.stringify writes it (U+2028 escaped, as the writer keeps it inert).
      const whole = JSON.stringify(summaryItem(r), null, 2).replace(/\u2028/g, '\\u2028');
      expect(json.row(r, i)).toBe(`${i === 0 ? '\n' : ',\n'}  ${whole.replace(/\n/g, '\n  ')}`);
      expect(jsonl.row(r, i)).toBe(`${JSON.stringify(summaryItem(r)).replace(/\u2028/g, '\\u2028')}\n`);
      expect(JSON.parse(jsonl.row(r, i)).id).toBe(r.id);
    });
  });
});

describe('batch JSON rows skip the scan for active characters only where no outside text is (#27)', () => {
  it('an id, a kept column or an error holding one is still escaped; a plain row is JSON.stringify as it is', async () => {
    const { batchWriter, summaryItem } = await import('../../src/format/batch.js');
    const jsonl = batchWriter('jsonl', { detail: 'summary', dataset: readDataset() });
    const e = estimate({ route: 'iv', sessions: '6' });
    const plain = { row: 1, line: 2, id: 'p1', estimate: e, error: null, extra: null };
    expect(jsonl.row(plain, 0)).toBe(`${JSON.stringify(summaryItem(plain))}\n`);
    const rows = [
      { ...plain, id: 'a\u202eb' },
      { ...plain, extra: [['notes', 'x\u2066y']] as [string, string][] },
      { ...plain, estimate: null, error: { column: 'route', message: 'row 1: "\u200bq" is not a route' } },
    ];
    rows.forEach((r, i) => {
      const text = jsonl.row(r, i + 1);
      // U+202E, U+2066, U+200B: none left raw, each written as its \u escape; the values parse back unchanged.
      expect(text).not.toMatch(/[\u200b\u202e\u2066]/);
      expect(text).toMatch(/\\u(202e|2066|200b)/);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(summaryItem(r))));
    });
  });
});

describe('batch table (columns stay aligned, and on a terminal the last column wraps under itself)', () => {
  const rows = async () => {
    const { batchWriter } = await import('../../src/format/batch.js');
    const { displayWidth, wrapText } = await import('../../src/format/table.js');
    const e = estimate({ route: 'oral', sessions: '4', insurance: 'in-network', deductible: '500', coinsurance: '20' });
    const long = { row: 1, line: 2, id: 'patient-with-a-very-long-identifier-0001', estimate: e, error: null, extra: null };
    const short = { ...long, row: 2, line: 3, id: 'A-1' };
    const draw = (width?: number) => {
      const w = batchWriter('table', {
        detail: 'summary',
        dataset: readDataset(),
        displayWidth,
        ...(width ? { terminal: { width, wrapText } } : {}),
      });
      return `${w.row(long, 0)}${w.row(short, 1)}${w.end({ ok: 2, failed: 0 })}`.split('\n');
    };
    return { draw };
  };
  // Columns: id 12, route 12, sessions 9, program 16, each then 2 spaces: route starts at column
  // 14, sessions at 28, program at 39, "you pay" at 57.
  it('a cell wider than its column ends its line; the row goes on under the next column', async () => {
    const lines = (await rows()).draw();
    expect(lines[1]).toBe('patient-with-a-very-long-identifier-0001');
    expect(lines[2]?.indexOf('oral')).toBe(14);
    expect(lines[3]?.indexOf('oral')).toBe(14);
    // Piped (no terminal): nothing wraps, the last column runs on.
    expect(lines[2]?.slice(57)).toMatch(/^\$\d[\d,]*-\$[\d,]+, if plan does not cover it \(usual\)$/);
  });
  it('at 80 columns the last column wraps at its own start; no line is wider than the terminal', async () => {
    const lines = (await rows()).draw(80);
    expect(lines[2]?.indexOf('oral')).toBe(14);
    // 57 columns of cells leave 23 for "what you pay": its words go on under column 57.
    expect(lines[3]?.startsWith(`${' '.repeat(57)}not cover`)).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
  it('at 60 columns (3 left beside the cells) the last column goes under the row, indented to the route column', async () => {
    const lines = (await rows()).draw(60);
    expect(lines[0]).toBe('id            route         sessions   program');
    expect(lines[1]).toBe(`${' '.repeat(14)}you pay`);
    expect(lines[4]).toMatch(/^ {14}\$\d/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });
});

describe("the answer names a price list that is not the bundled one (the new-user try: a clinic's own list read 'published')", () => {
  it('in English and Spanish, with and without a quote; the bundled list stays "published"', async () => {
    const { headline } = await import('../../src/format/summary.js');
    const { ES_VIEW } = await import('../../src/text/es-view.js');
    const clinic = { ...dataset, id: 'example-clinic' };
    const own = estimateFrom({ route: 'iv', sessions: '6' }, clinic);
    // The same figures as the bundled list's (only the id differs): 6 x $225-$800 + intake $0-$350.
    expect(headline(own)[0]).toBe(
      'From the lowest to the highest price of price list example-clinic, you would pay $1,350-$5,150 in all (paying yourself) for IV infusion at a clinic, 6 sessions.',
    );
    expect(headline(own, ES_VIEW)[0]).toMatch(/, según los precios de la lista de precios example-clinic, del más bajo al más alto\.$/);
    // A quote for the sessions, the intake from the list: 6 x $500 = $3,000, + $0-$350.
    const some = estimateFrom({ route: 'iv', sessions: '6', price: '500' }, clinic);
    expect(headline(some)[0]).toMatch(
      /^From the lowest to the highest of the prices you gave and those of price list example-clinic, you would pay \$3,000-\$3,350 in all/,
    );
    expect(headline(estimate({ route: 'iv', sessions: '6' }))[0]).toMatch(/^From the lowest to the highest published price, /);
  });
});

describe('batch writers that print no words are given the estimate unsaid (#27: saying it was a twentieth of a batch)', () => {
  // Every payer path and a quote: what a row of each kind writes must not depend on the words.
  const kinds: RawScenario[] = [
    { route: 'iv', sessions: '6' },
    {
      route: 'oral',
      provider: 'at-home',
      sessions: '4',
      insurance: 'in-network',
      covered: 'yes',
      deductible: '500',
      coinsurance: '20',
      oopMax: '2000',
    },
    { route: 'esketamine', weeks: '20', dose: '84', insurance: 'in-network', deductible: '1500', copay: '40' },
    { route: 'im', sessions: '5', insurance: 'out-of-network', covered: 'yes', deductible: '1000', reimbursement: '70', allowed: '300' },
    { route: 'esketamine', sessions: '8', insurance: 'medicare' },
    { route: 'esketamine', sessions: '8', insurance: 'medicaid' },
    { route: 'oral', insurance: 'in-network', covered: 'no', exclude: 'intake' },
    { route: 'iv', sessions: '8', price: '450', package: '6:2400', itemPrice: 'intake=200' },
  ];
  it('CSV and summary rows are the same from the core estimate as from the estimate said in Spanish', async () => {
    const { batchWriter } = await import('../../src/format/batch.js');
    const { sayEstimate } = await import('../../src/text/localize.js');
    const { spanish } = await import('../../src/text/es.js');
    const { coreEstimateFrom } = await import('../helpers.js');
    const options = { detail: 'summary' as const, dataset: readDataset(), words: spanish.view };
    for (const format of ['csv', 'json', 'jsonl'] as const) {
      expect(batchWriter(format, options).words).toBe(false);
      // Two writers, so each one's first row (the CSV header) is its own.
      const unsaid = batchWriter(format, options);
      const inWords = batchWriter(format, options);
      kinds.forEach((raw, i) => {
        const core = coreEstimateFrom(raw, dataset);
        const said = sayEstimate(core, spanish.say);
        // The Spanish route name differs from the price list's own: a cell that printed it would differ here.
        const row = (estimate: typeof core | typeof said) => ({ row: i + 1, line: i + 2, id: `p${i}`, estimate, error: null, extra: null });
        expect(unsaid.row(row(core), i), `${format} ${JSON.stringify(raw)}`).toBe(inWords.row(row(said), i));
      });
    }
  });
  it('the writers that print words (table, Markdown, full JSON) ask for them', async () => {
    const { batchWriter } = await import('../../src/format/batch.js');
    const options = { dataset: readDataset() };
    for (const format of ['table', 'markdown'] as const) expect(batchWriter(format, { ...options, detail: 'summary' }).words).toBe(true);
    for (const format of ['json', 'jsonl'] as const) expect(batchWriter(format, { ...options, detail: 'full' }).words).toBe(true);
  });
});

describe('the disclaimer says whose prices an estimate is from (the new-user try: "published price ranges" under a clinic\'s own)', () => {
  it("published ranges, the patient's own prices, a price list of the clinic's own", async () => {
    const { disclaimerOf } = await import('../../src/format/summary.js');
    const { formatMarkdown } = await import('../../src/format/markdown.js');
    const published = estimate({ route: 'iv', sessions: '6' });
    expect(disclaimerOf(published)).toMatch(/^This is an estimate from published price ranges, not a quote/);
    const quoted = estimate({ route: 'iv', sessions: '6', price: '450' });
    expect(disclaimerOf(quoted)).toMatch(/^This is an estimate from the prices you gave and, for the rest, published price ranges;/);
    const theirs = { ...readDataset(), id: 'example-clinic' };
    const own = estimateFrom({ route: 'iv', sessions: '6' }, theirs);
    expect(disclaimerOf(own)).toMatch(/^This is an estimate from price list example-clinic;/);
    // Every view of an estimate ends with it.
    expect(formatMarkdown(own, { explain: false }).trimEnd().split('\n').at(-1)).toBe(`_${disclaimerOf(own)}_`);
  });
});
