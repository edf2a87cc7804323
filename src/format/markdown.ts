import type { Estimate } from '../core/estimate.js';
import { formatUsd } from '../core/money.js';
import { assumedLine, DISCLAIMER, describeEstimate, describeInsurance, estimateRows, headline, noteSections } from './summary.js';

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
export function formatMarkdown(e: Estimate, options: { explain: boolean; brief?: boolean }): string {
  const [answer = '', ...more] = headline(e);
  const top = [`**${markdownCell(answer)}**`, ...more.map((l) => markdownCell(l))].join('\n');
  if (options.brief)
    return `${top}\n\n${markdownCell(`${describeInsurance(e)}.${assumedLine(e) ? ` ${assumedLine(e)}` : ''}`)}\n\n_${DISCLAIMER}_\n`;
  const lines = [
    `### ${markdownCell(describeEstimate(e))}`,
    '',
    top,
    '',
    `${describeInsurance(e)}.`,
    '',
    '| | Low | High |',
    '| --- | ---: | ---: |',
  ];
  for (const row of estimateRows(e)) {
    lines.push(`| ${markdownCell(`${row.label} ${row.cite}`.trimEnd())} | ${formatUsd(row.lowCents)} | ${formatUsd(row.highCents)} |`);
  }
  for (const section of noteSections(e, options)) {
    lines.push('', `**${section.title}**`, '');
    for (const line of section.lines) lines.push(`- ${markdownCell(line)}`);
  }
  lines.push('', `_${DISCLAIMER}_`);
  return `${lines.join('\n')}\n`;
}
