import { type Comparison, patientLowHigh } from '../core/compare.js';
import type { Estimate } from '../core/estimate.js';
import { formatUsd, formatUsdRange } from '../core/money.js';
import type { Plan } from '../core/plan.js';
import type { Source } from '../core/types.js';
import { optionCount, RANKING } from '../text/en-words.js';
import { describePlan, paidColumns, summaryLines, what, when } from './plan.js';
import {
  caseLabel,
  DISCLAIMER,
  dateLabel,
  describeEstimate,
  describeInsurance,
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

export function page(title: string, body: string[]): string {
  return `<!doctype html>
<html lang="en">
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
export function rangeChart(bars: Bar[], title: string): string {
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
<figcaption>${h(title)}, from $0 to ${h(formatUsd(max))}. The figures are in the table above.</figcaption>
</figure>`;
}

/** A link only for web addresses: a price list is a file someone else may have written. */
function sourceItem(s: Source, i: number, said: { at: string; quote: string; asOf: string | null }[]): string {
  const who = s.publisher ? `${h(s.publisher)}, ` : '';
  const when = h(s.date ?? s.dateNote ?? 'undated');
  const url =
    s.url && /^https?:\/\/[^\s"<>]+$/.test(s.url) ? `<a href="${h(s.url)}">${h(s.url)}</a>` : h(s.url ?? s.locator ?? 'no public address');
  const third = s.thirdParty ? ' <strong>(third-party figure)</strong>' : '';
  const quoted = said.map((q) => `<blockquote><p>${h(q.at)}: “${h(q.quote)}”${h(dateLabel(q.asOf, s))}</p></blockquote>`).join('\n');
  return `<li id="source-${i + 1}"><p>[${i + 1}] ${h(s.title)}. ${who}${when}. ${url}${third}</p>\n${quoted}</li>`;
}

export function sourcesSection(sources: Source[], cited: { source: string; at: string; quote: string; asOf: string | null }[]): string {
  const items = sources.map((s, i) =>
    sourceItem(
      s,
      i,
      cited.filter((q) => q.source === s.id),
    ),
  );
  return `<h2>Sources and what they say</h2>\n<ol class="sources">\n${items.join('\n')}\n</ol>`;
}

/** What to ask before paying: the points where published prices and a real bill part ways. */
export const QUESTIONS = {
  clinic: [
    'What does the price per session include: the consultation or intake, monitoring, and the follow-up visit?',
    'Which billing codes (CPT or HCPCS) will you use, so I can ask my insurer about them?',
    'Do you ask for payment before the first session, for how many sessions, and is it refunded if I stop?',
    'Will you give me a written Good Faith Estimate before I book?',
  ],
  insurer: [
    'Is this treatment covered under my plan, and is prior authorization needed?',
    'How much of my deductible is left this year, and what is my coinsurance or copay for it?',
    'Is the clinic in network, and if not, what would you pay back?',
    'How much is left of my out-of-pocket maximum this year?',
  ],
};

function questionsSection(): string {
  const list = (items: string[]) => `<ul>\n${items.map((q) => `<li>${h(q)}</li>`).join('\n')}\n</ul>`;
  return `<h2>Questions to ask</h2>\n<h3>The clinic</h3>\n${list(QUESTIONS.clinic)}\n<h3>Your insurer</h3>\n${list(QUESTIONS.insurer)}`;
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

/** Returns the estimate as one self-contained, printable HTML page. */
export function formatEstimateHtml(e: Estimate, options: { explain: boolean }): string {
  const [answer = '', ...more] = headline(e);
  const rows = estimateRows(e, true).map((r) => [`${r.label} ${r.cite}`.trimEnd(), formatUsd(r.lowCents), formatUsd(r.highCents)]);
  const sections = noteSections(e, { explain: options.explain, short: true }).filter(
    (s) => s.id !== 'sources' && s.id !== 'whatSourcesSay',
  );
  const pays = e.patient.cases.map((c) => ({ label: `You pay: ${caseLabel(c, e.patient.cases.length)}`, ...c.patient }));
  const body = [
    '<h1>Ketamine therapy: cost estimate</h1>',
    `<p class="answer">${h(answer)}</p>`,
    ...more.map((l) => `<p>${h(l)}</p>`),
    `<p>${h(describeEstimate(e))}. ${h(describeInsurance(e))}. Price list ${h(e.dataset.id)} ${h(e.dataset.version)}, as of ${h(e.dataset.asOf)}.</p>`,
    '<h2>Costs</h2>',
    moneyTable('Low and high estimates, in US dollars; [n] marks the source', ['', 'Low', 'High'], rows, [false, true, true]),
    rangeChart(
      [{ label: 'Per session', ...e.perSession }, { label: 'Treatment', ...e.program }, { label: 'All-in', ...e.allIn }, ...pays],
      'Cost ranges',
    ),
    ...sections.map((s) => `<h2>${h(s.title)}</h2>\n<ul>\n${s.lines.map((l) => `<li>${h(l)}</li>`).join('\n')}\n</ul>`),
    questionsSection(),
    sourcesSection(e.sources, quotes(e)),
    `<p class="disclaimer">${h(DISCLAIMER)}</p>`,
  ];
  return page(`Ketamine therapy cost estimate: ${describeEstimate(e)}`, body);
}

/** Returns the comparison as one printable HTML page: the ranked table and a bar per option. */
export function formatCompareHtml(c: Comparison): string {
  const label = (e: Estimate) => describeEstimate(e);
  const rows = c.options.map((e) => [label(e), range(e.perSession), range(e.allIn), range(patientLowHigh(e))]);
  const body = [
    '<h1>Ketamine therapy: options compared</h1>',
    `<p>${optionCount(c.options.length)}, ${h(RANKING)}.</p>`,
    moneyTable('What each option costs, in US dollars', ['Option', 'Per session', 'All-in', 'You pay'], rows, [false, true, true, true]),
    rangeChart(
      c.options.map((e) => ({ label: `${e.route.label} (${e.provider.id})`, ...patientLowHigh(e) })),
      'What you pay, by option',
    ),
    ...c.skipped.map((s) => `<p>Not compared: ${h(s.route)} (${h(s.provider)}): ${h(s.reason)}.</p>`),
    questionsSection(),
    sourcesSection(
      c.options[0]?.sources ?? [],
      c.options.flatMap((e) => quotes(e)).filter((q, i, all) => all.findIndex((o) => o.source === q.source && o.quote === q.quote) === i),
    ),
    `<p class="disclaimer">${h(DISCLAIMER)}</p>`,
  ];
  return page('Ketamine therapy: options compared', body);
}

/** Returns the plan as one printable HTML page: when each payment falls, month by month, and the running total. */
export function formatPlanHtml(p: Plan): string {
  const paid = paidColumns(p);
  const rows = p.rows.map((r) => [String(r.n), when(r), what(r), range(r.billed), ...paid.cells(r), range(r.runningPatient)]);
  const months = p.months.map((m) => [m.label, range(m.billed), range(m.patient), range(m.runningPatient)]);
  const body = [
    `<h1>Ketamine therapy: payment plan</h1>`,
    `<p class="answer">${h(describePlan(p))}</p>`,
    `<p>${h(describeInsurance(p.estimate))}. Sessions: ${h(p.cadence)}.</p>`,
    ...summaryLines(p).map((l) => `<p>${h(l)}</p>`),
    '<h2>Schedule</h2>',
    moneyTable('Each visit and what it costs, in US dollars', ['#', 'When', 'What', 'Billed', ...paid.headers, 'Paid so far'], rows, [
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]),
    '<h2>Month by month</h2>',
    moneyTable('What falls due each month, in US dollars', ['Month', 'Billed', 'You pay', 'Paid so far'], months, [
      false,
      true,
      true,
      true,
    ]),
    rangeChart(
      p.months.map((m) => ({ label: `Paid by the end of ${m.label}`, ...m.runningPatient })),
      'What you have paid, month by month',
    ),
    ...(p.notes.length ? ['<h2>Notes</h2>', `<ul>\n${p.notes.map((n) => `<li>${h(n.text)}</li>`).join('\n')}\n</ul>`] : []),
    questionsSection(),
    sourcesSection(p.sources, quotes(p.estimate)),
    `<p class="disclaimer">${h(DISCLAIMER)}</p>`,
  ];
  return page(`Ketamine therapy payment plan: ${describePlan(p)}`, body);
}
