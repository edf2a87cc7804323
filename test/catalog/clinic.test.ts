import { describe, expect, it } from 'vitest';
import { CLINIC_TEMPLATE, checkClinicProfile } from '../../src/catalog/read.js';

const good = {
  name: 'Example Ketamine Clinic',
  npi: '1234567893',
  tin: '12-3456789',
  location: { street: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701' },
};

describe('clinic profile', () => {
  it('accepts a complete profile, with or without a phone', () => {
    expect(checkClinicProfile(good).ok).toBe(true);
    expect(checkClinicProfile({ ...good, phone: '555-0100', tin: '123456789', location: { ...good.location, zip: '62701-1234' } }).ok).toBe(
      true,
    );
  });

  it.each([
    [{ ...good, npi: undefined }, 'npi: Invalid input: expected string, received undefined'],
    [{ ...good, npi: '1234567890' }, 'npi: has a wrong check digit: the last digit does not match the other nine; check the NPI'],
    [{ ...good, npi: '12345' }, 'npi: must be the 10-digit National Provider Identifier'],
    [{ ...good, tin: '12-345' }, 'tin: must be the 9-digit Taxpayer Identification Number, as 12-3456789'],
    [{ ...good, location: { ...good.location, state: 'Illinois' } }, 'location.state: must be the two-letter state code, such as CA'],
    [{ ...good, location: { ...good.location, zip: '627' } }, 'location.zip: must be a ZIP code: 12345 or 12345-6789'],
    [{ ...good, name: '' }, 'name: is empty; fill it in'],
    [{ ...good, fax: '1' }, '(root): Unrecognized key: "fax"'],
  ])('refuses %j with the path and what is allowed', (profile, message) => {
    const checked = checkClinicProfile(profile);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]).toBe(message);
  });

  it('the template cannot be used before it is filled in', () => {
    const checked = checkClinicProfile(CLINIC_TEMPLATE);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems).toContain('npi: must be the 10-digit National Provider Identifier');
  });
});
