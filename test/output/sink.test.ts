// Sinks take text and, from the batch CSV's byte writer, UTF-8 bytes (#27): in order, and the
// bytes written or copied before write() returns, so the writer may fill its buffer again.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io.js';
import { fileSink, stdoutSink } from '../../src/output/sink.js';

const temp = mkdtempSync(join(tmpdir(), 'ketamine-cost-sink-'));

/** Writes "a,", then "é1" as bytes, then "\r\n", then "z" as bytes from the same buffer overwritten. */
async function writeMixed(sink: ReturnType<typeof fileSink>): Promise<void> {
  const buffer = new Uint8Array(8);
  sink.write('a,');
  // "é1" in UTF-8: C3 A9 31.
  buffer.set([0xc3, 0xa9, 0x31]);
  await sink.write(buffer.subarray(0, 3));
  sink.write('\r\n');
  // The same buffer, written over: "z" (7A). What went out before must not change.
  buffer.set([0x7a, 0x7a, 0x7a]);
  await sink.write(buffer.subarray(0, 1));
  await sink.finish();
}

describe('sinks take text and bytes', () => {
  it('a file gets both, in the order written', async () => {
    const target = join(temp, 'mixed.csv');
    await writeMixed(fileSink(target, { cwd: temp, registerCleanup: () => () => {} } as unknown as Io));
    expect(readFileSync(target, 'utf8')).toBe('a,é1\r\nz');
  });

  it('standard output gets both as text, even when the reader holds every chunk it is given', async () => {
    const chunks: string[] = [];
    // A slow reader: each chunk is kept, and taken only later.
    const stdout = (chunk: string) => {
      chunks.push(chunk);
      return Promise.resolve();
    };
    const io = { stdout } as unknown as Io;
    await writeMixed(stdoutSink(io));
    expect(chunks.join('')).toBe('a,é1\r\nz');
  });
});
