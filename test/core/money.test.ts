import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatPercent, formatUsd, parseBasisPoints, parseCents, shareOf } from '../../src/core/money.js';

describe('parseCents', () => {
  it.each([
    ['1000', 100000],
    ['1000.5', 100050],
    ['1000.50', 100050],
    ['$1,000.50', 100050],
    [' 0 ', 0],
    ['0.01', 1],
    ['$12,345,678', 1234567800],
  ])('%j is %i cents', (text, cents) => expect(parseCents(text)).toBe(cents));

  it.each(['', '-5', '1.005', 'NaN', 'Infinity', '1e3', '0x10', '12abc', '１２', '1,00', '$', '.5', '9007199254740993', '100000001'])(
    'refuses %j',
    (text) => expect(parseCents(text)).toBeNull(),
  );

  it('reads any well-formed amount to the cent: whole dollars x 100 + cents, leading zeros and commas ignored', () => {
    // The amount is built from its parts, so the expected cents are known without parsing.
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 999_999_999_999n }),
        fc.constantFrom(-1, 0, 1, 2),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        (dollars, decimals, cents, dollarSign, commas, zeros) => {
          const digits = dollars.toString();
          const grouped = commas ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : `${'0'.repeat(zeros)}${digits}`;
          const fraction = decimals <= 0 ? '' : decimals === 1 ? `.${Math.floor(cents / 10)}` : `.${String(cents).padStart(2, '0')}`;
          const text = `${dollarSign ? '$' : ''}${grouped}${decimals === 0 ? '' : fraction}`;
          // ".5" is 50 cents: one decimal is tenths.
          const fractionCents = decimals <= 0 ? 0n : decimals === 1 ? BigInt(Math.floor(cents / 10) * 10) : BigInt(cents);
          const expected = dollars * 100n + fractionCents;
          expect(parseCents(text)).toBe(expected <= 100_000_000_00n ? Number(expected) : null);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseBasisPoints', () => {
  it.each([
    ['20', 2000],
    ['12.5', 1250],
    ['0', 0],
    ['100', 10000],
    ['20%', 2000],
    ['33.33', 3333],
  ])('%j is %i basis points', (text, bp) => expect(parseBasisPoints(text)).toBe(bp));

  it.each(['150', '100.01', '-1', '1.234', 'abc', '', '%', '1e1'])('refuses %j', (text) => expect(parseBasisPoints(text)).toBeNull());

  it('reads any well-formed percentage: whole x 100 + hundredths, leading zeros, a space and % allowed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1200 }),
        fc.constantFrom(0, 1, 2),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('', '%', ' %', '  '),
        (whole, decimals, hundredths, zeros, after) => {
          const fraction =
            decimals === 0 ? '' : decimals === 1 ? `.${Math.floor(hundredths / 10)}` : `.${String(hundredths).padStart(2, '0')}`;
          const text = `${'0'.repeat(zeros)}${whole}${fraction}${after}`;
          // "12.5" is 1250 basis points: one decimal is tenths of a percent.
          const bp = whole * 100 + (decimals === 0 ? 0 : decimals === 1 ? Math.floor(hundredths / 10) * 10 : hundredths);
          // A trailing space alone is trimmed away, so it reads like no suffix.
          expect(parseBasisPoints(text)).toBe(bp <= 10_000 ? bp : null);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('shareOf rounds half up to the cent', () => {
  it.each([
    [85000, 2000, 17000],
    [17500, 2000, 3500],
    [1, 5000, 1],
    [3, 3333, 1],
    [12345, 1250, 1543],
    [10000, 0, 0],
    [10000, 10000, 10000],
  ])('%i cents x %i bp = %i', (cents, bp, expected) => expect(shareOf(cents, bp)).toBe(expected));

  it('stays exact past 2^53 in the product (#25 B8)', () => {
    // The product of the largest safe amount and 99.99% is about 9e19, far past 2^53, where a float
    // rounds it and the division left ".002" before the fix. By hand:
    // 9,007,199,254,740,991 x 9,999 / 10,000 = 9,006,298,534,815,516.9009 -> ...517 (half up).
    expect(shareOf(9_007_199_254_740_991, 9_999)).toBe(9_006_298_534_815_517);
  });

  it('is round-half-up of cents x bp / 10,000 for every safe amount, checked in BigInt', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 10_000 }), (cents, bp) => {
        const exact = (BigInt(cents) * BigInt(bp) + 5_000n) / 10_000n;
        const share = shareOf(cents, bp);
        expect(Number.isSafeInteger(share)).toBe(true);
        expect(BigInt(share)).toBe(exact);
      }),
    );
  });
});

describe('formatting', () => {
  it.each([
    [0, '$0'],
    [22500, '$225'],
    [135000, '$1,350'],
    [100050, '$1,000.50'],
    [123456789, '$1,234,567.89'],
  ])('%i cents is %s', (cents, text) => expect(formatUsd(cents)).toBe(text));
  it('writes CSV decimals', () => {
    expect(formatDecimal(135000)).toBe('1350.00');
    expect(formatDecimal(5)).toBe('0.05');
    // 10 cents and up keep both digits; a negative amount (a refund) keeps its sign on the whole figure.
    expect(formatDecimal(10)).toBe('0.10');
    expect(formatDecimal(99)).toBe('0.99');
    expect(formatDecimal(100)).toBe('1.00');
    expect(formatDecimal(-1205)).toBe('-12.05');
  });
  it('writes percentages', () => {
    expect(formatPercent(2000)).toBe('20%');
    expect(formatPercent(1250)).toBe('12.5%');
    expect(formatPercent(3333)).toBe('33.33%');
  });
});
