import type { Estimate } from '../core/estimate.js';
import { formatUsd } from '../core/money.js';
import { EN_VIEW } from '../text/en-view.js';
import type { ViewWords } from '../text/view.js';
import { assumedLine, describeEstimate, describeInsurance, disclaimerOf, estimateRows, headline, noteSections } from './summary.js';

/**
 * Makes text inert in Markdown, in a table cell or a list item: one line, no raw HTML and no
 * inline link or image (`](`), so a price list from someone else cannot put a link or a script
 * into a counselor's handout. Text and our own "[1]" markers read as they are.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/</g, '&lt;')
    .replace(/\]\(/g, ']\\(');
}

/** Returns the estimate as GitHub-flavoured Markdown: a heading, a money table, then notes and sources. */
export function formatMarkdown(e: Estimate, options: { explain: boolean; brief?: boolean }, w: ViewWords = EN_VIEW): string {
  const [answer = '', ...more] = headline(e, w);
  const top = [`**${markdownCell(answer)}**`, ...more.map((l) => markdownCell(l))].join('\n');
  if (options.brief)
    return `${top}\n\n${markdownCell(`${describeInsurance(e, w)}.${assumedLine(e, w) ? ` ${assumedLine(e, w)}` : ''}`)}\n\n_${disclaimerOf(e, w)}_\n`;
  const lines = [
    `### ${markdownCell(describeEstimate(e, w))}`,
    '',
    top,
    '',
    `${describeInsurance(e, w)}.`,
    '',
    `| | ${w.low} | ${w.high} |`,
    '| --- | ---: | ---: |',
  ];
  for (const row of estimateRows(e, false, w)) {
    lines.push(`| ${markdownCell(`${row.label} ${row.cite}`.trimEnd())} | ${formatUsd(row.lowCents)} | ${formatUsd(row.highCents)} |`);
  }
  for (const section of noteSections(e, options, w)) {
    lines.push('', `**${section.title}**`, '');
    for (const line of section.lines) lines.push(`- ${markdownCell(line)}`);
  }
  lines.push('', `_${disclaimerOf(e, w)}_`);
  return `${lines.join('\n')}\n`;
}
