import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

// Every usage error, word for word: what was wrong, what is allowed, on one line, exit 2, nothing
// on stdout. A change to a message shows here first, so it is made on purpose.
const MESSAGES: [args: string[], message: string][] = [
  [['--route', 'ivv'], '--route "ivv" is not a route (did you mean "iv"?); allowed: iv, im, esketamine, oral'],
  [['--route', 'iv', '--sessions', '0'], '--sessions "0" is not allowed; use a whole number from 1 to 365'],
  [['--route', 'iv', '--sessions', 'abc'], '--sessions "abc" is not allowed; use a whole number from 1 to 365'],
  [['--route', 'iv', '--sessions', '3', '--weeks', '4'], '--weeks cannot be given with --sessions; give one of them'],
  [
    ['--route', 'iv', '--weeks', '4'],
    '--weeks cannot count sessions for IV infusion: the price list has no schedule for it; use --sessions (routes with a schedule: esketamine, oral)',
  ],
  [['--route', 'esketamine', '--dose', '28'], '--dose "28" is not a dose of Esketamine nasal spray (Spravato); allowed: 56 or 84 (mg)'],
  [
    ['--route', 'iv', '--provider', 'at-home'],
    '--provider "at-home": IV infusion is not offered at home through an online (telehealth) provider; allowed for iv: clinic',
  ],
  [
    ['--route', 'iv', '-i', 'in-network', '--copay', '20', '--coinsurance', '10'],
    '--copay cannot be given with coinsurance; give one of them',
  ],
  [['--route', 'iv', '--coinsurance', '15'], '--coinsurance applies only when insurance is in-network or medicare-advantage (it is none)'],
  [
    ['--route', 'oral', '--insurance', 'tricare'],
    '--insurance "tricare" is not an insurance status; allowed: none, in-network, out-of-network, medicare, medicare-advantage, medicaid',
  ],
  [['--route', 'iv', '--format', 'xml'], '--format "xml" is not allowed; allowed: table, json, csv, markdown, html'],
  [['--route'], '--route needs a value after it; see --help for what it takes'],
  [['--bogus'], "unknown option '--bogus'; see --help for the options this command takes"],
  [['--rout', 'iv'], "unknown option '--rout' (did you mean --route?); see --help for the options this command takes"],
  [['compare', '--route', 'iv'], "unknown option '--route' for this command; see --help (compare takes routes as words: compare iv oral)"],
  [
    ['compar'],
    'unknown command "compar" (did you mean "compare"?); commands: compare, plan, routes, batch, gfe, clinic, data, schema, help; or flags only, such as --route iv',
  ],
  [
    ['plan', '--route', 'iv', '--sessions', '6', '--every', '1w', '--start', '2027-02-30'],
    '--start "2027-02-30" is not a date; use YYYY-MM-DD, e.g. 2027-01-15',
  ],
  [[], '--route is required when not asking questions (no terminal, or --no-interactive); allowed: iv, im, esketamine, oral'],
];

describe('usage errors, word for word', () => {
  it.each(MESSAGES)('%j', (args, message) => {
    const r = runCli(args);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `error: ${message}\n`]);
  });
});

// Files: the price list and batch input are read at run time, so their faults are data errors (exit 1).
const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-messages-'));
writeFileSync(join(dir, 'broken.json'), '{');
writeFileSync(join(dir, 'empty.json'), '{}');
const DATA_MESSAGES: [args: string[], message: string][] = [
  [['--route', 'iv', '--data', 'missing.json'], 'cannot read price list missing.json: no such file'],
  [
    ['--route', 'iv', '--data', 'broken.json'],
    "price list broken.json is not valid JSON: Expected property name or '}' at line 1, column 2",
  ],
  [
    ['--route', 'iv', '--data', 'empty.json'],
    'price list empty.json is not valid: id: Invalid input: expected string, received undefined (and 8 more; run `ketamine-cost data validate empty.json`)',
  ],
  [['batch', 'missing.csv'], 'cannot read missing.csv: no such file'],
];

describe('data errors, word for word', () => {
  it.each(DATA_MESSAGES)('%j', (args, message) => {
    const r = runCli(args, { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', `error: ${message}\n`]);
  });
});

// A batch row that fails is reported in its own record, with the column at fault; the batch exits 3.
const ROW_MESSAGES: [row: string, column: string, message: string][] = [
  ['ivv,6,', 'route', '"ivv" is not a route (did you mean "iv"?); allowed: iv, im, esketamine, oral'],
  ['iv,0,', 'sessions', '"0" is not allowed; use a whole number from 1 to 365'],
  [',6,', 'route', 'is required; allowed: iv, im, esketamine, oral'],
  ['oral,4,8', 'weeks', 'cannot be given with --sessions; give one of them'],
];

describe('batch row errors, word for word', () => {
  it.each(ROW_MESSAGES)('%s', (row, column, message) => {
    const r = runCli(['batch', '-', '--format', 'jsonl'], { input: `route,sessions,weeks\n${row}\n` });
    expect(r.code).toBe(3);
    const record = JSON.parse(r.stdout) as { error: { column: string; message: string } };
    // A message that starts with the value follows a colon; one that starts with a verb reads on.
    const joint = message.startsWith('"') ? ': ' : ' ';
    expect(record.error).toEqual({ column, message: `row 1 (line 2), column ${column}${joint}${message}` });
  });
});
