import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '../../src/core/names.js';

// A price-list id as the catalog schema allows it: ^[a-z0-9][a-z0-9-]*$.
const id = fc
  .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), fc.string({ unit: fc.constantFrom(...'abcz09-'), maxLength: 8 }))
  .map(([first, rest]) => first + rest);

describe('compareIds', () => {
  it("orders ids as localeCompare(…, 'en') does", () => {
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(Math.sign(compareIds(a, b))).toBe(Math.sign(a.localeCompare(b, 'en')));
      }),
      { numRuns: 2000 },
    );
  });

  it('puts a dash before digits, digits before letters, and a prefix first', () => {
    // By hand: '-' (U+002D) < '0' (U+0030) < 'a' (U+0061); "iv" is a prefix of "iv-2".
    const sorted = ['oral', 'iv-2', 'iv', 'im', 'at-home', 'a0', 'a-b'].sort(compareIds);
    expect(sorted).toEqual(['a-b', 'a0', 'at-home', 'im', 'iv', 'iv-2', 'oral']);
    expect(compareIds('clinic', 'clinic')).toBe(0);
  });
});
