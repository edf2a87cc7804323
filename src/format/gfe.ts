import { formatRange } from '../core/fields.js';
import type { GfeItem, GoodFaithEstimate } from '../core/gfe.js';
import { formatUsdRange } from '../core/money.js';
import type { GfeFormat } from '../formats.js';
import { inertJson } from '../text/visible.js';
import { escapeHtml as h, page, sourcesSection } from './html.js';
import { SCHEMA_VERSION } from './json.js';
import { describeSource } from './summary.js';

// A draft for the clinic to check and sign, not a filled-in legal form: it says so at the top.
const DRAFT =
  "Prepared with ketamine-cost from the clinic's own prices. The clinic checks every charge, then dates and signs it before giving it to the patient.";
const SEPARATE = 'These must be scheduled separately; separate Good Faith Estimates will be issued for them.';
const NOT_INCLUDED = 'Not included in this estimate (not in the total):';
const SIGNATURE = [
  'Signed for the provider or facility: ______________________________',
  'Name and title: ______________________________',
  'Date: ____________',
];
/** "8 sessions, twice a week in weeks 1-4 ..., over 8 weeks". */
const recurring = (g: GoodFaithEstimate) =>
  `${g.recurring.sessions} ${g.recurring.sessions === 1 ? 'session' : 'sessions'}, ${g.recurring.frequency}${g.recurring.weeks === null ? '' : `, over ${g.recurring.weeks} ${g.recurring.weeks === 1 ? 'week' : 'weeks'}`}`;

const range = (r: { lowCents: number; highCents: number }) => formatUsdRange(r.lowCents, r.highCents);

/**
 * Escapes text someone typed (a patient's name, a clinic's address) for Markdown: HTML and every
 * character that starts Markdown emphasis, code or a link, so `<img ...>` or `[a](b)` stays text in any viewer.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`);
}
const codes = (i: GfeItem) => (i.codes.length ? codeList(i.codes) : 'no code in the price list: ask the clinic');
const codeList = (codes: GfeItem['codes']) => codes.map((c) => `${c.system} ${c.code} (${c.description})`).join('; ');
const item = (i: GfeItem) => `${i.description}${i.thirdParty ? ' (third-party figure)' : ''}`;
const quantity = (i: GfeItem) => formatRange(i.quantity.low, i.quantity.high);
const location = (c: GoodFaithEstimate['providers'][number]['clinic']) =>
  `${c.location.street}, ${c.location.city}, ${c.location.state} ${c.location.zip}`;
const marker = (g: GoodFaithEstimate, source: string) => `[${g.sources.findIndex((s) => s.id === source) + 1}]`;

/** Returns the Good Faith Estimate draft as JSON: the document's fields, with the contract's schemaVersion. */
export function formatGfeJson(g: GoodFaithEstimate): string {
  return `${inertJson(JSON.stringify({ schemaVersion: SCHEMA_VERSION, document: 'good-faith-estimate', currency: 'USD', ...g }, null, 2))}\n`;
}

/** Returns the Good Faith Estimate draft as Markdown. */
export function formatGfeMarkdown(g: GoodFaithEstimate): string {
  const lines = [
    '# Good Faith Estimate (draft)',
    '',
    `_${DRAFT}_`,
    '',
    `**Date of this estimate:** ${g.issued ?? '____________'}`,
    '',
    `**Patient:** ${markdownText(g.patient.name)}, born ${g.patient.dateOfBirth}`,
    '',
    `**Primary service:** ${markdownText(g.primaryService.description)}; scheduled ${g.primaryService.scheduledDate ?? 'not yet scheduled'}`,
    '',
    `**Diagnosis codes:** ${g.patient.diagnosisCodes.length ? g.patient.diagnosisCodes.join(', ') : 'none given'}`,
    '',
    `**Recurring care:** ${markdownText(recurring(g))}; this estimate covers at most 12 months`,
  ];
  for (const p of g.providers) {
    const c = p.clinic;
    lines.push(
      '',
      `## ${markdownText(c.name)}`,
      '',
      `NPI ${c.npi} · TIN ${c.tin} · ${markdownText(location(c))}${c.phone ? ` · ${markdownText(c.phone)}` : ''}`,
      '',
      '| Item or service | Service code | Quantity | Each | Expected charge |',
      '| --- | --- | ---: | ---: | ---: |',
    );
    for (const i of p.items)
      lines.push(
        `| ${markdownText(item(i))} ${marker(g, i.source)} | ${markdownText(codes(i))} | ${quantity(i)} | ${range(i.unit)} | ${range(i.expected)} |`,
      );
    lines.push(`| **Total for this provider** | | | | **${range(p.subtotal)}** |`);
  }
  lines.push('', `**Total expected charges:** ${range(g.total)}`);
  if (g.scheduledSeparately.length) {
    lines.push('', '## Scheduled separately', '', SEPARATE, '');
    for (const s of g.scheduledSeparately)
      lines.push(
        `- ${markdownText(s.description)}${s.codes.length ? ` [${markdownText(codeList(s.codes))}]` : ''}: ${markdownText(s.reason)}`,
      );
  }
  if (g.notIncluded.length) {
    lines.push('', '## Not included', '', NOT_INCLUDED, '');
    for (const s of g.notIncluded) lines.push(`- ${markdownText(s.description)}: ${markdownText(s.reason)}`);
  }
  lines.push('', '## Your rights', '');
  for (const n of g.notices) lines.push(`- ${markdownText(n.text)} ${marker(g, n.source)}`);
  lines.push('', ...SIGNATURE.flatMap((l, i) => (i === 0 ? [l] : ['', l])));
  lines.push('', '## Sources', '');
  for (const [i, s] of g.sources.entries()) lines.push(`- [${i + 1}] ${markdownText(describeSource(s))}`);
  lines.push('', `_Price list ${g.dataset.id} ${g.dataset.version}, as of ${g.dataset.asOf}. Not medical advice._`);
  return `${lines.join('\n')}\n`;
}

/** Returns the Good Faith Estimate draft as one printable HTML page. */
export function formatGfeHtml(g: GoodFaithEstimate): string {
  const body = [
    '<h1>Good Faith Estimate (draft)</h1>',
    `<p><em>${h(DRAFT)}</em></p>`,
    `<p>Date of this estimate: ${h(g.issued ?? '____________')}</p>`,
    '<h2>Patient</h2>',
    '<dl>',
    `<dt>Name</dt><dd>${h(g.patient.name)}</dd>`,
    `<dt>Date of birth</dt><dd>${h(g.patient.dateOfBirth)}</dd>`,
    `<dt>Diagnosis codes</dt><dd>${h(g.patient.diagnosisCodes.length ? g.patient.diagnosisCodes.join(', ') : 'none given')}</dd>`,
    `<dt>Primary service</dt><dd>${h(g.primaryService.description)}</dd>`,
    `<dt>Scheduled date</dt><dd>${h(g.primaryService.scheduledDate ?? 'not yet scheduled')}</dd>`,
    `<dt>Recurring care</dt><dd>${h(recurring(g))}; this estimate covers at most 12 months</dd>`,
    '</dl>',
  ];
  for (const p of g.providers) {
    const c = p.clinic;
    body.push(
      `<h2>Provider or facility: ${h(c.name)}</h2>`,
      `<p>NPI ${h(c.npi)}; TIN ${h(c.tin)}; where care is given: ${h(location(c))}${c.phone ? `; phone ${h(c.phone)}` : ''}</p>`,
      '<table>',
      '<caption>Items and services reasonably expected, in US dollars</caption>',
      '<thead><tr><th scope="col">Item or service</th><th scope="col">Service code</th><th scope="col" class="money">Quantity</th><th scope="col" class="money">Each</th><th scope="col" class="money">Expected charge</th></tr></thead>',
      '<tbody>',
      ...p.items.map(
        (i) =>
          `<tr><th scope="row">${h(item(i))} ${marker(g, i.source)}</th><td>${h(codes(i))}</td><td class="money">${quantity(i)}</td><td class="money">${h(range(i.unit))}</td><td class="money">${h(range(i.expected))}</td></tr>`,
      ),
      `<tr><th scope="row">Total for this provider</th><td></td><td></td><td></td><td class="money"><strong>${h(range(p.subtotal))}</strong></td></tr>`,
      '</tbody>',
      '</table>',
    );
  }
  body.push(`<p class="answer">Total expected charges: ${h(range(g.total))}</p>`);
  if (g.scheduledSeparately.length) {
    body.push(
      '<h2>Scheduled separately</h2>',
      `<p>${h(SEPARATE)}</p>`,
      `<ul>\n${g.scheduledSeparately.map((s) => `<li>${h(s.description)}${s.codes.length ? ` (${h(codeList(s.codes))})` : ''}: ${h(s.reason)}</li>`).join('\n')}\n</ul>`,
    );
  }
  if (g.notIncluded.length) {
    body.push(
      '<h2>Not included</h2>',
      `<p>${h(NOT_INCLUDED)}</p>`,
      `<ul>\n${g.notIncluded.map((s) => `<li>${h(s.description)}: ${h(s.reason)}</li>`).join('\n')}\n</ul>`,
    );
  }
  body.push(
    '<h2>Your rights</h2>',
    `<ul>\n${g.notices.map((n) => `<li>${h(n.text)} ${marker(g, n.source)}</li>`).join('\n')}\n</ul>`,
    sourcesSection(
      g.sources,
      g.notices.flatMap((n) => (n.quote === null ? [] : [{ source: n.source, at: n.at, quote: n.quote, asOf: n.asOf }])),
    ),
    `<div class="signature">${SIGNATURE.map((l) => `<p>${h(l)}</p>`).join('')}</div>`,
    `<p class="disclaimer">Price list ${h(g.dataset.id)} ${h(g.dataset.version)}, as of ${h(g.dataset.asOf)}. An estimate of charges, not medical advice.</p>`,
  );
  return page('Good Faith Estimate (draft)', body);
}

/** The Good Faith Estimate in each of its formats: a Record, so a format added to GFE_FORMATS does not compile until it renders. */
export const GFE_RENDERERS: Record<GfeFormat, (g: GoodFaithEstimate) => string> = {
  markdown: formatGfeMarkdown,
  html: formatGfeHtml,
  json: formatGfeJson,
};
