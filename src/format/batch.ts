import type { RowProblem } from '../batch/read.js';
import { RepeatCache } from '../batch/repeat-cache.js';
import { patientLowHigh } from '../core/compare.js';
import type { Estimate } from '../core/estimate.js';
import { formatRange } from '../core/fields.js';
import { formatUsdRange } from '../core/money.js';
import type { BatchFormat, Detail } from '../formats.js';
import { Utf8Out } from '../output/utf8-out.js';
import { EN_VIEW } from '../text/en-view.js';
import type { ViewWords } from '../text/view.js';
import { hasActiveChars, inertJson, visible, visibleName } from '../text/visible.js';
import { csvCell, csvFields, csvLine, ESTIMATE_COLUMNS, estimateFieldsWriter } from './csv.js';
import { SCHEMA_VERSION, toJsonDocument } from './json.js';
import { markdownCell } from './markdown.js';
import { listDisclaimer, payLabel } from './summary.js';

/** One row's outcome: the estimate, or the problem with the row, never both; and the cells passed through. */
export type BatchResult = {
  row: number;
  line: number | null;
  id: string;
  /** In words (said in the batch's language) when the writer's `words` is true; else only its figures and ids count. */
  estimate: Estimate<unknown> | null;
  error: RowProblem | null;
  extra: [string, string][] | null;
};

/**
 * `displayWidth`: a text's width in terminal columns, for the table format (the batch command
 * passes the table module's, so the one copy of string-width serves both views).
 */
export type BatchWriterOptions = {
  detail: Detail;
  /** The words of the table, Markdown and messages (English when absent). */
  words?: ViewWords;
  dataset: { id: string; version: string; asOf: string };
  displayWidth?: (text: string) => number;
  /**
   * The table on a terminal: its width in columns and the table module's word wrap. The last
   * column (what the patient pays, or a row's error) wraps under itself; without it, lines run on.
   */
  terminal?: { width: number; wrapText: (text: string, width: number, first: string, rest: string) => string[] };
};

/**
 * A streaming formatter: text before the first row, for each row, and after the last, so rows
 * never pile up in memory. `words`: whether it writes an estimate's words (the table, Markdown,
 * full JSON), so each row's estimate must be said first; CSV and summary rows are figures and ids,
 * and a batch of distinct rows spends a twentieth of its time saying what they never print (#27).
 */
export type BatchWriter = {
  words: boolean;
  start: () => string;
  row: (r: BatchResult, index: number) => string;
  /**
   * Where a writer has it (CSV): writes the row into `out` as UTF-8 bytes, the same as `row`'s
   * text, without making strings of its cells (#27: a CSV batch of distinct rows spent a fifth of
   * its time on those strings). A long batch writes every row this way.
   */
  rowInto?: (r: BatchResult, index: number, out: Utf8Out) => void;
  end: (counts: { ok: number; failed: number }) => string;
};

// Batch CSV columns: these, then the single-estimate columns. Append only, never reorder.
export const BATCH_COLUMNS = ['id', 'row', 'status', 'error_column', 'error', ...ESTIMATE_COLUMNS] as const;

/** The one-line message of a failed row: where it is and what is wrong. */
export function rowMessage(r: BatchResult, w: ViewWords = EN_VIEW): string {
  if (!r.error) return '';
  // "column route is required" reads as a sentence; a message that starts with the value keeps the colon.
  const where = w.batch.row(r.row, r.line);
  if (r.error.column && r.error.readsOn) return `${where}, ${w.batch.column(r.error.column)} ${r.error.message}`;
  return `${where}${r.error.column ? `, ${w.batch.column(r.error.column)}` : ''}: ${r.error.message}`;
}

/**
 * Serialises each distinct estimate once: a batch repeats a handful of scenarios (the pricer
 * memoises them), and turning a 3 KB estimate into JSON or CSV for every row would dominate. A
 * small Map, not a WeakMap: with rows that all differ, a WeakMap's entries cost the garbage
 * collector more than the serialising they save.
 */
function memo<T>(make: (e: Estimate<unknown>) => T): (e: Estimate<unknown>) => T {
  const cache = new RepeatCache<Estimate<unknown>, T>(32);
  return (e) => {
    const key = cache.wanted() ? e : undefined;
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = make(e);
      cache.set(key, hit);
    }
    return hit;
  };
}

function errorItem(r: BatchResult, w: ViewWords) {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: r.id,
    row: r.row,
    status: 'error',
    error: { row: r.row, line: r.line, column: r.error?.column ?? null, message: rowMessage(r, w) },
    ...(r.extra ? { extra: Object.fromEntries(r.extra) } : {}),
  };
}

/**
 * The compact row: the row's place, the inputs actually used (and which were assumed), the totals
 * and what the patient pays; a few hundred bytes where the whole estimate is several KB.
 */
export function summaryItem(r: BatchResult, w: ViewWords = EN_VIEW) {
  const e = r.estimate;
  // Every key written out, no spreads: a batch builds one of these per row, and spread copies
  // cost several times more (and survived the young generation in V8).
  const range = (x: { lowCents: number; highCents: number } | undefined) => (x ? { lowCents: x.lowCents, highCents: x.highCents } : null);
  const first = e?.patient.cases[0];
  const other = e?.patient.cases[1];
  const used = e?.inputsUsed;
  const item: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    id: r.id,
    row: r.row,
    line: r.line,
    status: e ? 'ok' : 'error',
    inputs:
      e && used
        ? {
            route: e.route.id,
            provider: e.provider.id,
            doseMg: e.scenario.doseMg,
            sessions: { low: e.sessions.low, high: e.sessions.high, basis: e.sessions.basis },
            weeks: e.scenario.weeks,
            exclude: e.scenario.exclude,
            insurance: e.scenario.insurance.status,
            covered: e.scenario.insurance.covered,
            deductible: used.deductible,
            coinsuranceBasisPoints: used.coinsuranceBasisPoints,
            copayCents: used.copayCents,
            oopMaxCents: used.oopMaxCents,
            reimbursementBasisPoints: used.reimbursementBasisPoints,
            allowedCents: used.allowedCents,
            assumed: used.assumed,
            medigap: used.medigap,
            familyDeductibleCents: used.familyDeductibleCents,
            familyOopMaxCents: used.familyOopMaxCents,
            deductibleApplies: used.deductibleApplies,
          }
        : null,
    perSession: range(e?.perSession),
    program: range(e?.program),
    allIn: e ? { lowCents: e.allIn.lowCents, highCents: e.allIn.highCents, notPriced: e.allIn.notPriced } : null,
    patient: first
      ? { case: first.case, typical: first.typical, lowCents: first.patient.lowCents, highCents: first.patient.highCents }
      : null,
    otherCase: other ? { case: other.case, lowCents: other.patient.lowCents, highCents: other.patient.highCents } : null,
    dataset: e ? e.dataset : null,
    error: r.error ? { column: r.error.column, message: rowMessage(r, w) } : null,
  };
  if (r.extra) item.extra = Object.fromEntries(r.extra);
  return item;
}

/**
 * One batch item as JSON, compact (JSON Lines) or indented as an element of the array (json):
 * the summary row, or with `full` `{ schemaVersion, id, row, status, estimate | error }`, the
 * estimate serialised once per scenario.
 */
function jsonItem(indent: boolean, detail: Detail, w: ViewWords): (r: BatchResult) => string {
  if (detail === 'summary') {
    const whole = (r: BatchResult) => {
      const json = indent ? `  ${JSON.stringify(summaryItem(r, w), null, 2).replace(/\n/g, '\n  ')}` : JSON.stringify(summaryItem(r, w));
      // Text from outside reaches a summary row only through its id, its error and its kept
      // columns; the rest are numbers, our own names and the price list's ids, version and date,
      // which its schema keeps to plain characters. Without them the row needs no scan (#27: the
      // scan of every row was 5% of a JSON Lines batch of distinct rows).
      return r.error === null && r.extra === null && !hasActiveChars(r.id) ? json : inertJson(json);
    };
    // Everything after "status" depends on the estimate alone: serialised once per distinct
    // estimate and joined to each row's id, row and line (#27: stringifying every row's whole
    // summary was most of a JSON batch). Rows with kept columns or an error take the whole path.
    const status = indent ? '\n    "status": "ok",\n' : '"status":"ok",';
    const tails = new RepeatCache<Estimate<unknown>, string>(32);
    return (r) => {
      // Rows that all differ (the cache rests) gain nothing from a tail: the whole path then.
      if (!r.estimate || r.error || r.extra || !tails.wanted()) return whole(r);
      let tail = tails.get(r.estimate);
      if (tail === undefined) {
        const text = whole({ row: 0, line: null, id: '', estimate: r.estimate, error: null, extra: null });
        tail = text.slice(text.indexOf(status) + status.length);
        tails.set(r.estimate, tail);
      }
      const id = inertJson(JSON.stringify(r.id));
      const line = r.line === null ? 'null' : String(r.line);
      return indent
        ? `  {\n    "schemaVersion": ${SCHEMA_VERSION},\n    "id": ${id},\n    "row": ${r.row},\n    "line": ${line},${status}${tail}`
        : `{"schemaVersion":${SCHEMA_VERSION},"id":${id},"row":${r.row},"line":${line},${status}${tail}`;
    };
  }
  const estimateJson = memo((e) =>
    inertJson(indent ? JSON.stringify(toJsonDocument(said(e)), null, 2).replace(/\n/g, '\n    ') : JSON.stringify(toJsonDocument(said(e)))),
  );
  return (r) => {
    if (!r.estimate)
      return inertJson(indent ? `  ${JSON.stringify(errorItem(r, w), null, 2).replace(/\n/g, '\n  ')}` : JSON.stringify(errorItem(r, w)));
    const fields: [string, string][] = [
      ['schemaVersion', String(SCHEMA_VERSION)],
      ['id', inertJson(JSON.stringify(r.id))],
      ['row', String(r.row)],
      ['status', '"ok"'],
      ['estimate', estimateJson(r.estimate)],
    ];
    if (r.extra) fields.push(['extra', inertJson(JSON.stringify(Object.fromEntries(r.extra)))]);
    if (!indent) return `{${fields.map(([k, v]) => `"${k}":${v}`).join(',')}}`;
    return `  {\n${fields.map(([k, v]) => `    "${k}": ${v}`).join(',\n')}\n  }`;
  };
}

const COMMA = 0x2c;

/** A row's estimate in words: a writer whose `words` is true is given every estimate said (src/commands/batch.ts). */
const said = (e: Estimate<unknown>) => e as Estimate;

function youPay(e: Estimate, w: ViewWords): string {
  const pay = patientLowHigh(e);
  const first = e.patient.cases[0];
  return `${formatUsdRange(pay.lowCents, pay.highCents)}${first && first.case !== 'self-pay' ? `, ${payLabel(e, w)}` : ''}`;
}

const sessionsText = (e: Estimate<unknown>) => formatRange(e.sessions.low, e.sessions.high);

const OUTPUT_NAMES = new Set<string>(BATCH_COLUMNS.map((c) => c.toLowerCase()));

/**
 * The output names of kept input columns: as in the input, but a name one of our columns already
 * has (`status`, `route`) becomes `input_<name>`, so no output has two columns of one name (#25).
 */
export function keptColumnNames(names: readonly string[]): string[] {
  const taken = new Set(OUTPUT_NAMES);
  return names.map((name) => {
    let out = name;
    while (taken.has(out.toLowerCase())) out = `input_${out}`;
    taken.add(out.toLowerCase());
    return out;
  });
}

/**
 * The kept columns of a streamed batch, which the first row fixes (later JSON Lines rows may hold
 * other keys): `first(r)` returns their output names on the first row and null after it (or
 * before, from `end` with no rows); `values(r)` a row's cells in that order ('' where missing).
 */
function keptColumns() {
  let kept: string[] | null = null;
  return {
    first: (r: BatchResult): string[] | null => {
      if (kept !== null) return null;
      kept = r.extra ? r.extra.map(([name]) => name) : [];
      return keptColumnNames(kept);
    },
    started: () => kept !== null,
    values: (r: BatchResult): (string | null)[] => (kept ?? []).map((name) => r.extra?.find(([n]) => n === name)?.[1] ?? null),
  };
}

/** Returns the streaming writer for a batch output format. */
export function batchWriter(format: BatchFormat, options: BatchWriterOptions): BatchWriter {
  const w = options.words ?? EN_VIEW;
  const priceList = w.batch.priceList(options.dataset.id, options.dataset.version, options.dataset.asOf);
  const h = w.batch.headers;
  switch (format) {
    case 'json': {
      const item = jsonItem(true, options.detail, w);
      return {
        words: options.detail === 'full',
        start: () => '[',
        row: (r, i) => `${i === 0 ? '\n' : ',\n'}${item(r)}`,
        end: (c) => (c.ok + c.failed === 0 ? ']\n' : '\n]\n'),
      };
    }
    case 'jsonl': {
      const item = jsonItem(false, options.detail, w);
      return { words: options.detail === 'full', start: () => '', row: (r) => `${item(r)}\n`, end: () => '' };
    }
    case 'csv': {
      const fields = estimateFieldsWriter();
      // A row's estimate cells, as bytes, kept while the rows repeat (a few scenarios in a file).
      const repeats = new RepeatCache<Estimate<unknown>, Uint8Array>(32);
      const empty = csvFields(ESTIMATE_COLUMNS.map(() => null));
      // Kept columns follow ours, named as in the input; the first row fixes which they are.
      const kept = keptColumns();
      const rowInto = (r: BatchResult, _index: number, out: Utf8Out) => {
        const names = kept.first(r);
        if (names) out.text(csvLine([...BATCH_COLUMNS, ...names]));
        if (r.estimate) {
          // id, row, status, error_column, error: an estimated row has no error cells.
          out.text(csvCell(r.id));
          out.ascii(COMMA);
          out.integer(r.row);
          out.text(',ok,,,');
          const key = repeats.wanted() ? r.estimate : undefined;
          const hit = repeats.get(key);
          if (hit !== undefined) out.bytes(hit);
          else {
            const start = out.length;
            fields(r.estimate, out);
            if (key !== undefined) repeats.set(key, out.copy(start));
          }
        } else out.text(`${csvFields([r.id, r.row, 'error', r.error?.column ?? null, rowMessage(r, w)])},${empty}`);
        const values = kept.values(r);
        if (values.length) out.text(`,${csvFields(values)}`);
        out.ascii(0x0d);
        out.ascii(0x0a);
      };
      let scratch: Utf8Out | undefined;
      return {
        words: false,
        start: () => '',
        row: (r, i) => {
          scratch ??= new Utf8Out();
          scratch.clear();
          rowInto(r, i, scratch);
          return new TextDecoder().decode(scratch.view());
        },
        rowInto,
        end: (c) => (c.ok + c.failed === 0 ? csvLine([...BATCH_COLUMNS]) : ''),
      };
    }
    case 'markdown': {
      // Kept columns follow ours, as in CSV; the first row fixes which they are, so the header
      // waits for it.
      const kept = keptColumns();
      const header = (names: string[]) =>
        `| id | ${h.route} | ${h.sessions} | ${h.program} | ${h.youPay} | ${h.status} |${names.map((n) => ` ${markdownCell(visibleName(n))} |`).join('')}\n` +
        `| --- | --- | ---: | ---: | ---: | --- |${names.map(() => ' --- |').join('')}\n`;
      const keptCells = (r: BatchResult) =>
        kept
          .values(r)
          .map((v) => ` ${markdownCell(visibleName(v ?? ''))} |`)
          .join('');
      return {
        words: true,
        start: () => '',
        row: (r) => {
          const names = kept.first(r);
          const head = names ? header(names) : '';
          return r.estimate
            ? `${head}| ${markdownCell(visibleName(r.id))} | ${r.estimate.route.id} | ${sessionsText(r.estimate)} | ${formatUsdRange(r.estimate.program.lowCents, r.estimate.program.highCents)} | ${markdownCell(youPay(said(r.estimate), w))} | ${w.batch.ok} |${keptCells(r)}\n`
            : `${head}| ${markdownCell(visibleName(r.id))} | | | | | ${markdownCell(visible(rowMessage(r, w)))} |${keptCells(r)}\n`;
        },
        end: (c) =>
          `${kept.started() ? '' : header([])}\n${w.batch.counts(c.ok, c.failed)} ${priceList}\n\n_${listDisclaimer(options.dataset.id, w)}_\n`,
      };
    }
    case 'table': {
      /** The fewest columns the last column (what the patient pays, a row's error) wraps in beside the others. */
      const LAST_COLUMN_ROOM = 20;
      // Fixed widths rather than cli-table3, which needs every row before it can draw one. Kept
      // columns come after the id (the last column, what the patient pays, has no fixed width).
      const kept = keptColumns();
      const width = options.displayWidth ?? ((text: string) => text.length);
      // Pads by display width, not UTF-16 length, so CJK (two columns a character) and combining
      // marks (none) keep the columns aligned (#25 B12).
      const padToWidth = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));
      let widths: number[] = [12, 12, 9, 16];
      const terminal = options.terminal;
      // A cell wider than its column (a long id) ends its line, and the row goes on under the next
      // column, so every row's columns stay aligned (the table streams: widths are fixed up front).
      const cols = (cells: string[]) => {
        let done = '';
        let line = '';
        let start = 0;
        cells.forEach((cell, i) => {
          if (i > 0) {
            start += (widths[i - 1] ?? 0) + 2;
            if (width(line) + 2 > start) {
              done += `${line.trimEnd()}\n`;
              line = ' '.repeat(start);
            } else line = padToWidth(line, start);
          }
          if (!terminal || i < cells.length - 1) line += cell;
          else if (terminal.width - start >= LAST_COLUMN_ROOM)
            line = terminal.wrapText(cell, terminal.width, line, ' '.repeat(start)).join('\n');
          else {
            // Too narrow a terminal for the last column beside the others: it goes under them.
            done += `${line.trimEnd()}\n`;
            const indent = ' '.repeat((widths[0] ?? 0) + 2);
            line = terminal.wrapText(cell, terminal.width, indent, indent).join('\n');
          }
        });
        return `${done}${line}`.trimEnd();
      };
      const prose = (text: string) => (terminal ? terminal.wrapText(text, terminal.width, '', '').join('\n') : text);
      const header = (names: string[]) => {
        widths = [12, ...names.map((n) => Math.max(12, width(n))), 12, 9, 16];
        return `${cols(['id', ...names, h.route, h.sessions, h.program, h.youPay])}\n`;
      };
      return {
        words: true,
        start: () => '',
        row: (r) => {
          const names = kept.first(r);
          const head = names ? header(names.map(visibleName)) : '';
          const keptText = kept.values(r).map((v) => visibleName(v ?? ''));
          return r.estimate
            ? `${head}${cols([visibleName(r.id), ...keptText, r.estimate.route.id, sessionsText(r.estimate), formatUsdRange(r.estimate.program.lowCents, r.estimate.program.highCents), youPay(said(r.estimate), w)])}\n`
            : `${head}${cols([visibleName(r.id), ...keptText, `${w.batch.error} ${visible(rowMessage(r, w))}`])}\n`;
        },
        end: (c) => {
          // No rows: the header still names our columns.
          const head = kept.started() ? '' : header([]);
          return `${head}\n${prose(`${w.batch.counts(c.ok, c.failed)} ${priceList}`)}\n${prose(listDisclaimer(options.dataset.id, w))}\n`;
        },
      };
    }
  }
}
