// The lazily loaded parts of the CLI are separate bundles with their own copies of these classes,
// so errors are recognised by a brand, not by instanceof.
const BRAND = Symbol.for('ketamine-cost.error');

/** An error the user can act on, with the exit code it maps to. */
export abstract class KnownError extends Error {
  abstract readonly exitCode: number;
  readonly [BRAND] = true;
}

/** A bad flag, argument, prompt answer or combination: the user can fix it. Exit 2. */
export class UsageError extends KnownError {
  readonly exitCode = 2;
}

/** A dataset or input file that cannot be read or fails its schema. Exit 1. */
export class DataError extends KnownError {
  readonly exitCode = 1;
}

/** The user pressed Ctrl-C or closed input at a prompt. Exit 130, as a shell does for SIGINT. */
export class CancelledError extends KnownError {
  readonly exitCode = 130;
}

/** Whether `error` is one of ours (from any bundle), so it gets a one-line message, not a stack. */
export function isKnownError(error: unknown): error is KnownError {
  return error instanceof Error && (error as unknown as Record<symbol, unknown>)[BRAND] === true;
}

/** Exit codes are a promise to scripts: README, "Exit codes". */
export const EXIT = { ok: 0, error: 1, usage: 2, batchRowsFailed: 3, cancelled: 130 } as const;

/**
 * Says in words why a file could not be read or written. `missing` is what ENOENT means here:
 * "no such file" when reading, "the folder does not exist" when writing.
 */
export function describeFsError(error: unknown, missing = 'no such file'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return missing;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENAMETOOLONG') return 'the file name is too long for the file system';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ELOOP') return 'too many symbolic links in the path';
  return error instanceof Error ? error.message : String(error);
}

/** Folds a message to one line, so every error is exactly one line on stderr. */
export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/**
 * Says what JSON.parse found wrong, the same on every Node version: V8's words without the
 * "(line, column)" only newer versions add and without the echo of the input (which may be long,
 * or someone's personal data), then the line and column counted here.
 */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  const what = message.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?$/, '').replace(/, "[\s\S]*" is not valid JSON$/, '');
  if (!at) return what;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${what} at line ${line}, column ${column}`;
}
