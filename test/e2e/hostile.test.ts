import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, expectUsageError, runCli } from '../helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'ketamine-cost-hostile-'));
// Each case: one clear line on stderr, the right exit code, nothing on stdout, no stack trace.
const expectUsage = (args: string[], message: RegExp, code = 2) => expectUsageError(args, message, { code });

describe('numbers', () => {
  it.each(['9007199254740993', '1e400', '0x10', '１２', '12abc', 'NaN', 'Infinity', '', '-3', '+3', '3.0', ' '])(
    '--sessions %j',
    (value) => {
      expectUsage(['-r', 'iv', '--sessions', value], /^error: --sessions ".*" is not allowed; use a whole number from 1 to 365\n$/);
    },
  );
  it.each(['-0.01', '$-5', '(1,000.00)'])('--deductible %j (negative)', (value) => {
    expectUsage(
      ['-r', 'iv', '-i', 'in-network', '--deductible', value],
      /^error: --deductible ".*" is a negative amount; use dollars of zero or more, such as 1000 or \$1,000.50\n$/,
    );
  });
  it.each(['0.001', '1e3', '0x10', '1,00', 'NaN', '', '9007199254740993', '１２'])('--deductible %j', (value) => {
    expectUsage(
      ['-r', 'iv', '-i', 'in-network', '--deductible', value],
      /^error: --deductible ".*" is not an amount of money; use dollars such as 1000, 1000.50 or \$1,000.50/,
    );
  });
  it.each(['%20', '20%%', '100.001', '101', '-1', 'twenty'])('--coinsurance %j', (value) => {
    expectUsage(
      ['-r', 'iv', '-i', 'in-network', '--coinsurance', value],
      /^error: --coinsurance ".*" is not a percentage; use a number from 0 to 100 with at most two decimals/,
    );
  });
  it('accepts a trailing % sign and cents', () => {
    const doc = JSON.parse(
      runCli([
        '-r',
        'iv',
        '-s',
        '1',
        '-i',
        'in-network',
        '--covered',
        'yes',
        '--coinsurance',
        '12.5%',
        '--deductible',
        '$0.01',
        '-f',
        'json',
      ]).stdout,
    );
    expect(doc.scenario.insurance).toMatchObject({ coinsuranceBasisPoints: 1250, deductibleCents: 1 });
    // $225 session: 1 cent to the deductible, then 12.5% of $224.99 = $28.12 (28.12375, rounded half up).
    expect(doc.patient.cases[0].patient.lowCents).toBe(1 + 2812);
  });
});

describe('names', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'IV; rm -rf /'])('--route %j', (value) => {
    expectUsage(['--route', value], /^error: --route ".*" is not a route/);
  });
  it.each([['__proto__'], ['constructor']])('--insurance %j', (value) =>
    expectUsage(['-r', 'iv', '-i', value], /is not an insurance status/),
  );
  it('takes mixed case and spaces', () => {
    const doc = JSON.parse(runCli(['-r', ' Spravato ', '-p', 'In Clinic', '-i', 'In Network', '-f', 'json']).stdout);
    expect(doc.scenario).toMatchObject({ route: 'esketamine', provider: 'clinic', insurance: { status: 'in-network' } });
  });
  it('a flag given twice: the last one wins', () => {
    const doc = JSON.parse(runCli(['-r', 'iv', '-s', '3', '--route', 'oral', '-s', '5', '-f', 'json']).stdout);
    expect(doc.scenario).toMatchObject({ route: 'oral', sessions: 5 });
  });
  it('`data validate` without a file is a usage error (commander used to exit 1 here)', () => {
    expectUsage(['data', 'validate'], /missing required argument 'file'/);
  });
});

describe('datasets', () => {
  it.each([
    ['empty', '', /is empty/],
    ['deep nesting', `{"id":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, /is nested too deeply to be a price list/],
    ['__proto__ keys', '{"__proto__": {"isAdmin": true}}', /key "__proto__" is not allowed/],
    ['constructor keys', '{"routes": [{"constructor": 1}]}', /key "constructor" is not allowed/],
    ['an array', '[]', /is not valid: \(root\)/],
    ['JavaScript', 'module.exports = {}', /is not valid JSON/],
  ])('%s', (name, text, message) => {
    const file = join(temp, `${name.replace(/\W/g, '')}.json`);
    writeFileSync(file, text);
    expectUsage(['-r', 'iv', '--data', file], message, 1);
  });
});

describe('environment', () => {
  it.each([[['-r', 'iv', '-f', 'json']], [['batch', '-', '-f', 'csv']], [['compare', '-f', 'markdown']]])(
    '%j to a full disk: one line, exit 1',
    (args) => {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} > /dev/full`], {
        input: 'route\niv\n',
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('error: cannot write the output: no space left on the device\n');
      // In the run's language too (the new-user try found it raw and English).
      const es = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --lang es ${args.join(' ')} > /dev/full`], {
        input: 'route\niv\n',
        encoding: 'utf8',
      });
      expect([es.status, es.stderr]).toEqual([1, 'error: no se puede escribir la salida: no queda espacio en el disco\n']);
    },
  );
});

describe('a million rows through a pipe', () => {
  it('arrive as exactly a million rows at the other end', () => {
    const script = `awk 'BEGIN { print "id,route,sessions"; for (i = 1; i <= 1000000; i++) print i ",iv," (i % 7 + 1) }' | "${process.execPath}" "${BIN}" batch - -f csv | awk 'END { print NR }'`;
    const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('1000001');
  }, 130_000);
});
