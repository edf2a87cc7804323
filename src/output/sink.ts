import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DataError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { fsProblem } from '../text/error-words.js';
import { visibleName } from '../text/visible.js';

/**
 * Where a long output goes, written in chunks. `write` takes text, or UTF-8 bytes (Utf8Out), which
 * it writes or copies before it returns, so the caller may write into them again. It returns a
 * promise only when a chunk went out and the reader has not taken it yet: await it, or a slow pipe
 * makes memory grow without end. `finish` commits the output, `abort` throws away a partial file.
 */
export type Sink = { write: (chunk: string | Uint8Array) => Promise<void> | undefined; finish: () => Promise<void>; abort: () => void };

type Flush = (chunk: string | Uint8Array) => Promise<void> | undefined;

const CHUNK = 16 * 1024;

/**
 * Buffers text into ~16 KB chunks: a million rows become a few thousand writes, not a million.
 * Bytes come in chunks already, and go out at once, after the text before them.
 */
function buffered(flush: Flush): Pick<Sink, 'write'> & { drain: () => Promise<void> | undefined; discard: () => void } {
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
    write: (chunk) => {
      if (typeof chunk !== 'string') {
        const before = drain();
        const written = flush(chunk);
        return before && written ? Promise.all([before, written]).then(() => undefined) : (before ?? written);
      }
      pending.push(chunk);
      size += chunk.length;
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
  // The Io takes text; bytes are decoded to it here (a copy, so they may be written into again).
  const b = buffered((chunk) =>
    io.stdout(typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('utf8')),
  );
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
 * Where `--output` goes. A regular file (or a new one) is written through a temp file renamed into
 * place at the end, so an interrupted run (an error, Ctrl-C, SIGTERM, SIGHUP) never leaves half a
 * file under the name the user gave. A symlink is followed to the file it points at, which is
 * replaced and the link stays a link. Anything else (a FIFO, a terminal, /dev/stdout) is written
 * directly: it cannot be renamed over, and replacing a device node would be wrong. `-` is stdout.
 */
export function fileSink(file: string, io: Io, options: { private?: boolean } = {}): Sink {
  if (file === '-') return stdoutSink(io);
  const fail = (error: unknown): never => {
    throw new DataError({ key: 'cannotWrite', params: { name: visibleName(file), problem: fsProblem(error, true) } });
  };
  if (file === '') throw new UsageError({ key: 'outputEmpty', params: {} });
  let target = resolve(io.cwd, file);
  let existing: Stats | null = null;
  try {
    existing = statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return fail(error);
    // A new file, or a dangling link: write the file the link names, and the link stays.
    try {
      if (lstatSync(target).isSymbolicLink()) target = resolve(dirname(target), readlinkSync(target));
    } catch {}
  }
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    // Our own stdout (/dev/stdout, which may be a socket that cannot be opened again) is written as stdout.
    return isStdout(existing) ? stdoutSink(io) : directSink(target, fail);
  }
  // A link to a regular file: replace the file it points at, not the link.
  if (existing?.isFile()) {
    target = realpathSync(target);
    // A file the user may not write is refused, as `> file` would be: the temp file renamed over
    // it would otherwise replace a read-only file (the new-user try, as a user who was not its owner).
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      return fail(error);
    }
  }
  // As the system says it (EISDIR), so the message is the catalog's, in the run's language.
  if (existing?.isDirectory()) return fail(Object.assign(new Error('it is a directory'), { code: 'EISDIR' }));
  if (existing && !existing.isFile()) return directSink(target, fail);

  // An unpredictable name, created exclusively (O_EXCL never follows a planted link) and private
  // while it is written.
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
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
  const b = buffered((chunk) => {
    try {
      writeAll(fd, chunk);
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
        // An existing file keeps its permissions (a 0600 file stays 0600); a new one gets the
        // usual mode from the umask. A file of personal data is private to its owner either way.
        fchmodSync(fd, options.private ? 0o600 : existing ? existing.mode & 0o7777 : 0o666 & ~process.umask());
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

/**
 * Writes a chunk to a file descriptor opened for blocking writes: bytes until all are taken (a
 * write may take part of them), as cli.ts writes to fd 1; text in one write, as the sinks always
 * did (a short write there is a full disk, whose next write fails and removes the temp file).
 */
function writeAll(fd: number, chunk: string | Uint8Array): void {
  if (typeof chunk === 'string') {
    writeSync(fd, chunk);
    return;
  }
  for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
}

function isStdout(stat: Stats): boolean {
  try {
    const out = fstatSync(1);
    return out.dev === stat.dev && out.ino === stat.ino;
  } catch {
    return false;
  }
}

/** Writes straight into something that is not a regular file (a FIFO, a terminal, a device). */
function directSink(target: string, fail: (error: unknown) => never): Sink {
  let fd: number;
  try {
    fd = openSync(target, constants.O_WRONLY);
  } catch (error) {
    return fail(error);
  }
  const b = buffered((chunk) => {
    try {
      writeAll(fd, chunk);
    } catch (error) {
      fail(error);
    }
    return undefined;
  });
  const close = () => {
    try {
      closeSync(fd);
    } catch {}
  };
  return {
    write: b.write,
    finish: async () => {
      await b.drain();
      close();
    },
    abort: close,
  };
}
