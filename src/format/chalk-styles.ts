import { Chalk } from 'chalk';

/**
 * Returns chalk's styles at basic colour level. A module of its own, loaded only when colour is
 * on: bundled inline, chalk's `node:tty` and `node:os` imports would cost every table to load.
 */
export function chalkStyles() {
  return new Chalk({ level: 1 });
}
