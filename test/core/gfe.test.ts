import { describe, expect, it } from 'vitest';
import { type ClinicProfile, goodFaithEstimate, isValidNpi } from '../../src/core/gfe.js';
import * as en from '../../src/text/en.js';
import { sayGfe } from '../../src/text/localize.js';
import { coreEstimateFrom, readDataset } from '../helpers.js';

const dataset = readDataset();
const clinic: ClinicProfile = {
  name: 'Example Ketamine Clinic',
  // The NPI standard's own worked example: 80840 + 123456789 has the Luhn check digit 3.
  npi: '1234567893',
  tin: '12-3456789',
  location: { street: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701' },
};
const patient = { name: 'Alex Doe', dateOfBirth: '1980-04-23', diagnosisCodes: ['F33.2'] };

describe('NPI check digit', () => {
  it.each([
    ['1234567893', true],
    ['1234567890', false], // right length, wrong check digit
    ['1234567894', false],
    ['123456789', false], // nine digits
    ['12345678931', false], // eleven
    ['12345678a3', false],
    ['', false],
  ])('%s -> %s', (npi, valid) => {
    expect(isValidNpi(npi)).toBe(valid);
  });
});

describe('Good Faith Estimate draft', () => {
  /** The document, or the test fails on a refusal. */
  const gfe = (
    raw: Parameters<typeof coreEstimateFrom>[0],
    own = dataset,
    scheduled: string | null = '2027-01-04',
    issued: string | null = null,
  ) => {
    const doc = goodFaithEstimate(coreEstimateFrom(raw, own), own, clinic, patient, scheduled, issued);
    if ('flag' in doc) throw new Error(`refused: ${doc.flag}`);
    return sayGfe(doc, en.say);
  };
  const refusal = (raw: Parameters<typeof coreEstimateFrom>[0]) => {
    const doc = goodFaithEstimate(coreEstimateFrom(raw), dataset, clinic, patient, null);
    return 'flag' in doc ? en.english.issueAfter(doc.flag, doc.message) : 'accepted';
  };
  const g = gfe({ route: 'iv', sessions: '6', price: '450', itemPrice: 'intake=200' });

  it('itemises one expected charge a line, quantity x each = the line, and the total is their sum', () => {
    const items = g.providers[0]?.items.map((i) => [i.description, i.quantity.low, i.unit.lowCents, i.expected.lowCents]);
    expect(items).toEqual([
      // 6 sessions at the quoted $450: 6 x 45,000 = 270,000 cents.
      ['IV infusion at a clinic', 6, 45_000, 270_000],
      // The intake, once, at the quoted $200.
      ['Intake or consultation visit (once, before the first session)', 1, 20_000, 20_000],
    ]);
    // 270,000 + 20,000 = 290,000 cents.
    expect(g.total).toEqual({ lowCents: 290_000, highCents: 290_000 });
    expect(g.providers[0]?.subtotal).toEqual(g.total);
  });

  it('names the optional items the clinic has not priced as not included, and schedules nothing separately', () => {
    expect(g.notIncluded.map((i) => i.description)).toEqual([
      'Psychotherapy sessions before, during or after dosing',
      'Booster sessions after the program, as needed',
    ]);
    expect(g.notIncluded[0]?.reason).toContain('you have the right to a new Good Faith Estimate');
    expect(g.scheduledSeparately).toEqual([]);
  });

  it('carries the notices the rule requires, each from the price list with its source', () => {
    const text = (id: string) => g.notices.find((n) => n.id === id)?.text ?? '';
    expect(text('dispute')).toContain('at least $400 more');
    expect(text('deadline')).toContain('120 calendar days');
    expect(text('fee')).toBe('There is a $25 fee to use the dispute process.');
    expect(text('not-a-contract')).toContain('not a contract');
    expect(text('no-effect')).toContain('not adversely affect the quality');
    expect(text('where')).toContain('https://www.cms.gov/nosurprises/consumers');
  });

  it("carries the bundled list's HCPCS codes for the esketamine visit, itemised with its sessions", () => {
    // 8 sessions at $900 = $7,200; the observation visit every session requires, 8 x $180 = $1,440; intake $0.
    const esk = gfe({ route: 'esketamine', sessions: '8', dose: '84', price: '900', itemPrice: 'observation=180,intake=0' }, dataset, null);
    const visit = esk.providers[0]?.items.find((i) => i.description.startsWith('Clinic visit with at least 2 hours'));
    expect(visit?.codes.map((c) => `${c.system} ${c.code}`)).toEqual(['HCPCS G2082', 'HCPCS G2083']);
    expect([visit?.quantity.low, visit?.expected.lowCents]).toEqual([8, 144_000]);
    expect(esk.total.lowCents).toBe(864_000);
    expect(esk.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['hcpcs-esketamine', 'neolytix-2026']));
  });

  it('prices packages as their own lines', () => {
    // 8 sessions with 6 for $2,400 and singles at $450: one package ($2,400) and 2 x $450 = $900.
    const p = gfe({ route: 'iv', sessions: '8', price: '450', package: '6:2400', exclude: 'intake' });
    expect(p.providers[0]?.items.map((i) => [i.description, i.quantity.low, i.unit.lowCents, i.expected.lowCents])).toEqual([
      ['IV infusion at a clinic: 6-session package', 1, 240_000, 240_000],
      ['IV infusion at a clinic', 2, 45_000, 90_000],
    ]);
    expect(p.total.lowCents).toBe(330_000);
  });

  it.each([
    [{ route: 'iv', sessions: '6' }, '--price is needed'],
    [{ route: 'iv', price: '450' }, '--sessions is needed'],
    [{ route: 'iv', sessions: '6', price: '450' }, '--item-price is needed for intake'],
    [{ route: 'esketamine', sessions: '8', price: '900' }, '--item-price is needed for observation'],
  ])('refuses %j', (raw, start) => expect(refusal(raw).startsWith(start)).toBe(true));

  it('takes service codes from the price list where it gives them', () => {
    const own = readDataset();
    const iv = own.routes.find((r) => r.id === 'iv');
    if (!iv?.offers[0]) throw new Error('no iv offer');
    iv.offers[0].codes = [{ system: 'CPT', code: '96365', description: 'IV infusion, first hour' }];
    const coded = gfe({ route: 'iv', sessions: '2', price: '450', exclude: 'intake' }, own, null);
    expect(coded.providers[0]?.items[0]?.codes).toEqual([{ system: 'CPT', code: '96365', description: 'IV infusion, first hour' }]);
    expect(coded.primaryService.scheduledDate).toBeNull();
    expect(coded.issued).toBeNull();
    expect(gfe({ route: 'iv', sessions: '2', price: '450', exclude: 'intake' }, dataset, null, '2026-12-01').issued).toBe('2026-12-01');
  });
});
