import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DataError, describeFsError } from '../errors.js';
import type { Io } from '../io.js';

/**
 * Where a long output goes, written in chunks. `write` returns a promise only when a chunk went
 * out and the reader has not taken it yet: await it, or a slow pipe makes memory grow without end.
 * `finish` commits the output, `abort` throws away a partial file.
 */
export type Sink = { write: (text: string) => Promise<void> | undefined; finish: () => Promise<void>; abort: () => void };

const CHUNK = 16 * 1024;

/** Buffers writes into ~16 KB chunks: a million rows become a few thousand writes, not a million. */
function buffered(
  flush: (text: string) => Promise<void> | undefined,
): Pick<Sink, 'write'> & { drain: () => Promise<void> | undefined; discard: () => void } {
  let pending: string[] = [];
  let size = 0;
  const drain = () => {
    if (size === 0) return undefined;
    const text = pending.join('');
    pending = [];
    size = 0;
    return flush(text);
  };
  return {
    write: (text) => {
      pending.push(text);
      size += text.length;
      return size >= CHUNK ? drain() : undefined;
    },
    drain,
    discard: () => {
      pending = [];
      size = 0;
    },
  };
}

/** Writes to stdout through the Io, waiting for the reader when the pipe is full. */
export function stdoutSink(io: Io): Sink {
  const b = buffered((text) => io.stdout(text));
  return {
    write: b.write,
    finish: async () => {
      await b.drain();
    },
    // A batch that stops on a file it cannot read writes nothing more: a small file leaves stdout
    // empty rather than a header or half a JSON array (a large one may have sent chunks already).
    abort: b.discard,
  };
}

/**
 * Writes to a temp file beside `file` and renames it into place at the end, so an interrupted run
 * (an error, Ctrl-C, SIGTERM) never leaves half a file under the name the user gave.
 */
export function fileSink(file: string, io: Io): Sink {
  const target = resolve(io.cwd, file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const fail = (error: unknown): never => {
    throw new DataError(`cannot write ${file}: ${describeFsError(error, 'the folder does not exist')}`);
  };
  let fd: number;
  try {
    fd = openSync(temp, 'w');
  } catch (error) {
    return fail(error);
  }
  let open = true;
  const removeTemp = () => {
    if (open) {
      open = false;
      try {
        closeSync(fd);
      } catch {}
    }
    try {
      unlinkSync(temp);
    } catch {}
  };
  const unregister = io.registerCleanup(removeTemp);
  const b = buffered((text) => {
    try {
      writeSync(fd, text);
    } catch (error) {
      removeTemp();
      fail(error);
    }
    return undefined;
  });
  return {
    write: b.write,
    finish: async () => {
      await b.drain();
      try {
        closeSync(fd);
        open = false;
        renameSync(temp, target);
      } catch (error) {
        removeTemp();
        fail(error);
      } finally {
        unregister();
      }
    },
    abort: () => {
      removeTemp();
      unregister();
    },
  };
}
