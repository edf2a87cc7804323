// The lazily loaded parts of the CLI are separate bundles with their own copies of these classes,
// so errors are recognised by a brand, not by instanceof.
import { type JsonProblem, type Said, sayError } from './text/error-words.js';
import { EN_ERRORS } from './text/errors-en.js';

const BRAND = Symbol.for('ketamine-cost.error');

/**
 * An error the user can act on, with the exit code it maps to. Thrown with words (a message
 * already said in the run's language) or with `said`, a key and its parameters that the error
 * boundary says in the run's language; `message` is then the English words (for the API and
 * --debug). `where` names where a value came from when nobody typed it ("KETAMINE_COST_DATA").
 */
export abstract class KnownError extends Error {
  abstract readonly exitCode: number;
  readonly [BRAND] = true;
  readonly said: Said | null;
  where: string | null = null;
  constructor(message: string | Said) {
    super(typeof message === 'string' ? message : sayError(EN_ERRORS, message));
    this.said = typeof message === 'string' ? null : message;
  }
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

/** Folds a message to one line, so every error is exactly one line on stderr. */
export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/**
 * Says what JSON.parse found wrong, the same on every Node version: V8's words without the
 * "(line, column)" only newer versions add and without the echo of the input (which may be long,
 * or someone's personal data), and the line and column counted here (null when V8 gives no position).
 */
export function jsonProblem(error: unknown, text: string): JsonProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  const detail = message.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?$/, '').replace(/, "[\s\S]*" is not valid JSON$/, '');
  if (!at) return { detail, line: null, column: null };
  const before = text.slice(0, Number(at[1]));
  return { detail, line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}
