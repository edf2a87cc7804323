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
  const e = coreEstimateFrom({ route: 'iv', sessions: '6' });
  const g = sayGfe(goodFaithEstimate(e, dataset, clinic, patient, '2027-01-04'), en.say);

  it('itemises the expected charges for the clinic, with the total', () => {
    const items = g.providers[0]?.items.map((i) => [
      i.description,
      i.quantity.low,
      i.quantity.high,
      i.unit.lowCents,
      i.unit.highCents,
      i.expected.lowCents,
      i.expected.highCents,
    ]);
    expect(items).toEqual([
      // 6 IV sessions at $225-$800 (seed L160): 6 x 22,500 = 135,000; 6 x 80,000 = 480,000 cents.
      ['IV infusion at a clinic', 6, 6, 22500, 80000, 135000, 480000],
      // The intake, once: $0 (a clinic's free consultation) to $350 (HealingMaps), both third-party.
      ['Intake or consultation visit (once, before the first session)', 1, 1, 0, 35000, 0, 35000],
    ]);
    // 135,000 + 0 = 135,000; 480,000 + 35,000 = 515,000.
    expect(g.total).toEqual({ lowCents: 135000, highCents: 515000 });
    expect(g.providers[0]?.subtotal).toEqual(g.total);
    expect(g.providers[0]?.clinic).toBe(clinic);
  });

  it('names the patient, the primary service and its date, and the diagnosis codes', () => {
    expect(g.patient).toEqual(patient);
    expect(g.primaryService).toEqual({ description: 'IV infusion at a clinic, 6 sessions', scheduledDate: '2027-01-04' });
  });

  it('lists what no source prices as scheduled separately', () => {
    expect(g.scheduledSeparately.map((s) => s.description)).toEqual([
      'Psychotherapy sessions before, during or after dosing',
      'Booster sessions after the program, as needed',
    ]);
  });

  it('carries every notice the rule requires, each with its source', () => {
    expect(g.notices.map((n) => n.id)).toEqual([
      'estimate-only',
      'not-included',
      'not-a-contract',
      'dispute',
      'deadline',
      'where',
      'no-effect',
      'keep-copy',
    ]);
    const sources = new Set(dataset.sources.map((s) => s.id));
    for (const n of g.notices) expect(sources.has(n.source)).toBe(true);
    const text = (id: string) => g.notices.find((n) => n.id === id)?.text ?? '';
    // The dispute threshold in the notice is the dataset's figure: 40,000 cents = $400.
    expect(dataset.insurance.goodFaithEstimateDisputeCents).toBe(40000);
    expect(text('dispute')).toContain('at least $400 more for any provider or facility');
    expect(text('deadline')).toContain('within 120 calendar days');
    expect(text('not-a-contract')).toContain('not a contract');
    expect(text('no-effect')).toContain('not adversely affect the quality');
    expect(text('where')).toContain('https://www.cms.gov/nosurprises/consumers');
  });

  it("carries the bundled list's HCPCS codes for the esketamine visit, with their sources", () => {
    const esk = sayGfe(goodFaithEstimate(coreEstimateFrom({ route: 'esketamine', sessions: '8' }), dataset, clinic, patient, null), en.say);
    const visit = esk.scheduledSeparately.find((s) => s.description.startsWith('Clinic visit with at least 2 hours'));
    expect(visit?.codes.map((c) => `${c.system} ${c.code}`)).toEqual(['HCPCS G2082', 'HCPCS G2083']);
    // G2082's descriptor (Highmark policy) and the billing firm's sentence naming G2083 are both listed.
    expect(esk.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['hcpcs-esketamine', 'neolytix-2026']));
  });

  it('takes service codes from the price list where it gives them', () => {
    const own = readDataset();
    const iv = own.routes.find((r) => r.id === 'iv');
    if (!iv?.offers[0]) throw new Error('no iv offer');
    iv.offers[0].codes = [{ system: 'CPT', code: '96365', description: 'IV infusion, first hour' }];
    const coded = sayGfe(goodFaithEstimate(coreEstimateFrom({ route: 'iv', sessions: '2' }, own), own, clinic, patient, null), en.say);
    expect(coded.providers[0]?.items[0]?.codes).toEqual([{ system: 'CPT', code: '96365', description: 'IV infusion, first hour' }]);
    expect(coded.providers[0]?.items[1]?.codes).toEqual([]);
    expect(coded.primaryService.scheduledDate).toBeNull();
    expect(coded.issued).toBeNull();
    expect(goodFaithEstimate(e, dataset, clinic, patient, null, '2026-12-01').issued).toBe('2026-12-01');
  });
});
