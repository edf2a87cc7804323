/** A bad flag, argument, prompt answer or combination: the user can fix it. Exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** A dataset or input file that cannot be read or fails its schema. Exit 1. */
export class DataError extends Error {
  readonly exitCode = 1;
}

/** The user pressed Ctrl-C or closed input at a prompt. Exit 130, as a shell does for SIGINT. */
export class CancelledError extends Error {
  readonly exitCode = 130;
}

/** Exit codes are a promise to scripts: README, "Exit codes". */
export const EXIT = { ok: 0, error: 1, usage: 2, batchRowsFailed: 3, cancelled: 130 } as const;
