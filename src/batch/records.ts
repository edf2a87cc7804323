import { isAscii, isUtf8 } from 'node:buffer';
import { DataError } from '../errors.js';

/** The longest record (a CSV record or a JSON Lines line) a batch accepts; a longer one fails alone. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * One record of a batch file: the line it starts on and its cells (CSV) or its one cell (JSON
 * Lines), or why it could not be read (`tooLong`; `notUtf8` names the first cell with bytes that
 * are not UTF-8).
 */
export type RawRecord = { line: number; cells: string[]; tooLong: boolean; notUtf8: number | null };

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Splits a byte stream into records, one pass over each byte, so time is linear in the input and
 * memory is bounded by MAX_RECORD_BYTES whatever the file holds. Every `\r\n`, `\n` and lone `\r`
 * outside quotes ends a record, so mixed line ends never merge rows. In CSV mode, commas split
 * cells and double quotes quote them (RFC 4180; a quote inside an unquoted cell, as spreadsheets
 * write `=HYPERLINK("x")`, is kept as text). The structural bytes are ASCII, which never occurs
 * inside a UTF-8 multi-byte character, so cells are cut on bytes and decoded one by one.
 */
export class RecordScanner {
  private readonly csv: boolean;
  private line = 1;
  private recordLine = 1;
  private cells: string[] = [];
  // The cell so far: most cells are one run of bytes in one chunk, kept as (chunk, from, to) and
  // decoded straight from the chunk; a cell cut by a chunk's end or by a doubled quote also has
  // its earlier runs in `pieces`.
  private run: Buffer | null = null;
  private runFrom = 0;
  private runTo = 0;
  private pieces: Buffer[] | null = null;
  // The chunk being scanned as text, when it is all ASCII (most files): its cells are cut from
  // this one string, which costs less than decoding each cell from the bytes (#27).
  private asciiChunk: Buffer | null = null;
  private asciiText = '';
  private cellBytes = 0;
  private recordBytes = 0;
  private tooLong = false;
  private notUtf8: number | null = null;
  private nonAscii = false;
  private quoted = false;
  /** The cell began with a quote (so an empty cell `""` is still a cell, not a blank line). */
  private wasQuoted = false;
  /** A quote ended the last chunk inside a quoted cell: the next byte says whether it was `""`. */
  private quoteAtEnd = false;
  /** A CR ended the last chunk: an LF starting the next one belongs to it. */
  private crAtEnd = false;
  private started = false;
  /** Some cell of the record was quoted: `""` alone is an empty cell, not a blank line. */
  private wasQuotedRecord = false;

  /** The byte between CSV cells: a comma, or a semicolon or tab from other locales' exports (#25). */
  private readonly delimiter: number;

  constructor(kind: 'csv' | 'jsonl', delimiter = COMMA) {
    this.csv = kind === 'csv';
    this.delimiter = delimiter;
  }

  /** Feeds the next bytes; returns the records they completed. */
  push(chunk: Buffer): RawRecord[] {
    const out: RawRecord[] = [];
    let i = 0;
    if (isAscii(chunk)) {
      this.asciiChunk = chunk;
      this.asciiText = chunk.toString('latin1');
    } else this.asciiChunk = null;
    if (!this.started) {
      this.started = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    if (this.crAtEnd) {
      this.crAtEnd = false;
      if (chunk[i] === LF) i += 1;
    }
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (chunk[i] === QUOTE) {
        this.take(chunk, i, i + 1);
        i += 1;
      } else this.quoted = false;
    }
    let start = i;
    const n = chunk.length;
    while (i < n) {
      const b = chunk[i] as number;
      if (b >= 0x80) {
        this.nonAscii = true;
        i += 1;
      } else if (this.quoted) {
        if (b === QUOTE) {
          this.take(chunk, start, i);
          if (i + 1 === n) this.quoteAtEnd = true;
          else if (chunk[i + 1] === QUOTE) {
            this.take(chunk, i, i + 1);
            i += 1;
          } else this.quoted = false;
          i += 1;
          start = i;
        } else {
          // Line breaks inside a quoted cell are part of it, but still count as lines.
          if (b === LF || (b === CR && chunk[i + 1] !== LF)) this.line += 1;
          i += 1;
        }
      } else if (b === LF || b === CR) {
        this.take(chunk, start, i);
        this.endCell();
        const record = this.endRecord();
        if (record) out.push(record);
        this.line += 1;
        this.recordLine = this.line;
        if (b === CR) {
          if (i + 1 === n) this.crAtEnd = true;
          else if (chunk[i + 1] === LF) i += 1;
        }
        i += 1;
        start = i;
      } else if (this.csv && b === this.delimiter) {
        this.take(chunk, start, i);
        this.endCell();
        i += 1;
        start = i;
      } else if (this.csv && b === QUOTE && this.cellBytes === 0 && i === start && !this.wasQuoted) {
        this.quoted = true;
        this.wasQuoted = true;
        i += 1;
        start = i;
      } else i += 1;
    }
    this.take(chunk, start, n);
    return out;
  }

  /** Ends the input; returns the last record if it had no line end. Throws if a quoted cell is never closed. */
  end(): RawRecord[] {
    if (this.quoted) throw new DataError({ key: 'batchQuoteOpen', params: { line: this.recordLine } });
    this.endCell();
    const record = this.endRecord();
    return record ? [record] : [];
  }

  private take(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.recordBytes += to - from;
    this.cellBytes += to - from;
    if (this.recordBytes > MAX_RECORD_BYTES) {
      // Past the limit the record is only scanned to its end, not kept.
      this.tooLong = true;
      this.run = null;
      this.pieces = null;
      return;
    }
    if (this.run === chunk && this.runTo === from) {
      this.runTo = to;
      return;
    }
    if (this.run !== null) {
      this.pieces ??= [];
      this.pieces.push(this.run.subarray(this.runFrom, this.runTo));
    }
    this.run = chunk;
    this.runFrom = from;
    this.runTo = to;
  }

  private endCell(): void {
    if (this.tooLong || this.run === null) {
      this.cells.push('');
    } else if (this.pieces === null) {
      const { run, runFrom, runTo } = this;
      // ASCII reads the same as UTF-8 and as Latin-1, a byte a character.
      if (run === this.asciiChunk) this.cells.push(this.asciiText.slice(runFrom, runTo));
      else {
        if (this.nonAscii && this.notUtf8 === null && !isUtf8(run.subarray(runFrom, runTo))) this.notUtf8 = this.cells.length;
        this.cells.push(run.toString('utf8', runFrom, runTo));
      }
    } else {
      this.pieces.push(this.run.subarray(this.runFrom, this.runTo));
      const bytes = Buffer.concat(this.pieces);
      if (this.nonAscii && this.notUtf8 === null && !isUtf8(bytes)) this.notUtf8 = this.cells.length;
      this.cells.push(bytes.toString('utf8'));
    }
    this.run = null;
    this.pieces = null;
    this.cellBytes = 0;
    this.nonAscii = false;
    if (this.wasQuoted) this.wasQuotedRecord = true;
    this.wasQuoted = false;
  }

  private endRecord(): RawRecord | null {
    const { cells } = this;
    const blank = cells.length === 1 && cells[0] === '' && !this.tooLong && !this.wasQuotedRecord;
    const record: RawRecord = { line: this.recordLine, cells, tooLong: this.tooLong, notUtf8: this.notUtf8 };
    this.cells = [];
    this.recordBytes = 0;
    this.tooLong = false;
    this.notUtf8 = null;
    this.wasQuotedRecord = false;
    return blank ? null : record;
  }
}
