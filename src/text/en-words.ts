// English words the views use beside the message catalog, kept apart from it so a view's lazily
// loaded file carries these few lines, not the whole catalog.
import type { CaseKind, CentsRange } from '../core/estimate-types.js';
import { formatPercent, formatUsdRange } from '../core/money.js';
import type { Financing } from '../core/plan.js';
import type { InsuranceStatus } from '../core/types.js';
import { plural } from './catalog.js';

/** The insurance cases in plain words. */
export const CASE_TITLES: Record<CaseKind, string> = {
  'self-pay': 'Paying yourself',
  covered: 'If your plan covers it',
  'not-covered': 'If your plan does not cover it',
};

/** A plain-language name for an insurance case ("If your plan covers it"). */
export function caseTitle(c: CaseKind): string {
  return CASE_TITLES[c];
}

/**
 * Each insurance status in words: how it reads in a sentence, its answer in the questions, and its
 * name in `--insurance`'s help (with its aliases). A status without words here does not compile.
 */
export const PAYER_WORDS: Record<InsuranceStatus, { describe: string; answer: string; answerHelp: string; flagHelp: string }> = {
  none: {
    describe: 'Paying yourself (no insurance)',
    answer: 'No, I will pay myself',
    answerHelp: 'Self-pay: the price is what you pay.',
    flagHelp: 'none (self-pay, default)',
  },
  'in-network': {
    describe: 'Insured, provider in network',
    answer: 'Yes, and the provider is in my plan’s network',
    answerHelp: 'Your plan’s deductible, coinsurance or copay apply.',
    flagHelp: 'in-network',
  },
  'out-of-network': {
    describe: 'Insured, provider out of network',
    answer: 'Yes, but the provider is out of network',
    answerHelp: 'You pay up front and claim part of it back.',
    flagHelp: 'out-of-network (oon)',
  },
  medicare: {
    describe: 'Original Medicare (Part B)',
    answer: 'Original Medicare (Part B), with or without a Medigap plan',
    answerHelp: 'The Part B deductible, then 20% of the Medicare-approved amount; a Medigap plan may pay some of it.',
    flagHelp: 'medicare (Original Medicare, part-b)',
  },
  'medicare-advantage': {
    describe: 'Medicare Advantage plan',
    answer: 'A Medicare Advantage plan (Part C)',
    answerHelp: 'Your plan’s own deductible, copay or coinsurance, up to a yearly limit.',
    flagHelp: 'medicare-advantage (ma)',
  },
  medicaid: {
    describe: 'Medicaid',
    answer: 'Medicaid',
    answerHelp: 'Coverage depends on your state and plan; any copay is small.',
    flagHelp: 'medicaid',
  },
};

/** What `compare` ranks by, in words, so every output can name it. */
export const RANKING = 'ranked by the most you could pay, then the least';
/**
 * "1 option" or "N options" for a count (a whole number). English's plural rule for whole numbers
 * (CLDR: "one" is exactly 1), written out: an `Intl.PluralRules` costs 1 to 2 ms of ICU set-up on
 * every start (#27).
 */
export const optionCount = (n: number): string => `${n} ${n === 1 ? 'option' : 'options'}`;

const range = (r: CentsRange) => formatUsdRange(r.lowCents, r.highCents);

/** One line saying what a financing offer costs, for every format. */
export function describeFinancing(f: Financing): string {
  const same = f.lastPayment.lowCents === f.monthly.lowCents && f.lastPayment.highCents === f.monthly.highCents;
  const last = same || f.months <= 1 ? '' : ` (the last ${range(f.lastPayment)})`;
  return `Over ${plural(f.months, 'month')} at ${formatPercent(f.aprBasisPoints)} APR: ${range(f.monthly)} a month${last}, ${range(f.totalPaid)} in all, of which ${range(f.interest)} interest.`;
}
