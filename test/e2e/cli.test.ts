import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { expectUsageError, priceOf, readDataset, runCli } from '../helpers.js';

// These spawn the built command (npm test builds it first), as a user's shell would.
const dataset = readDataset();

describe('estimates in every format', () => {
  it('table', () => {
    const r = runCli(['--route', 'iv', '--sessions', '6']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const iv = priceOf(dataset, 'iv');
    expect(r.stdout).toContain('IV infusion at a clinic, 6 sessions');
    expect(r.stdout).toMatch(/Per session \(third-party figure\) \[1: L160\] +│ +\$225 │ +\$800 │/);
    expect(r.stdout).toMatch(/Treatment, 6 sessions \[1: L160\] +│ \$1,350 │ \$4,800 │/);
    expect([iv.lowCents * 6, iv.highCents * 6]).toEqual([135000, 480000]);
    // + the intake visit, $0-$350 once: $1,350-$5,150.
    expect(r.stdout).toMatch(/All-in \(without psychotherapy, boosters\) +│ \$1,350 │ \$5,150 │/);
  });

  it('json', () => {
    const r = runCli(['--route', 'oral', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const oral = priceOf(dataset, 'oral');
    expect(doc).toMatchObject({
      schemaVersion: 2,
      currency: 'USD',
      scenario: { route: 'oral', provider: 'at-home' },
      perSession: { lowCents: oral.lowCents, highCents: oral.highCents },
      sessions: { low: 4, high: 6, basis: 'typical' },
      program: { lowCents: oral.lowCents * 4, highCents: oral.highCents * 6 },
      // Oral's other items (first consultation, psychotherapy) are not priced: the all-in is the program.
      allIn: { lowCents: 30000, highCents: 120000, notPriced: ['intake', 'psychotherapy'] },
    });
  });

  it('markdown', () => {
    const r = runCli(['-r', 'esketamine', '--dose', '84', '-s', '8', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const device = priceOf(dataset, 'esketamine');
    expect(r.stdout).toContain(`| Per session (84 mg, 3 devices) (third-party figure) [1: L160] | $900 | $1,200 |`);
    // Session 1 at 56 mg, then 7 at 84 mg: 2 x $300 + 7 x 3 x $300 = $6,900; 2 x $400 + 7 x 3 x $400 = $9,200.
    expect([device.lowCents * 2 + device.lowCents * 3 * 7, device.highCents * 2 + device.highCents * 3 * 7]).toEqual([690000, 920000]);
    expect(r.stdout).toContain('| Treatment, 8 sessions [1: L160] | $6,900 | $9,200 |');
  });

  it('csv', () => {
    const r = runCli(['-r', 'im', '-s', '4', '-f', 'csv']);
    expect(r.code).toBe(0);
    const [header, row] = r.stdout.split('\r\n');
    expect(header?.startsWith('route,provider,dose_mg,sessions_low')).toBe(true);
    // Program 4 x $225-$800 = $900-$3,200; the patient pays all-in: + intake $0-$350 = $900-$3,550.
    expect(row?.startsWith('im,clinic,,4,4,given,225.00,800.00,900.00,3200.00,none,self-pay,true,900.00,3550.00,')).toBe(true);
    expect(r.stdout).toMatchSnapshot();
  });

  it('gives the same bytes every time, whatever the locale, time zone or terminal width', () => {
    const args = ['-r', 'esketamine', '--weeks', '26', '-i', 'in-network', '--deductible', '1200'];
    const base = runCli(args).stdout;
    const envs: Record<string, string>[] = [
      { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      { TZ: 'Pacific/Kiritimati' },
      { COLUMNS: '20' },
      { TERM: 'dumb' },
    ];
    for (const env of envs) {
      expect(runCli(args, { env }).stdout).toBe(base);
    }
  });
});

describe('colour', () => {
  it('is off when not on a terminal', () => expect(runCli(['-r', 'iv']).stdout).not.toMatch(/\x1b\[/));
  it('is on with FORCE_COLOR', () => expect(runCli(['-r', 'iv'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[1m/));
  it('NO_COLOR beats FORCE_COLOR, without a Node warning', () => {
    const r = runCli(['-r', 'iv'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stderr).toBe('');
  });
  it('--no-color beats FORCE_COLOR', () =>
    expect(runCli(['-r', 'iv', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/));
  it('never reaches a file named with --output, even with FORCE_COLOR (the new-user try)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kc-color-'));
    for (const name of ['out.txt', 'out.md', 'out.html']) {
      const r = runCli(['-r', 'iv', '-o', join(dir, name)], { env: { FORCE_COLOR: '1' } });
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, name), 'utf8')).not.toMatch(/\x1b\[/);
    }
  });
});

describe('bad input: one line on stderr, nothing on stdout, exit 2', () => {
  it.each([
    [['--route', 'ivv'], /--route "ivv" is not a route \(did you mean "iv"\?\); allowed: iv, im, esketamine, oral/],
    [
      ['--route', 'esketamine', '--provider', 'at-home'],
      /--provider "at-home": Esketamine nasal spray \(Spravato\) is not offered at home/,
    ],
    [['--route', 'iv', '--provider', 'online'], /--provider "online": IV infusion is not offered at home/],
    [['--route', 'iv', '--dose', '56'], /--dose applies only to routes priced by dose \(esketamine\), not to iv/],
    [['--route', 'iv', '--sessions', '0'], /--sessions "0" is not allowed; use a whole number from 1 to 365/],
    [['--route', 'iv', '--sessions', '2.5'], /--sessions "2.5" is not allowed/],
    [['--route', 'iv', '--sessions', 'abc'], /--sessions "abc" is not allowed/],
    [['--route', 'iv', '--format', 'xml'], /^error: --format "xml" is not allowed; allowed: table, json, csv, markdown, html$/m],
    [['--route', 'iv', '--rout', 'iv'], /unknown option '--rout' \(did you mean --route\?\)/],
    [['--route'], /^error: --route needs a value after it; see --help for what it takes$/m],
    [['--route', 'iv', 'extra'], /"extra" is one argument too many: ketamine-cost takes options only/],
    [[], /--route is required when not asking questions .*allowed: iv, im, esketamine, oral/],
    [['--no-interactive'], /--route is required when not asking questions/],
    [['--interactive'], /--interactive needs a terminal/],
    [['--interactive', '--route', 'iv'], /--interactive needs a terminal/],
  ])('%j', (args, message) => expectUsageError(args, message));
});

describe('help and version', () => {
  it('--help lists the flags, the routes and examples', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const text of ['--route <route>', '--sessions <n>', '--format <format>', 'Routes: iv', 'Examples:'])
      expect(r.stdout).toContain(text);
    // The prose after the options is wrapped to 80 columns when piped.
    expect(r.stdout).toMatch(/does not give\s+medical\s+advice/);
  });
  it('--version prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    // The bundled price list's version beside the tool's: figures change with either.
    const list = readDataset();
    expect(r.stdout.trim()).toBe(`${packageJson.version} (bundled price list ${list.id} ${list.version}, as of ${list.asOf})`);
  });
});

describe('what is due up front, with your packages (the new-user try)', () => {
  it('is bought as the program is and cites the packages as well as the price', () => {
    const r = runCli(['--route', 'im', '--sessions', '5', '--price', '450', '--package', '6:2400']);
    expect(r.code).toBe(0);
    // 4 sessions up front: 4 x $450 = $1,800 (the $2,400 pack costs more); at most the program's 5
    // (not the source's 6, the new-user try): 5 x $450 = $2,250, less than the pack.
    expect(r.stdout).toMatch(
      /│ Due before the first session \(4-5 sessions up front\) \[\d+: --package\] \[\d+: --price\] +│ \$1,800 │ \$2,250 │/,
    );
    // A 2-session program is due whole, and says so: 2 x $450 = $900.
    const short = runCli(['--route', 'im', '--sessions', '2', '--price', '450', '--package', '6:2400']);
    expect(short.stdout).toMatch(/│ Due before the first session \(the whole program, 2 sessions, up front\) .*│ +\$900 │ +\$900 │/);
  });
});

describe('--output without --format: the file name says the format (the new-user try wrote a table into out.csv)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-output-'));
  const rows = join(dir, 'rows.csv');
  writeFileSync(rows, 'id,route,sessions\na,iv,6\nb,oral,4\n');
  it('a batch to .csv is CSV, to .jsonl JSON Lines; an estimate to .json is JSON, to .html a page', () => {
    const csv = runCli(['batch', rows, '-o', join(dir, 'out.csv')]);
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toMatch(/^id,row,status,/);
    expect(runCli(['batch', rows, '-o', join(dir, 'out.JSONL')]).code).toBe(0);
    const lines = readFileSync(join(dir, 'out.JSONL'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['a', 'b']);
    expect(runCli(['-r', 'iv', '-s', '6', '-o', join(dir, 'e.json')]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'e.json'), 'utf8')).schemaVersion).toBe(2);
    expect(runCli(['-r', 'iv', '-s', '6', '-o', join(dir, 'e.html')]).code).toBe(0);
    expect(readFileSync(join(dir, 'e.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });
  it('--format given wins; a name that says nothing (.out, .txt) keeps the table', () => {
    expect(runCli(['-r', 'iv', '-s', '6', '--format', 'table', '-o', join(dir, 't.csv')]).code).toBe(0);
    expect(readFileSync(join(dir, 't.csv'), 'utf8')).toMatch(/^From the lowest/);
    for (const name of ['t.out', 't.txt']) {
      expect(runCli(['-r', 'iv', '-s', '6', '-o', join(dir, name)]).code).toBe(0);
      expect(readFileSync(join(dir, name), 'utf8')).toMatch(/^From the lowest/);
    }
  });
  it('a format the command does not write is refused in one line, and nothing is written', () => {
    expectUsageError(
      ['batch', rows, '-o', join(dir, 'out.html')],
      /^error: --output names a \.html file \(html\), which "batch" does not write; give --format: table, json, jsonl, csv, markdown\n$/,
    );
    expectUsageError(
      ['--lang', 'es', 'gfe', '-r', 'iv', '-s', '6', '-o', join(dir, 'g.csv')],
      /^error: --output indica un archivo \.csv \(csv\), que "gfe" no escribe; indique --format: markdown, html, json\n$/,
    );
    expect(existsSync(join(dir, 'out.html'))).toBe(false);
    expect(existsSync(join(dir, 'g.csv'))).toBe(false);
  });
});
