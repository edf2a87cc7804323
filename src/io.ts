/** Everything the shell touches of the process, passed in so commands run in tests without spawning. */
export type Io = {
  out: (text: string) => void;
  /** Writes to stdout and resolves once the reader has room again (undefined when it has room now). */
  write: (text: string) => Promise<void> | undefined;
  err: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Runs `cleanup` if the process is interrupted (SIGINT, SIGTERM); returns the function that unregisters it. */
  registerCleanup: (cleanup: () => void) => () => void;
};
