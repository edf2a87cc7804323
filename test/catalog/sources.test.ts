import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset, Ref } from '../../src/core/types.js';
import { ROOT, readDataset } from '../helpers.js';

// Every figure the tool prints must be checkable offline: a dated source with a title, a publisher
// and an address, and the one sentence it relies on, verbatim.
const dataset = readDataset();
const SEED = join(ROOT, '..', 'shared', 'seeds', '000_3506dc15e4ca880d.txt');

/** Every ref in a price list, with where it is. */
function refsOf(d: Dataset): [string, Ref][] {
  const out: [string, Ref][] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    } else if (value !== null && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.source === 'string' && typeof o.at === 'string') out.push([path, o as unknown as Ref]);
      else for (const [k, v] of Object.entries(o)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(d, '');
  return out;
}

describe('the bundled dataset’s sources', () => {
  const refs = refsOf(dataset);

  it('has refs to check (the walk finds them)', () => {
    expect(refs.length).toBeGreaterThan(40);
  });

  it.each(dataset.sources.map((s) => [s.id, s]))('%s has a title, a publisher, a date (or why none) and an address', (_id, s) => {
    expect(s.title.length).toBeGreaterThan(3);
    expect(s.publisher?.length ?? 0).toBeGreaterThan(1);
    expect(s.date !== null && s.date !== undefined ? s.date : s.dateNote).toBeTruthy();
    // Only the seed article has no public address (the copy the project holds names none).
    if (s.id !== 'seed') expect(s.url).toMatch(/^https?:\/\//);
    // Someone who installed the package has no shared/ folder: no repository paths.
    expect(JSON.stringify(s)).not.toMatch(/shared\/|seeds\//);
    expect(typeof s.thirdParty).toBe('boolean');
  });

  it('every ref carries its sentence and its date', () => {
    for (const [path, ref] of refs) {
      expect(ref.quote, path).toBeTruthy();
      expect(ref.asOf, path).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it('every source backs something, and every ref names a source', () => {
    const cited = new Set(refs.map(([, r]) => r.source));
    expect(dataset.sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
    const ids = new Set(dataset.sources.map((s) => s.id));
    expect(refs.filter(([, r]) => !ids.has(r.source)).map(([p]) => p)).toEqual([]);
  });

  it.skipIf(!existsSync(SEED))('every quote from the seed article is verbatim on the line it names', () => {
    const lines = readFileSync(SEED, 'utf8').split('\n');
    const seedRefs = refs.filter(([, r]) => r.source === 'seed');
    expect(seedRefs.length).toBeGreaterThan(10);
    for (const [path, ref] of seedRefs) {
      // "L160" or "L200-L203": the quote is on that line, or on one of those lines.
      const match = /^L(\d+)(?:-L(\d+))?$/.exec(ref.at);
      expect(match, `${path}: ${ref.at}`).not.toBeNull();
      const from = Number(match?.[1]);
      const to = Number(match?.[2] ?? match?.[1]);
      const onLines = lines.slice(from - 1, to).some((line) => line.includes(ref.quote ?? '\u0000'));
      expect(onLines, `${path}: "${ref.quote}" on ${ref.at}`).toBe(true);
    }
  });

  it('cites the right glossary entry for each insurance rule', () => {
    const ins = dataset.insurance;
    expect(ins.deductibleRef?.quote).toMatch(/before your insurance plan starts to pay/);
    expect(ins.coinsuranceRef.quote).toMatch(/coinsurance is 20%/);
    expect(ins.copayRef?.quote).toMatch(/fixed amount/);
    expect(ins.oopMaxRef?.quote).toMatch(/The most you have to pay/);
    expect(ins.balanceBillingRef?.quote).toMatch(/the allowed amount is \$70, the provider may bill you for the remaining \$30/);
    // The newest dated figure (#21): KFF's 2025 survey, as a third party reports it.
    expect(ins.typicalDeductible).toMatchObject({ cents: 188600 });
    expect(ins.typicalDeductible?.ref.quote).toContain('$1,886 for single coverage');
  });

  it('quotes say what they are cited for: the IV coverage exception and the oral frequency', () => {
    const iv = dataset.routes.find((r) => r.id === 'iv');
    expect(iv?.coverage.ref.quote).toMatch(/Intravenous ketamine and intranasal esketamine share the same medical necessity criteria/);
    const oral = dataset.routes.find((r) => r.id === 'oral');
    expect(oral?.schedule?.ref.quote).toMatch(/1-2 times a week/);
    expect(oral?.schedule?.ref.quote).not.toMatch(/[Dd]aily/);
  });

  it('the seed’s prices are what the dataset says (cents from the sentence)', () => {
    const iv = dataset.routes.find((r) => r.id === 'iv')?.offers[0]?.price;
    // "$225-$800" in the quote; 22500 and 80000 cents in the dataset.
    expect(iv?.ref.quote).toContain('$225-$800');
    expect([iv?.lowCents, iv?.highCents]).toEqual([22500, 80000]);
    const device = dataset.routes.find((r) => r.id === 'esketamine')?.offers[0]?.price;
    expect(device?.ref.quote).toContain('$300-$400 per bottle');
    expect([device?.lowCents, device?.highCents]).toEqual([30000, 40000]);
    const oral = dataset.routes.find((r) => r.id === 'oral')?.offers[0]?.price;
    expect(oral?.ref.quote).toContain('$75-$200');
    expect([oral?.lowCents, oral?.highCents]).toEqual([7500, 20000]);
  });
});
