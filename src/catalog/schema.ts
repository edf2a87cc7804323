import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { formatUsd, MAX_PROGRAM_CENTS } from '../core/money.js';
import type { Dataset, Ref, Route, Same } from '../core/types.js';

// zod/mini rather than full zod: same checks, a quarter of the start-up cost (issue #6). It ships
// without messages; English ones are loaded here, where dataset problems are reported.
z.config(en());

const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'));
const Text = z.string().check(z.minLength(1), z.maxLength(1000));
const Cents = z.int().check(z.nonnegative('must be zero or more cents'), z.lte(100_000_000_00, 'must be at most $100,000,000'));
const Count = z.int().check(z.gte(1), z.lte(365));
const BasisPoints = z.int().check(z.gte(0), z.lte(10_000));
const PositiveCents = z.int().check(z.gte(1, 'must be more than zero'), z.lte(100_000_000_00, 'must be at most $100,000,000'));

const DateText = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD'));

/** Where a figure comes from: a source id from `sources`, the line or section, the sentence it relies on, and its date. */
export const RefSchema = z.strictObject({
  source: Id,
  at: Text,
  quote: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  asOf: z.optional(DateText),
});

const Range = <T extends { lowCents: number; highCents: number }>(schema: z.ZodMiniType<T>) =>
  schema.check(z.refine((p) => p.lowCents <= p.highCents, { message: 'lowCents must not be greater than highCents' }));

const LowHigh = (max: number) =>
  z
    .strictObject({ low: z.int().check(z.gte(1), z.lte(max)), high: z.int().check(z.gte(1), z.lte(max)) })
    .check(z.refine((r) => r.low <= r.high, { message: 'low must not be greater than high' }));

export const PriceSchema = Range(
  z.strictObject({ per: z.enum(['session', 'device']), lowCents: Cents, highCents: Cents, ref: RefSchema, highRef: z.optional(RefSchema) }),
);

export const ServiceCodeSchema = z.strictObject({
  system: z.enum(['CPT', 'HCPCS']),
  code: z.string().check(z.regex(/^[A-Z0-9]{5}$/, 'must be a 5-character CPT or HCPCS code such as 96365 or G2082')),
  description: Text,
  ref: z.optional(RefSchema),
});

export const LineItemSchema = z
  .strictObject({
    id: Id,
    label: Text,
    charge: z.enum(['per-session', 'once']),
    codes: z.optional(z.array(ServiceCodeSchema)),
    price: z.optional(Range(z.strictObject({ lowCents: Cents, highCents: Cents, ref: RefSchema, highRef: z.optional(RefSchema) }))),
    notPriced: z.optional(Text),
    requiredEachSession: z.optional(z.boolean()),
    ref: RefSchema,
  })
  .check(
    z.refine((i) => (i.price === undefined) !== (i.notPriced === undefined), {
      message: 'a line item needs exactly one of price or notPriced',
    }),
  );

export const SourceSchema = z.strictObject({
  id: Id,
  title: Text,
  publisher: z.optional(Text),
  date: z.optional(z.nullable(DateText)),
  dateNote: z.optional(Text),
  url: z.optional(z.nullable(z.string().check(z.regex(/^https?:\/\/\S+$/, 'must be an http(s) address')))),
  locator: z.optional(Text),
  thirdParty: z.optional(z.boolean()),
});

export const NoteSchema = z.strictObject({ text: Text, ref: RefSchema });

export const SchedulePhaseSchema = z
  .strictObject({
    fromWeek: Count,
    toWeek: z.optional(Count),
    perWeek: z.optional(LowHigh(7)),
    everyWeeks: z.optional(LowHigh(52)),
  })
  .check(
    z.refine((p) => (p.perWeek === undefined) !== (p.everyWeeks === undefined), {
      message: 'a phase needs exactly one of perWeek or everyWeeks',
    }),
    z.refine((p) => p.toWeek === undefined || p.toWeek >= p.fromWeek, { message: 'toWeek must not be before fromWeek' }),
  );

export const RouteSchema = z.strictObject({
  id: Id,
  label: Text,
  description: Text,
  aliases: z.array(Id),
  offers: z
    .array(
      z.strictObject({
        provider: Id,
        price: PriceSchema,
        codes: z.optional(z.array(ServiceCodeSchema)),
        packages: z.optional(
          z.array(
            z.strictObject({ sessions: Count, cents: PositiveCents, per: z.optional(z.literal('month')), ref: z.optional(RefSchema) }),
          ),
        ),
        intro: z.optional(z.strictObject({ cents: Cents, ref: RefSchema })),
      }),
    )
    .check(z.minLength(1, 'a route needs at least one provider offer')),
  doses: z.optional(
    z.array(z.strictObject({ mg: Count, devices: z.int().check(z.gte(1), z.lte(10)), ref: RefSchema })).check(z.minLength(1)),
  ),
  defaultDoseMg: z.optional(Count),
  firstSession: z.optional(z.strictObject({ doseMg: Count, ref: RefSchema })),
  upFront: z.optional(
    z
      .strictObject({ lowSessions: Count, highSessions: Count, ref: RefSchema })
      .check(z.refine((u) => u.lowSessions <= u.highSessions, { message: 'lowSessions must not be greater than highSessions' })),
  ),
  program: z
    .strictObject({ lowSessions: Count, highSessions: Count, description: Text, ref: RefSchema })
    .check(z.refine((p) => p.lowSessions <= p.highSessions, { message: 'lowSessions must not be greater than highSessions' })),
  schedule: z.optional(
    z.strictObject({
      phases: z.array(SchedulePhaseSchema).check(z.minLength(1)),
      description: Text,
      ref: RefSchema,
      coversWeeks: z.optional(z.int().check(z.gte(1), z.lte(104))),
    }),
  ),
  coverage: z.strictObject({ typical: z.enum(['covered', 'not-covered']), note: Text, ref: RefSchema }),
  included: z.array(NoteSchema),
  excluded: z.array(NoteSchema),
  notes: z.array(NoteSchema),
  items: z.optional(z.array(LineItemSchema)),
  benchmarks: z.optional(z.array(z.strictObject({ text: Text, doseMg: z.optional(Count), cents: Cents, ref: RefSchema }))),
});

export const DatasetSchema = z
  .strictObject({
    id: Id,
    // A version is printed in every footer (terminal, Markdown, HTML): plain characters only, so
    // it cannot carry an escape sequence or Markdown (#25).
    version: z
      .string()
      .check(
        z.regex(
          /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,39}$/,
          'must be a version such as 2.3.0: letters, digits, dots, dashes, at most 40 characters',
        ),
      ),
    asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')),
    currency: z.literal('USD'),
    sources: z.array(SourceSchema).check(z.minLength(1, 'a dataset needs at least one source')),
    providers: z.array(z.strictObject({ id: Id, label: Text, aliases: z.array(Id) })).check(z.minLength(1)),
    routes: z.array(RouteSchema).check(z.minLength(1, 'a dataset needs at least one route')),
    insurance: z.strictObject({
      defaultCoinsurancePercent: z.number().check(z.gte(0), z.lte(100)),
      coinsuranceRef: RefSchema,
      deductibleRef: z.optional(RefSchema),
      copayRef: z.optional(RefSchema),
      oopMaxRef: z.optional(RefSchema),
      balanceBillingRef: z.optional(RefSchema),
      allowedAmountRef: z.optional(RefSchema),
      typicalDeductible: z.optional(z.strictObject({ cents: Cents, ref: RefSchema })),
      goodFaithEstimateDisputeCents: Cents,
      goodFaithEstimateRef: RefSchema,
      reimbursementRef: z.optional(RefSchema),
      savingsProgram: z.strictObject({
        routes: z.array(Id),
        text: Text,
        ref: RefSchema,
        notes: z.optional(z.array(NoteSchema)),
        excludedRef: z.optional(RefSchema),
      }),
    }),
    payers: z.optional(
      z.strictObject({
        medicare: z.optional(
          z.strictObject({
            year: z.int().check(z.gte(2000), z.lte(2199)),
            deductibleCents: Cents,
            deductibleRef: RefSchema,
            coinsuranceBasisPoints: BasisPoints,
            coinsuranceRef: RefSchema,
            noOopLimitRef: RefSchema,
            lesserOfRef: RefSchema,
            limitingChargeBasisPoints: BasisPoints,
            limitingChargeRef: RefSchema,
            approved: z.array(
              z.strictObject({ route: Id, maxDoseMg: z.optional(z.int().check(z.gte(1))), code: z.string(), cents: Cents, ref: RefSchema }),
            ),
            notCovered: z.strictObject({ routes: z.array(Id), ref: RefSchema }),
          }),
        ),
        medigap: z.optional(
          z.strictObject({
            year: z.int().check(z.gte(2000), z.lte(2199)),
            plans: z.array(
              z.strictObject({
                letter: z.string().check(z.regex(/^[A-N]$/, 'must be a Medigap plan letter, A to N')),
                paysDeductible: z.boolean(),
                coinsuranceBasisPoints: BasisPoints,
                officeCopayCents: z.optional(Cents),
                oopLimitCents: z.optional(Cents),
                ref: RefSchema,
              }),
            ),
          }),
        ),
        medicareAdvantage: z.optional(
          z.strictObject({ year: z.int().check(z.gte(2000), z.lte(2199)), oopMaxCents: Cents, ref: RefSchema }),
        ),
        medicaid: z.optional(z.strictObject({ costSharingRef: RefSchema, coverage: z.array(NoteSchema) })),
      }),
    ),
    financing: z.optional(
      z.strictObject({
        deferredInterest: z.optional(NoteSchema),
        hsa: z.optional(NoteSchema),
        medicalNecessityLetter: z.optional(NoteSchema),
      }),
    ),
    goodFaithEstimate: z.optional(z.strictObject({ notices: z.array(z.strictObject({ id: Id, text: Text, ref: RefSchema })) })),
    eligibility: z.strictObject({
      intro: Text,
      ageQuestion: z.strictObject({ text: Text, note: Text, ref: RefSchema }),
      conditions: z.array(z.strictObject({ id: Id, label: Text, note: Text, ref: RefSchema })),
      crisisNote: z.strictObject({ routes: z.array(Id), text: Text, ref: RefSchema }),
    }),
  })
  .check(z.superRefine(checkReferences));

const datasetTypeMatchesSchema: Same<z.infer<typeof DatasetSchema>, Dataset> = true;
void datasetTypeMatchesSchema;

type Issue = { message: string; path: (string | number)[] };

/** Cross-field rules zod cannot say field by field: unique ids, names that resolve, refs to real sources. */
function checkReferences(d: Dataset, ctx: { addIssue: (issue: Issue & { code: 'custom'; input: unknown }) => void }) {
  const add = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path, input: d });
  const unique = (ids: string[], what: string, path: (i: number) => (string | number)[]) => {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      const key = id.toLowerCase();
      if (seen.has(key)) add(`duplicate ${what} "${id}" (also at index ${seen.get(key)})`, path(i));
      else seen.set(key, i);
    });
  };
  unique(
    d.sources.map((s) => s.id),
    'source id',
    (i) => ['sources', i, 'id'],
  );
  unique(
    d.providers.map((p) => p.id),
    'provider id',
    (i) => ['providers', i, 'id'],
  );
  unique(
    d.routes.map((r) => r.id),
    'route id',
    (i) => ['routes', i, 'id'],
  );

  // Every name a user may type must mean one thing only.
  const owners = (items: { id: string; aliases: string[] }[], what: string, list: string) => {
    const owner = new Map<string, string>();
    for (const [i, item] of items.entries()) {
      for (const [j, name] of [item.id, ...item.aliases].entries()) {
        const taken = owner.get(name);
        if (taken !== undefined && taken !== item.id)
          add(`${what} name "${name}" is used by "${taken}" too`, j === 0 ? [list, i, 'id'] : [list, i, 'aliases', j - 1]);
        owner.set(name, item.id);
      }
    }
    return owner;
  };
  const routeNames = owners(d.routes, 'route', 'routes');
  owners(d.providers, 'provider', 'providers');

  const sourceIds = new Set(d.sources.map((s) => s.id));
  const checkRef = (ref: Ref | undefined, path: (string | number)[]) => {
    if (ref !== undefined && !sourceIds.has(ref.source))
      add(`refers to source "${ref.source}", which is not in "sources"`, [...path, 'source']);
  };
  for (const [i, s] of d.sources.entries()) {
    if (s.date === null && s.dateNote === undefined) add('a source without a date needs a dateNote saying why', ['sources', i, 'dateNote']);
  }
  const providerIds = new Set(d.providers.map((p) => p.id));
  checkRef(d.insurance.coinsuranceRef, ['insurance', 'coinsuranceRef']);
  checkRef(d.insurance.goodFaithEstimateRef, ['insurance', 'goodFaithEstimateRef']);
  checkRef(d.insurance.savingsProgram.ref, ['insurance', 'savingsProgram', 'ref']);
  checkRef(d.insurance.savingsProgram.excludedRef, ['insurance', 'savingsProgram', 'excludedRef']);
  checkRef(d.insurance.reimbursementRef, ['insurance', 'reimbursementRef']);
  checkRef(d.financing?.deferredInterest?.ref, ['financing', 'deferredInterest', 'ref']);
  checkRef(d.financing?.hsa?.ref, ['financing', 'hsa', 'ref']);
  checkRef(d.financing?.medicalNecessityLetter?.ref, ['financing', 'medicalNecessityLetter', 'ref']);
  for (const [j, n] of (d.insurance.savingsProgram.notes ?? []).entries())
    checkRef(n.ref, ['insurance', 'savingsProgram', 'notes', j, 'ref']);
  for (const key of ['deductibleRef', 'copayRef', 'oopMaxRef', 'balanceBillingRef', 'allowedAmountRef'] as const)
    checkRef(d.insurance[key], ['insurance', key]);
  checkRef(d.insurance.typicalDeductible?.ref, ['insurance', 'typicalDeductible', 'ref']);
  // Public payers: every reference names a source, every route a route.
  const payers = d.payers;
  const medicare = payers?.medicare;
  if (medicare) {
    for (const key of ['deductibleRef', 'coinsuranceRef', 'noOopLimitRef', 'lesserOfRef', 'limitingChargeRef'] as const)
      checkRef(medicare[key], ['payers', 'medicare', key]);
    checkRef(medicare.notCovered.ref, ['payers', 'medicare', 'notCovered', 'ref']);
    medicare.approved.forEach((a, j) => {
      checkRef(a.ref, ['payers', 'medicare', 'approved', j, 'ref']);
      if (!routeNames.has(a.route))
        add(`names route "${a.route}", which is not in "routes"`, ['payers', 'medicare', 'approved', j, 'route']);
    });
    medicare.notCovered.routes.forEach((id, j) => {
      if (!routeNames.has(id)) add(`names route "${id}", which is not in "routes"`, ['payers', 'medicare', 'notCovered', 'routes', j]);
    });
  }
  for (const [j, plan] of (payers?.medigap?.plans ?? []).entries()) checkRef(plan.ref, ['payers', 'medigap', 'plans', j, 'ref']);
  unique(payers?.medigap?.plans.map((p) => p.letter) ?? [], 'Medigap plan', (i) => ['payers', 'medigap', 'plans', i, 'letter']);
  checkRef(payers?.medicareAdvantage?.ref, ['payers', 'medicareAdvantage', 'ref']);
  if (payers?.medicaid) {
    checkRef(payers.medicaid.costSharingRef, ['payers', 'medicaid', 'costSharingRef']);
    for (const [j, n] of payers.medicaid.coverage.entries()) checkRef(n.ref, ['payers', 'medicaid', 'coverage', j, 'ref']);
  }
  for (const [j, n] of (d.goodFaithEstimate?.notices ?? []).entries()) checkRef(n.ref, ['goodFaithEstimate', 'notices', j, 'ref']);
  d.insurance.savingsProgram.routes.forEach((id, j) => {
    if (!routeNames.has(id)) add(`names route "${id}", which is not in "routes"`, ['insurance', 'savingsProgram', 'routes', j]);
  });
  const e = d.eligibility;
  checkRef(e.ageQuestion.ref, ['eligibility', 'ageQuestion', 'ref']);
  checkRef(e.crisisNote.ref, ['eligibility', 'crisisNote', 'ref']);
  unique(
    e.conditions.map((c) => c.id),
    'eligibility condition',
    (i) => ['eligibility', 'conditions', i, 'id'],
  );
  for (const [i, c] of e.conditions.entries()) checkRef(c.ref, ['eligibility', 'conditions', i, 'ref']);
  e.crisisNote.routes.forEach((id, j) => {
    if (!routeNames.has(id)) add(`names route "${id}", which is not in "routes"`, ['eligibility', 'crisisNote', 'routes', j]);
  });

  d.routes.forEach((r, i) => {
    const at = (...rest: (string | number)[]) => ['routes', i, ...rest];
    unique(
      r.offers.map((o) => o.provider),
      'provider offer',
      (j) => at('offers', j, 'provider'),
    );
    r.offers.forEach((o, j) => {
      if (!providerIds.has(o.provider)) add(`names provider "${o.provider}", which is not in "providers"`, at('offers', j, 'provider'));
      checkRef(o.price.ref, at('offers', j, 'price', 'ref'));
      checkRef(o.price.highRef, at('offers', j, 'price', 'highRef'));
      for (const [k, c] of (o.codes ?? []).entries()) checkRef(c.ref, at('offers', j, 'codes', k, 'ref'));
      if (o.price.per === 'device' && r.doses === undefined) add('a price per device needs "doses"', at('offers', j, 'price', 'per'));
    });
    if (r.doses !== undefined) {
      for (const [j, dose] of r.doses.entries()) checkRef(dose.ref, at('doses', j, 'ref'));
      unique(
        r.doses.map((dose) => String(dose.mg)),
        'dose',
        (j) => at('doses', j, 'mg'),
      );
      if (r.defaultDoseMg === undefined) add('a route with doses needs "defaultDoseMg"', at('defaultDoseMg'));
      else if (!r.doses.some((dose) => dose.mg === r.defaultDoseMg))
        add(`defaultDoseMg ${r.defaultDoseMg} is not one of the doses`, at('defaultDoseMg'));
    } else if (r.defaultDoseMg !== undefined) add('defaultDoseMg needs "doses"', at('defaultDoseMg'));
    if (r.firstSession !== undefined) {
      checkRef(r.firstSession.ref, at('firstSession', 'ref'));
      if (!r.doses?.some((dose) => dose.mg === r.firstSession?.doseMg))
        add(`firstSession.doseMg ${r.firstSession.doseMg} is not one of the doses`, at('firstSession', 'doseMg'));
    }
    const items = r.items ?? [];
    unique(
      items.map((item) => item.id),
      'line item id',
      (j) => at('items', j, 'id'),
    );
    for (const [j, item] of items.entries()) {
      checkRef(item.ref, at('items', j, 'ref'));
      checkRef(item.price?.ref, at('items', j, 'price', 'ref'));
      checkRef(item.price?.highRef, at('items', j, 'price', 'highRef'));
      for (const [k, c] of (item.codes ?? []).entries()) checkRef(c.ref, at('items', j, 'codes', k, 'ref'));
    }
    const worst = worstProgramCents(r);
    if (worst > MAX_PROGRAM_CENTS)
      add(
        `at 365 sessions its highest prices add up to ${formatUsd(worst)}, more than the ${formatUsd(MAX_PROGRAM_CENTS)} the tool can total to the cent; check for a misplaced decimal point`,
        at('offers'),
      );
    for (const [j, b] of (r.benchmarks ?? []).entries()) checkRef(b.ref, at('benchmarks', j, 'ref'));
    checkRef(r.program.ref, at('program', 'ref'));
    checkRef(r.upFront?.ref, at('upFront', 'ref'));
    checkRef(r.coverage.ref, at('coverage', 'ref'));
    if (r.schedule !== undefined) {
      checkRef(r.schedule.ref, at('schedule', 'ref'));
      const phases = r.schedule.phases;
      phases.forEach((p, j) => {
        const expectedFrom = j === 0 ? 1 : (phases[j - 1]?.toWeek ?? 0) + 1;
        if (p.fromWeek !== expectedFrom)
          add(`fromWeek must be ${expectedFrom}, so phases follow each other`, at('schedule', 'phases', j, 'fromWeek'));
        if (j < phases.length - 1 && p.toWeek === undefined)
          add('only the last phase may be open-ended', at('schedule', 'phases', j, 'toWeek'));
      });
    }
    for (const key of ['included', 'excluded', 'notes'] as const) {
      for (const [j, n] of r[key].entries()) checkRef(n.ref, at(key, j, 'ref'));
    }
  });
}

/**
 * The most a route's program could cost at its highest prices (cents): the dearest session (a price
 * per device times the most devices) and every per-session item, 365 times, plus every one-time
 * item, introductory price and package. Bounds every total the tool computes from this route (#25 B8).
 */
function worstProgramCents(r: Route): number {
  const devices = Math.max(1, ...(r.doses ?? []).map((d) => d.devices));
  let session = 0;
  let once = 0;
  for (const o of r.offers) {
    session = Math.max(session, o.price.highCents * (o.price.per === 'device' ? devices : 1));
    once += (o.intro?.cents ?? 0) + (o.packages ?? []).reduce((sum, p) => sum + p.cents * 365, 0);
  }
  for (const item of r.items ?? []) {
    const high = item.price?.highCents ?? 0;
    if (item.charge === 'per-session') session += high;
    else once += high;
  }
  return session * 365 + once;
}
