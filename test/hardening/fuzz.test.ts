import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordScanner } from '../../src/batch/records.js';
import { estimateCost } from '../../src/core/estimate.js';
import { parseScenario } from '../../src/core/scenario.js';
import type { Dataset } from '../../src/core/types.js';
import { formatCsv } from '../../src/format/csv.js';
import { formatJson } from '../../src/format/json.js';
import { formatMarkdown } from '../../src/format/markdown.js';
import { formatTable } from '../../src/format/table.js';
import * as en from '../../src/text/en.js';
import { sayEstimate } from '../../src/text/localize.js';
import { visible, visibleDeep } from '../../src/text/visible.js';
import { readDataset, runInProcess } from '../helpers.js';

// Every property is bounded in time; a run cut short by the limit fails rather than passing
// quietly, and a failure prints the seed and path to replay it (fc.assert(..., { seed, path })).
const bounded = (numRuns: number, ms: number) => ({ numRuns, interruptAfterTimeLimit: ms, markInterruptAsFailure: true });
const STACK_LINE = /^\s+at .+[(:]\d+/m;

const FLAGS = [
  '-r',
  '--route',
  '-p',
  '--provider',
  '-s',
  '--sessions',
  '--weeks',
  '--dose',
  '-i',
  '--insurance',
  '--covered',
  '--deductible',
  '--coinsurance',
  '--copay',
  '--oop-max',
  '--reimbursement',
  '-f',
  '--format',
  '--explain',
  '--no-color',
  '--data',
  '--no-interactive',
  '--ascii',
];
const VALUES = [
  'iv',
  'IV',
  'im',
  'esketamine',
  'oral',
  'spravato',
  'clinic',
  'at-home',
  'online',
  '6',
  '0',
  '365',
  '366',
  '2.5',
  '56',
  '84',
  '1e400',
  '0x10',
  '１２',
  '12abc',
  'NaN',
  'Infinity',
  '',
  ' ',
  '-1',
  '$1,000.50',
  '1.005',
  '20%',
  '150',
  '9007199254740993',
  'in-network',
  'oon',
  'none',
  'yes',
  'no',
  'auto',
  'json',
  'csv',
  'markdown',
  'table',
  '__proto__',
  'constructor',
  'toString',
  'missing.json',
  'test',
];
const SUBCOMMANDS = ['compare', 'routes', 'schema', 'data', 'show', 'validate', 'batch', 'help', 'iv:6', 'esketamine:8w'];

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FLAGS) },
  { weight: 4, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...SUBCOMMANDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 100000 }).map(String) },
);

// Mostly flag-value pairs, so many runs get past the parser into validation and the estimate.
const argvArb = fc
  .tuple(
    fc.option(fc.constantFrom(...SUBCOMMANDS), { nil: undefined, freq: 3 }),
    fc.array(
      fc.oneof({ weight: 5, arbitrary: fc.tuple(fc.constantFrom(...FLAGS), token) }, { weight: 1, arbitrary: token.map((t) => [t]) }),
      { maxLength: 6 },
    ),
  )
  .map(([sub, parts]) => [...(sub === undefined ? [] : [sub]), ...parts.flat()]);

describe('argument fuzzing (in-process)', () => {
  it('any argv ends with exit 0, 1, 2 or 3, never throws, never prints a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(argvArb, async (argv) => {
        // `batch -` reads standard input, which is empty here; --output would write files, so it is not in the vocabulary.
        const r = await runInProcess(argv);
        expect([0, 1, 2, 3]).toContain(r.code);
        expect(r.stderr).not.toMatch(STACK_LINE);
        expect(r.stdout).not.toMatch(STACK_LINE);
        // "unexpected" is how the error boundary reports a bug: no input may reach it.
        expect(r.stderr).not.toContain('unexpected');
        // Every failure says what was wrong, in exactly one line.
        if (r.code === 1 || r.code === 2) {
          expect(r.stderr.trim()).not.toBe('');
          expect(r.stderr.trim().split('\n')).toHaveLength(1);
        }
        if (r.code === 2) expect(r.stdout).toBe('');
      }),
      bounded(300, 20_000),
    );
  }, 30_000);
});

/** Writes one CSV cell the way a spreadsheet would: quoted when it has a comma, quote or line break. */
const csvCell = (text: string) => (/[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text);

describe('batch fuzzing', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      'iv',
      'oral',
      'esketamine',
      'im',
      'nope',
      '6',
      '0',
      '',
      '84',
      'in-network',
      '20',
      '1,000',
      'a,b',
      'say "hi"',
      'line\nbreak',
      '=cmd',
      '\r',
      ' ',
      '"',
    ),
    fc.string({ maxLength: 10 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
  );
  it('random CSV bodies give exactly one output row per input row, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        async (rows, eol) => {
          // A row whose cells are all blank is a blank line by design, so every row here has an id.
          const body = rows
            .map(([route, sessions, insurance], i) => [`r${i}`, route, sessions, insurance].map(csvCell).join(','))
            .join(eol);
          const r = await runInProcess(['batch', '-', '-f', 'jsonl'], { input: `id,route,sessions,insurance${eol}${body}${eol}` });
          expect([0, 3]).toContain(r.code);
          const items = r.stdout
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as { id: string });
          expect(items.map((i) => i.id)).toEqual(rows.map((_, i) => `r${i}`));
        },
      ),
      bounded(150, 20_000),
    );
  }, 30_000);
});

describe('record scanner fuzzing', () => {
  const cellText = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('a,b', 'say "hi"', 'x\r\ny', 'x\ny', '\r', '"', 'é', '\uFFFD'));
  it('any mix of line ends and slice boundaries gives the records that were written, with their cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 20 }),
        // Slices of a few bytes cut cells in two; longer ones hold whole cells, which an all-ASCII
        // slice cuts from its text and any other decodes from its bytes (#27).
        fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 8, max: 4096 })),
        (records, ends, slice) => {
          const text = records.map((cells, i) => `${cells.map(csvCell).join(',')}${ends[i % ends.length]}`).join('');
          const bytes = Buffer.from(text);
          const scanner = new RecordScanner('csv');
          const got: string[][] = [];
          // Slices as small as one byte cut CRLFs, doubled quotes and UTF-8 characters in two.
          for (let at = 0; at < bytes.length; at += slice) for (const r of scanner.push(bytes.subarray(at, at + slice))) got.push(r.cells);
          for (const r of scanner.end()) got.push(r.cells);
          expect(got).toEqual(records);
        },
      ),
      bounded(400, 20_000),
    );
  });

  it('random bytes: linear, never throws but for an unclosed quote, every record within the limit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        const scanner = new RecordScanner('csv');
        const records = scanner.push(Buffer.from(input));
        try {
          records.push(...scanner.end());
        } catch (error) {
          expect(String(error)).toMatch(/a quoted cell that starts on line \d+ is never closed/);
        }
        for (const r of records) expect(r.line).toBeGreaterThanOrEqual(1);
      }),
      bounded(400, 20_000),
    );
  });
});

describe('text for the terminal', () => {
  it('visibleDeep copies only what needs it, and never changes the value it was given', () => {
    const clean = { label: 'IV infusion', items: [{ note: 'tab\tand\nnewline are kept' }], cents: 22500 };
    expect(visibleDeep(clean)).toBe(clean);
    const hostile = { label: 'IV', items: [{ note: 'x\u001b[2Jy' }, { note: 'fine' }], cents: 22500 };
    const shown = visibleDeep(hostile);
    expect(shown).not.toBe(hostile);
    expect(shown).toEqual({ label: 'IV', items: [{ note: 'x\\x1b[2Jy' }, { note: 'fine' }], cents: 22500 });
    expect(hostile.items[0]?.note).toBe('x\u001b[2Jy');
  });

  it('visible() leaves no control character, DEL, C1 or bidi override, and keeps the rest', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const shown = visible(text);
        // Controls, DEL, C1, bidi marks and overrides, and the invisible ones escaped since #25 B12
        // (U+200B, U+2028/2029, U+2060, U+FEFF): a rare draw of one of those failed this test.
        const active = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;
        expect(shown).not.toMatch(active);
        // Text without such characters is left exactly as it was.
        if (!active.test(text)) expect(shown).toBe(text);
      }),
      bounded(500, 10_000),
    );
  });
});

describe('properties of the estimate', () => {
  const dataset = readDataset();
  const scenario = fc.record(
    {
      route: fc.constantFrom('iv', 'im', 'esketamine', 'oral'),
      sessions: fc.integer({ min: 1, max: 365 }).map(String),
      insurance: fc.constantFrom('none', 'in-network', 'out-of-network'),
    },
    { requiredKeys: ['route'] },
  );

  it('the same input gives the same bytes, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (raw) => {
        const once = (): Promise<string[]> => {
          const parsed = parseScenario(raw, dataset);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
          const e = sayEstimate(estimateCost(parsed.scenario, dataset), en.say);
          return Promise.all([
            formatJson(e),
            formatCsv(e),
            formatMarkdown(e, { explain: true }),
            formatTable(e, { color: false, explain: true }),
          ]);
        };
        expect(await once()).toEqual(await once());
      }),
      bounded(100, 10_000),
    );
  });

  it('on generated price lists: low <= high everywhere, and the program is the per-session price times the sessions', () => {
    const prices = fc
      .tuple(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 500_000 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    fc.assert(
      fc.property(
        fc.array(prices, { minLength: 4, maxLength: 4 }),
        fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 })),
        scenario,
        (ranges, [low, extra], raw) => {
          const custom: Dataset = structuredClone(dataset);
          custom.routes.forEach((r, i) => {
            const [lowCents, highCents] = ranges[i] ?? [0, 0];
            for (const o of r.offers) Object.assign(o.price, { lowCents, highCents });
            Object.assign(r.program, { lowSessions: low, highSessions: low + extra });
          });
          const parsed = parseScenario({ ...raw, sessions: undefined }, custom);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
          const e = estimateCost(parsed.scenario, custom);
          // What the plan pays is per end, not a min-max: with no deductible given, the low end
          // assumes it met (the plan pays more) and the high end a full one, so it may fall.
          for (const range of [e.perSession, e.program, e.allIn, ...e.patient.cases.flatMap((c) => [c.patient, c.upFront])])
            expect(range.lowCents).toBeLessThanOrEqual(range.highCents);
          // Session 1 may be at the label's starting dose; every other session at the chosen one.
          const first = e.firstSession;
          expect(e.program).toEqual({
            lowCents: (first ? first.lowCents - e.perSession.lowCents : 0) + e.perSession.lowCents * e.sessions.low,
            highCents: (first ? first.highCents - e.perSession.highCents : 0) + e.perSession.highCents * e.sessions.high,
          });
          // All-in is the program plus the priced items; patient and plan share exactly that.
          const extras = e.items.slice(1).flatMap((i) => (i.total ? [i.total] : []));
          expect(e.allIn.lowCents).toBe(e.program.lowCents + extras.reduce((sum, t) => sum + t.lowCents, 0));
          expect(e.allIn.highCents).toBe(e.program.highCents + extras.reduce((sum, t) => sum + t.highCents, 0));
          for (const c of e.patient.cases) {
            expect(c.patient.lowCents + c.plan.lowCents).toBe(e.allIn.lowCents);
            expect(c.patient.highCents + c.plan.highCents).toBe(e.allIn.highCents);
          }
          // What is due before the first session is for no more sessions than the program has,
          // so never more than the program costs (the new-user try: $4,800 due on a $1,600 program).
          if (e.dueUpFront) {
            expect(e.dueUpFront.sessions.low).toBeLessThanOrEqual(e.sessions.low);
            expect(e.dueUpFront.sessions.high).toBeLessThanOrEqual(e.sessions.high);
            expect(e.dueUpFront.lowCents).toBeLessThanOrEqual(e.program.lowCents);
            expect(e.dueUpFront.highCents).toBeLessThanOrEqual(e.program.highCents);
          }
        },
      ),
      bounded(300, 10_000),
    );
  });
});
