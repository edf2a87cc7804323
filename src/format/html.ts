import { type Comparison, patientLowHigh } from '../core/compare.js';
import type { Estimate } from '../core/estimate.js';
import { formatUsd, formatUsdRange } from '../core/money.js';
import type { Plan } from '../core/plan.js';
import type { Source } from '../core/types.js';
import { EN_VIEW } from '../text/en-view.js';
import { sentenceStart, type ViewWords } from '../text/view.js';
import { describePlan, paidColumns, rowNumbers, summaryLines, what, when } from './plan.js';
import {
  caseLabel,
  comparisonDisclaimer,
  dateLabel,
  describeEstimate,
  describeInsurance,
  disclaimerOf,
  estimateRows,
  headline,
  noteSections,
  quotes,
} from './summary.js';

// A handout a counselor prints or sends: one self-contained file, no scripts, nothing fetched, so it
// opens offline and the same input gives the same bytes (no date of printing in it).

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const h = escapeHtml;
const range = (r: { lowCents: number; highCents: number }) => formatUsdRange(r.lowCents, r.highCents);

// Dark text on white (contrast well above 4.5:1); bars have a text value beside them, so no colour
// carries meaning alone. Print: Letter and A4 both fit the 16 cm column.
const STYLE = `
:root { color: #1a1a1a; background: #fff; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #767676; }
.answer { font-size: 1.15rem; font-weight: 600; }
.signature { margin-top: 2rem; } .signature p { margin: 1.4rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #767676; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.money, th.money { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead th { background: #f0f0f0; }
tbody th { font-weight: normal; }
svg { max-width: 100%; height: auto; }
.bar { fill: #1f4e79; }
.track { fill: #e6e6e6; }
svg text { font: 12px system-ui, sans-serif; fill: #1a1a1a; }
a { color: #0b4f8a; overflow-wrap: anywhere; }
ol.sources { list-style: none; padding-left: 0; }
blockquote { margin: .25rem 0 .5rem 1rem; padding-left: .5rem; border-left: 3px solid #767676; }
.disclaimer { font-style: italic; }
@media print {
  :root { font-size: 9pt; line-height: 1.25; }
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; margin: .8rem 0 .3rem; }
  ul, p { margin: .3rem 0; }
  th, td { padding: .15rem .4rem; }
  figure { margin: .3rem 0; }
  ul { padding-left: 1.2em; }
  .sources { font-size: 7pt; line-height: 1.2; columns: 2; column-gap: 1.5em; }
  .sources p { margin: .1rem 0; }
  .sources blockquote { margin: 0 0 .2rem .4rem; padding-left: .3rem; }
  svg { max-height: 4cm; }
  tr, li, blockquote { break-inside: avoid; }
  a { color: #1a1a1a; }
}
@page { margin: 10mm 12mm; }
`;

/** The whole page: `lang` is the language its words are in ("en", "es"). */
export function page(title: string, body: string[], lang = 'en'): string {
  return `<!doctype html>
<html lang="${h(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

type Bar = { label: string; lowCents: number; highCents: number };

/**
 * Draws low-high ranges as horizontal bars on one 0-to-max scale, with the figures written beside
 * each bar; the title and description are the chart's text alternative.
 */
export function rangeChart(bars: Bar[], title: string, w: ViewWords = EN_VIEW): string {
  const max = Math.max(1, ...bars.map((b) => b.highCents));
  const labelWidth = 330;
  const barWidth = 300;
  const row = 28;
  const height = bars.length * row + 10;
  const width = labelWidth + barWidth + 130;
  const x = (cents: number) => labelWidth + Math.round((cents / max) * barWidth);
  const parts = bars.map((b, i) => {
    const y = 5 + i * row;
    const w = Math.max(2, x(b.highCents) - x(b.lowCents));
    return [
      `<text x="0" y="${y + 17}">${h(b.label.length > 50 ? `${b.label.slice(0, 49)}…` : b.label)}</text>`,
      `<rect class="track" x="${labelWidth}" y="${y + 6}" width="${barWidth}" height="14"/>`,
      `<rect class="bar" x="${x(b.lowCents)}" y="${y + 6}" width="${w}" height="14"/>`,
      `<text x="${labelWidth + barWidth + 8}" y="${y + 17}">${h(range(b))}</text>`,
    ].join('');
  });
  const desc = bars.map((b) => `${b.label}: ${range(b)}`).join('; ');
  return `<figure>
<svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">${h(title)}</title>
<desc id="chart-desc">${h(desc)}</desc>
${parts.join('\n')}
</svg>
<figcaption>${h(w.html.chartCaption(title, formatUsd(max)))}</figcaption>
</figure>`;
}

/** A link only for web addresses: a price list is a file someone else may have written. */
function sourceItem(s: Source, i: number, said: { at: string; quote: string; asOf: string | null }[], w: ViewWords): string {
  const who = s.publisher ? `${h(s.publisher)}, ` : '';
  const when = h(s.date ? w.date(s.date) : (s.dateNote ?? w.undated));
  const url =
    s.url && /^https?:\/\/[^\s"<>]+$/.test(s.url)
      ? `<a href="${h(s.url)}">${h(s.url)}</a>`
      : h(s.url ?? s.locator ?? sentenceStart(w.noAddress));
  const third = s.thirdParty ? ` <strong>${h(w.html.thirdPartyFigure)}</strong>` : '';
  const quoted = said.map((q) => `<blockquote><p>${h(q.at)}: “${h(q.quote)}”${h(dateLabel(q.asOf, s, w))}</p></blockquote>`).join('\n');
  return `<li id="source-${i + 1}"><p>[${i + 1}] ${h(s.title)}. ${sentenceStart(`${who}${when}`)}. ${url}${third}</p>\n${quoted}</li>`;
}

/** Every source with the sentences quoted from it, in `w`'s words (the quotes in their own language). */
export function sourcesSection(
  sources: Source[],
  cited: { source: string; at: string; quote: string; asOf: string | null }[],
  w: ViewWords = EN_VIEW,
): string {
  const items = sources.map((s, i) =>
    sourceItem(
      s,
      i,
      cited.filter((q) => q.source === s.id),
      w,
    ),
  );
  return `<h2>${h(w.html.sourcesHeading)}</h2>\n<ol class="sources">\n${items.join('\n')}\n</ol>`;
}

/** What to ask before paying (the points where published prices and a real bill part ways), in `w`'s words. */
function questionsSection(w: ViewWords): string {
  const q = w.html.questions;
  const list = (items: string[]) => `<ul>\n${items.map((x) => `<li>${h(x)}</li>`).join('\n')}\n</ul>`;
  return `<h2>${h(q.heading)}</h2>\n<h3>${h(q.clinic)}</h3>\n${list(q.forClinic)}\n<h3>${h(q.insurer)}</h3>\n${list(q.forInsurer)}`;
}

function moneyTable(caption: string, headings: string[], rows: string[][], money: boolean[]): string {
  const head = headings.map((t, i) => `<th scope="col"${money[i] ? ' class="money"' : ''}>${h(t)}</th>`).join('');
  const body = rows
    .map(
      (cells) =>
        `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${h(c)}</th>` : `<td${money[i] ? ' class="money"' : ''}>${h(c)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<caption>${h(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** Returns the estimate as one self-contained, printable HTML page, in `w`'s words. */
export function formatEstimateHtml(e: Estimate, options: { explain: boolean }, w: ViewWords = EN_VIEW): string {
  const [answer = '', ...more] = headline(e, w);
  const rows = estimateRows(e, true, w).map((r) => [`${r.label} ${r.cite}`.trimEnd(), formatUsd(r.lowCents), formatUsd(r.highCents)]);
  const sections = noteSections(e, { explain: options.explain, short: true }, w).filter(
    (s) => s.id !== 'sources' && s.id !== 'whatSourcesSay',
  );
  const pays = e.patient.cases.map((c) => ({ label: w.html.youPay(caseLabel(c, e.patient.cases.length, w)), ...c.patient }));
  const body = [
    `<h1>${h(w.html.estimateHeading)}</h1>`,
    `<p class="answer">${h(answer)}</p>`,
    ...more.map((l) => `<p>${h(l)}</p>`),
    `<p>${h(describeEstimate(e, w))}. ${h(describeInsurance(e, w))}. ${h(w.html.priceList(e.dataset.id, e.dataset.version, e.dataset.asOf))}</p>`,
    `<h2>${h(w.html.costs)}</h2>`,
    moneyTable(w.html.costsCaption, ['', w.low, w.high], rows, [false, true, true]),
    rangeChart(
      [
        { label: w.html.perSession, ...e.perSession },
        { label: w.html.treatment, ...e.program },
        { label: w.html.allIn, ...e.allIn },
        ...pays,
      ],
      w.html.costRanges,
      w,
    ),
    ...sections.map((s) => `<h2>${h(s.title)}</h2>\n<ul>\n${s.lines.map((l) => `<li>${h(l)}</li>`).join('\n')}\n</ul>`),
    questionsSection(w),
    sourcesSection(e.sources, quotes(e), w),
    `<p class="disclaimer">${h(disclaimerOf(e, w))}</p>`,
  ];
  return page(w.html.estimateTitle(describeEstimate(e, w)), body, w.html.lang);
}

/** Returns the comparison as one printable HTML page: the ranked table and a bar per option, in `w`'s words. */
export function formatCompareHtml(c: Comparison, w: ViewWords = EN_VIEW): string {
  const label = (e: Estimate) => describeEstimate(e, w);
  const rows = c.options.map((e) => [label(e), range(e.perSession), range(e.allIn), range(patientLowHigh(e))]);
  const headers = w.compare.headers;
  const body = [
    `<h1>${h(w.html.compareHeading)}</h1>`,
    `<p>${h(w.compare.title(c.options.length))}.</p>`,
    moneyTable(w.html.compareCaption, [headers.option, headers.perSession, headers.allIn, headers.youPay], rows, [false, true, true, true]),
    rangeChart(
      c.options.map((e) => ({ label: `${e.route.label} (${e.provider.id})`, ...patientLowHigh(e) })),
      w.html.compareChart,
      w,
    ),
    ...c.skipped.map((s) => `<p>${h(w.compare.notCompared(s.route, s.provider, s.reason))}</p>`),
    questionsSection(w),
    sourcesSection(
      c.options[0]?.sources ?? [],
      c.options.flatMap((e) => quotes(e)).filter((q, i, all) => all.findIndex((o) => o.source === q.source && o.quote === q.quote) === i),
      w,
    ),
    `<p class="disclaimer">${h(comparisonDisclaimer(c.options, w))}</p>`,
  ];
  return page(w.html.compareHeading, body, w.html.lang);
}

/** Returns the plan as one printable HTML page: when each payment falls, month by month, and the running total, in `w`'s words. */
export function formatPlanHtml(p: Plan, w: ViewWords = EN_VIEW): string {
  const paid = paidColumns(p, w);
  const places = rowNumbers(p.rows);
  const rows = p.rows.map((r) => [String(r.n), when(r, w), what(r, w, places), range(r.billed), ...paid.cells(r), range(r.runningPatient)]);
  const months = p.months.map((m) => [m.label, range(m.billed), range(m.patient), range(m.runningPatient)]);
  const ph = w.plan.headers;
  const body = [
    `<h1>${h(w.html.planHeading)}</h1>`,
    `<p class="answer">${h(describePlan(p, w))}</p>`,
    `<p>${h(describeInsurance(p.estimate, w))}. ${h(w.html.sessionsLine(p.cadence))}</p>`,
    ...summaryLines(p, w).map((l) => `<p>${h(l)}</p>`),
    `<h2>${h(w.html.schedule)}</h2>`,
    moneyTable(w.html.scheduleCaption, ['#', ph.when, ph.what, ph.billed, ...paid.headers, ph.paidSoFar], rows, [
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]),
    `<h2>${h(w.html.byMonth)}</h2>`,
    moneyTable(w.html.monthCaption, [ph.month, ph.billed, ph.youPay, ph.paidSoFar], months, [false, true, true, true]),
    rangeChart(
      p.months.map((m) => ({ label: w.html.paidByEndOf(m.label), ...m.runningPatient })),
      w.html.paidChart,
      w,
    ),
    ...(p.notes.length ? [`<h2>${h(w.plan.notes)}</h2>`, `<ul>\n${p.notes.map((n) => `<li>${h(n.text)}</li>`).join('\n')}\n</ul>`] : []),
    questionsSection(w),
    sourcesSection(p.sources, quotes(p.estimate), w),
    `<p class="disclaimer">${h(disclaimerOf(p.estimate, w))}</p>`,
  ];
  return page(w.html.planTitle(describePlan(p, w)), body, w.html.lang);
}
