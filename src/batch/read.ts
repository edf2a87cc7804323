import { parse } from 'csv-parse';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { SCENARIO_FIELDS, type RawScenario, type ScenarioField } from '../core/scenario.js';
import { closestName } from '../core/names.js';
import { DataError, isKnownError } from '../errors.js';

/** One input row: its number, its id (the `id` cell, else the row number), and either a raw scenario or what was wrong. */
export type BatchRow = { row: number; line: number; id: string; raw: RawScenario | null; problem: { column: string | null; message: string } | null };

type Column = ScenarioField | 'id';
const COLUMNS: readonly Column[] = ['id', ...SCENARIO_FIELDS];
const squash = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
const BY_SQUASHED = new Map<string, Column>(COLUMNS.map((c) => [squash(c), c]));

/** The column names a user may write, as the flags spell them (`oop-max`). */
export const COLUMN_NAMES = COLUMNS.map((c) => c.replace(/[A-Z]/g, (x) => `-${x.toLowerCase()}`));

/** Maps a header or JSON key to a column: case-, space-, dash- and underscore-insensitive, camelCase too. */
export function columnFor(name: string): Column | undefined {
  return BY_SQUASHED.get(squash(name.replace(/^\uFEFF/, '')));
}

function unknownColumn(name: string): string {
  const close = closestName(squash(name), COLUMN_NAMES.map(squash));
  const suggestion = close ? ` (did you mean "${COLUMN_NAMES[COLUMN_NAMES.map(squash).indexOf(close)]}"?)` : '';
  return `unknown column "${name}"${suggestion}; allowed: ${COLUMN_NAMES.join(', ')}`;
}

/** Decides CSV or JSON Lines: by extension, else by the first non-blank character being `{`. */
export function detectKind(name: string, firstText: string): 'csv' | 'jsonl' {
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl';
  if (/\.csv$/i.test(name)) return 'csv';
  return firstText.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

const NOT_UTF8 = 'holds bytes that are not UTF-8 (the file may be Latin-1 or Windows-1252); save it as UTF-8';

/**
 * Reads batch rows one at a time from a byte stream, CSV with a header or JSON Lines, so a
 * million-row file runs in bounded memory. Every input row yields exactly one BatchRow: rows that
 * cannot be read carry a problem instead of being dropped.
 */
export async function* readBatchRows(source: AsyncIterable<Buffer | string>, name: string): AsyncGenerator<BatchRow> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new DataError('the batch file is empty; it needs a header row (route, sessions, ...) and one row per scenario');
  const firstChunk = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value);
  async function* all(): AsyncGenerator<Buffer> {
    yield firstChunk;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
  }
  if (detectKind(name, firstChunk.subarray(0, 4096).toString('utf8')) === 'jsonl') yield* readJsonLines(all());
  else yield* readCsv(all());
}

async function* readCsv(bytes: AsyncIterable<Buffer>): AsyncGenerator<BatchRow> {
  const parser = Readable.from(bytes).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }));
  let header: (Column | undefined)[] | null = null;
  let headerWidth = 0;
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (header === null) {
        header = readHeader(record);
        headerWidth = record.length;
        continue;
      }
      // A row of empty cells (",,,", common at the end of spreadsheet exports) is a blank line.
      if (record.every((cell) => cell.trim() === '')) continue;
      row += 1;
      const line = info.lines;
      const idCell = header.indexOf('id');
      const id = idCell >= 0 && record[idCell]?.trim() ? String(record[idCell]).trim() : String(row);
      if (record.length !== headerWidth) {
        yield { row, line, id, raw: null, problem: { column: null, message: `has ${record.length} cells but the header has ${headerWidth}; check for a missing or extra comma` } };
        continue;
      }
      const raw: RawScenario = {};
      let problem: BatchRow['problem'] = null;
      record.forEach((cell, i) => {
        const column = header?.[i];
        if (column === undefined || column === 'id' || cell.trim() === '') return;
        if (cell.includes('\uFFFD') && problem === null) problem = { column, message: NOT_UTF8 };
        raw[column] = cell;
      });
      yield { row, line, id, raw: problem ? null : raw, problem };
    }
  } catch (error) {
    if (isKnownError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DataError(`cannot read the CSV after row ${row}: ${message}`);
  }
  if (header === null) throw new DataError('the batch file is empty; it needs a header row (route, sessions, ...) and one row per scenario');
}

function readHeader(cells: string[]): (Column | undefined)[] {
  if (cells.length === 1 && /;/.test(cells[0] ?? '')) {
    throw new DataError('the header seems to use semicolons (;) between columns; save the file as comma-separated CSV');
  }
  const seen = new Set<Column>();
  const columns = cells.map((cell) => {
    const column = columnFor(cell.trim());
    if (column === undefined) throw new DataError(cell.trim() === '' ? 'the header has an empty column name' : unknownColumn(cell.trim()));
    if (seen.has(column)) throw new DataError(`column "${cell.trim()}" appears twice in the header`);
    seen.add(column);
    return column;
  });
  if (!seen.has('route')) throw new DataError(`the header has no "route" column; columns: ${COLUMN_NAMES.join(', ')} (only route is required)`);
  return columns;
}

async function* readJsonLines(bytes: AsyncIterable<Buffer>): AsyncGenerator<BatchRow> {
  const lines = createInterface({ input: Readable.from(bytes), crlfDelay: Infinity });
  let line = 0;
  let row = 0;
  for await (const rawText of lines) {
    line += 1;
    const text = line === 1 ? rawText.replace(/^\uFEFF/, '') : rawText;
    if (text.trim() === '') continue;
    row += 1;
    const fail = (message: string, column: string | null = null): BatchRow => ({ row, line, id: String(row), raw: null, problem: { column, message } });
    if (text.includes('\uFFFD')) {
      yield fail(`line ${NOT_UTF8}`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield fail(`is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield fail('is not a JSON object; write one {"route": ...} object per line');
      continue;
    }
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
    yield { row, line, id, raw: problem ? null : raw, problem };
  }
}

// JSON numbers arrive as doubles; 1e21 or 0.1+0.2 must not slip through as something else.
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : 'not-a-number';
}
