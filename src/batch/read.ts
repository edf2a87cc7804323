import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { INPUT_COLUMN_NAMES, INPUT_COLUMNS, type InputColumn } from '../core/fields.js';
import { closestName } from '../core/names.js';
import type { RawScenario } from '../core/scenario.js';
import { DataError, isKnownError } from '../errors.js';

/** What is wrong with one row, and in which column when one column is to blame. */
export type RowProblem = { column: string | null; message: string };

/** One input row: its number (and, for JSON Lines, its line), its id (the `id` cell, else the row number), and either a raw scenario or what was wrong. */
export type BatchRow = { row: number; line: number | null; id: string; raw: RawScenario | null; problem: RowProblem | null };

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
const BY_SQUASHED = new Map<string, InputColumn>(INPUT_COLUMNS.map((c) => [squash(c), c]));

/** Maps a header or JSON key to a column: case-, space-, dash- and underscore-insensitive, camelCase too. */
export function columnFor(name: string): InputColumn | undefined {
  return BY_SQUASHED.get(squash(name.replace(/^\uFEFF/, '')));
}

function unknownColumn(name: string): string {
  const close = closestName(squash(name), INPUT_COLUMN_NAMES.map(squash));
  const suggestion = close ? ` (did you mean "${INPUT_COLUMN_NAMES[INPUT_COLUMN_NAMES.map(squash).indexOf(close)]}"?)` : '';
  return `unknown column "${name}"${suggestion}; allowed: ${INPUT_COLUMN_NAMES.join(', ')}`;
}

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

const NOT_UTF8 = 'holds bytes that are not UTF-8 (the file may be Latin-1 or Windows-1252); save it as UTF-8';

/**
 * Reads batch rows from a byte stream, CSV with a header or JSON Lines, and yields them in
 * chunks as the bytes arrive (per chunk, not per row, to keep the per-row cost low), so a
 * million-row file runs in bounded memory. Every input row yields exactly one BatchRow: rows that
 * cannot be read carry a problem instead of being dropped.
 */
export async function* readBatchRows(source: AsyncIterable<Buffer | string>, name: string): AsyncGenerator<BatchRow[]> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new DataError('the batch file is empty; it needs a header row (route, sessions, ...) and one row per scenario');
  const firstChunk = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value);
  async function* all(): AsyncGenerator<Buffer> {
    yield firstChunk;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
  }
  if (detectKind(name, firstChunk.subarray(0, 4096).toString('utf8')) === 'jsonl') yield* readJsonLines(all());
  else yield* readCsv(all());
}

type CsvState = { header: (InputColumn | undefined)[] | null; width: number; idCell: number; row: number };

/** Turns one parsed CSV record into a BatchRow (null for the header and for blank rows). */
function csvRow(record: string[], state: CsvState): BatchRow | null {
  if (state.header === null) {
    state.header = readHeader(record);
    state.width = record.length;
    state.idCell = state.header.indexOf('id');
    return null;
  }
  // A row of empty cells (",,,", common at the end of spreadsheet exports) is a blank line.
  if (record.every((cell) => cell.trim() === '')) return null;
  state.row += 1;
  const row = state.row;
  const idText = state.idCell >= 0 ? record[state.idCell]?.trim() : undefined;
  const id = idText ? idText : String(row);
  if (record.length !== state.width) {
    return {
      row,
      line: null,
      id,
      raw: null,
      problem: {
        column: null,
        message: `has ${record.length} cells but the header has ${state.width}; check for a missing or extra comma`,
      },
    };
  }
  const raw: RawScenario = {};
  let problem: BatchRow['problem'] = null;
  for (let i = 0; i < record.length; i++) {
    const column = state.header[i];
    const cell = record[i] ?? '';
    if (column === undefined || column === 'id' || cell.trim() === '') continue;
    if (problem === null && cell.includes('\uFFFD')) problem = { column, message: NOT_UTF8 };
    raw[column] = cell;
  }
  return { row, line: null, id, raw: problem ? null : raw, problem };
}

async function* readCsv(bytes: AsyncIterable<Buffer>): AsyncGenerator<BatchRow[]> {
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  const state: CsvState = { header: null, width: 0, idCell: -1, row: 0 };
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  parser.on('error', (error) => {
    failure = error;
    wake?.();
  });
  parser.on('end', () => {
    ended = true;
    wake?.();
  });
  parser.on('readable', () => wake?.());
  // Records are read as soon as each chunk is parsed, so the parser never holds more than a chunk's worth.
  const drain = (): BatchRow[] => {
    const rows: BatchRow[] = [];
    for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) {
      const row = csvRow(record, state);
      if (row) rows.push(row);
    }
    return rows;
  };
  const fail = (error: unknown): never => {
    if (isKnownError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DataError(`cannot read the CSV after row ${state.row}: ${message}`);
  };
  try {
    for await (const chunk of bytes) {
      // Small slices keep few rows alive at once, so the garbage collector's young space stays
      // small and a million rows take about the memory of ten thousand.
      for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
        parser.write(chunk.subarray(at, at + SLICE_BYTES));
        if (failure) fail(failure);
        const rows = drain();
        if (rows.length > 0) yield rows;
      }
    }
    parser.end();
    while (!ended) {
      const rows = drain();
      if (failure) fail(failure);
      if (rows.length > 0) yield rows;
      if (ended) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        // An event may have come while the consumer had the rows; look again before sleeping.
        if (ended || failure || parser.readableLength > 0) resolve();
      });
      wake = null;
    }
    if (failure) fail(failure);
  } catch (error) {
    fail(error);
  }
  if (state.header === null)
    throw new DataError('the batch file is empty; it needs a header row (route, sessions, ...) and one row per scenario');
}

function readHeader(cells: string[]): (InputColumn | undefined)[] {
  if (cells.length === 1 && /;/.test(cells[0] ?? '')) {
    throw new DataError('the header seems to use semicolons (;) between columns; save the file as comma-separated CSV');
  }
  const seen = new Set<InputColumn>();
  const columns = cells.map((cell) => {
    const column = columnFor(cell.trim());
    if (column === undefined) throw new DataError(cell.trim() === '' ? 'the header has an empty column name' : unknownColumn(cell.trim()));
    if (seen.has(column)) throw new DataError(`column "${cell.trim()}" appears twice in the header`);
    seen.add(column);
    return column;
  });
  if (!seen.has('route'))
    throw new DataError(`the header has no "route" column; columns: ${INPUT_COLUMN_NAMES.join(', ')} (only route is required)`);
  return columns;
}

async function* readJsonLines(bytes: AsyncIterable<Buffer>): AsyncGenerator<BatchRow[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  const state = { row: 0 };
  for await (const chunk of bytes) {
    const lines = (carry + decoder.write(chunk)).split('\n');
    carry = lines.pop() ?? '';
    const rows: BatchRow[] = [];
    for (const text of lines) {
      line += 1;
      const row = jsonRow(text, line, state);
      if (row) rows.push(row);
    }
    if (rows.length > 0) yield rows;
  }
  const rest = carry + decoder.end();
  if (rest !== '') {
    const row = jsonRow(rest, line + 1, state);
    if (row) yield [row];
  }
}

/** Turns one JSON Lines line into a BatchRow (null for a blank line). */
function jsonRow(rawText: string, line: number, state: { row: number }): BatchRow | null {
  const text = (line === 1 ? rawText.replace(/^\uFEFF/, '') : rawText).replace(/\r$/, '');
  if (text.trim() === '') return null;
  state.row += 1;
  const row = state.row;
  const fail = (message: string, column: string | null = null): BatchRow => ({
    row,
    line,
    id: String(row),
    raw: null,
    problem: { column, message },
  });
  if (text.includes('\uFFFD')) return fail(`line ${NOT_UTF8}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('is not a JSON object; write one {"route": ...} object per line');
  const raw: RawScenario = {};
  let id = String(row);
  let problem: BatchRow['problem'] = null;
  for (const [key, cell] of Object.entries(value)) {
    const column = columnFor(key);
    if (column === undefined) {
      problem ??= { column: key, message: unknownColumn(key) };
      continue;
    }
    if (cell === null || cell === '') continue;
    if (typeof cell !== 'string' && typeof cell !== 'number') {
      problem ??= { column, message: `must be a string or a number, not ${Array.isArray(cell) ? 'an array' : typeof cell}` };
      continue;
    }
    if (column === 'id') id = String(cell);
    else raw[column] = typeof cell === 'number' ? numberText(cell) : cell;
  }
  return { row, line, id, raw: problem ? null : raw, problem };
}

// JSON numbers arrive as doubles; 1e21 or 0.1+0.2 must not slip through as something else.
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : 'not-a-number';
}
