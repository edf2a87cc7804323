import { cachedDataVersionTag } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RepeatCache } from '../../src/batch/repeat-cache.js';
import { estimateCost, estimateFromPrice, priceProgram, programKey } from '../../src/core/estimate.js';
import { parseScenario, type RawScenario } from '../../src/core/scenario.js';
import type { Scenario } from '../../src/core/types.js';
import { csvFields, estimateCells, estimateFieldsWriter } from '../../src/format/csv.js';
import { Utf8Out } from '../../src/output/utf8-out.js';
import * as en from '../../src/text/en.js';
import { sayEstimate } from '../../src/text/localize.js';
import { readDataset, runInProcess } from '../helpers.js';

const dataset = readDataset();
const bounded = (numRuns: number, ms: number) => ({ numRuns, interruptAfterTimeLimit: ms, markInterruptAsFailure: true });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// A program (route, sessions or weeks, dose, exclusions) and, separately, a patient's insurance.
const program = fc.record(
  {
    route: fc.constantFrom('iv', 'im', 'esketamine', 'oral'),
    sessions: fc.option(fc.integer({ min: 1, max: 40 }).map(String), { nil: undefined }),
    weeks: fc.option(fc.integer({ min: 1, max: 60 }).map(String), { nil: undefined }),
    dose: fc.option(fc.constantFrom('56', '84'), { nil: undefined }),
    exclude: fc.option(fc.constantFrom('intake', 'psychotherapy', 'observation', 'intake,observation'), { nil: undefined }),
  },
  { requiredKeys: ['route'] },
);
const money = fc.integer({ min: 0, max: 900_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
const percent = fc.integer({ min: 0, max: 100 }).map(String);
const insurance = fc.oneof(
  fc.constant({}),
  fc.record(
    {
      insurance: fc.constant('in-network'),
      covered: fc.constantFrom('yes', 'no', 'auto'),
      deductible: money,
      coinsurance: percent,
      oopMax: money,
    },
    { requiredKeys: ['insurance'] },
  ),
  fc.record({ insurance: fc.constant('in-network'), copay: money, deductible: money }, { requiredKeys: ['insurance'] }),
  fc.record(
    {
      insurance: fc.constant('out-of-network'),
      deductible: money,
      reimbursement: percent,
      allowed: money,
      covered: fc.constantFrom('yes', 'auto'),
    },
    { requiredKeys: ['insurance'] },
  ),
);

/** Parses a raw scenario, or null when the generated mix is not a valid one (weeks on a route without a schedule, ...). */
function scenarioOf(raw: RawScenario): Scenario | null {
  const parsed = parseScenario(raw, dataset);
  return parsed.ok ? parsed.scenario : null;
}

describe('a program priced once, shared between patients', () => {
  it('estimateFromPrice on a shared, frozen price equals estimateCost for every patient, explained or not', () => {
    fc.assert(
      fc.property(program, fc.array(insurance, { minLength: 1, maxLength: 4 }), fc.boolean(), (p, patients, explain) => {
        const scenarios = patients.map((ins) => scenarioOf({ ...p, ...ins })).filter((s): s is Scenario => s !== null);
        fc.pre(scenarios.length > 0);
        const first = scenarios[0] as Scenario;
        // Frozen: pricing one patient must not change what the next one is priced from.
        const price = deepFreeze(priceProgram(first, dataset, { explain }));
        for (const s of scenarios) {
          expect(programKey(s)).toBe(programKey(first));
          expect(estimateFromPrice(price, s, dataset, { explain })).toEqual(estimateCost(s, dataset, { explain }));
        }
      }),
      bounded(300, 20_000),
    );
  });

  it('programKey tells programs apart and ignores the insurance', () => {
    const key = (raw: RawScenario) => programKey(scenarioOf(raw) as Scenario);
    expect(key({ route: 'iv', sessions: '6' })).toBe(key({ route: 'iv', sessions: '6', insurance: 'in-network', deductible: '500' }));
    expect(key({ route: 'iv', sessions: '6' })).not.toBe(key({ route: 'iv', sessions: '7' }));
    expect(key({ route: 'iv', sessions: '6' })).not.toBe(key({ route: 'im', sessions: '6' }));
    expect(key({ route: 'oral', weeks: '6' })).not.toBe(key({ route: 'oral', sessions: '6' }));
    expect(key({ route: 'esketamine', dose: '56' })).not.toBe(key({ route: 'esketamine', dose: '84' }));
    expect(key({ route: 'iv' })).not.toBe(key({ route: 'iv', exclude: 'intake' }));
  });

  it('the batch CSV writer gives the same cells as estimateCells for a stream of patients on shared programs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), insurance), { minLength: 1, maxLength: 12 }), program, (rows, p) => {
        // Three programs at most, so rows share prices as a counselor's file does.
        const programs = [p, { route: 'iv', sessions: '6' }, { route: 'esketamine', dose: '84' }];
        const prices = new Map<string, ReturnType<typeof priceProgram>>();
        const write = estimateFieldsWriter();
        const out = new Utf8Out();
        for (const [which, ins] of rows) {
          const s = scenarioOf({ ...programs[which], ...ins });
          if (s === null) continue;
          const k = programKey(s);
          if (!prices.has(k)) prices.set(k, priceProgram(s, dataset, { explain: false }));
          const e = sayEstimate(
            estimateFromPrice(prices.get(k) as ReturnType<typeof priceProgram>, s, dataset, { explain: false }),
            en.say,
          );
          // Written into one buffer, row after row, as a batch does: each row's bytes are the text's.
          const start = out.length;
          write(e, out);
          expect(new TextDecoder().decode(out.view().subarray(start))).toBe(csvFields(estimateCells(e)));
        }
      }),
      bounded(200, 20_000),
    );
  });
});

describe('RepeatCache', () => {
  it('returns what was stored while rows repeat', () => {
    const cache = new RepeatCache<string, number>(4);
    for (let i = 0; i < 5000; i++) {
      const key = cache.wanted() ? `k${i % 3}` : undefined;
      expect(key).toBeDefined();
      const hit = cache.get(key);
      if (i >= 3) expect(hit).toBe(i % 3);
      else cache.set(key, i % 3);
    }
  });

  it('rests after a window of 1,024 lookups with fewer than 64 hits, then tries again', () => {
    const cache = new RepeatCache<number, number>(32);
    // 1,024 keys that never repeat: the window ends with no hit.
    for (let i = 0; i < 1024; i++) {
      expect(cache.wanted()).toBe(true);
      expect(cache.get(i)).toBeUndefined();
      cache.set(i, i);
    }
    // Resting: 16 x 1,024 = 16,384 lookups are skipped, and nothing is stored or found.
    cache.set(1, 1);
    for (let i = 0; i < 16_384; i++) expect(cache.wanted()).toBe(false);
    expect(cache.get(1)).toBeUndefined();
    expect(cache.wanted()).toBe(true);
    cache.set(7, 70);
    expect(cache.get(7)).toBe(70);
  });

  it('keeps no more than its limit', () => {
    const cache = new RepeatCache<number, number>(2);
    cache.set(1, 1);
    cache.set(2, 2);
    cache.set(3, 3);
    // Full at 2: the third store emptied it first.
    expect([cache.get(1), cache.get(2), cache.get(3)]).toEqual([undefined, undefined, 3]);
    expect(cache.get(undefined)).toBeUndefined();
  });
});

describe("a batch's heap settings", () => {
  it("are V8's own again once the batch ends, so code compiled or cached after it is like any other run's", async () => {
    // V8's version tag for code caches folds in its flags: a flag left changed makes every code
    // cache the process saves one that a normal start rejects.
    const before = cachedDataVersionTag();
    const input = 'route,sessions\niv,2\noral,zz\n';
    const r = await runInProcess(['batch', '-', '--format', 'csv'], { input });
    expect(r.code).toBe(3);
    expect(cachedDataVersionTag()).toBe(before);
    // And after a batch that stops on an error (a kept column named twice): restored all the same.
    const bad = await runInProcess(['batch', '-', '--format', 'jsonl'], { input: 'route,x,X\niv,1,2\n' });
    expect(bad.code).toBe(1);
    expect(cachedDataVersionTag()).toBe(before);
  });
});

describe('a long batch through the memos', () => {
  it('every row of 20,000 (all different, then a few repeating, then different again) is the single estimate', async () => {
    // Rows that all differ make the memos rest for 16,384 lookups after a window of 1,024;
    // repeating rows then fill them again. Each row must come out as its own estimate whatever
    // state the memos are in.
    const raws: RawScenario[] = [];
    for (let i = 0; i < 20_000; i++) {
      const repeating = i >= 9_000 && i < 12_000;
      const n = repeating ? i % 5 : i;
      raws.push({
        route: ['iv', 'oral', 'esketamine', 'im'][n % 4],
        sessions: String(1 + (n % 9)),
        insurance: 'in-network',
        deductible: `${n % 3000}.${String(n % 100).padStart(2, '0')}`,
        coinsurance: String(n % 50),
      });
    }
    const input = `route,sessions,insurance,deductible,coinsurance\n${raws.map((r) => [r.route, r.sessions, r.insurance, r.deductible, r.coinsurance].join(',')).join('\n')}\n`;
    const r = await runInProcess(['batch', '-', '--format', 'csv'], { input });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(raws.length);
    for (let i = 0; i < raws.length; i++) {
      const e = sayEstimate(estimateCost(scenarioOf(raws[i] as RawScenario) as Scenario, dataset, { explain: false }), en.say);
      // id, row, status, error_column, error, then the estimate's cells.
      const expected = `${i + 1},${i + 1},ok,,,${csvFields(estimateCells(e))}`;
      // Compared one by one, but reported with the row number only when it fails (20,000 expects are slow).
      if (lines[i] !== expected) expect({ row: i + 1, line: lines[i] }).toEqual({ row: i + 1, line: expected });
    }
  }, 30_000);
});
