import { Buffer } from 'node:buffer';

/** Room a new buffer starts with: a chunk (16 KB, see Sink) and a long row. */
const START = 64 * 1024;
/** Text up to this long is copied by hand when it is ASCII. */
const SHORT = 32;

/**
 * An output built a cell at a time straight into UTF-8 bytes, for the batch CSV writer (#27): a
 * file of 100,000 distinct rows had spent a fifth of its time making each row's cells into
 * strings, joining them into chunks and encoding those to UTF-8 on the way out. Bytes written are
 * exactly those of the same text encoded as UTF-8 (test/output/utf8-out.test.ts).
 *
 * `view()` is what was written, until `clear()` starts again on the same buffer: a Sink writes or
 * copies the bytes it is given before it returns, so one buffer serves the whole output.
 */
export class Utf8Out {
  private buf = Buffer.allocUnsafe(START);
  private pos = 0;

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.pos;
  }

  /**
   * Writes text as UTF-8, as Buffer.from encodes it: a lone surrogate as U+FFFD, also one that
   * would pair with the text of the next call (a batch's cells have commas between them).
   */
  text(text: string): void {
    let rest = text;
    // Most cells are short and ASCII (an id, a name of ours): copied here, a character a byte,
    // which costs less than the call into Buffer's encoder (#27).
    if (text.length <= SHORT) {
      this.room(text.length);
      const buf = this.buf;
      let pos = this.pos;
      let i = 0;
      for (; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code > 0x7f) break;
        buf[pos++] = code;
      }
      this.pos = pos;
      if (i === text.length) return;
      rest = text.slice(i);
    }
    // Up to 3 bytes a UTF-16 unit (a surrogate pair is 4 bytes for 2 units).
    this.room(rest.length * 3);
    this.pos += this.buf.write(rest, this.pos, 'utf8');
  }

  /** Writes one ASCII character, given as its code (0 to 127). */
  ascii(code: number): void {
    this.room(1);
    this.buf[this.pos++] = code;
  }

  /** Writes an integer in decimal, as String(n) does for a safe integer ("-12", "0"). */
  integer(n: number): void {
    this.room(17);
    let rest = n;
    if (rest < 0) {
      this.buf[this.pos++] = 0x2d;
      rest = -rest;
    }
    let digits = 1;
    for (let x = rest; x >= 10; x = Math.floor(x / 10)) digits += 1;
    let at = this.pos + digits;
    this.pos = at;
    do {
      this.buf[--at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /**
   * Writes an amount of cents (a safe integer) as a decimal with two places, as formatDecimal
   * (src/core/money.ts) does: 135000 as "1350.00", -5 as "-0.05". Nothing for null or undefined.
   */
  decimal(cents: number | null | undefined): void {
    if (cents === null || cents === undefined) return;
    this.room(20);
    let abs = cents;
    if (cents < 0) {
      this.buf[this.pos++] = 0x2d;
      abs = -cents;
    }
    this.integer(Math.floor(abs / 100));
    const rest = abs % 100;
    this.buf[this.pos++] = 0x2e;
    this.buf[this.pos++] = 0x30 + Math.floor(rest / 10);
    this.buf[this.pos++] = 0x30 + (rest % 10);
  }

  /** Writes bytes taken earlier (from `copy`). */
  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** A copy of what was written since `start` (a `length` read earlier), to be written again with `bytes`. */
  copy(start: number): Uint8Array {
    return new Uint8Array(this.buf.subarray(start, this.pos));
  }

  /** What was written since the last `clear()`: a view of the buffer, good until the next write. */
  view(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  /** Starts again, on the same buffer. */
  clear(): void {
    this.pos = 0;
  }

  /** Makes room for `n` more bytes, keeping what is written. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }
}
