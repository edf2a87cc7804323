import { patientLowHigh } from '../core/compare.js';
import { caseTitle, type Estimate } from '../core/estimate.js';
import { formatUsdRange } from '../core/money.js';
import { csvLine, ESTIMATE_COLUMNS, estimateCells } from './csv.js';
import { SCHEMA_VERSION, toJsonDocument } from './json.js';
import { markdownCell } from './markdown.js';
import type { BatchFormat } from '../formats.js';
import { DISCLAIMER } from './summary.js';

/** One row's outcome: the estimate, or the problem with the row, never both. */
export type BatchResult = { row: number; line: number; id: string; estimate: Estimate | null; error: { column: string | null; message: string } | null };


/** A streaming formatter: text before the first row, for each row, and after the last, so rows never pile up in memory. */
export type BatchWriter = { start: () => string; row: (r: BatchResult, index: number) => string; end: (counts: { ok: number; failed: number }) => string };

// Batch CSV columns: these, then the single-estimate columns. Append only, never reorder.
export const BATCH_COLUMNS = ['id', 'row', 'status', 'error_column', 'error', ...ESTIMATE_COLUMNS] as const;

/** The one-line message of a failed row: where it is and what is wrong. */
export function rowMessage(r: BatchResult): string {
  if (!r.error) return '';
  return `row ${r.row} (line ${r.line})${r.error.column ? `, column ${r.error.column}` : ''}: ${r.error.message}`;
}

function jsonItem(r: BatchResult) {
  return r.estimate
    ? { schemaVersion: SCHEMA_VERSION, id: r.id, row: r.row, status: 'ok', estimate: toJsonDocument(r.estimate) }
    : { schemaVersion: SCHEMA_VERSION, id: r.id, row: r.row, status: 'error', error: { row: r.row, line: r.line, column: r.error?.column ?? null, message: rowMessage(r) } };
}

function youPay(e: Estimate): string {
  const pay = patientLowHigh(e);
  const first = e.patient.cases[0];
  return `${formatUsdRange(pay.lowCents, pay.highCents)}${first && first.case !== 'self-pay' ? ` (${caseTitle(first.case).toLowerCase().replace(/^if your plan /, 'if plan ')})` : ''}`;
}

const sessionsText = (e: Estimate) => (e.sessions.low === e.sessions.high ? String(e.sessions.low) : `${e.sessions.low}-${e.sessions.high}`);

/** Returns the streaming writer for a batch output format. */
export function batchWriter(format: BatchFormat): BatchWriter {
  switch (format) {
    case 'json':
      return {
        start: () => '[',
        row: (r, i) => `${i === 0 ? '\n' : ',\n'}${JSON.stringify(jsonItem(r), null, 2).replace(/^/gm, '  ')}`,
        end: (c) => (c.ok + c.failed === 0 ? ']\n' : '\n]\n'),
      };
    case 'jsonl':
      return { start: () => '', row: (r) => `${JSON.stringify(jsonItem(r))}\n`, end: () => '' };
    case 'csv':
      return {
        start: () => csvLine([...BATCH_COLUMNS]),
        row: (r) => csvLine(r.estimate ? [r.id, r.row, 'ok', null, null, ...estimateCells(r.estimate)] : [r.id, r.row, 'error', r.error?.column ?? null, rowMessage(r), ...ESTIMATE_COLUMNS.map(() => null)]),
        end: () => '',
      };
    case 'markdown':
      return {
        start: () => '| id | route | sessions | program | you pay | status |\n| --- | --- | ---: | ---: | ---: | --- |\n',
        row: (r) =>
          r.estimate
            ? `| ${markdownCell(r.id)} | ${r.estimate.route.id} | ${sessionsText(r.estimate)} | ${formatUsdRange(r.estimate.program.lowCents, r.estimate.program.highCents)} | ${markdownCell(youPay(r.estimate))} | ok |\n`
            : `| ${markdownCell(r.id)} | | | | | ${markdownCell(rowMessage(r))} |\n`,
        end: (c) => `\n${c.ok} estimated, ${c.failed} failed.\n\n_${DISCLAIMER}_\n`,
      };
    case 'table': {
      // Fixed widths rather than cli-table3, which needs every row before it can draw one.
      const cols = (cells: string[]) => `${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd([12, 12, 9, 16][i] ?? 0))).join('  ')}`.trimEnd();
      return {
        start: () => `${cols(['id', 'route', 'sessions', 'program', 'you pay'])}\n`,
        row: (r) =>
          r.estimate
            ? `${cols([r.id, r.estimate.route.id, sessionsText(r.estimate), formatUsdRange(r.estimate.program.lowCents, r.estimate.program.highCents), youPay(r.estimate)])}\n`
            : `${cols([r.id, 'error'])} ${rowMessage(r)}\n`,
        end: (c) => `\n${c.ok} estimated, ${c.failed} failed.\n${DISCLAIMER}\n`,
      };
    }
  }
}
