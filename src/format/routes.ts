import { formatRange } from '../core/fields.js';
import { formatDecimal, formatUsdRange } from '../core/money.js';
import type { Dataset } from '../core/types.js';
import { csvLine } from './csv.js';
import { SCHEMA_VERSION } from './json.js';
import { markdownCell } from './markdown.js';
import { makePaint } from './paint.js';
import { DISCLAIMER } from './summary.js';

type RouteRow = {
  route: string;
  label: string;
  provider: string;
  providerLabel: string;
  per: 'session' | 'device';
  lowCents: number;
  highCents: number;
  priceSource: string;
  priceAt: string;
  doses: { mg: number; devices: number }[];
  programLow: number;
  programHigh: number;
  program: string;
  programSource: string;
  programAt: string;
  schedule: string | null;
  coverage: 'covered' | 'not-covered';
  coverageNote: string;
  coverageSource: string;
  coverageAt: string;
};

/** Flattens the dataset into one row per route and provider, as people read a price list. */
export function routeRows(d: Dataset): RouteRow[] {
  return d.routes.flatMap((r) =>
    r.offers.map((o) => ({
      route: r.id,
      label: r.label,
      provider: o.provider,
      providerLabel: d.providers.find((p) => p.id === o.provider)?.label ?? o.provider,
      per: o.price.per,
      lowCents: o.price.lowCents,
      highCents: o.price.highCents,
      priceSource: o.price.ref.source,
      priceAt: o.price.ref.at,
      doses: (r.doses ?? []).map((x) => ({ mg: x.mg, devices: x.devices })),
      programLow: r.program.lowSessions,
      programHigh: r.program.highSessions,
      program: r.program.description,
      programSource: r.program.ref.source,
      programAt: r.program.ref.at,
      schedule: r.schedule?.description ?? null,
      coverage: r.coverage.typical,
      coverageNote: r.coverage.note,
      coverageSource: r.coverage.ref.source,
      coverageAt: r.coverage.ref.at,
    })),
  );
}

const price = (row: RouteRow) =>
  `${formatUsdRange(row.lowCents, row.highCents)} per ${row.per}${row.doses.length ? ` (${row.doses.map((x) => `${x.mg} mg = ${x.devices} devices`).join(', ')})` : ''}`;
const sessions = (row: RouteRow) => formatRange(row.programLow, row.programHigh);

/** Returns the routes listing as a terminal table with each figure's source marker. */
export async function formatRoutesTable(d: Dataset, options: { color: boolean }): Promise<string> {
  const { makeTable } = await import('./table.js');
  const paint = await makePaint(options.color);
  const n = new Map(d.sources.map((s, i) => [s.id, i + 1]));
  const cite = (source: string, at: string) => paint.dim(`[${n.get(source)}: ${at}]`);
  const table = makeTable(
    ['Route', 'Provider', 'Price', 'Typical program', 'Insurance'].map((h) => paint.bold(h)),
    ['left', 'left', 'left', 'left', 'left'],
  );
  for (const row of routeRows(d)) {
    table.push([
      `${row.label}\n${paint.dim(`--route ${row.route}`)}`,
      row.provider,
      `${price(row)}\n${cite(row.priceSource, row.priceAt)}`,
      `${sessions(row)} sessions${row.schedule ? `\n${paint.dim('schedule: yes (--weeks)')}` : ''}\n${cite(row.programSource, row.programAt)}`,
      `usually ${row.coverage === 'covered' ? 'covered' : 'not covered'}\n${cite(row.coverageSource, row.coverageAt)}`,
    ]);
  }
  const lines = [paint.bold(`Price list ${d.id} ${d.version}, as of ${d.asOf}`), '', table.toString(), '', paint.bold('Sources:')];
  for (const [i, s] of d.sources.entries()) lines.push(`  [${i + 1}] ${s.title} (${s.locator})`);
  lines.push('', paint.italic(DISCLAIMER));
  return `${lines.join('\n')}\n`;
}

/** Returns the routes listing as JSON (versioned like every JSON output). */
export function formatRoutesJson(d: Dataset): string {
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    currency: d.currency,
    dataset: { id: d.id, version: d.version, asOf: d.asOf },
    routes: routeRows(d),
    sources: d.sources,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const ROUTE_COLUMNS = [
  'route',
  'provider',
  'per',
  'low_usd',
  'high_usd',
  'program_low_sessions',
  'program_high_sessions',
  'has_schedule',
  'typical_coverage',
  'price_source',
  'price_at',
] as const;

/** Returns the routes listing as CSV, one row per route and provider. */
export function formatRoutesCsv(d: Dataset): string {
  return (
    csvLine([...ROUTE_COLUMNS]) +
    routeRows(d)
      .map((r) =>
        csvLine([
          r.route,
          r.provider,
          r.per,
          formatDecimal(r.lowCents),
          formatDecimal(r.highCents),
          r.programLow,
          r.programHigh,
          String(r.schedule !== null),
          r.coverage,
          r.priceSource,
          r.priceAt,
        ]),
      )
      .join('')
  );
}

/** Returns the routes listing as a GitHub Markdown table. */
export function formatRoutesMarkdown(d: Dataset): string {
  const lines = [
    `Price list ${d.id} ${d.version}, as of ${d.asOf}.`,
    '',
    '| Route | Provider | Price | Typical program | Insurance |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const row of routeRows(d)) {
    lines.push(
      `| ${markdownCell(`${row.label} (${row.route})`)} | ${row.provider} | ${markdownCell(price(row))} [${row.priceSource}: ${row.priceAt}] | ${sessions(row)} sessions [${row.programSource}: ${row.programAt}] | usually ${row.coverage === 'covered' ? 'covered' : 'not covered'} |`,
    );
  }
  lines.push('', '**Sources**', '');
  for (const s of d.sources) lines.push(`- ${s.id}: ${markdownCell(s.title)} (${markdownCell(s.locator)})`);
  lines.push('', `_${DISCLAIMER}_`);
  return `${lines.join('\n')}\n`;
}
