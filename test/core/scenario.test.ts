import { describe, expect, it } from 'vitest';
import { parseScenario, type RawScenario } from '../../src/core/scenario.js';
import * as en from '../../src/text/en.js';
import { readDataset } from '../helpers.js';

const dataset = readDataset();
const ok = (raw: RawScenario) => {
  const parsed = parseScenario(raw, dataset);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
};
const issue = (raw: RawScenario) => {
  const parsed = parseScenario(raw, dataset);
  return parsed.ok ? undefined : parsed.issues[0];
};

describe('parseScenario resolves names', () => {
  it.each([
    ['iv', 'iv'],
    ['IV', 'iv'],
    [' Intravenous ', 'iv'],
    ['infusion', 'iv'],
    ['intramuscular', 'im'],
    ['injection', 'im'],
    ['intranasal', 'esketamine'],
    ['nasal', 'esketamine'],
    ['Spravato', 'esketamine'],
    ['sublingual', 'oral'],
    ['tablet', 'oral'],
    ['troche', 'oral'],
    ['lozenge', 'oral'],
  ])('route %j is %s', (input, id) => expect(ok({ route: input }).route).toBe(id));

  it.each([
    ['online', 'at-home'],
    ['telehealth', 'at-home'],
    ['home', 'at-home'],
  ])('provider %j is %s for oral', (input, id) => expect(ok({ route: 'oral', provider: input }).provider).toBe(id));

  it.each([
    ['in-clinic', 'clinic'],
    ['In Person', 'clinic'],
  ])('provider %j is %s for iv', (input, id) => expect(ok({ route: 'iv', provider: input }).provider).toBe(id));

  it('defaults the provider to the route’s only one and the dose to 56 mg', () => {
    expect(ok({ route: 'iv' })).toMatchObject({ provider: 'clinic', doseMg: null, sessions: null });
    expect(ok({ route: 'oral' })).toMatchObject({ provider: 'at-home' });
    expect(ok({ route: 'esketamine' })).toMatchObject({ provider: 'clinic', doseMg: 56 });
    expect(ok({ route: 'esketamine', dose: '84 mg' }).doseMg).toBe(84);
  });
});

describe('parseScenario refuses, naming the field and what is allowed', () => {
  it.each([
    [{ route: 'ivv' }, 'route', /"ivv" is not a route \(did you mean "iv"\?\); allowed: iv, im, esketamine, oral/],
    [{ route: '__proto__' }, 'route', /"__proto__" is not a route/],
    [{ route: 'constructor' }, 'route', /"constructor" is not a route/],
    [{ route: 'toString' }, 'route', /"toString" is not a route/],
    [{}, 'route', /is required; allowed: iv, im, esketamine, oral/],
    [
      { route: 'esketamine', provider: 'at-home' },
      'provider',
      /Esketamine nasal spray \(Spravato\) is not offered at home .*allowed for esketamine: clinic/,
    ],
    [{ route: 'iv', provider: 'home' }, 'provider', /IV infusion is not offered at home/],
    [{ route: 'iv', provider: 'spa' }, 'provider', /"spa" is not a provider type; allowed: clinic, at-home/],
    [{ route: 'iv', dose: '56' }, 'dose', /applies only to routes priced by dose \(esketamine\), not to iv/],
    [{ route: 'esketamine', dose: '28' }, 'dose', /"28" is not a dose of Esketamine nasal spray \(Spravato\); allowed: 56 or 84/],
    [{ route: 'iv', sessions: '0' }, 'sessions', /"0" is not allowed; use a whole number from 1 to 365/],
    [{ route: 'iv', sessions: '2.5' }, 'sessions', /"2.5" is not allowed/],
    [{ route: 'iv', sessions: 'abc' }, 'sessions', /"abc" is not allowed/],
    [{ route: 'iv', sessions: '366' }, 'sessions', /"366" is not allowed/],
    [{ route: 'iv', sessions: '' }, 'sessions', /"" is not allowed/],
    [{ route: 'iv', sessions: '１２' }, 'sessions', /is not allowed/],
    [{ route: 'iv', sessions: '9007199254740993' }, 'sessions', /is not allowed/],
    [
      { route: 'iv', weeks: '4' },
      'weeks',
      /cannot count sessions for IV infusion: the price list has no schedule for it.*routes with a schedule: esketamine, oral/,
    ],
    [{ route: 'oral', weeks: '4', sessions: '4' }, 'weeks', /cannot be given with --sessions/],
    // A spreadsheet's 20% exported as 0.2 (#22): refused, naming the percent it probably means.
    [{ route: 'iv', insurance: 'in-network', coinsurance: '0.2' }, 'coinsurance', /^"0.2" looks like a fraction: for 20% write 20 or 20%$/],
    [{ route: 'iv', insurance: 'in-network', coinsurance: 0.2 }, 'coinsurance', /for 20% write 20 or 20%/],
    [{ route: 'iv', insurance: 'in-network', coinsurance: '.35' }, 'coinsurance', /for 35% write 35 or 35%/],
    [{ route: 'iv', insurance: 'in-network', coinsurance: '0.125' }, 'coinsurance', /for 12.5% write 12.5 or 12.5%/],
    [{ route: 'iv', insurance: 'in-network', coinsurance: '0.05' }, 'coinsurance', /for 5% write 5 or 5%/],
    [{ route: 'iv', insurance: 'oon', reimbursement: '0.7' }, 'reimbursement', /for 70% write 70 or 70%/],
  ])('%j', (raw, field, message) => {
    const found = issue(raw as RawScenario);
    expect(found?.field).toBe(field);
    expect(found && en.say(found.message)).toMatch(message);
  });
});

describe('a percentage that is not a fraction', () => {
  it.each([
    ['0', 0], // 0%: no fraction to mistake
    ['0.0', 0],
    ['1', 100], // 1% = 100 basis points
    ['20', 2000],
    ['20%', 2000],
    ['0.2%', 20], // with the sign it is what it says: 0.2% = 20 basis points
  ])('%s is %d basis points', (coinsurance, bp) => {
    const parsed = parseScenario({ route: 'iv', insurance: 'in-network', coinsurance }, dataset);
    expect(parsed.ok && parsed.scenario.insurance.coinsuranceBasisPoints).toBe(bp);
  });
});
