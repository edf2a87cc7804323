import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../src/catalog/load.js';
import { checkDataset, loadDataset } from '../../src/catalog/read.js';
import { DataError } from '../../src/errors.js';
import { fixture, ROOT, readDataset } from '../helpers.js';

describe('the real data/prices.json', () => {
  it('passes the dataset schema', () => {
    const checked = checkDataset(readDataset());
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it('is what the tool bundles', () => {
    expect(bundledDataset).toEqual(readDataset());
  });

  it('holds the figures of FACTS.md, each with its seed line', () => {
    const d = readDataset();
    const offer = (route: string) => d.routes.find((r) => r.id === route)?.offers[0]?.price;
    expect(offer('iv')).toMatchObject({ lowCents: 22500, highCents: 80000, per: 'session', ref: { source: 'seed', at: 'L160' } });
    expect(offer('im')).toMatchObject({ lowCents: 22500, highCents: 80000, per: 'session', ref: { source: 'seed', at: 'L160' } });
    expect(offer('esketamine')).toMatchObject({ lowCents: 30000, highCents: 40000, per: 'device', ref: { source: 'seed', at: 'L160' } });
    expect(offer('oral')).toMatchObject({ lowCents: 7500, highCents: 20000, per: 'session', ref: { source: 'seed', at: 'L164' } });
    const eske = d.routes.find((r) => r.id === 'esketamine');
    expect(eske?.doses?.map((x) => [x.mg, x.devices])).toEqual([
      [56, 2],
      [84, 3],
    ]);
    expect(eske?.offers.map((o) => o.provider)).toEqual(['clinic']);
    expect(d.routes.find((r) => r.id === 'oral')?.offers.map((o) => o.provider)).toEqual(['at-home']);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: the cases break a dataset on purpose, through paths its type forbids.
type Loose = any;

/** Breaks a fresh copy of the real dataset and returns the problems the schema reports. */
function problemsAfter(mutate: (d: Loose) => void): string[] {
  const d = readDataset();
  mutate(d);
  const checked = checkDataset(d);
  return checked.ok ? [] : checked.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('the dataset schema refuses', () => {
  it.each([
    ['an unknown key', (d: Loose) => (d.routes[0].price = 1), /routes\[0\].*price/],
    [
      'negative cents',
      (d: Loose) => (d.routes[0].offers[0].price.lowCents = -1),
      /routes\[0\]\.offers\[0\]\.price\.lowCents: must be zero or more cents/,
    ],
    ['non-integer cents', (d: Loose) => (d.routes[0].offers[0].price.lowCents = 225.5), /routes\[0\]\.offers\[0\]\.price\.lowCents/],
    ['prices as strings', (d: Loose) => (d.routes[0].offers[0].price.lowCents = '22500'), /routes\[0\]\.offers\[0\]\.price\.lowCents/],
    ['low greater than high', (d: Loose) => (d.routes[0].offers[0].price.lowCents = 90000), /lowCents must not be greater than highCents/],
    ['a duplicate route id', (d: Loose) => (d.routes[1].id = 'iv'), /routes\[1\]\.id: duplicate route id "iv"/],
    ['duplicate ids differing only in case', (d: Loose) => (d.sources[1].id = 'SEED'), /sources\[1\]\.id/],
    [
      'a reference to a missing source',
      (d: Loose) => (d.routes[0].offers[0].price.ref.source = 'nowhere'),
      /routes\[0\]\.offers\[0\]\.price\.ref\.source: refers to source "nowhere"/,
    ],
    ['an offer by an unknown provider', (d: Loose) => (d.routes[0].offers[0].provider = 'spa'), /names provider "spa"/],
    ['an alias used by two routes', (d: Loose) => d.routes[1].aliases.push('infusion'), /route name "infusion" is used by "iv" too/],
    ['a default dose that is not a dose', (d: Loose) => (d.routes[2].defaultDoseMg = 28), /defaultDoseMg 28 is not one of the doses/],
    ['a schedule with a gap', (d: Loose) => (d.routes[2].schedule.phases[1].fromWeek = 6), /fromWeek must be 5/],
    ['a typical program of 0 sessions', (d: Loose) => (d.routes[0].program.lowSessions = 0), /program\.lowSessions/],
  ])('%s', (_name, mutate, expected) => {
    const problems = problemsAfter(mutate);
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('loadDataset reads untrusted files', () => {
  it.each([
    ['missing.json', /cannot read price list .*missing\.json: no such file/],
    ['empty.json', /is empty/],
    ['not-json.json', /is not valid JSON/],
    ['utf16.json', /is UTF-16; save it as UTF-8 JSON/],
    ['proto-key.json', /key "__proto__" is not allowed/],
  ])('%s', (name, expected) => {
    expect(() => loadDataset(fixture(name))).toThrow(DataError);
    expect(() => loadDataset(fixture(name))).toThrow(expected);
  });

  it('refuses a directory in one line', () => {
    expect(() => loadDataset(fixture(''))).toThrow(/is a directory/);
  });

  const real = readFileSync(join(ROOT, 'data', 'prices.json'), 'utf8');
  const temp = mkdtempSync(join(tmpdir(), 'ketamine-cost-'));

  it('accepts the real file with a UTF-8 BOM', () => {
    writeFileSync(join(temp, 'bom.json'), `\uFEFF${real}`);
    expect(loadDataset(join(temp, 'bom.json')).routes.map((r) => r.id)).toEqual(['iv', 'im', 'esketamine', 'oral']);
  });

  it('names the first problem and how many more', () => {
    writeFileSync(
      join(temp, 'bad.json'),
      real.replace('"lowCents": 22500', '"lowCents": -22500').replace('"highCents": 20000', '"highCents": 1'),
    );
    expect(() => loadDataset(join(temp, 'bad.json'))).toThrow(
      /is not valid: routes\[0\]\.offers\[0\]\.price\.lowCents: must be zero or more cents \(and 1 more; run `ketamine-cost data validate /,
    );
  });

  it('accepts the real file as it is', () => {
    expect(loadDataset('data/prices.json', ROOT).id).toBe('ketamine-cost-us');
  });
});
