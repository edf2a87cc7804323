import { EXIT, isKnownError } from './errors.js';
import type { Io } from './io.js';

export type RunOptions = { debug: boolean };

/**
 * The single error boundary: runs a command and maps whatever it throws to one line on stderr and
 * an exit code. Commands only throw; nothing below here prints an error or exits.
 */
export async function run(command: () => Promise<number | void>, io: Io, options: RunOptions): Promise<number> {
  try {
    return (await command()) ?? EXIT.ok;
  } catch (error) {
    return reportError(error, io, options);
  }
}

/** Writes one line for an error and returns its exit code; the stack only with --debug. */
export function reportError(error: unknown, io: Io, options: RunOptions): number {
  if (isKnownError(error) && error.exitCode === EXIT.cancelled) {
    io.err('Cancelled\n');
    return EXIT.cancelled;
  }
  if (isKnownError(error)) {
    io.err(`error: ${oneLine(error.message)}\n`);
    if (options.debug && error.stack) io.err(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`error: unexpected: ${oneLine(message)} (rerun with --debug for details)\n`);
  if (options.debug && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  return EXIT.error;
}

/** Folds a message to one line, so every error is exactly one line on stderr. */
export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
