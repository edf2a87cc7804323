import type { Estimate } from '../core/estimate.js';
import { inertJson } from '../text/visible.js';

/**
 * The JSON contract's version: additions keep it, a breaking change bumps it (README, "JSON
 * contract"). 2: the patient's figures are all-in (one-time visits included); scenario.deductibleCents may be null.
 */
export const SCHEMA_VERSION = 2;

/** Returns an estimate as the versioned JSON document (money in integer cents, fields ending in `Cents`). */
export function toJsonDocument(e: Estimate): { schemaVersion: number; currency: 'USD' } & Estimate {
  return { schemaVersion: SCHEMA_VERSION, currency: 'USD', ...e };
}

/**
 * Returns the JSON output of one estimate: the contract document, two-space indented,
 * newline-terminated; `language` (#26, an addition, last) says which language its words are in.
 */
export function formatJson(e: Estimate, language: 'en' | 'es' = 'en'): string {
  return `${inertJson(JSON.stringify({ ...toJsonDocument(e), language }, null, 2))}\n`;
}
