import { formatRange } from '../core/fields.js';
import type { GfeItem, GoodFaithEstimate } from '../core/gfe.js';
import { formatUsdRange } from '../core/money.js';
import type { GfeFormat } from '../formats.js';
import { EN_VIEW } from '../text/en-view.js';
import type { ViewWords } from '../text/view.js';
import { inertJson } from '../text/visible.js';
import { escapeHtml as h, page, sourcesSection } from './html.js';
import { SCHEMA_VERSION } from './json.js';
import { describeSource } from './summary.js';

// A draft for the clinic to check and sign, not a filled-in legal form: it says so at the top
// (the words are the language's: ViewWords.gfe).

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
const codes = (i: GfeItem, w: ViewWords) => (i.codes.length ? codeList(i.codes) : w.gfe.noCode);
const codeList = (codes: GfeItem['codes']) => codes.map((c) => `${c.system} ${c.code} (${c.description})`).join('; ');
const item = (i: GfeItem, w: ViewWords) => `${i.description}${i.thirdParty ? w.gfe.thirdParty : ''}`;
/** "8 sessions, twice a week in weeks 1-4 ..., over 8 weeks; this estimate covers at most 12 months". */
const recurring = (g: GoodFaithEstimate, w: ViewWords) => w.gfe.recurring(g.recurring.sessions, g.recurring.frequency, g.recurring.weeks);
const issued = (g: GoodFaithEstimate, w: ViewWords) => (g.issued === null ? w.gfe.blank : w.date(g.issued));
const diagnoses = (g: GoodFaithEstimate, w: ViewWords) =>
  g.patient.diagnosisCodes.length ? g.patient.diagnosisCodes.join(', ') : w.gfe.noneGiven;
const quantity = (i: GfeItem) => formatRange(i.quantity.low, i.quantity.high);
const location = (c: GoodFaithEstimate['providers'][number]['clinic']) =>
  `${c.location.street}, ${c.location.city}, ${c.location.state} ${c.location.zip}`;
const marker = (g: GoodFaithEstimate, source: string) => `[${g.sources.findIndex((s) => s.id === source) + 1}]`;

/** Returns the Good Faith Estimate draft as JSON: the document's fields, with the contract's schemaVersion. */
export function formatGfeJson(g: GoodFaithEstimate): string {
  return `${inertJson(JSON.stringify({ schemaVersion: SCHEMA_VERSION, document: 'good-faith-estimate', currency: 'USD', ...g }, null, 2))}\n`;
}

/** Returns the Good Faith Estimate draft as Markdown, in `w`'s words. */
export function formatGfeMarkdown(g: GoodFaithEstimate, w: ViewWords = EN_VIEW): string {
  const t = w.gfe;
  const scheduled = g.primaryService.scheduledDate;
  const lines = [
    `# ${t.title}`,
    '',
    `_${t.draft}_`,
    '',
    `**${t.dateOfEstimate}:** ${issued(g, w)}`,
    '',
    `**${t.patient}:** ${markdownText(g.patient.name)}, ${t.born(w.date(g.patient.dateOfBirth))}`,
    '',
    `**${t.primaryService}:** ${markdownText(g.primaryService.description)}; ${t.scheduled(scheduled === null ? null : w.date(scheduled))}`,
    '',
    `**${t.diagnosisCodes}:** ${diagnoses(g, w)}`,
    '',
    `**${t.recurringCare}:** ${markdownText(recurring(g, w))}`,
  ];
  for (const p of g.providers) {
    const c = p.clinic;
    lines.push(
      '',
      `## ${markdownText(c.name)}`,
      '',
      `NPI ${c.npi} · TIN ${c.tin} · ${markdownText(location(c))}${c.phone ? ` · ${markdownText(c.phone)}` : ''}`,
      '',
      `| ${t.headers.item} | ${t.headers.code} | ${t.headers.quantity} | ${t.headers.each} | ${t.headers.expected} |`,
      '| --- | --- | ---: | ---: | ---: |',
    );
    for (const i of p.items)
      lines.push(
        `| ${markdownText(item(i, w))} ${marker(g, i.source)} | ${markdownText(codes(i, w))} | ${quantity(i)} | ${range(i.unit)} | ${range(i.expected)} |`,
      );
    lines.push(`| **${t.totalForProvider}** | | | | **${range(p.subtotal)}** |`);
  }
  lines.push('', `**${t.total}:** ${range(g.total)}`);
  if (g.scheduledSeparately.length) {
    lines.push('', `## ${t.scheduledSeparately}`, '', t.separate, '');
    for (const s of g.scheduledSeparately)
      lines.push(
        `- ${markdownText(s.description)}${s.codes.length ? ` [${markdownText(codeList(s.codes))}]` : ''}: ${markdownText(s.reason)}`,
      );
  }
  if (g.notIncluded.length) {
    lines.push('', `## ${t.notIncludedHeading}`, '', t.notIncluded, '');
    for (const s of g.notIncluded) lines.push(`- ${markdownText(s.description)}: ${markdownText(s.reason)}`);
  }
  lines.push('', `## ${t.rights}`, '');
  for (const n of g.notices) lines.push(`- ${markdownText(n.text)} ${marker(g, n.source)}`);
  lines.push('', ...t.signature.flatMap((l, i) => (i === 0 ? [l] : ['', l])));
  lines.push('', `## ${t.sources}`, '');
  for (const [i, s] of g.sources.entries()) lines.push(`- [${i + 1}] ${markdownText(describeSource(s, w))}`);
  lines.push('', `_${t.priceList(g.dataset.id, g.dataset.version, g.dataset.asOf)} ${t.notAdviceShort}_`);
  return `${lines.join('\n')}\n`;
}

/** Returns the Good Faith Estimate draft as one printable HTML page, in `w`'s words. */
export function formatGfeHtml(g: GoodFaithEstimate, w: ViewWords = EN_VIEW): string {
  const t = w.gfe;
  const scheduled = g.primaryService.scheduledDate;
  const body = [
    `<h1>${h(t.title)}</h1>`,
    `<p><em>${h(t.draft)}</em></p>`,
    `<p>${h(t.dateOfEstimate)}: ${h(issued(g, w))}</p>`,
    `<h2>${h(t.patient)}</h2>`,
    '<dl>',
    `<dt>${h(t.name)}</dt><dd>${h(g.patient.name)}</dd>`,
    `<dt>${h(t.dateOfBirth)}</dt><dd>${h(w.date(g.patient.dateOfBirth))}</dd>`,
    `<dt>${h(t.diagnosisCodes)}</dt><dd>${h(diagnoses(g, w))}</dd>`,
    `<dt>${h(t.primaryService)}</dt><dd>${h(g.primaryService.description)}</dd>`,
    `<dt>${h(t.scheduledDate)}</dt><dd>${h(scheduled === null ? t.notScheduled : w.date(scheduled))}</dd>`,
    `<dt>${h(t.recurringCare)}</dt><dd>${h(recurring(g, w))}</dd>`,
    '</dl>',
  ];
  const th = t.headers;
  for (const p of g.providers) {
    const c = p.clinic;
    body.push(
      `<h2>${h(t.providerHeading(c.name))}</h2>`,
      `<p>NPI ${h(c.npi)}; TIN ${h(c.tin)}; ${h(t.where)}: ${h(location(c))}${c.phone ? `; ${h(t.phone)} ${h(c.phone)}` : ''}</p>`,
      '<table>',
      `<caption>${h(t.itemsCaption)}</caption>`,
      `<thead><tr><th scope="col">${h(th.item)}</th><th scope="col">${h(th.code)}</th><th scope="col" class="money">${h(th.quantity)}</th><th scope="col" class="money">${h(th.each)}</th><th scope="col" class="money">${h(th.expected)}</th></tr></thead>`,
      '<tbody>',
      ...p.items.map(
        (i) =>
          `<tr><th scope="row">${h(item(i, w))} ${marker(g, i.source)}</th><td>${h(codes(i, w))}</td><td class="money">${quantity(i)}</td><td class="money">${h(range(i.unit))}</td><td class="money">${h(range(i.expected))}</td></tr>`,
      ),
      `<tr><th scope="row">${h(t.totalForProvider)}</th><td></td><td></td><td></td><td class="money"><strong>${h(range(p.subtotal))}</strong></td></tr>`,
      '</tbody>',
      '</table>',
    );
  }
  body.push(`<p class="answer">${h(t.total)}: ${h(range(g.total))}</p>`);
  if (g.scheduledSeparately.length) {
    body.push(
      `<h2>${h(t.scheduledSeparately)}</h2>`,
      `<p>${h(t.separate)}</p>`,
      `<ul>\n${g.scheduledSeparately.map((s) => `<li>${h(s.description)}${s.codes.length ? ` (${h(codeList(s.codes))})` : ''}: ${h(s.reason)}</li>`).join('\n')}\n</ul>`,
    );
  }
  if (g.notIncluded.length) {
    body.push(
      `<h2>${h(t.notIncludedHeading)}</h2>`,
      `<p>${h(t.notIncluded)}</p>`,
      `<ul>\n${g.notIncluded.map((s) => `<li>${h(s.description)}: ${h(s.reason)}</li>`).join('\n')}\n</ul>`,
    );
  }
  body.push(
    `<h2>${h(t.rights)}</h2>`,
    `<ul>\n${g.notices.map((n) => `<li>${h(n.text)} ${marker(g, n.source)}</li>`).join('\n')}\n</ul>`,
    sourcesSection(
      g.sources,
      g.notices.flatMap((n) => (n.quote === null ? [] : [{ source: n.source, at: n.at, quote: n.quote, asOf: n.asOf }])),
      w,
    ),
    `<div class="signature">${t.signature.map((l) => `<p>${h(l)}</p>`).join('')}</div>`,
    `<p class="disclaimer">${h(t.priceList(g.dataset.id, g.dataset.version, g.dataset.asOf))} ${h(t.notAdvice)}</p>`,
  );
  return page(t.title, body, w.html.lang);
}

/** The Good Faith Estimate in each of its formats: a Record, so a format added to GFE_FORMATS does not compile until it renders. */
export const GFE_RENDERERS: Record<GfeFormat, (g: GoodFaithEstimate, w?: ViewWords) => string> = {
  markdown: formatGfeMarkdown,
  html: formatGfeHtml,
  json: formatGfeJson,
};
