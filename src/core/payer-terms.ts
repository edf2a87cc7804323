import type { INSURANCE_TERMS } from './fields.js';
import type { InsuranceStatus } from './types.js';

/** The insurance terms a scenario may give; which apply depends on the payer (PAYER_TERMS). */
export type InsuranceTerm = (typeof INSURANCE_TERMS)[number];

/**
 * What one insurance status accepts, and when its patient pays: the names it goes by, the terms
 * that apply (the others are refused, so nobody believes they were used), and, for a plan, whether
 * the patient pays their share on a session's day or the whole bill, claimed back later. The
 * status's pricing rules are in PAYERS (payers.ts); this half has no code, so the views that only
 * read it stay small.
 */
export type PayerTerms = {
  /** Other names a user may type (any case; spaces and underscores read as dashes). */
  aliases: readonly string[];
  terms: readonly InsuranceTerm[];
  /** null: paying yourself; 'share': in network; 'bill': out of network, claimed back after. */
  paysOnTheDay: 'share' | 'bill' | null;
};

/** Every insurance status and what it accepts. A status missing here, in PAYERS or in a catalog's words does not compile. */
export const PAYER_TERMS: Record<InsuranceStatus, PayerTerms> = {
  none: { aliases: ['self-pay', 'selfpay', 'uninsured', 'cash'], terms: [], paysOnTheDay: null },
  'in-network': {
    aliases: [],
    terms: ['covered', 'deductible', 'familyDeductible', 'deductibleApplies', 'coinsurance', 'copay', 'oopMax', 'familyOopMax', 'allowed'],
    paysOnTheDay: 'share',
  },
  'out-of-network': { aliases: ['oon'], terms: ['covered', 'deductible', 'reimbursement', 'allowed'], paysOnTheDay: 'bill' },
  // Original Medicare (Part B): its own deductible and 20%, a Medigap plan, the approved amount.
  medicare: {
    aliases: ['original-medicare', 'part-b', 'medicare-part-b'],
    terms: ['covered', 'medigap', 'deductible', 'allowed'],
    paysOnTheDay: 'share',
  },
  // A Medicare Advantage plan's own terms, under the federal limit on its out-of-pocket maximum.
  'medicare-advantage': {
    aliases: ['ma', 'part-c', 'medicare-part-c'],
    terms: ['covered', 'deductible', 'deductibleApplies', 'coinsurance', 'copay', 'oopMax', 'allowed'],
    paysOnTheDay: 'share',
  },
  // Medicaid: coverage and a small copay set by the state.
  medicaid: { aliases: [], terms: ['covered', 'copay'], paysOnTheDay: 'share' },
};
