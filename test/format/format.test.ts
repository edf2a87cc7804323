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
    expect(table.split('\n')[0]).toBe('IV infusion at a clinic, 6 sessions');
    expect(table).toMatch(/│ Per session \[1: L160\] +│ +\$225 │ +\$800 │/);
    expect(table).toMatch(/│ Program, 6 sessions \[1: L160\] +│ \$1,350 │ \$4,800 │/);
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
    expect(md).toContain('| Per session (3 devices) [1: L160] | $900 | $1,200 |');
    expect(md).toContain('| Program, 8 sessions [1: L160] | $7,200 | $9,600 |');
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
      schemaVersion: 1,
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
