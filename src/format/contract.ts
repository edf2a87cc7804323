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
  quote: z.strictObject({
    priceCents: z.nullable(z.int()),
    packages: z.array(
      z.strictObject({
        sessions: z.int(),
        cents: z.int(),
        per: z.optional(z.literal('month')),
        ref: z.optional(
          z.strictObject({ source: z.string(), at: z.string(), quote: z.optional(z.string()), asOf: z.optional(z.string()) }),
        ),
      }),
    ),
    itemPrices: z.array(z.strictObject({ id: z.string(), cents: z.int() })),
    asOf: z.nullable(z.string()),
  }),
  insurance: z.strictObject({
    status: z.enum(INSURANCE_STATUSES),
    covered: z.enum(COVERED_CHOICES),
    deductibleCents: z.nullable(z.int()),
    coinsuranceBasisPoints: z.nullable(z.int()),
    copayCents: z.nullable(z.int()),
    oopMaxCents: z.nullable(z.int()),
    reimbursementBasisPoints: z.nullable(z.int()),
    allowedCents: z.nullable(z.int()),
    medigap: z.nullable(z.string()),
    familyDeductibleCents: z.nullable(z.int()),
    familyOopMaxCents: z.nullable(z.int()),
    deductibleApplies: z.boolean(),
  }),
});
const scenarioTypeMatchesSchema: Same<z.infer<typeof ScenarioSchema>, Scenario> = true;
void scenarioTypeMatchesSchema;

const Cents = z.int();
const PackageMixSchema = z.strictObject({
  packages: z.array(z.strictObject({ sessions: z.int(), cents: z.int(), count: z.int(), per: z.optional(z.literal('month')) })),
  singles: z.int(),
  singleCents: z.int(),
  introCents: z.nullable(z.int()),
  totalCents: z.int(),
});
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
const Step = z.strictObject({
  text: z.string(),
  source: z.nullable(z.string()),
  at: z.nullable(z.string()),
  quote: z.nullable(z.string()),
});

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
  packages: z.nullable(z.strictObject({ low: PackageMixSchema, high: PackageMixSchema })),
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
  dueUpFront: z.nullable(z.strictObject({ lowCents: Cents, highCents: Cents, sessions: z.strictObject({ low: z.int(), high: z.int() }) })),
  firstYear: z.nullable(z.strictObject({ lowCents: Cents, highCents: Cents, sessions: z.strictObject({ low: z.int(), high: z.int() }) })),
  allIn: z.strictObject({ lowCents: Cents, highCents: Cents, notPriced: z.array(z.string()), excludedItems: z.array(z.string()) }),
  patient: z.strictObject({
    insurance: z.enum(INSURANCE_STATUSES),
    cases: z.array(
      z.strictObject({
        case: z.enum(['self-pay', 'covered', 'not-covered']),
        typical: z.boolean(),
        upFront: Range,
        plan: Range,
        patient: Range,
        balanceBilled: Range,
        writtenOff: Range,
        steps: z.strictObject({ low: z.array(z.string()), high: z.array(z.string()) }),
      }),
    ),
    assumptions: z.array(Cited),
    given: z.array(Cited),
  }),
  inputsUsed: z.strictObject({
    deductible: z.nullable(Range),
    coinsuranceBasisPoints: z.nullable(z.int()),
    copayCents: z.nullable(z.int()),
    oopMaxCents: z.nullable(z.int()),
    reimbursementBasisPoints: z.nullable(z.int()),
    allowedCents: z.nullable(z.int()),
    assumed: z.array(z.string()),
    medigap: z.nullable(z.string()),
    familyDeductibleCents: z.nullable(z.int()),
    familyOopMaxCents: z.nullable(z.int()),
    deductibleApplies: z.nullable(z.boolean()),
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
export const EstimateDocumentSchema = z.strictObject({
  schemaVersion: z.literal(2),
  currency: z.literal('USD'),
  ...EstimateSchema.shape,
  /** The language of the document's words (#26); absent before it, and in a batch row's estimate. */
  language: z.optional(z.enum(['en', 'es'])),
});

const estimateTypeMatchesSchema: Same<z.infer<typeof EstimateSchema>, Estimate> = true;
void estimateTypeMatchesSchema;

const Extra = z.optional(z.record(z.string(), z.string()));
const RowError = z.strictObject({ column: z.nullable(z.string()), message: z.string() });
const NullableRange = z.nullable(Range);

/** A batch row with `--detail summary` (the default): the inputs used, the totals and what the patient pays. */
export const BatchSummaryRowSchema = z.strictObject({
  schemaVersion: z.literal(2),
  id: z.string(),
  row: z.int(),
  line: z.nullable(z.int()),
  status: z.enum(['ok', 'error']),
  inputs: z.nullable(
    z.strictObject({
      route: z.string(),
      provider: z.string(),
      doseMg: z.nullable(z.int()),
      sessions: z.strictObject({ low: z.int(), high: z.int(), basis: z.enum(['given', 'typical', 'weeks']) }),
      weeks: z.nullable(z.int()),
      exclude: z.array(z.string()),
      insurance: z.enum(INSURANCE_STATUSES),
      covered: z.enum(COVERED_CHOICES),
      deductible: NullableRange,
      coinsuranceBasisPoints: z.nullable(z.int()),
      copayCents: z.nullable(z.int()),
      oopMaxCents: z.nullable(z.int()),
      reimbursementBasisPoints: z.nullable(z.int()),
      allowedCents: z.nullable(z.int()),
      assumed: z.array(z.string()),
      medigap: z.nullable(z.string()),
      familyDeductibleCents: z.nullable(z.int()),
      familyOopMaxCents: z.nullable(z.int()),
      deductibleApplies: z.nullable(z.boolean()),
    }),
  ),
  perSession: NullableRange,
  program: NullableRange,
  allIn: z.nullable(z.strictObject({ lowCents: Cents, highCents: Cents, notPriced: z.array(z.string()) })),
  patient: z.nullable(
    z.strictObject({ case: z.enum(['self-pay', 'covered', 'not-covered']), typical: z.boolean(), lowCents: Cents, highCents: Cents }),
  ),
  otherCase: z.nullable(z.strictObject({ case: z.enum(['self-pay', 'covered', 'not-covered']), lowCents: Cents, highCents: Cents })),
  dataset: z.nullable(z.strictObject({ id: z.string(), version: z.string(), asOf: z.string() })),
  error: z.nullable(RowError),
  extra: Extra,
});

/** A batch row with `--detail full`: the whole estimate document, or the error. */
export const BatchFullRowSchema = z.union([
  z.strictObject({
    schemaVersion: z.literal(2),
    id: z.string(),
    row: z.int(),
    status: z.literal('ok'),
    estimate: EstimateDocumentSchema,
    extra: Extra,
  }),
  z.strictObject({
    schemaVersion: z.literal(2),
    id: z.string(),
    row: z.int(),
    status: z.literal('error'),
    error: z.strictObject({ row: z.int(), line: z.nullable(z.int()), column: z.nullable(z.string()), message: z.string() }),
    extra: Extra,
  }),
]);

/** The JSON output of `compare`: every option as a whole estimate, and the options it could not price. */
export const CompareDocumentSchema = z.strictObject({
  schemaVersion: z.literal(2),
  currency: z.literal('USD'),
  ranking: z.string(),
  options: z.array(EstimateDocumentSchema),
  skipped: z.array(z.strictObject({ route: z.string(), provider: z.string(), reason: z.string() })),
  /** The language of the document's words (#26); absent before it. */
  language: z.optional(z.enum(['en', 'es'])),
});

const PlanRowSchema = z.strictObject({
  n: z.int(),
  kind: z.enum(['intake', 'session', 'booster']),
  day: z.int(),
  week: z.int(),
  date: z.nullable(z.string()),
  planYear: z.int(),
  resetsPlanYear: z.boolean(),
  month: z.int(),
  billed: Range,
  patient: Range,
  plan: Range,
  runningPatient: Range,
  steps: z.array(z.string()),
  onlyAt: z.nullable(z.enum(['low', 'high'])),
  paidOnTheDay: Range,
  paidBack: Range,
  writtenOff: Range,
});

/** The JSON output of `plan`: the schedule, session by session, and what is due when. */
export const PlanDocumentSchema = z.strictObject({
  schemaVersion: z.literal(2),
  currency: z.literal('USD'),
  dataset: z.strictObject({ id: z.string(), version: z.string(), asOf: z.string() }),
  scenario: ScenarioSchema,
  route: z.strictObject({ id: z.string(), label: z.string(), description: z.string() }),
  options: z.strictObject({
    start: z.nullable(z.string()),
    everyDays: z.nullable(z.int()),
    horizonWeeks: z.nullable(z.int()),
    boostersEveryWeeks: z.nullable(z.int()),
    planYearStart: z.strictObject({ month: z.int(), day: z.int() }),
    annualDeductibleCents: z.nullable(z.int()),
    annualOopMaxCents: z.nullable(z.int()),
    months: z.nullable(z.int()),
    aprBasisPoints: z.nullable(z.int()),
  }),
  cadence: z.string(),
  rows: z.array(PlanRowSchema),
  months: z.array(z.strictObject({ month: z.int(), label: z.string(), billed: Range, patient: Range, runningPatient: Range })),
  totals: z.strictObject({ billed: Range, patient: Range, plan: Range, paidOnTheDay: Range, paidBack: Range, writtenOff: Range }),
  dueUpFront: z.nullable(
    z.strictObject({
      lowCents: Cents,
      highCents: Cents,
      sessions: z.strictObject({ low: z.int(), high: z.int() }),
      source: z.string(),
      at: z.string(),
    }),
  ),
  financing: z.nullable(
    z.strictObject({ months: z.int(), aprBasisPoints: z.int(), monthly: Range, totalPaid: Range, interest: Range, lastPayment: Range }),
  ),
  notes: z.array(Cited),
  explanation: z.array(z.string()),
  sources: z.array(Source),
});

const Code = z.strictObject({ system: z.enum(['CPT', 'HCPCS']), code: z.string(), description: z.string() });
const GfeLine = z.strictObject({ description: z.string(), codes: z.array(Code), reason: z.string() });

/** The JSON output of `gfe`: a Good Faith Estimate (45 CFR 149.610), one expected charge a line, in cents. */
export const GfeDocumentSchema = z.strictObject({
  schemaVersion: z.literal(2),
  document: z.literal('good-faith-estimate'),
  currency: z.literal('USD'),
  patient: z.strictObject({ name: z.string(), dateOfBirth: z.string(), diagnosisCodes: z.array(z.string()) }),
  primaryService: z.strictObject({ description: z.string(), scheduledDate: z.nullable(z.string()) }),
  issued: z.nullable(z.string()),
  providers: z.array(
    z.strictObject({
      clinic: z.strictObject({
        name: z.string(),
        npi: z.string(),
        tin: z.string(),
        location: z.strictObject({ street: z.string(), city: z.string(), state: z.string(), zip: z.string() }),
        phone: z.optional(z.string()),
      }),
      items: z.array(
        z.strictObject({
          description: z.string(),
          codes: z.array(Code),
          quantity: z.strictObject({ low: z.int(), high: z.int() }),
          unit: Range,
          expected: Range,
          thirdParty: z.boolean(),
          source: z.string(),
          at: z.string(),
        }),
      ),
      subtotal: Range,
    }),
  ),
  scheduledSeparately: z.array(GfeLine),
  notIncluded: z.array(GfeLine),
  recurring: z.strictObject({ sessions: z.int(), frequency: z.string(), weeks: z.nullable(z.int()) }),
  total: Range,
  notices: z.array(z.strictObject({ id: z.string(), text: z.string(), ...RefFields })),
  disputeThresholdCents: z.int(),
  sources: z.array(Source),
  dataset: z.strictObject({ id: z.string(), version: z.string(), asOf: z.string() }),
});

/** The documents `ketamine-cost schema <which>` describes. */
export const SCHEMAS = ['estimate', 'batch', 'compare', 'plan', 'dataset', 'gfe'] as const;
export type SchemaName = (typeof SCHEMAS)[number];

/** Returns the JSON Schema (draft 2020-12) of an output (estimate, a batch row, compare) or of a price list. */
export function jsonSchemaOf(which: SchemaName): string {
  const documents = {
    estimate: [EstimateDocumentSchema, `ketamine-cost estimate (schemaVersion ${SCHEMA_VERSION})`],
    batch: [
      z.union([BatchSummaryRowSchema, BatchFullRowSchema]),
      `ketamine-cost batch row, --detail summary or full (schemaVersion ${SCHEMA_VERSION})`,
    ],
    compare: [CompareDocumentSchema, `ketamine-cost compare (schemaVersion ${SCHEMA_VERSION})`],
    plan: [PlanDocumentSchema, `ketamine-cost plan (schemaVersion ${SCHEMA_VERSION})`],
    dataset: [DatasetSchema, 'ketamine-cost price list'],
    gfe: [GfeDocumentSchema, `ketamine-cost Good Faith Estimate (schemaVersion ${SCHEMA_VERSION})`],
  } as const;
  const [schema, title] = documents[which];
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return `${JSON.stringify({ ...json, title }, null, 2)}\n`;
}
