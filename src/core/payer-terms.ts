import type { InsuranceStatus, ScenarioField } from './types.js';

/** The insurance terms a scenario may give; which apply depends on the payer (PAYER_TERMS). */
export type InsuranceTerm = Extract<
  ScenarioField,
  'covered' | 'deductible' | 'coinsurance' | 'copay' | 'oopMax' | 'reimbursement' | 'allowed'
>;

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
  'in-network': { aliases: [], terms: ['covered', 'deductible', 'coinsurance', 'copay', 'oopMax'], paysOnTheDay: 'share' },
  'out-of-network': { aliases: ['oon'], terms: ['covered', 'deductible', 'reimbursement', 'allowed'], paysOnTheDay: 'bill' },
};
