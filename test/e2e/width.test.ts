import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers.js';

// On a terminal the output fits its width (down to 40 columns: a phone is about 50) by wrapping at
// word boundaries, tables stacking their rows where their columns cannot fit.
const COMMANDS = [
  ['--route', 'iv'],
  ['--route', 'esketamine', '--weeks', '8', '-i', 'in-network', '--deductible', '500', '--explain'],
  ['routes'],
  ['compare'],
  ['plan', '--route', 'iv', '--sessions', '6', '--every', '1w', '--start', '2027-01-04'],
];

/** The words a person reads: split on spaces and box drawing; addresses and hyphenated names break on purpose. */
const words = (text: string) =>
  new Set(
    text
      .split(/[\s│┌┐└┘├┤┬┴┼─|+]+/)
      .map((w) => w.replace(/:$/, '')) // "Route:" when a table is stacked as "heading: value"
      .filter((w) => w !== '' && !/[/-]/.test(w)),
  );
/** Pieces of an address, which may break after "/", "-" or "%20" to fit. */
const addresses = (text: string) => text.split(/\s+/).filter((w) => w.includes('/'));

describe('fits the terminal', () => {
  for (const args of COMMANDS) {
    for (const columns of [40, 50, 60, 80, 100]) {
      it(`${args.join(' ')} at ${columns} columns: no line wider, no word broken`, async () => {
        const narrow = await runInProcess(args, { tty: true, columns, env: { NO_COLOR: '1' } });
        const wide = await runInProcess(args, { tty: true, columns: 1000, env: { NO_COLOR: '1' } });
        expect(narrow.code).toBe(0);
        const widest = Math.max(...narrow.stdout.split('\n').map((l) => [...l].length));
        expect(widest).toBeLessThanOrEqual(columns);
        // Every word at this width is a word of the unwrapped output: none was cut in two.
        const whole = words(wide.stdout);
        const links = addresses(wide.stdout);
        const broken = [...words(narrow.stdout)].filter((w) => !whole.has(w) && !links.some((link) => link.includes(w)));
        expect(broken).toEqual([]);
      });
    }
  }
});
