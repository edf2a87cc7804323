// All money inside the program is integer cents; this file is the only place that rounds or
// formats it, so every output format agrees to the cent.

import { formatRange } from './fields.js';

/** Largest amount a user may type: far above any real bill, far below Number.MAX_SAFE_INTEGER cents. */
export const MAX_INPUT_CENTS = 100_000_000_00;

const MONEY = /^\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;
const PERCENT = /^(\d+)(?:\.(\d{1,2}))?\s*%?$/;

/** Drops leading zeros ("007" -> "7", "000" -> "0"), so every number reads alike however it is padded. */
export function withoutLeadingZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

/** Parses "1000", "1000.50" or "$1,000.50" into cents, from the digits, never through a float; null if not money. */
export function parseCents(text: string): number | null {
  const s = text.trim();
  if (!MONEY.test(s)) return null;
  const cents = hundredths(s, 12);
  return cents !== null && cents <= MAX_INPUT_CENTS ? cents : null;
}

/** Parses a percentage "20", "12.5" or "20%" (0-100, up to two decimals) into basis points (1% = 100); null otherwise. */
export function parseBasisPoints(text: string): number | null {
  const s = text.trim();
  if (!PERCENT.test(s)) return null;
  const bp = hundredths(s, 3);
  return bp !== null && bp <= 10_000 ? bp : null;
}

/**
 * Reads a number its caller's pattern has already checked (digits, at most two decimals, maybe
 * "$", thousands commas, a space or "%") as hundredths, in one pass over the digits: a batch
 * parses millions. Null when the whole part has more than `maxWholeDigits` digits, leading zeros
 * not counted.
 */
function hundredths(s: string, maxWholeDigits: number): number | null {
  let whole = 0;
  let wholeDigits = 0;
  let fraction = 0;
  let fractionDigits = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) fractionDigits = 0;
    else if (c < 0x30 || c > 0x39) continue;
    else if (fractionDigits >= 0) {
      fraction = fraction * 10 + (c - 0x30);
      fractionDigits += 1;
    } else {
      whole = whole * 10 + (c - 0x30);
      if (wholeDigits > 0 || c !== 0x30) wholeDigits += 1;
    }
  }
  if (wholeDigits > maxWholeDigits) return null;
  return whole * 100 + (fractionDigits === 1 ? fraction * 10 : fraction);
}

/**
 * Largest program total (cents) a price list may add up to: $100 billion, far above any real bill,
 * and far enough below Number.MAX_SAFE_INTEGER that every sum, share and plan year built from it
 * stays a whole, exact number of cents (#25 B8).
 */
export const MAX_PROGRAM_CENTS = 10_000_000_000_000;

/** Returns `basisPoints` of `cents` (cents >= 0), rounded half up to the cent, exactly at any safe size. */
export function shareOf(cents: number, basisPoints: number): number {
  return scaleHalfUp(cents, basisPoints, 10_000);
}

/**
 * `value` x `times` / `per`, rounded half up, for whole numbers >= 0 and an even `per`. Exact: when
 * the product would pass Number.MAX_SAFE_INTEGER, a float would round it, so that case is done in
 * BigInt (rare: the batch hot path stays in plain numbers).
 */
export function scaleHalfUp(value: number, times: number, per: number): number {
  const scaled = value * times + per / 2;
  if (scaled <= Number.MAX_SAFE_INTEGER) return (scaled - (scaled % per)) / per;
  return Number((BigInt(value) * BigInt(times) + BigInt(per / 2)) / BigInt(per));
}

/** Formats cents as en-US dollars ("$1,350", "$1,350.50"), whatever the locale, so output is byte-identical everywhere. */
export function formatUsd(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = abs % 100;
  return `${sign}$${dollars}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

/** Formats cents as a plain decimal ("1350.00") for CSV cells, which spreadsheets read as numbers. */
export function formatDecimal(cents: number): string {
  const abs = Math.abs(cents);
  const rest = abs % 100;
  // Plain concatenation: a batch formats millions of these.
  return (cents < 0 ? '-' : '') + Math.floor(abs / 100) + (rest < 10 ? '.0' : '.') + rest;
}

/** Formats basis points as a percentage ("20%", "12.5%"). */
export function formatPercent(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/**
 * Formats two amounts of cents as a span people read, smaller first ("$225-$800"), or one figure
 * when they agree. The pair is often two cases (the low-price and the high-price one) and the
 * high-price case can cost the patient less (a deductible met sooner), so the span is ordered here,
 * never printed backwards (#21); the cases themselves keep their names in JSON and CSV.
 */
export function formatUsdRange(lowCents: number, highCents: number): string {
  return lowCents <= highCents ? formatRange(lowCents, highCents, formatUsd) : formatRange(highCents, lowCents, formatUsd);
}

/** Formats cents as dollars a user would type back on the command line ("500", "500.50"). */
export function formatPlainDollars(cents: number): string {
  const rest = cents % 100;
  return `${Math.floor(cents / 100)}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

/**
 * Repays `principalCents` in `months` payments at an APR (basis points), month by month in whole
 * cents: each month's interest is the balance x APR / 12, rounded half up; every payment but the
 * last is `monthlyPayment`; the last is what is left with its interest, so the payments add up to
 * principal + interest exactly and, at 0%, the interest is exactly zero (#21). A payment is never
 * more than what is owed, so a tiny balance over many months ends early.
 * @example amortize(515000, 0, 12) // { monthly: 42917, last: 42913, total: 515000 }: 11 x $429.17 + $429.13
 */
export function amortize(principalCents: number, aprBasisPoints: number, months: number): { monthly: number; last: number; total: number } {
  if (months <= 1) return { monthly: principalCents, last: principalCents, total: principalCents };
  const payment = aprBasisPoints === 0 ? Math.round(principalCents / months) : monthlyPayment(principalCents, aprBasisPoints, months);
  let balance = principalCents;
  let total = 0;
  let last = 0;
  for (let month = 1; month <= months; month++) {
    const interest = monthlyInterest(balance, aprBasisPoints);
    const due = month === months ? balance + interest : Math.min(payment, balance + interest);
    balance = balance + interest - due;
    total += due;
    last = due;
  }
  return { monthly: payment, last, total };
}

/** One month's interest on a balance (cents) at an APR in basis points: balance x APR / 12, rounded half up. */
function monthlyInterest(balanceCents: number, aprBasisPoints: number): number {
  return scaleHalfUp(balanceCents, aprBasisPoints, 120_000);
}

/**
 * The monthly payment that repays `principalCents` in `months` equal payments at an APR, by the
 * standard amortisation formula P x r / (1 - (1 + r)^-n) with r = APR / 12, rounded half up to the
 * cent. At 0% it is the principal over the months, rounded up so the payments cover it.
 * @example monthlyPayment(120000, 1800, 12) // 11002: $1,200 over 12 months at 18% is $110.02
 */
export function monthlyPayment(principalCents: number, aprBasisPoints: number, months: number): number {
  if (months <= 0) return principalCents;
  if (aprBasisPoints === 0) return Math.ceil(principalCents / months);
  const r = aprBasisPoints / 10_000 / 12;
  return Math.round((principalCents * r) / (1 - (1 + r) ** -months));
}
