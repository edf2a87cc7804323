import { parseCents } from '../core/money.js';
import type { Dataset, RawScenario, Route } from '../core/types.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { Language } from '../text/catalog.js';
import { inertJson, visible, visibleName } from '../text/visible.js';
import { type DatasetChoice, emit, scenarioFromFlags, selectDataset, today } from './shared.js';

/** `ketamine-cost data show`: the price list in use, as JSON, the starting point for a clinic's own list. */
export async function dataShowCommand(options: { data: DatasetChoice }, io: Io): Promise<number> {
  io.stdout(`${inertJson(JSON.stringify(await selectDataset(options.data, io), null, 2))}\n`);
  return EXIT.ok;
}

/** `ketamine-cost data validate <file>`: "valid", or every problem with its JSON path (exit 1). */
export async function dataValidateCommand(options: { file: string }, io: Io): Promise<number> {
  const { checkDataset, readDatasetJson } = await import('../catalog/read.js');
  const checked = checkDataset(readDatasetJson(options.file, io.cwd));
  if (checked.ok) {
    const d = checked.dataset;
    io.stdout(
      `${visibleName(options.file)}: valid (${d.id} ${visibleName(d.version)}, as of ${visibleName(d.asOf)}; ${d.routes.length} routes, ${d.sources.length} sources)\n`,
    );
    return EXIT.ok;
  }
  // Every problem, each with its JSON path, as zod's prettifyError writes them.
  io.stderr(
    `${visibleName(options.file)}: ${checked.problems.length} ${checked.problems.length === 1 ? 'problem' : 'problems'}\n${visible(checked.report)}\n`,
  );
  return EXIT.error;
}

/** `ketamine-cost schema [estimate|dataset]`: the JSON Schema of the JSON output or of a price list. */
export async function schemaCommand(options: { which: string }, io: Io): Promise<number> {
  const which = options.which.trim().toLowerCase();
  const { jsonSchemaOf, SCHEMAS } = await import('../format/contract.js');
  const known = SCHEMAS.find((s) => s === which);
  if (known === undefined) throw new UsageError({ key: 'schemaUnknown', params: { which: options.which, allowed: SCHEMAS } });
  io.stdout(jsonSchemaOf(known));
  return EXIT.ok;
}

export type DataInitOptions = {
  raw: RawScenario;
  intro: string | undefined;
  clinicName: string | undefined;
  output: string | undefined;
  data: DatasetChoice;
  text: Language;
};

/**
 * `ketamine-cost data init`: a minimal, valid price list for one clinic from its own figures (a price a
 * session, an introductory session, packages, item prices), first-party and dated today, built on
 * the bundled list's route (its program, schedule, notes and their sources). With KETAMINE_COST_DATA
 * or --data it becomes the clinic's default; `gfe` takes its single prices.
 */
export async function dataInitCommand(options: DataInitOptions, io: Io): Promise<number> {
  const base = await selectDataset(options.data, io);
  if (options.raw.route === undefined) throw new UsageError({ key: 'initNeeds', params: { flag: '--route' } });
  if (options.raw.price === undefined) throw new UsageError({ key: 'initNeeds', params: { flag: '--price' } });
  const scenario = scenarioFromFlags(options.raw, base, options.text);
  const intro = options.intro === undefined ? null : parseCents(options.intro);
  if (options.intro !== undefined && (intro === null || intro === 0))
    throw new UsageError({ key: 'introNotPrice', params: { value: visibleName(options.intro) } });
  const name = (options.clinicName ?? '').trim() || 'My clinic';
  const day = today();
  const ref = { source: 'clinic', at: 'price list', asOf: day };
  const route = base.routes.find((r) => r.id === scenario.route);
  const offer = route?.offers.find((o) => o.provider === scenario.provider);
  if (!route || !offer) throw new UsageError({ key: 'noOffer', params: { route: scenario.route, provider: scenario.provider } });
  const priced = new Map(scenario.quote.itemPrices.map((i) => [i.id, i.cents]));
  const own: Route = {
    ...route,
    offers: [
      {
        provider: offer.provider,
        // One price a session, for whatever dose: the clinic's own.
        price: { per: 'session', lowCents: scenario.quote.priceCents ?? 0, highCents: scenario.quote.priceCents ?? 0, ref },
        ...(offer.codes ? { codes: offer.codes } : {}),
        ...(scenario.quote.packages.length > 0 ? { packages: scenario.quote.packages.map((p) => ({ ...p, ref })) } : {}),
        ...(intro !== null ? { intro: { cents: intro, ref } } : {}),
      },
    ],
    items: route.items?.map((item) => {
      const cents = priced.get(item.id);
      if (cents === undefined) return item;
      const { notPriced: _, ...rest } = item;
      return { ...rest, price: { lowCents: cents, highCents: cents, ref } };
    }),
  };
  const keep = (ids: string[]) => ids.filter((id) => id === route.id);
  const medicare = base.payers?.medicare;
  const dataset: Dataset = {
    ...base,
    id: `${
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'my-clinic'
    }`.replace(/^([^a-z0-9])/, 'clinic-$1'),
    version: '1.0.0',
    asOf: day,
    sources: [{ id: 'clinic', title: `${name}: price list`, publisher: name, date: day, thirdParty: false }, ...base.sources],
    routes: [own],
    insurance: {
      ...base.insurance,
      savingsProgram: { ...base.insurance.savingsProgram, routes: keep(base.insurance.savingsProgram.routes) },
    },
    payers: base.payers && {
      ...base.payers,
      ...(medicare
        ? {
            medicare: {
              ...medicare,
              approved: medicare.approved.filter((a) => a.route === route.id),
              notCovered: { ...medicare.notCovered, routes: keep(medicare.notCovered.routes) },
            },
          }
        : {}),
    },
    eligibility: { ...base.eligibility, crisisNote: { ...base.eligibility.crisisNote, routes: keep(base.eligibility.crisisNote.routes) } },
  };
  // Checked as any price list is, so what is written always loads.
  const { checkDataset } = await import('../catalog/read.js');
  const checked = checkDataset(JSON.parse(JSON.stringify(dataset)));
  if (!checked.ok) throw new Error(`data init made a price list that does not validate: ${checked.report}`);
  await emit(`${inertJson(JSON.stringify(dataset, null, 2))}\n`, options.output, io, { words: options.text });
  return EXIT.ok;
}
