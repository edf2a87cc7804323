import * as z from 'zod/mini';
import { DatasetSchema } from '../catalog/schema.js';
import type { Estimate } from '../core/estimate.js';
import { COVERED_CHOICES, INSURANCE_STATUSES } from '../core/scenario.js';
import type { Same, Scenario } from '../core/types.js';
import { SCHEMA_VERSION } from './json.js';

// The JSON contract as a schema: `ketamine-cost schema estimate` prints it, and the tests check
// real outputs against it. A compile-time check below keeps it equal to the Estimate type.

/** A scenario after validation: canonical ids, numbers, money in cents, percentages in basis points. */
export const ScenarioSchema = z.strictObject({
  route: z.string(),
  provider: z.string(),
  sessions: z.nullable(z.int()),
  weeks: z.nullable(z.int()),
  doseMg: z.nullable(z.int()),
  exclude: z.array(z.string()),
  insurance: z.strictObject({
    status: z.enum(INSURANCE_STATUSES),
    covered: z.enum(COVERED_CHOICES),
    deductibleCents: z.nullable(z.int()),
    coinsuranceBasisPoints: z.nullable(z.int()),
    copayCents: z.nullable(z.int()),
    oopMaxCents: z.nullable(z.int()),
    reimbursementBasisPoints: z.int(),
    allowedCents: z.nullable(z.int()),
  }),
});
const scenarioTypeMatchesSchema: Same<z.infer<typeof ScenarioSchema>, Scenario> = true;
void scenarioTypeMatchesSchema;

const Cents = z.int();
const Range = z.strictObject({ lowCents: Cents, highCents: Cents });
const RefFields = { source: z.string(), at: z.string(), quote: z.nullable(z.string()), asOf: z.nullable(z.string()) };
const Cited = z.strictObject({ text: z.string(), ...RefFields });
const Source = z.strictObject({
  id: z.string(),
  title: z.string(),
  publisher: z.optional(z.string()),
  date: z.optional(z.nullable(z.string())),
  dateNote: z.optional(z.string()),
  url: z.optional(z.nullable(z.string())),
  locator: z.optional(z.string()),
  thirdParty: z.optional(z.boolean()),
});
const Step = z.strictObject({ text: z.string(), source: z.nullable(z.string()), at: z.nullable(z.string()) });

export const EstimateSchema = z.strictObject({
  dataset: z.strictObject({ id: z.string(), version: z.string(), asOf: z.string() }),
  scenario: ScenarioSchema,
  route: z.strictObject({ id: z.string(), label: z.string(), description: z.string() }),
  provider: z.strictObject({ id: z.string(), label: z.string() }),
  dose: z.nullable(z.strictObject({ mg: z.int(), devices: z.int(), source: z.string(), at: z.string() })),
  perSession: z.strictObject({
    lowCents: Cents,
    highCents: Cents,
    per: z.enum(['session', 'device']),
    units: z.int(),
    unitLowCents: Cents,
    unitHighCents: Cents,
    source: z.string(),
    at: z.string(),
  }),
  firstSession: z.nullable(
    z.strictObject({
      lowCents: Cents,
      highCents: Cents,
      doseMg: z.int(),
      devices: z.int(),
      source: z.string(),
      at: z.string(),
      quote: z.nullable(z.string()),
      asOf: z.nullable(z.string()),
    }),
  ),
  sessions: z.strictObject({
    low: z.int(),
    high: z.int(),
    basis: z.enum(['given', 'typical', 'weeks']),
    description: z.string(),
    source: z.nullable(z.string()),
    at: z.nullable(z.string()),
  }),
  program: Range,
  items: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      charge: z.enum(['per-session', 'once']),
      count: z.strictObject({ low: z.int(), high: z.int() }),
      unit: z.nullable(Range),
      total: z.nullable(Range),
      status: z.enum(['priced', 'not-priced', 'excluded']),
      note: z.nullable(z.string()),
      thirdParty: z.boolean(),
      ...RefFields,
    }),
  ),
  allIn: z.strictObject({ lowCents: Cents, highCents: Cents, notPriced: z.array(z.string()), excludedItems: z.array(z.string()) }),
  patient: z.strictObject({
    insurance: z.enum(['none', 'in-network', 'out-of-network']),
    cases: z.array(
      z.strictObject({
        case: z.enum(['self-pay', 'covered', 'not-covered']),
        typical: z.boolean(),
        upFront: Range,
        plan: Range,
        patient: Range,
        balanceBilled: Range,
        steps: z.strictObject({ low: z.array(z.string()), high: z.array(z.string()) }),
      }),
    ),
    assumptions: z.array(Cited),
  }),
  benchmarks: z.array(z.strictObject({ text: z.string(), cents: Cents, ...RefFields })),
  coverage: z.strictObject({ typical: z.enum(['covered', 'not-covered']), note: z.string(), source: z.string(), at: z.string() }),
  included: z.array(Cited),
  excluded: z.array(Cited),
  notes: z.array(Cited),
  explanation: z.array(Step),
  sources: z.array(Source),
});

/** The JSON document of one estimate: the estimate plus the contract version and currency. */
export const EstimateDocumentSchema = z.strictObject({ schemaVersion: z.literal(2), currency: z.literal('USD'), ...EstimateSchema.shape });

const estimateTypeMatchesSchema: Same<z.infer<typeof EstimateSchema>, Estimate> = true;
void estimateTypeMatchesSchema;

/** Returns the JSON Schema (draft 2020-12) of the estimate output or of a price list. */
export function jsonSchemaOf(which: 'estimate' | 'dataset'): string {
  const schema = which === 'estimate' ? EstimateDocumentSchema : DatasetSchema;
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return `${JSON.stringify({ ...json, title: which === 'estimate' ? `ketamine-cost estimate (schemaVersion ${SCHEMA_VERSION})` : 'ketamine-cost price list' }, null, 2)}\n`;
}
