import { type Comparison, patientLowHigh } from '../core/compare.js';
import type { Estimate } from '../core/estimate.js';
import { QUOTE_SOURCE_ID } from '../core/estimate-types.js';
import { formatRange } from '../core/fields.js';
import { formatUsdRange } from '../core/money.js';
import { EN_VIEW } from '../text/en-view.js';
import type { ViewWords } from '../text/view.js';
import { shortLabel } from '../text/view.js';
import { inertJson } from '../text/visible.js';
import { csvLine, ESTIMATE_COLUMNS, estimateCells } from './csv.js';
import { SCHEMA_VERSION, toJsonDocument } from './json.js';
import { markdownCell } from './markdown.js';
import { makePaint } from './paint.js';
import { comparisonDisclaimer, payLabel } from './summary.js';

export const BAR_WIDTH = 24;

/**
 * Draws a fixed-width bar of a low-high range on a 0-to-max scale, so the cheapest option shows at
 * a glance: filled where the range lies, light elsewhere. ASCII where the terminal cannot draw blocks.
 */
export function rangeBar(lowCents: number, highCents: number, maxCents: number, ascii: boolean): string {
  const [fill, empty] = ascii ? ['#', '.'] : ['█', '░'];
  if (maxCents <= 0) return empty.repeat(BAR_WIDTH);
  let out = '';
  for (let i = 0; i < BAR_WIDTH; i++) {
    const cellLow = (maxCents * i) / BAR_WIDTH;
    const cellHigh = (maxCents * (i + 1)) / BAR_WIDTH;
    out += highCents >= cellLow && lowCents < cellHigh ? fill : empty;
  }
  return out;
}

function optionLabel(e: Estimate, w: ViewWords): string {
  return w.compare.option({
    route: e.route.label,
    doseMg: e.dose ? e.dose.mg : null,
    providerId: e.provider.id,
    providerLabel: e.provider.label,
    span: formatRange(e.sessions.low, e.sessions.high),
    high: e.sessions.high,
  });
}

/** Returns the comparison as a terminal table, ranked as RANKING says, with a range bar per row. */
export async function formatCompareTable(
  c: Comparison,
  options: { color: boolean; ascii: boolean; width?: number | null; plain?: boolean; words?: ViewWords },
): Promise<string> {
  const w = options.words ?? EN_VIEW;
  const hw = w.compare.headers;
  const { fitToWidth, makeTable } = await import('./table.js');
  const paint = await makePaint(options.color);
  const max = Math.max(0, ...c.options.map((e) => patientLowHigh(e).highCents));
  const table = makeTable(
    [hw.option, hw.perSession, hw.allIn, hw.youPay, hw.scale(formatUsdRange(max, max))].map((h) => paint.bold(h)),
    // The bar keeps its width: marked right-aligned, so only the option's name wraps.
    ['left', 'right', 'right', 'right', 'right'],
    { width: options.width ?? null, plain: options.plain === true },
  );
  for (const e of c.options) {
    const pay = patientLowHigh(e);
    table.push([
      optionLabel(e, w),
      `${formatUsdRange(e.perSession.lowCents, e.perSession.highCents)}${e.perSession.source === QUOTE_SOURCE_ID ? `\n${paint.dim(w.compare.yourQuote)}` : ''}`,
      formatUsdRange(e.allIn.lowCents, e.allIn.highCents),
      `${paint.bold(formatUsdRange(pay.lowCents, pay.highCents))}\n${paint.dim(payLabel(e, w))}`,
      rangeBar(pay.lowCents, pay.highCents, max, options.ascii),
    ]);
  }
  const lines = [paint.bold(w.compare.title(c.options.length)), '', table.toString()];
  for (const s of c.skipped) lines.push(w.compare.notCompared(s.route, s.provider, s.reason));
  for (const a of sharedAssumptions(c)) lines.push(w.compare.assumed(a.text));
  const unpriced = c.options.filter((e) => e.allIn.notPriced.length > 0).map((e) => `${e.route.label} (${notPricedNames(e, w)})`);
  if (unpriced.length) lines.push(w.compare.notPriced(unpriced));
  lines.push(w.compare.hint, '', paint.italic(comparisonDisclaimer(c.options, w)));
  return `${fitToWidth(lines.join('\n'), options.width ?? null)}\n`;
}

/** Returns the comparison as JSON: every option with the same fields as a single estimate. */
export function formatCompareJson(c: Comparison, language: 'en' | 'es' = 'en', w: ViewWords = EN_VIEW): string {
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    currency: 'USD',
    ranking: w.compare.ranking,
    options: c.options.map(toJsonDocument),
    skipped: c.skipped,
    language,
  };
  return `${inertJson(JSON.stringify(doc, null, 2))}\n`;
}

/** Compare CSV columns: the estimate's, then why an option was not compared. Append only. */
export const COMPARE_COLUMNS = [...ESTIMATE_COLUMNS, 'not_compared'] as const;

/**
 * Returns the comparison as CSV: the estimate columns, one row per option, ranked as RANKING says; then
 * one row per option that could not be compared, with its route, provider and the reason.
 */
export function formatCompareCsv(c: Comparison): string {
  const skipped = c.skipped.map((s) => csvLine([s.route, s.provider, ...ESTIMATE_COLUMNS.slice(2).map(() => null), s.reason]));
  return csvLine([...COMPARE_COLUMNS]) + c.options.map((e) => csvLine([...estimateCells(e), null])).join('') + skipped.join('');
}

/** Returns the comparison as a GitHub Markdown table. */
export function formatCompareMarkdown(c: Comparison, w: ViewWords = EN_VIEW): string {
  const hw = w.compare.headers;
  const lines = [
    `${w.compare.title(c.options.length)}.`,
    '',
    `| ${hw.option} | ${hw.perSession} | ${hw.allIn} | ${hw.youPay} |`,
    '| --- | ---: | ---: | ---: |',
  ];
  for (const e of c.options) {
    const pay = patientLowHigh(e);
    lines.push(
      `| ${markdownCell(optionLabel(e, w))} | ${formatUsdRange(e.perSession.lowCents, e.perSession.highCents)}${e.perSession.source === QUOTE_SOURCE_ID ? ` (${w.compare.yourQuote})` : ''} | ${formatUsdRange(e.allIn.lowCents, e.allIn.highCents)} | ${formatUsdRange(pay.lowCents, pay.highCents)}, ${payLabel(e, w)} |`,
    );
  }
  for (const s of c.skipped) lines.push('', w.compare.notCompared(s.route, s.provider, s.reason));
  const assumed = sharedAssumptions(c);
  if (assumed.length) lines.push('', ...assumed.map((a) => w.compare.assumed(a.text)));
  const unpriced = c.options
    .filter((e) => e.allIn.notPriced.length > 0)
    .map((e) => markdownCell(`${e.route.label} (${notPricedNames(e, w)})`));
  if (unpriced.length) lines.push('', w.compare.notPriced(unpriced));
  lines.push('', `_${comparisonDisclaimer(c.options, w)}_`);
  return `${lines.join('\n')}\n`;
}

/**
 * What the options assumed alike: the first option's assumptions but its coverage one, which each
 * option's row already shows (told apart by its source, the route's coverage, not by its words).
 */
function sharedAssumptions(c: Comparison) {
  const first = c.options[0];
  if (!first) return [];
  return first.patient.assumptions.filter((a) => a.source !== first.coverage.source || a.at !== first.coverage.at);
}

/** The items an option's total leaves out, by id or by their label (lower case, without its note). */
function notPricedNames(e: Estimate, w: ViewWords): string {
  if (w.compare.itemNames === 'ids') return e.allIn.notPriced.join(', ');
  const label = (id: string) => shortLabel(e.items.find((i) => i.id === id)?.label ?? id).toLowerCase();
  return e.allIn.notPriced.map(label).join('; ');
}
