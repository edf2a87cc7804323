import { fstatSync, statSync, writeSync } from 'node:fs';
import { constants } from 'node:os';
import type { Io } from './io.js';
import { main } from './main.js';
import type { Language } from './text/catalog.js';
import { english } from './text/en.js';
import { fsProblem, sayError } from './text/error-words.js';

// The process edge: wires stdout, stderr and stdin into an Io, runs main, and sets the exit code
// without calling process.exit(), which would cut off output still in the pipe. Errors are all
// caught in main.

/**
 * Runs the command line of this process: `bin/ketamine-cost.cjs` calls it. Loading the bundle does
 * not run it, so the programmatic API can take the shared modules from the same file (#27).
 */
export function run(): void {
  direct = stdoutIsNeverATerminal();
  if (!direct) process.stdout.on('error', outputFailed);
  // main catches everything, so the promise always resolves with the exit code.
  void main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
/** Ends the run when stdout cannot be written: quietly for a closed pipe, else with exit code 1. */
function outputFailed(error: NodeJS.ErrnoException): never {
  // A closed pipe (`| head -1`) is the reader saying it has enough: stop quietly.
  if (error.code === 'EPIPE') {
    process.exitCode ??= 0;
    process.exit();
  }
  const problem = sayError(language.errors, { key: 'cannotWriteOutput', params: { problem: fsProblem(error, true) } });
  stderr().write(`error: ${problem}\n`);
  process.exit(1);
}

// The run's language, once main has chosen it (Io.said): a result that cannot be written is said in it.
let language: Language = english;

/**
 * Whether stdout is certainly no terminal, known without making process.stdout: a pipe, a
 * socket, a file or the null device. Making process.stdout loads Node's stream modules, 4 to 8 ms
 * of a scripted run's start (#27), so such runs write with fs.writeSync instead (Node writes files
 * and pipes synchronously on POSIX too). Windows, and any doubt, take process.stdout.
 */
function stdoutIsNeverATerminal(): boolean {
  if (process.platform === 'win32') return false;
  try {
    const out = fstatSync(1);
    return !out.isCharacterDevice() || out.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

// True while stdout is written with fs.writeSync (see stdoutIsNeverATerminal).
let direct = false;

/**
 * Writes the result to stdout: straight to fd 1 while that is possible, else (a terminal, or a
 * pipe another process made non-blocking, which refuses a write when full: EAGAIN) through
 * process.stdout, which waits for the reader. Once on process.stdout, always on it, so the
 * output stays in order.
 */
function writeStdout(text: string): Promise<void> | undefined {
  if (direct) {
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(1, bytes, done);
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') outputFailed(error as NodeJS.ErrnoException);
      direct = false;
      process.stdout.on('error', outputFailed);
      return streamStdout(bytes.subarray(done));
    }
  }
  return streamStdout(text);
}

const streamStdout = (chunk: string | Uint8Array): Promise<void> | undefined =>
  process.stdout.write(chunk) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve));

// stderr is set up on first use: touching process.stderr creates its stream (for a pipe, a socket
// and the modules behind it), which a run that writes nothing there need not pay for. A failure
// to write a message (stderr closed) must not turn a success into a failure.
let stderrHooked = false;
function stderr(): NodeJS.WriteStream {
  if (!stderrHooked) {
    stderrHooked = true;
    process.stderr.on('error', () => {});
  }
  return process.stderr;
}

// Cleanups (a half-written --output temp file) run on every signal whose default would end the
// process without them (#25 B12: SIGQUIT, SIGUSR2 and SIGALRM had left a temp file); the exit code
// is the shell's 128 + signal number. SIGUSR1 (Node's inspector), SIGPROF (the profiler) and
// SIGTRAP (debuggers) stay Node's.
const CLEANUP_SIGNALS = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGUSR2',
  'SIGALRM',
  'SIGTERM',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGVTALRM',
  'SIGPWR',
] as const;
const cleanups = new Set<() => void>();
let signalsHooked = false;
const hookSignals = () => {
  signalsHooked = true;
  for (const signal of CLEANUP_SIGNALS) {
    const number = constants.signals[signal as keyof typeof constants.signals];
    // Not every platform has every signal (SIGPWR is Linux's).
    if (number === undefined) continue;
    process.on(signal, () => {
      for (const cleanup of cleanups) cleanup();
      process.exit(128 + number);
    });
  }
};

/** The process as an Io: made on run, so loading the bundle touches none of it. */
const processIo = (): Io => ({
  stdout: writeStdout,
  stderr: (text) => void stderr().write(text),
  // Getters: merely touching process.stdin sets up a stream, which a flags-only run never needs.
  get stdin() {
    return process.stdin;
  },
  get stdinIsTTY() {
    return process.stdin.isTTY === true;
  },
  stdoutIsTTY: !direct && process.stdout.isTTY === true,
  columns: direct ? undefined : process.stdout.columns,
  get stderrIsTTY() {
    return stderr().isTTY === true;
  },
  env: process.env,
  cwd: process.cwd(),
  said: (text) => {
    language = text;
  },
  registerCleanup: (cleanup) => {
    if (!signalsHooked) hookSignals();
    cleanups.add(cleanup);
    return () => cleanups.delete(cleanup);
  },
});
