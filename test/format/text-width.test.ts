import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/format/text-width.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
// The characters textWidth counts by length, and some it must leave to string-width.
const oneColumn = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  ...range(0x2010, 0x2027),
  ...range(0x2190, 0x21ff),
  ...range(0x2500, 0x259f),
];
const others = [
  '\u001b[1m',
  '\u001b[0m',
  '\n',
  '\t',
  '\u0301',
  '\u00ad',
  '\u2028',
  '\u2122',
  '\u203c',
  '\u2716',
  '\u2b50',
  '\u2194\ufe0f',
  '\ufe0f',
  '\u200d',
  '中',
  '😀',
  '👍🏽',
  '#\ufe0f\u20e3',
];

describe('textWidth', () => {
  it('counts each one-column character as string-width does: one column', () => {
    for (const c of oneColumn) {
      expect(stringWidth(c), `U+${c.charCodeAt(0).toString(16)}`).toBe(1);
      expect(textWidth(c)).toBe(1);
    }
  });

  it('agrees with string-width on any text, one-column or not', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...oneColumn, ...others), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(textWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts wide, combining and colour-coded text', () => {
    // By hand: 中 is two columns; e + U+0301 (combining acute) is one; colour codes are none.
    expect(textWidth('中')).toBe(2);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('\u001b[1mIV\u001b[22m')).toBe(2);
    // "$1,350 – $4,800": 15 characters, each one column (the en dash U+2013 included).
    expect(textWidth('$1,350 – $4,800')).toBe(15);
  });
});
