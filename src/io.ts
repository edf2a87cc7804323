import type { Language } from './text/catalog.js';

/** Everything the shell touches of the process, passed in so commands run in tests without spawning. */
export type Io = {
  /**
   * Writes to stdout. Returns a promise while the reader has not taken the text yet (undefined when
   * it has room now): long outputs await it, or a slow pipe makes memory grow without end.
   */
  stdout: (text: string) => Promise<void> | undefined;
  /** Writes messages, warnings and errors: everything that is not the result. */
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** The terminal's width in characters, when stdout is a terminal. */
  columns?: number | undefined;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Told the run's language once main has chosen it, so the shell words its own errors in it. */
  said?: (text: Language) => void;
  /** Runs `cleanup` if the process is interrupted (SIGINT, SIGTERM, SIGHUP); returns the function that unregisters it. */
  registerCleanup: (cleanup: () => void) => () => void;
};
