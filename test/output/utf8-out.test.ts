// The batch CSV's byte writer (#27): what it writes must be the bytes of the same text as UTF-8.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Out } from '../../src/output/utf8-out.js';

const written = (write: (out: Utf8Out) => void): string => {
  const out = new Utf8Out();
  write(out);
  return Buffer.from(out.view()).toString('latin1');
};
/** The UTF-8 bytes of a text, one latin1 character a byte, so a mismatch shows where. */
const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('Utf8Out', () => {
  it('writes text as its UTF-8 bytes: ASCII, accents, CJK, emoji, a lone surrogate', () => {
    // "José": J o s are one byte each, é (U+00E9) is C3 A9.
    expect(written((o) => o.text('José'))).toBe('Jos\xc3\xa9');
    // 😀 (U+1F600) is the pair D83D DE00 in UTF-16 and F0 9F 98 80 in UTF-8.
    expect(written((o) => o.text('a😀'))).toBe('a\xf0\x9f\x98\x80');
    // A lone surrogate is U+FFFD, EF BF BD, as Buffer.from writes it.
    expect(written((o) => o.text('x\ud800y'))).toBe('x\xef\xbf\xbdy');
    // Longer than the hand-copied short texts (32), with the non-ASCII character past it.
    const long = `${'a'.repeat(40)}ñ`;
    expect(written((o) => o.text(long))).toBe(`${'a'.repeat(40)}\xc3\xb1`);
  });

  it('any texts, written one after another, come out as Buffer.from encodes each', () => {
    // Whole code points, and single UTF-16 units (lone surrogates among them), short and long.
    const unit = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), (texts) => {
        expect(
          written((o) => {
            for (const t of texts) o.text(t);
          }),
        ).toBe(texts.map(utf8).join(''));
      }),
    );
  });

  it('writes integers as String(n) does', () => {
    // 0, one digit, a power of ten, a negative, the largest safe integer (2^53 - 1 = 9007199254740991).
    expect(written((o) => o.integer(0))).toBe('0');
    expect(written((o) => o.integer(7))).toBe('7');
    expect(written((o) => o.integer(1000))).toBe('1000');
    expect(written((o) => o.integer(-42))).toBe('-42');
    expect(written((o) => o.integer(Number.MAX_SAFE_INTEGER))).toBe('9007199254740991');
  });

  it('writes cents as a decimal with two places, and nothing for a missing amount', () => {
    // 135000 cents = $1350.00; 5 cents = 0.05; 1234567 cents = 12345.67; -5 cents = -0.05; 100 = 1.00.
    expect(written((o) => o.decimal(135000))).toBe('1350.00');
    expect(written((o) => o.decimal(5))).toBe('0.05');
    expect(written((o) => o.decimal(1234567))).toBe('12345.67');
    expect(written((o) => o.decimal(-5))).toBe('-0.05');
    expect(written((o) => o.decimal(100))).toBe('1.00');
    expect(written((o) => o.decimal(0))).toBe('0.00');
    expect(written((o) => o.decimal(null))).toBe('');
    expect(written((o) => o.decimal(undefined))).toBe('');
    // The largest safe amount: 9007199254740991 cents = 90071992547409.91.
    expect(written((o) => o.decimal(Number.MAX_SAFE_INTEGER))).toBe('90071992547409.91');
  });

  it('grows past its first buffer and keeps what it wrote; clear() starts again; copy() is a copy', () => {
    const out = new Utf8Out();
    // 70,000 rows of "ab,1.00\r\n" (9 bytes each) = 630,000 bytes, well past the first 64 KB.
    for (let i = 0; i < 70_000; i++) {
      out.text('ab,');
      out.decimal(100);
      out.ascii(0x0d);
      out.ascii(0x0a);
    }
    expect(out.length).toBe(630_000);
    expect(Buffer.from(out.view()).toString('latin1')).toBe('ab,1.00\r\n'.repeat(70_000));
    const start = out.length;
    out.text('é,');
    const saved = out.copy(start);
    out.clear();
    expect(out.length).toBe(0);
    out.text('zz');
    // The copy kept "é," (C3 A9 2C) though the buffer under it was written again.
    expect(Buffer.from(saved).toString('latin1')).toBe('\xc3\xa9,');
    out.bytes(saved);
    expect(Buffer.from(out.view()).toString('utf8')).toBe('zzé,');
  });
});
