import Table from 'cli-table3';
import type { Estimate } from '../core/estimate.js';
import { formatUsd } from '../core/money.js';
import { makePaint } from './paint.js';
import { DISCLAIMER, describeEstimate, describeInsurance, estimateRows, noteSections } from './summary.js';

export type TableOptions = { color: boolean; explain: boolean };

/** Returns a borderless-style cli-table3 with no colour codes of its own (we colour cells ourselves). */
export function makeTable(head: string[], align: ('left' | 'right')[]) {
  return new Table({ head, colAligns: align, style: { head: [], border: [], compact: true } });
}

/** Returns the estimate as a terminal table with its summary above and notes, sources and the disclaimer below. */
export async function formatTable(e: Estimate, options: TableOptions): Promise<string> {
  const paint = await makePaint(options.color);
  const table = makeTable(['', paint.bold('Low'), paint.bold('High')], ['left', 'right', 'right']);
  for (const row of estimateRows(e)) {
    const label = row.cite ? `${row.label} ${paint.dim(row.cite)}` : row.label;
    const patientRow = row.label.includes('you pay');
    const money = (cents: number) => (patientRow ? paint.bold(formatUsd(cents)) : formatUsd(cents));
    table.push([label, money(row.lowCents), money(row.highCents)]);
  }
  const lines = [paint.bold(describeEstimate(e)), describeInsurance(e), '', table.toString(), ''];
  for (const section of noteSections(e, { explain: options.explain })) {
    lines.push(paint.bold(`${section.title}:`));
    for (const line of section.lines) lines.push(`  ${section.title === 'Sources' ? paint.dim(line) : `- ${line}`}`);
  }
  lines.push('', paint.italic(DISCLAIMER));
  return `${lines.join('\n')}\n`;
}
