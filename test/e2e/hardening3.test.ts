// Hardening III (#25 part B): the newer views refuse what they cannot use, and errors never echo
// a patient's data or a 100 KB argument. Each case failed before its fix.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIN, expectUsageError, readDataset, runCli, runInProcess, writeClinicProfile } from '../helpers.js';

const expectUsage = (args: string[], message: RegExp) => expectUsageError(args, message, { code: 2 });
/** A GFE the tool can make from a quote (single prices for the session and the intake) and this clinic profile. */
const gfeWith = (clinic: string) => ['gfe', '-r', 'iv', '-s', '6', '--price', '400', '--item-price', 'intake=300', '--clinic', clinic];

describe('an unknown option never echoes its value (B4)', () => {
  it.each([
    ['gfe', '-r', 'iv', '--patient-dbo=1980-04-23'],
    ['gfe', '-r', 'iv', '--patent-name=Jo Example'],
    ['-r', 'iv', '--sesions=6'],
  ])('%j', (...args) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    const flag = String(args.at(-1)).split('=')[0];
    expect(r.stderr).toContain(`unknown option '${flag}'`);
    // The value after "=" (a date of birth, a name) is not in the message.
    expect(r.stderr).not.toContain(String(args.at(-1)).split('=')[1]);
  });
});

describe('compare --weeks that is no number of weeks is a usage error (B5)', () => {
  it.each(['abc', '0', '-1', '1.5', '105'])('--weeks %j', (value) => {
    expectUsage(['compare', '--weeks', value], /^error: --weeks ".*" is not allowed; use a whole number from 1 to 104\n$/);
  });
  it('a valid --weeks still skips the routes without a schedule, and counts "1 option" in the singular', () => {
    const r = runCli(['compare', '--weeks', '8', '--plain', '--no-color']);
    expect(r.code).toBe(0);
    const count = /^(\d+) options?, ranked/.exec(r.stdout);
    expect(count).not.toBeNull();
    expect(count?.[0]).toBe(count?.[1] === '1' ? '1 option, ranked' : `${count?.[1]} options, ranked`);
  });
});

describe('plan refuses flags it would drop (B7)', () => {
  it.each([
    [['--plan-year-start', '07-01'], /^error: --plan-year-start needs --start/],
    [['--boosters-every', '4'], /^error: --boosters-every needs --weeks/],
    [['--annual-deductible', '500'], /^error: --annual-deductible does not apply with --insurance none: it has no deductible\n$/],
    [
      ['-i', 'medicaid', '--annual-oop-max', '500'],
      /^error: --annual-oop-max does not apply with --insurance medicaid: it has no out-of-pocket maximum\n$/,
    ],
    [['--sessions', '4', '--weeks', '4'], /^error: --weeks cannot be given with --sessions/],
  ])('%j', (extra, message) => {
    expectUsage(['plan', '-r', 'oral', ...extra], message);
  });
  it.each([
    ['--plan-year-start', '07-01', '--start', '2027-01-04'],
    ['--weeks', '6', '--boosters-every', '2'],
    ['-i', 'in-network', '--annual-deductible', '500'],
    ['-i', 'medicare', '--annual-deductible', '500'],
  ])('still takes %j where it applies', (...extra) => {
    expect(runCli(['plan', '-r', 'oral', ...extra]).code).toBe(0);
  });
});

describe('plan dates (B9)', () => {
  it.each(['9999-12-10', '0050-03-01', '1899-12-31', '2200-01-01'])('--start %s is out of range', (date) => {
    expectUsage(
      ['plan', '-r', 'oral', '--start', date],
      /^error: --start ".*" is out of range; use a date from 1900-01-01 to 2199-12-31\n$/,
    );
  });
  it.each(['1900-01-01', '2199-12-31'])('--start %s is in range', (date) => {
    const r = runCli(['plan', '-r', 'oral', '--start', date, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(date);
    expect(r.stdout).not.toMatch(/[+-]0\d{5}-/);
  });
});

describe('values echoed in errors are cut at 200 characters (B10)', () => {
  const long = 'x'.repeat(5000);
  it.each([
    ['schema', long],
    ['compare', long],
    ['plan', '-r', 'oral', '--every', long],
    ['plan', '-r', 'oral', '--start', long],
    ['-r', long],
    ['--deductible', long, '-r', 'iv', '-i', 'in-network'],
  ])('%#', (...args) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    // At most 200 x's in a row (scenario fields cut sooner, at 60): the value, cut, then an ellipsis.
    const run = Math.max(...(r.stderr.match(/x+/g) ?? ['']).map((m) => m.length));
    expect(run).toBeGreaterThanOrEqual(60);
    expect(run).toBeLessThanOrEqual(200);
    expect(r.stderr).toContain('x…');
  });
});

describe('options before a subcommand keep its own choices (B6)', () => {
  it.each([
    [
      ['--format', 'html', 'batch', 'test/fixtures/none.csv'],
      /^error: --format "html" is not allowed for "batch"; allowed: table, json, jsonl, csv, markdown\n$/,
    ],
    [
      ['--format', 'csv', 'gfe', '-r', 'iv', '--price', '400', '-s', '6'],
      /^error: --format "csv" is not allowed for "gfe"; allowed: markdown, html, json\n$/,
    ],
  ])('%j', (args, message) => {
    expectUsage(args, message);
  });
  it('a value the subcommand takes is handed over', () => {
    const r = runCli(['--format', 'json', 'plan', '-r', 'oral']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBeTypeOf('number');
  });
});

describe('batch rows that could break the output (B3, B12)', () => {
  it('a JSON Lines row nested 5,000 deep in a kept column fails alone; the next row is estimated (exit 3)', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const input = `{"route":"iv","x":${deep}}\n{"route":"oral"}\n`;
    const r = runCli(['batch', '-', '--format', 'jsonl', '--keep-columns'], { input });
    expect(r.code).toBe(3);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => x.status)).toEqual(['error', 'ok']);
    expect(rows[0].error.message).toBe('row 1 (line 1), column x: nests too deep to pass through; give it as a string');
  });
  it.each([
    ['rows.jsonl', 'utf-16le', '{"route":"iv"}\n{"route":"oral"}\n'],
    ['rows.jsonl', 'utf-16be', '{"route":"iv"}\n'],
    ['rows.csv', 'utf-16le', 'route,sessions\niv,6\n'],
    ['rows.csv', 'utf-16be', 'route,sessions\niv,6\n'],
  ] as const)('%s in %s without a byte-order mark stops the batch (exit 1) and names the encoding', (file, encoding, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-utf16-'));
    const path = join(dir, file);
    const le = Buffer.from(text, 'utf16le');
    // Node has no UTF-16BE encoder: swap each pair of the little-endian bytes.
    writeFileSync(path, encoding === 'utf-16le' ? le : Buffer.from(le).swap16());
    const r = runCli(['batch', path, '-f', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: the batch file is UTF-16; give --encoding ${encoding}${encoding === 'utf-16le' ? ' (or utf-16be)' : ''}, or save it as UTF-8 (CSV UTF-8 in a spreadsheet)\n`,
    );
    // With the flag it is read.
    expect(runCli(['batch', path, '-f', 'csv', '--encoding', encoding]).code).toBe(0);
  });
  it('CJK and combining-mark ids and kept columns keep the table aligned (display width, not length)', () => {
    // 患者一 is 3 characters but 6 columns; "e" + two combining acute accents + "x" is 4 UTF-16
    // units but 2 columns. The id column is 12 wide and 2 spaces follow it, so every row's second
    // column starts at display column 14, and the kept column 名前 (12 wide + 2) puts route at 28.
    const input = 'id,route,名前\n患者一,iv,山田\ne\u0301\u0301x,oral,kb\nabc,iv,kc\n';
    const r = runCli(['batch', '-', '--plain', '--no-color'], { input });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').slice(0, 4);
    const columnOf = (line: string, text: string) => {
      // Display columns before `text`: CJK counts 2, combining marks 0, the rest 1.
      const before = line.slice(0, line.indexOf(text));
      return [...before].reduce((n, ch) => n + (/[\u4e00-\u9fff]/.test(ch) ? 2 : /[\u0300-\u036f]/.test(ch) ? 0 : 1), 0);
    };
    expect(lines.map((l, i) => columnOf(l, ['名前', '山田', 'kb', 'kc'][i] as string))).toEqual([14, 14, 14, 14]);
    expect(lines.map((l, i) => columnOf(l, ['route', 'iv', 'oral', 'iv'][i] as string))).toEqual([28, 28, 28, 28]);
  });
  it.each(['table', 'markdown'])('an id holding a newline, U+200B or U+2028 stays on its own row in %s', (format) => {
    const input = 'id,route\n"a\n│ fake │ row",iv\n\u200bz\u2028w,iv\n';
    const r = runCli(['batch', '-', '--format', format, '--plain', '--no-color'], { input });
    expect(r.code).toBe(0);
    // Two patients, two rows: the newline is shown as \x0a, the invisible characters as escapes.
    const rowLines = r.stdout.split('\n').filter((l) => / iv /.test(l) || /\| iv \|/.test(l));
    expect(rowLines).toHaveLength(2);
    expect(r.stdout).not.toMatch(/[\u200b\u2028]/);
    expect(r.stdout).toContain('x0a');
    expect(r.stdout).toContain('u200b');
    expect(r.stdout).toContain('u2028');
  });
});

describe('every cents figure stays a whole, safe number (B8)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-b8-'));
  /** The bundled list with IV at $99,999,999.99 a session and `perSession` items at that price too. */
  const bigList = (perSession: number) => {
    const d = readDataset();
    const iv = d.routes.find((r) => r.id === 'iv');
    const offer = iv?.offers[0];
    if (!iv || !offer) throw new Error('the bundled list has no IV offer');
    offer.price = { ...offer.price, lowCents: 99_999_999_99, highCents: 99_999_999_99 };
    const ref = iv.program.ref;
    iv.items = Array.from({ length: perSession }, (_, i) => ({
      id: `item-${i}`,
      label: 'An item',
      charge: 'per-session' as const,
      price: { lowCents: 99_999_999_99, highCents: 99_999_999_99, ref },
      ref,
    }));
    const file = join(dir, `big-${perSession}.json`);
    writeFileSync(file, JSON.stringify(d));
    return file;
  };
  const cents = (value: unknown, out: number[] = []): number[] => {
    if (Array.isArray(value)) for (const v of value) cents(v, out);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        if (/Cents$/.test(k) && typeof v === 'number') out.push(v);
        else cents(v, out);
      }
    return out;
  };

  it('a price list whose program could pass $100 billion is refused, by data validate and by every command', () => {
    // Two items and the session at $99,999,999.99: 3 x 9,999,999,999 cents x 365 sessions
    // = 10,949,999,998,905 cents = $109,499,999,989.05, over the $100,000,000,000 bound.
    const file = bigList(2);
    const v = runCli(['data', 'validate', file]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('at 365 sessions its highest prices add up to $109,499,999,989.05, more than the $100,000,000,000');
    const e = runCli(['--data', file, '-r', 'iv']);
    expect(e.code).toBe(1);
    expect(e.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(e.stdout).toBe('');
  });

  it.each([
    [['-r', 'iv', '-s', '365', '-i', 'in-network', '--covered', 'yes', '--coinsurance', '99.99', '--oop-max', '99999999']],
    [['-r', 'iv', '-s', '365', '-i', 'out-of-network', '--covered', 'yes', '--allowed', '50000000', '--reimbursement', '99.99']],
    [['plan', '-r', 'iv', '-s', '365', '--every', '1d', '-i', 'medicare', '--start', '2027-01-04']],
    [['compare', '-s', '365', '-i', 'in-network', '--coinsurance', '99.99']],
  ])('under the bound, %j prints only safe whole cents', (args) => {
    // One item and the session: 2 x 9,999,999,999 x 365 = 7,299,999,999,270 cents, under the bound.
    const r = runCli(['--data', bigList(1), ...args, '-f', 'json']);
    expect(r.code).toBe(0);
    const figures = cents(JSON.parse(r.stdout));
    expect(figures.length).toBeGreaterThan(10);
    for (const c of figures) expect(Number.isSafeInteger(c)).toBe(true);
    // The program at 365 sessions is in the output, to the cent.
    expect(figures).toContain(7_299_999_999_270);
  });
});

describe('--data cannot be swapped for a FIFO between a check and the open (B11)', () => {
  it('40 runs while a link flips between a price list and a FIFO: none hangs, each prices or refuses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-race-'));
    const file = join(dir, 'prices.json');
    writeFileSync(file, JSON.stringify(readDataset()));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const link = join(dir, 'data.json');
    // Another process flips the link as fast as it can; rename makes each flip atomic.
    const flip = `const fs=require('fs');const [d]=process.argv.slice(1);let i=0;for(;;){const t=d+'/t'+(i++%2);
      try{fs.unlinkSync(t)}catch{};fs.symlinkSync(i%2?d+'/fifo':d+'/prices.json',t);fs.renameSync(t,d+'/data.json')}`;
    symlinkSync(file, link);
    const flipper = spawn(process.execPath, ['-e', flip, dir], { stdio: 'ignore' });
    try {
      const outcomes = Array.from({ length: 40 }, () => {
        const r = spawnSync(process.execPath, [BIN, '--data', link, '-r', 'iv', '-f', 'json'], { encoding: 'utf8', timeout: 10_000 });
        // Before the fix, a run that checked the file and then opened the FIFO waited for a writer.
        expect(r.signal).toBeNull();
        expect([0, 1]).toContain(r.status);
        if (r.status === 1) expect(r.stderr).toMatch(/^error: (cannot read price list .*: it is a FIFO|price list .* is not valid JSON)/);
        return r.status;
      });
      expect(outcomes).toHaveLength(40);
    } finally {
      flipper.kill();
    }
  }, 120_000);
});

describe('every command and format with a hostile price list and clinic profile (B1, B2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-walk-'));
  const ESC = '\u001b';
  // A window-title escape, a Markdown image that would load from outside, raw HTML, a bidi override.
  const evil = `${ESC}]0;pwned\u0007![x](https://evil.example/a.png)<img src=x>\u202e`;
  const list = readDataset();
  for (const route of list.routes) {
    route.label = `${route.label} ${evil}`;
    route.program.description = `${route.program.description} ${evil}`;
  }
  for (const source of list.sources) source.title = `${source.title} ${evil}`;
  const prices = join(dir, 'prices.json');
  writeFileSync(prices, JSON.stringify(list));
  const clinic = join(dir, 'clinic.json');
  writeFileSync(
    clinic,
    JSON.stringify({
      name: `Clinic ${evil}`,
      npi: '1234567893',
      tin: '12-3456789',
      location: { street: `1 Main St ${evil}`, city: 'Springfield', state: 'IL', zip: '62701' },
    }),
  );
  const batch = join(dir, 'batch.csv');
  writeFileSync(batch, `id,route\n"a${evil}",iv\nb,oral\n`);
  const gfe = gfeWith(clinic);
  const walk: [string[], string[]][] = [
    [
      ['-r', 'iv', '-s', '6'],
      ['table', 'json', 'csv', 'markdown', 'html'],
    ],
    [
      ['-r', 'iv', '-s', '6', '--explain'],
      ['table', 'markdown'],
    ],
    [
      ['compare', '-s', '6'],
      ['table', 'json', 'csv', 'markdown', 'html'],
    ],
    [
      ['plan', '-r', 'oral', '--start', '2027-01-04'],
      ['table', 'json', 'csv', 'markdown', 'html'],
    ],
    [
      ['plan', '-r', 'iv', '-s', '6', '--every', '1w', '--explain'],
      ['table', 'markdown'],
    ],
    [['routes'], ['table', 'json', 'csv', 'markdown']],
    [
      ['batch', batch],
      ['table', 'json', 'jsonl', 'csv', 'markdown'],
    ],
    [
      [...gfe, '--patient-name', 'Alex Doe', '--patient-dob', '1980-04-23'],
      ['markdown', 'html', 'json'],
    ],
  ];
  // Raw C0/C1 controls (but tab, newline and CSV's carriage return) and bidi overrides.
  const raw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  it.each(walk.flatMap(([args, formats]) => formats.map((f) => [[...args, '-f', f]] as const)))('%j', (args) => {
    // gfe writes documents and takes no colour flag; NO_COLOR covers every command.
    const r = runCli([...args, '--data', prices], { env: { NO_COLOR: '1' } });
    expect([0, 3]).toContain(r.code);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout + r.stderr).not.toMatch(raw);
    const format = args.at(-1);
    // No Markdown image or link from the list, no raw HTML element from it.
    if (format === 'markdown') expect(r.stdout).not.toMatch(/!\[x\]\(https/);
    if (format === 'html' || format === 'markdown') expect(r.stdout).not.toContain('<img src=x>');
  });

  it('property: any hostile text in labels, descriptions, source titles, the clinic and batch ids, in any walked command and format', async () => {
    // Pieces an attacker would mix: C0/C1 controls, escapes, bidi and invisible marks, Markdown and HTML.
    const piece = fc.constantFrom(
      ESC,
      '\u0007',
      '\u0000',
      '\u009b',
      '\u202e',
      '\u2066',
      '\u200b',
      '\u2028',
      '\r',
      '\n',
      '[8m',
      ']0;t',
      '![x](https://evil.example/a.png)',
      '<img src=x>',
      '<script>',
      '|',
      '`',
      '"',
      ',',
      'é',
      '患',
      'a',
    );
    const hostile = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
    const cases = walk.flatMap(([args, formats]) => formats.map((f) => [...args, '-f', f]));
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom(...cases), async (text, args) => {
        const d = readDataset();
        for (const route of d.routes) {
          route.label = `${route.label} ${text}`;
          route.description = `${route.description} ${text}`;
        }
        for (const source of d.sources) source.title = `${source.title} ${text}`;
        const file = join(dir, 'generated.json');
        writeFileSync(file, JSON.stringify(d));
        // A quoted CSV cell: quotes doubled, so newlines and commas stay inside the id.
        writeFileSync(batch, `id,route\n"a${text.replace(/"/g, '""')}",iv\nb,oral\n`);
        const r = await runInProcess([...args, '--data', file], { env: { NO_COLOR: '1' } });
        expect([0, 3]).toContain(r.code);
        expect(r.stdout + r.stderr).not.toMatch(raw);
        if (args.at(-1) === 'markdown') expect(r.stdout).not.toMatch(/!\[x\]\(https/);
        if (args.at(-1) === 'html' || args.at(-1) === 'markdown') expect(r.stdout).not.toMatch(/<img src=x>|<script>/);
        if (args.at(-1) === 'json') expect(() => JSON.parse(r.stdout)).not.toThrow();
      }),
      { numRuns: 60, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
    );
    writeFileSync(batch, `id,route\n"a${evil}",iv\nb,oral\n`);
  }, 120_000);

  it('a price list whose version could carry an escape or Markdown is refused when read', () => {
    const bad = readDataset();
    bad.version = `2.0${ESC}[8m![x](https://evil.example/a.png)`;
    const file = join(dir, 'bad-version.json');
    writeFileSync(file, JSON.stringify(bad));
    expectUsageError(
      ['-r', 'iv', '--data', file],
      /^error: price list .* is not valid: version: must be a version such as 2\.3\.0: letters, digits, dots, dashes, at most 40 characters\n$/,
      { code: 1 },
    );
  });
});

describe('-o FILE says where it wrote, in a terminal only (C)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-wrote-'));
  it('names the file on stderr at a terminal, says nothing to a script', async () => {
    const file = join(dir, 'estimate.md');
    const tty = await runInProcess(['-r', 'iv', '-f', 'markdown', '-o', file], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toBe(`Wrote ${file}.\n`);
    const script = await runInProcess(['-r', 'iv', '-f', 'markdown', '-o', file]);
    expect(script.stderr).toBe('');
  });
  it('a GFE file may be named after the patient: its name is not repeated', async () => {
    const clinic = writeClinicProfile(join(dir, 'clinic.json'));
    const file = join(dir, 'alex-doe-gfe.md');
    const r = await runInProcess([...gfeWith(clinic), '--patient-name', 'Alex Doe', '--patient-dob', '1980-04-23', '-o', file], {
      tty: true,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('alex-doe');
    expect(r.stderr).toContain('Wrote the file you named (private');
  });
});
