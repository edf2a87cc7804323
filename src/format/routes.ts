import { formatRange } from '../core/fields.js';
import { formatDecimal, formatUsd, formatUsdRange } from '../core/money.js';
import type { Dataset, Ref, Source } from '../core/types.js';
import { EN_VIEW } from '../text/en-view.js';
import type { ViewWords } from '../text/view.js';
import { inertJson } from '../text/visible.js';
import { csvLine } from './csv.js';
import { SCHEMA_VERSION } from './json.js';
import { markdownCell } from './markdown.js';
import { makePaint } from './paint.js';
import { dateLabel, describeSource, listDisclaimer, sourceMarksKey } from './summary.js';

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
  priceAsOf: string | null;
  /** " (as of ...)" where the source is dated, " (read ...)" where it is not (the JSON's words). */
  priceDated: string;
  /** Whether the price's date is when its undated source was read (not the source's own date). */
  priceRead: boolean;
  priceQuote: string | null;
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
export function routeRows(d: Dataset, w: ViewWords = EN_VIEW): RouteRow[] {
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
      priceAsOf: o.price.ref.asOf ?? null,
      priceDated: dateLabel(
        o.price.ref.asOf,
        d.sources.find((s) => s.id === o.price.ref.source),
        w,
      ),
      priceRead: isReadDate(d.sources.find((s) => s.id === o.price.ref.source)),
      priceQuote: o.price.ref.quote ?? null,
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

/** A figure's date is when it was read where its source shows no date of its own. */
const isReadDate = (source: Source | undefined) => source !== undefined && (source.date === null || source.date === undefined);

/** ", read 2026-11-01" after a figure, or nothing when it has no date. */
const datedAfter = (w: ViewWords, asOf: string | null | undefined, source: Source | undefined) =>
  asOf ? w.routes.dated(asOf, isReadDate(source)) : '';

const price = (row: RouteRow, w: ViewWords) =>
  `${w.routes.price(formatUsdRange(row.lowCents, row.highCents), row.per)}${row.doses.length ? ` (${row.doses.map((x) => w.routes.dose(x.mg, x.devices)).join(', ')})` : ''}${row.priceAsOf ? w.routes.dated(row.priceAsOf, row.priceRead) : ''}`;

/** Each route's other line items, one line each: priced (with its date) or why not. */
function itemLines(d: Dataset, cite: (ref: Ref) => string, w: ViewWords): string[] {
  const lines: string[] = [];
  const sourceOf = (ref: Ref) => d.sources.find((s) => s.id === ref.source);
  const third = new Set(d.sources.filter((s) => s.thirdParty).map((s) => s.id));
  for (const r of d.routes) {
    for (const item of r.items ?? []) {
      const p = item.price;
      const figure = p
        ? `${w.routes.itemPrice(formatUsdRange(p.lowCents, p.highCents), item.charge === 'once', third.has(p.ref.source) || (p.highRef !== undefined && third.has(p.highRef.source)))}${datedAfter(w, (p.highRef ?? p.ref).asOf, sourceOf(p.highRef ?? p.ref))} ${cite(p.ref)}${p.highRef ? ` ${cite(p.highRef)}` : ''}`
        : `${w.routes.notPriced(item.notPriced ?? '')} ${cite(item.ref)}`;
      lines.push(w.routes.item(r.id, item.label, item.id, figure));
    }
    for (const b of r.benchmarks ?? []) lines.push(`${w.routes.forScale(r.id, b.text, formatUsd(b.cents))} ${cite(b.ref)}`);
  }
  return lines;
}

/** Every sentence the price list's figures rely on, once each, with where it is and its date. */
function quoteLines(d: Dataset, cite: (ref: Ref) => string, w: ViewWords): string[] {
  const refs: Ref[] = [];
  for (const r of d.routes) {
    refs.push(...r.offers.flatMap((o) => [o.price.ref, ...(o.price.highRef ? [o.price.highRef] : [])]));
    refs.push(...(r.doses ?? []).map((x) => x.ref), r.program.ref, r.coverage.ref);
    if (r.schedule) refs.push(r.schedule.ref);
    if (r.firstSession) refs.push(r.firstSession.ref);
    for (const item of r.items ?? [])
      refs.push(item.ref, ...(item.price ? [item.price.ref, ...(item.price.highRef ? [item.price.highRef] : [])] : []));
    refs.push(...(r.benchmarks ?? []).map((b) => b.ref), ...[r.included, r.excluded, r.notes].flat().map((n) => n.ref));
  }
  const ins = d.insurance;
  refs.push(ins.coinsuranceRef, ins.goodFaithEstimateRef, ins.savingsProgram.ref);
  for (const ref of [
    ins.deductibleRef,
    ins.copayRef,
    ins.oopMaxRef,
    ins.balanceBillingRef,
    ins.allowedAmountRef,
    ins.typicalDeductible?.ref,
    ins.savingsProgram.excludedRef,
  ])
    if (ref) refs.push(ref);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const ref of refs) {
    if (!ref.quote) continue;
    const key = `${ref.source} ${ref.at} ${ref.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(
      `${cite(ref)} "${ref.quote}"${dateLabel(
        ref.asOf,
        d.sources.find((s) => s.id === ref.source),
        w,
      )}`,
    );
  }
  return lines;
}
const sessions = (row: RouteRow, w: ViewWords) => w.routes.sessions(formatRange(row.programLow, row.programHigh), row.programHigh);

/** Returns the routes listing as a terminal table with each figure's source marker, in `w`'s words. */
export async function formatRoutesTable(
  d: Dataset,
  options: { color: boolean; width?: number | null; plain?: boolean },
  w: ViewWords = EN_VIEW,
): Promise<string> {
  const { fitToWidth, makeTable } = await import('./table.js');
  const paint = await makePaint(options.color);
  const n = new Map(d.sources.map((s, i) => [s.id, i + 1]));
  const cite = (source: string, at: string) => paint.dim(`[${n.get(source)}: ${at}]`);
  const table = makeTable(
    [w.routes.headers.route, w.routes.headers.provider, w.routes.headers.price, w.routes.headers.program, w.routes.headers.insurance].map(
      (h) => paint.bold(h),
    ),
    ['left', 'left', 'left', 'left', 'left'],
    { width: options.width ?? null, plain: options.plain === true },
  );
  for (const row of routeRows(d)) {
    table.push([
      `${row.label}\n${paint.dim(`--route ${row.route}`)}`,
      // The provider as people say it, and as --provider takes it (#26 review: "clinic" read as English).
      `${row.providerLabel}\n${paint.dim(`--provider ${row.provider}`)}`,
      `${price(row, w)}\n${cite(row.priceSource, row.priceAt)}`,
      `${sessions(row, w)}${row.schedule ? `\n${paint.dim(w.routes.schedule)}` : ''}\n${cite(row.programSource, row.programAt)}`,
      `${w.routes.coverage(row.coverage)}\n${cite(row.coverageSource, row.coverageAt)}`,
    ]);
  }
  const refCite = (ref: Ref) => paint.dim(`[${n.get(ref.source)}: ${ref.at}]`);
  const lines = [paint.bold(w.routes.title(d.id, d.version, d.asOf)), '', table.toString(), ''];
  const items = itemLines(d, refCite, w);
  if (items.length) lines.push(paint.bold(`${w.routes.otherItems}:`), ...items.map((l) => `  ${l}`), '');
  const quoted = quoteLines(d, refCite, w);
  if (quoted.length) lines.push(paint.bold(`${w.sections.whatSourcesSay}:`), ...quoted.map((l) => `  ${l}`), '');
  lines.push(paint.bold(`${w.sections.sources}:`), `  ${sourceMarksKey(false, w)}`);
  for (const [i, s] of d.sources.entries()) lines.push(`  [${i + 1}] ${describeSource(s, w)}`);
  lines.push('', paint.italic(listDisclaimer(d.id, w)));
  return `${fitToWidth(lines.join('\n'), options.width ?? null)}\n`;
}

/** Returns the routes listing as JSON (versioned like every JSON output), its prose in `w`'s language. */
export function formatRoutesJson(d: Dataset, w: ViewWords = EN_VIEW): string {
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    currency: d.currency,
    dataset: { id: d.id, version: d.version, asOf: d.asOf },
    // The view's own flag stays out of the contract.
    routes: routeRows(d, w).map(({ priceRead: _, ...row }) => row),
    sources: d.sources,
  };
  return `${inertJson(JSON.stringify(doc, null, 2))}\n`;
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
  'price_as_of',
  'price_quote',
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
          r.priceAsOf,
          r.priceQuote,
        ]),
      )
      .join('')
  );
}

/** Returns the routes listing as a GitHub Markdown table, in `w`'s words. */
export function formatRoutesMarkdown(d: Dataset, w: ViewWords = EN_VIEW): string {
  // Sources by number, as in the other views ("[seed: L192]" named an id a reader cannot place).
  const n = new Map(d.sources.map((s, i) => [s.id, i + 1]));
  const lines = [
    `${w.routes.title(d.id, d.version, d.asOf)}.`,
    '',
    `| ${w.routes.headers.route} | ${w.routes.headers.provider} | ${w.routes.headers.price} | ${w.routes.headers.program} | ${w.routes.headers.insurance} |`,
    '| --- | --- | --- | --- | --- |',
  ];
  for (const row of routeRows(d)) {
    lines.push(
      `| ${markdownCell(`${row.label} (${row.route})`)} | ${markdownCell(`${row.providerLabel} (${row.provider})`)} | ${markdownCell(`${price(row, w)} [${n.get(row.priceSource)}: ${row.priceAt}]`)} | ${markdownCell(`${sessions(row, w)} [${n.get(row.programSource)}: ${row.programAt}]`)} | ${w.routes.coverage(row.coverage)} |`,
    );
  }
  const refCite = (ref: Ref) => `[${n.get(ref.source)}: ${ref.at}]`;
  const items = itemLines(d, refCite, w);
  if (items.length) lines.push('', `**${w.routes.otherItems}**`, '', ...items.map((l) => `- ${markdownCell(l)}`));
  const quoted = quoteLines(d, refCite, w);
  if (quoted.length) lines.push('', `**${w.sections.whatSourcesSay}**`, '', ...quoted.map((l) => `- ${markdownCell(l)}`));
  lines.push('', `**${w.sections.sources}**`, '', sourceMarksKey(false, w), '');
  for (const [i, s] of d.sources.entries()) lines.push(`- [${i + 1}] ${markdownCell(describeSource(s, w))}`);
  lines.push('', `_${listDisclaimer(d.id, w)}_`);
  return `${lines.join('\n')}\n`;
}
