import type { Io } from './io.js';
import { main } from './program.js';

// The process edge: wires stdout/stderr/stdin into an Io, runs, and sets the exit code without
// calling process.exit(), which would cut off output still in the pipe.

const stdoutErrors = (error: NodeJS.ErrnoException) => {
  // A closed pipe (`| head -1`) is the reader saying it has enough: stop quietly.
  if (error.code === 'EPIPE') {
    process.exitCode ??= 0;
    process.exit();
  }
  process.stderr.write(`error: cannot write output: ${error.code ?? error.message}\n`);
  process.exit(1);
};
process.stdout.on('error', stdoutErrors);

// Cleanups (a half-written --output temp file) run if the user interrupts; the exit code is the
// shell's 128 + signal number.
const cleanups = new Set<() => void>();
const onSignal = (signal: NodeJS.Signals, code: number) => {
  process.on(signal, () => {
    for (const cleanup of cleanups) cleanup();
    process.exit(code);
  });
};
let signalsHooked = false;

const io: Io = {
  out: (text) => void process.stdout.write(text),
  write: (text) => (process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve))),
  err: (text) => void process.stderr.write(text),
  // Getters: merely touching process.stdin sets up a stream (~1.5 ms), which a flags-only run never needs.
  get stdin() {
    return process.stdin;
  },
  get stdinIsTTY() {
    return process.stdin.isTTY === true;
  },
  stdoutIsTTY: process.stdout.isTTY === true,
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
  env: process.env,
  cwd: process.cwd(),
  registerCleanup: (cleanup) => {
    if (!signalsHooked) {
      signalsHooked = true;
      onSignal('SIGINT', 130);
      onSignal('SIGTERM', 143);
    }
    cleanups.add(cleanup);
    return () => cleanups.delete(cleanup);
  },
};

try {
  process.exitCode = await main(process.argv.slice(2), io);
} catch (error) {
  process.stderr.write(`error: unexpected: ${error instanceof Error ? error.message : String(error)} (rerun with --debug for details)\n`);
  if (process.argv.includes('--debug') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
