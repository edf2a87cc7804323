import { duplicateKey } from '../catalog/json-keys.js';
import { INPUT_COLUMN_NAMES, INPUT_COLUMNS, type InputColumn } from '../core/fields.js';
import { closestName } from '../core/names.js';
import type { RawScenario } from '../core/scenario.js';
import { DataError, isKnownError, jsonProblem } from '../errors.js';
import type { Delimiter, Encoding } from '../formats.js';
import type { Said } from '../text/error-words.js';
import { MAX_RECORD_BYTES, type RawRecord, RecordScanner } from './records.js';

/** What is wrong with one row, and in which column when one column is to blame. */
/** Why a row was not estimated: the column to blame (if one), the words, and whether they read on from the column's name ("column route is required"). */
export type RowProblem = { column: string | null; message: string; readsOn?: boolean | undefined };

/** What the reader found wrong with a row before pricing it: the column, and the error as a key the batch says. */
export type ReaderProblem = { column: string | null; said: Said };

/**
 * One input row: its number and line, its id (the `id` cell, else the row number), either a raw
 * scenario or what was wrong, and the cells of columns the tool does not know (null when it has none;
 * a failed CSV row keeps their names with empty cells).
 */
export type BatchRow = {
  row: number;
  line: number | null;
  id: string;
  raw: RawScenario | null;
  problem: ReaderProblem | null;
  extra: [string, string][] | null;
};

/**
 * How a batch file is read: the cell delimiter (`,` `;` or a tab) and the text encoding (Excel's
 * "Save as CSV" writes Windows-1252, #25). Columns the tool does not know always pass through.
 */
export type ReadOptions = { delimiter?: Delimiter | undefined; encoding?: Encoding | undefined };
const DELIMITER_BYTE: Record<Delimiter, number> = { ',': 0x2c, ';': 0x3b, tab: 0x09 };

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
const BY_SQUASHED = new Map<string, InputColumn>(INPUT_COLUMNS.map((c) => [squash(c), c]));

/** Maps a header or JSON key to a column: case-, space-, dash- and underscore-insensitive, camelCase too. */
export function columnFor(name: string): InputColumn | undefined {
  return BY_SQUASHED.get(squash(name.replace(/^\uFEFF/, '')));
}

/**
 * The input column a name is one or two edits from (`sesions`, `deductable`), else undefined.
 * Such a column is refused even when other columns pass through: ignoring it would price a
 * scenario the counselor did not write (#25).
 */
export function misspeltColumn(name: string): string | undefined {
  const close = closestName(squash(name), SQUASHED_NAMES);
  return close === undefined ? undefined : INPUT_COLUMN_NAMES[SQUASHED_NAMES.indexOf(close)];
}
const SQUASHED_NAMES = INPUT_COLUMN_NAMES.map(squash);

/** Decides CSV or JSON Lines: by extension, else by the first non-blank character being `{`. */
export function detectKind(name: string, firstText: string): 'csv' | 'jsonl' {
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl';
  if (/\.csv$/i.test(name)) return 'csv';
  return firstText
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{')
    ? 'jsonl'
    : 'csv';
}

const SLICE_BYTES = 4096;

/** The longest record, in MiB, as the messages say it. */
const MAX_MIB = MAX_RECORD_BYTES / 1024 / 1024;
const EMPTY: Said = { key: 'batchEmpty', params: {} };

/**
 * Reads batch rows from a byte stream, CSV with a header or JSON Lines, and yields them in
 * chunks as the bytes arrive (per chunk, not per row, to keep the per-row cost low), so a
 * million-row file runs in bounded memory. Every input row yields exactly one BatchRow: rows that
 * cannot be read carry a problem instead of being dropped.
 */
export async function* readBatchRows(
  source: AsyncIterable<Buffer | string>,
  name: string,
  options: ReadOptions = {},
): AsyncGenerator<BatchRow[]> {
  const encoding = options.encoding ?? 'utf-8';
  const iterator = (encoding === 'utf-8' ? source : transcoded(source, encoding))[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new DataError(EMPTY);
  const firstChunk = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value);
  if (encoding === 'utf-8') {
    const utf16 = utf16Order(firstChunk);
    if (utf16 !== null) throw new DataError({ key: 'batchUtf16', params: { order: utf16 } });
  }
  const kind = detectKind(name, firstChunk.subarray(0, 4096).toString('utf8'));
  const scanner = new RecordScanner(kind, DELIMITER_BYTE[options.delimiter ?? ',']);
  const toRow = kind === 'csv' ? csvReader() : jsonLinesReader();
  const rowsOf = (records: RawRecord[]): BatchRow[] => {
    const rows: BatchRow[] = [];
    for (const record of records) {
      const row = toRow.row(record);
      if (row) rows.push(row);
    }
    return rows;
  };
  let chunk: Buffer | null = firstChunk;
  while (chunk !== null) {
    // Small slices keep few rows alive at once, so the garbage collector's young space stays
    // small and a million rows take about the memory of ten thousand.
    for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
      const rows = rowsOf(scanner.push(chunk.subarray(at, at + SLICE_BYTES)));
      if (rows.length > 0) yield rows;
    }
    const next: IteratorResult<Buffer | string> = await iterator.next();
    chunk = next.done ? null : Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
  }
  let last: RawRecord[];
  try {
    last = scanner.end();
  } catch (error) {
    if (isKnownError(error)) throw error;
    throw new DataError({
      key: 'batchUnreadable',
      params: { csv: kind === 'csv', detail: error instanceof Error ? error.message : String(error) },
    });
  }
  const rows = rowsOf(last);
  if (rows.length > 0) yield rows;
  toRow.finish();
}

/**
 * Whether the first bytes are UTF-16, and in which byte order: a byte-order mark, or (no mark,
 * as some exports write it, #25 B12) zero bytes in every other place, which UTF-8 text never has.
 */
function utf16Order(first: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(first.length, 512) >> 1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (first[2 * i] === 0) evenZeros += 1;
    if (first[2 * i + 1] === 0) oddZeros += 1;
  }
  // ASCII in UTF-16 is a zero in every pair; a quarter is plenty to tell it from a stray NUL.
  if (oddZeros * 4 > pairs && evenZeros * 4 <= pairs) return 'utf-16le';
  if (evenZeros * 4 > pairs && oddZeros * 4 <= pairs) return 'utf-16be';
  return null;
}

type RowReader = { row: (record: RawRecord) => BatchRow | null; finish: () => void };

/** The bytes of another encoding as UTF-8, chunk by chunk (a character split between chunks is kept whole). */
async function* transcoded(source: AsyncIterable<Buffer | string>, encoding: Encoding): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of source)
    yield Buffer.from(decoder.decode(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk), { stream: true }));
  const rest = decoder.decode();
  if (rest) yield Buffer.from(rest);
}

/** Turns CSV records into BatchRows: the first is the header; blank rows are skipped. */
function csvReader(): RowReader {
  let header: (InputColumn | undefined)[] | null = null;
  let names: string[] = [];
  // The columns the tool does not know, which pass through; a failed row keeps their names (its
  // cells may not line up), so the first row, failed or not, fixes the output's columns.
  let kept: number[] = [];
  let keptEmpty: [string, string][] | null = null;
  // Empty names at the end of the header (Excel writes "a,b," for an empty last column): read as
  // absent, with their cells, which must then be empty too (#25).
  let trailing = 0;
  let idCell = -1;
  let count = 0;
  return {
    row: (record) => {
      if (header === null) {
        if (record.tooLong) throw new DataError({ key: 'headerTooLong', params: { mib: MAX_MIB } });
        if (record.notUtf8 !== null) throw new DataError({ key: 'headerNotUtf8', params: {} });
        while (trailing < record.cells.length - 1 && (record.cells[record.cells.length - 1 - trailing] ?? '').trim() === '') trailing += 1;
        const cells = record.cells.slice(0, record.cells.length - trailing);
        header = readHeader(cells);
        names = cells.map((c) => c.trim());
        idCell = header.indexOf('id');
        kept = header.flatMap((column, i) => (column === undefined ? [i] : []));
        keptEmpty = kept.length ? kept.map((i) => [names[i] ?? '', '']) : null;
        return null;
      }
      const { line } = record;
      const full = record.cells;
      // Cells under the empty trailing header names: dropped when empty, else the row says so.
      const cells = trailing > 0 && full.length === header.length + trailing ? full.slice(0, header.length) : full;
      // A row of empty cells (",,,", common at the end of spreadsheet exports) is a blank line.
      if (!record.tooLong && cells.every((cell) => cell.trim() === '')) return null;
      count += 1;
      const row = count;
      const idText = idCell >= 0 && !record.tooLong ? cells[idCell]?.trim() : undefined;
      const id = idText ? idText : String(row);
      const fail = (column: string | null, said: Said): BatchRow => ({
        row,
        line,
        id,
        raw: null,
        problem: { column, said },
        extra: keptEmpty,
      });
      if (record.tooLong) return fail(null, { key: 'rowTooLong', params: { mib: MAX_MIB, line: false } });
      if (cells !== full && full.slice(header.length).some((cell) => cell.trim() !== ''))
        return fail(null, { key: 'rowUnderEmptyColumn', params: {} });
      if (cells.length !== header.length) return fail(null, { key: 'rowCells', params: { cells: cells.length, columns: header.length } });
      if (record.notUtf8 !== null)
        return fail(header[record.notUtf8] ?? names[record.notUtf8] ?? null, { key: 'rowNotUtf8', params: { line: false } });
      const raw: RawScenario = {};
      for (let i = 0; i < cells.length; i++) {
        const column = header[i];
        const cell = cells[i] ?? '';
        if (column === undefined || column === 'id' || cell.trim() === '') continue;
        raw[column] = cell;
      }
      const extra: [string, string][] | null = kept.length ? kept.map((i) => [names[i] ?? '', cells[i] ?? '']) : null;
      return { row, line, id, raw, problem: null, extra };
    },
    finish: () => {
      if (header === null) throw new DataError(EMPTY);
    },
  };
}

function readHeader(cells: string[]): (InputColumn | undefined)[] {
  if (cells.length === 1 && /;/.test(cells[0] ?? '')) {
    throw new DataError({ key: 'headerSemicolons', params: {} });
  }
  const seen = new Set<InputColumn>();
  const kept = new Set<string>();
  const columns = cells.map((cell) => {
    const name = cell.trim();
    const column = columnFor(name);
    if (name === '') throw new DataError({ key: 'headerEmptyName', params: {} });
    if (column === undefined) {
      const close = misspeltColumn(name);
      if (close !== undefined) throw new DataError({ key: 'columnMisspelt', params: { name, close } });
      // Two kept columns of one name would be two output columns of one name.
      if (kept.has(name.toLowerCase())) throw new DataError({ key: 'columnTwice', params: { name } });
      kept.add(name.toLowerCase());
      return undefined;
    }
    if (seen.has(column)) throw new DataError({ key: 'columnTwice', params: { name } });
    seen.add(column);
    return column;
  });
  if (!seen.has('route')) throw new DataError({ key: 'headerNoRoute', params: { columns: INPUT_COLUMN_NAMES } });
  return columns;
}

/** Turns JSON Lines records into BatchRows, one JSON object per line; blank lines are skipped. */
function jsonLinesReader(): RowReader {
  const state = { row: 0 };
  return {
    row: (record) => {
      const text = record.cells[0] ?? '';
      if (!record.tooLong && record.notUtf8 === null && text.trim() === '') return null;
      if (record.tooLong || record.notUtf8 !== null) {
        state.row += 1;
        const said: Said = record.tooLong
          ? { key: 'rowTooLong', params: { mib: MAX_MIB, line: true } }
          : { key: 'rowNotUtf8', params: { line: true } };
        return { row: state.row, line: record.line, id: String(state.row), raw: null, problem: { column: null, said }, extra: null };
      }
      return jsonRow(text, record.line, state);
    },
    finish: () => {},
  };
}

/** Turns one JSON Lines line into a BatchRow (null for a blank line). */
function jsonRow(text: string, line: number, state: { row: number }): BatchRow | null {
  if (text.trim() === '') return null;
  state.row += 1;
  const row = state.row;
  const fail = (said: Said, column: string | null = null): BatchRow => ({
    row,
    line,
    id: String(row),
    raw: null,
    problem: { column, said },
    extra: null,
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail({ key: 'rowNotJson', params: { problem: jsonProblem(error, text) } });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail({ key: 'rowNotObject', params: {} });
  const raw: RawScenario = {};
  let id = String(row);
  let problem: BatchRow['problem'] = null;
  const seen = new Map<InputColumn, string>();
  const extra: [string, string][] = [];
  for (const [key, cell] of Object.entries(value)) {
    const column = columnFor(key);
    if (column === undefined) {
      const close = misspeltColumn(key);
      if (close !== undefined) {
        problem ??= { column: key, said: { key: 'columnMisspelt', params: { name: key, close } } };
        continue;
      }
      const kept = typeof cell === 'string' ? cell : keptJson(cell);
      if (kept === null) problem ??= { column: key, said: { key: 'rowKeptTooDeep', params: {} } };
      else extra.push([key, kept]);
      continue;
    }
    // "route" and "Route" name one column, as two CSV headers would: refuse, never pick one.
    const other = seen.get(column);
    if (other !== undefined) {
      problem ??= { column: key, said: { key: 'rowSameColumn', params: { other, key } } };
      continue;
    }
    seen.set(column, key);
    if (cell === null || cell === '') continue;
    if (typeof cell !== 'string' && typeof cell !== 'number') {
      problem ??= { column, said: { key: 'rowNotText', params: { type: Array.isArray(cell) ? 'array' : typeof cell } } };
      continue;
    }
    if (column === 'id') id = String(cell);
    else raw[column] = typeof cell === 'number' ? numberText(cell) : cell;
  }
  // JSON.parse keeps the last of two equal keys; two values for one column must not pass unseen.
  if (problem === null && text.indexOf('"', text.indexOf('"') + 1) !== -1) {
    const twice = duplicateKey(text);
    if (twice !== null) problem = { column: twice, said: { key: 'rowKeyTwice', params: { key: twice } } };
  }
  return { row, line, id, raw: problem ? null : raw, problem, extra: extra.length ? extra : null };
}

// A value JSON.parse could read may still be too deep to write back (5,000 nested arrays overflow
// the stack): that row fails alone, the batch goes on.
function keptJson(cell: unknown): string | null {
  try {
    return JSON.stringify(cell);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

// JSON numbers arrive as doubles; 1e21 or 0.1+0.2 must not slip through as something else.
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : 'not-a-number';
}
