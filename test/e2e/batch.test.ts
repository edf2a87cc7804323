import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BATCH_COLUMNS } from '../../src/format/batch.js';
import { BIN, expectUsageError, fixture, priceOf, ROOT, readDataset, runCli } from '../helpers.js';

const dataset = readDataset();
const iv = priceOf(dataset, 'iv');
const oral = priceOf(dataset, 'oral');
const device = priceOf(dataset, 'esketamine');
const temp = mkdtempSync(join(tmpdir(), 'ketamine-cost-batch-'));

/** Parses our own CSV output (RFC 4180, CRLF) into objects keyed by column. */
function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  const [header = [], ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('batch, CSV in', () => {
  const r = runCli(['batch', fixture('batch/golden.csv'), '--format', 'csv']);
  const rows = readCsv(r.stdout);

  it('writes one row per input row, in order, and exits 3 because some failed', () => {
    expect(r.code).toBe(3);
    expect(rows.map((x) => x.id)).toEqual(['p1', 'p2', 'p3, "quoted"', 'p4', 'p5', 'p6', 'p7\nmultiline']);
    expect(rows.map((x) => x.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'error', 'error', 'ok']);
    expect(Object.keys(rows[0] ?? {})).toEqual([...BATCH_COLUMNS]);
  });

  it('matches the golden file', () => {
    expect(r.stdout).toBe(readFileSync(fixture('batch/golden.expected.csv'), 'utf8'));
  });

  it('has the dataset’s figures', () => {
    const usd = (cents: number) => (cents / 100).toFixed(2);
    expect(rows[0]).toMatchObject({
      route: 'iv',
      sessions_low: '6',
      program_low_usd: usd(iv.lowCents * 6),
      program_high_usd: usd(iv.highCents * 6),
    });
    expect(rows[1]).toMatchObject({
      route: 'oral',
      program_low_usd: usd(oral.lowCents * 4),
      patient_case: 'not-covered',
      other_case: 'covered',
      other_patient_low_usd: '300.00',
      other_patient_high_usd: '560.00',
    });
    expect(rows[2]).toMatchObject({
      route: 'esketamine',
      dose_mg: '84',
      // Session 1 at the 56 mg start (2 devices), then 7 at 84 mg (3 devices).
      program_low_usd: usd(device.lowCents * 2 + device.lowCents * 3 * 7),
      program_high_usd: usd(device.highCents * 2 + device.highCents * 3 * 7),
      first_session_dose_mg: '56',
    });
    // IV x4, $500 deductible, 20%, $2,000 cap, with the intake ($0-$350): $580-$1,110 (worked in test/core/cost-sharing.test.ts).
    expect(rows[3]).toMatchObject({ other_case: 'covered', other_patient_low_usd: '580.00', other_patient_high_usd: '1110.00' });
    expect(rows[0]).toMatchObject({
      all_in_low_usd: usd(iv.lowCents * 6),
      all_in_high_usd: usd(iv.highCents * 6 + 35000),
      not_priced: 'psychotherapy;boosters',
    });
    expect(rows[6]).toMatchObject({ route: 'im', sessions_low: '3', sessions_high: '6', program_low_usd: usd(iv.lowCents * 3) });
  });

  it('names the row, the column and what is allowed for failed rows', () => {
    expect(rows[4]).toMatchObject({
      error_column: 'route',
      error: 'row 5 (line 7), column route: "ivv" is not a route (did you mean "iv"?); allowed: iv, im, esketamine, oral',
    });
    expect(rows[5]?.error).toBe('row 6 (line 8), column sessions: "0" is not allowed; use a whole number from 1 to 365');
  });
});

describe('batch, JSON Lines in', () => {
  it('reads objects line by line, with a BOM and blank lines, and reports bad lines', () => {
    const r = runCli(['batch', fixture('batch/golden.jsonl'), '-f', 'jsonl', '--detail', 'full']);
    expect(r.code).toBe(3);
    const items = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(items.map((i) => [i.id, i.status])).toEqual([
      ['a', 'ok'],
      ['2', 'ok'],
      ['3', 'ok'],
      ['4', 'error'],
      ['5', 'error'],
      ['6', 'error'],
    ]);
    expect(items[0].estimate.program).toEqual({ lowCents: iv.lowCents * 6, highCents: iv.highCents * 6 });
    expect(items[1].estimate.perSession).toMatchObject({ lowCents: 90000, highCents: 120000 });
    expect(items[2].estimate.patient.cases[0]).toMatchObject({
      case: 'covered',
      upFront: { lowCents: 30000 },
      plan: { lowCents: 21000 },
      patient: { lowCents: 9000 },
    });
    expect(items[3].error.message).toMatch(/row 4 \(line 5\): is not valid JSON/);
    expect(items[4].error.message).toMatch(/is not a JSON object/);
    expect(items[5].error.message).toMatch(/column sesions: column "sesions" is not one the tool knows; did you mean "sessions"\?/);
  });

  it('detects JSON Lines on stdin by the first character', () => {
    const r = runCli(['batch', '-', '-f', 'json'], { input: '{"route":"iv","sessions":2}\n' });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toHaveLength(1);
    expect(doc[0].program).toEqual({ lowCents: iv.lowCents * 2, highCents: iv.highCents * 2 });
  });
});

describe('batch rows for counselors', () => {
  it('a summary row (the default) holds the inputs used, what was assumed, the totals and what the patient pays', () => {
    const r = runCli(['batch', '-', '-f', 'jsonl'], { input: 'id,route,sessions,insurance,coinsurance\np1,iv,4,in-network,20\n' });
    const [row] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(row).toMatchObject({
      schemaVersion: 2,
      id: 'p1',
      row: 1,
      line: 2,
      status: 'ok',
      inputs: {
        route: 'iv',
        insurance: 'in-network',
        // No deductible given: met ($0) at the low end, the typical $1,886 at the high end.
        deductible: { lowCents: 0, highCents: 188600 },
        coinsuranceBasisPoints: 2000,
        oopMaxCents: null,
        assumed: ['covered', 'deductible', 'oop-max'],
        // The terms added for #22, none of them given.
        medigap: null,
        familyDeductibleCents: null,
        familyOopMaxCents: null,
        deductibleApplies: true,
      },
      // 4 x $225-$800 = $900-$3,200; + intake $0-$350 = $900-$3,550.
      program: { lowCents: 90000, highCents: 320000 },
      allIn: { lowCents: 90000, highCents: 355000 },
      // IV is usually not covered: the patient pays all of it.
      patient: { case: 'not-covered', typical: true, lowCents: 90000, highCents: 355000 },
      // Covered: low 20% of $900 = $180; high: $350 + $800 + $736 to the $1,886 deductible, + 20% of $64 = $12.80,
      // + 2 x 20% of $800 = $320: $2,218.80.
      otherCase: { case: 'covered', lowCents: 18000, highCents: 221880 },
      dataset: { id: 'ketamine-cost-us', version: readDataset().version },
      error: null,
    });
    // A summary row is a few hundred bytes; the full estimate is many KB.
    const full = runCli(['batch', '-', '-f', 'jsonl', '--detail', 'full'], { input: 'route\niv\n' }).stdout;
    expect(r.stdout.length).toBeLessThan(1200);
    expect(full.length).toBeGreaterThan(5 * r.stdout.length);
  });

  it('CSV rows carry the insurance inputs used and which were assumed', () => {
    const r = runCli(['batch', '-', '-f', 'csv'], { input: 'route,sessions,insurance,deductible\niv,4,oon,500\n' });
    const [header, row] = r.stdout.split('\r\n').map((l) => l.split(','));
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell('deductible_used_low_usd')).toBe('500.00');
    expect(cell('deductible_used_high_usd')).toBe('500.00');
    expect(cell('reimbursement_used_percent')).toBe('0.00');
    expect(cell('allowed_used_usd')).toBe('');
    expect(cell('assumed')).toBe('covered;reimbursement;allowed');
    expect(cell('dataset_id')).toBe('ketamine-cost-us');
  });

  it('--keep-columns passes unknown columns through, unchanged but made safe for a spreadsheet', () => {
    const input = 'id,route,Patient Name,notes\np1,iv,Jane Doe,=HYPERLINK("x")\np2,ivv,Joe,\n';
    const csv = runCli(['batch', '-', '-f', 'csv', '--keep-columns'], { input });
    expect(csv.code).toBe(3);
    const lines = csv.stdout.trim().split('\r\n');
    expect(
      lines[0]?.endsWith(',deductible_applies,due_before_first_session_low_usd,due_before_first_session_high_usd,Patient Name,notes'),
    ).toBe(true);
    expect(lines[1]?.endsWith(`,Jane Doe,"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(lines[2]?.endsWith(',Joe,')).toBe(true);
    const jsonl = runCli(['batch', '-', '-f', 'jsonl', '--keep-columns'], { input })
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(jsonl[0].extra).toEqual({ 'Patient Name': 'Jane Doe', notes: '=HYPERLINK("x")' });
    expect(jsonl[1]).toMatchObject({ status: 'error', extra: { 'Patient Name': 'Joe', notes: '' } });
    // Since #25 they pass through without the flag too: the same CSV, byte for byte.
    expect(runCli(['batch', '-', '-f', 'csv'], { input }).stdout).toBe(csv.stdout);
  });

  it('KETAMINE_COST_DATA makes a price list the default; --data still wins; every output names the list', () => {
    const list = readDataset();
    list.id = 'my-clinic';
    list.version = '7.1';
    const offer = list.routes.find((r) => r.id === 'iv')?.offers[0];
    if (offer) offer.price = { ...offer.price, lowCents: 50000, highCents: 50000 };
    const file = join(temp, 'clinic.json');
    writeFileSync(file, JSON.stringify(list));
    const env = { KETAMINE_COST_DATA: file };
    const doc = JSON.parse(runCli(['-r', 'iv', '-s', '2', '-f', 'json'], { env }).stdout);
    // The clinic's $500 a session: 2 x $500 = $1,000.
    expect(doc.program).toEqual({ lowCents: 100000, highCents: 100000 });
    expect(doc.dataset).toMatchObject({ id: 'my-clinic', version: '7.1' });
    expect(
      JSON.parse(runCli(['-r', 'iv', '-s', '2', '-f', 'json', '--data', join(ROOT, 'data', 'prices.json')], { env }).stdout).dataset.id,
    ).toBe('ketamine-cost-us');
    expect(runCli(['batch', '-'], { env, input: 'route\niv\n' }).stdout).toContain('Price list: my-clinic 7.1, as of');
    expectUsageError(['-r', 'iv'], /^error: KETAMINE_COST_DATA: cannot read price list \/nonexistent\.json: no such file\n$/, {
      code: 1,
      env: { KETAMINE_COST_DATA: '/nonexistent.json' },
    });
  });
});

describe('batch formats and files', () => {
  const input = 'route,sessions\niv,6\noral,4\n';
  it('json is an array, one item per row', () => {
    const r = runCli(['batch', '-', '-f', 'json'], { input });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((i: { inputs: { route: string } }) => i.inputs.route)).toEqual(['iv', 'oral']);
    // A header alone: still an empty array and exit 0, but said on stderr (it was silent), as a
    // warning (it read like an error without its prefix: the new-user try).
    const none = runCli(['batch', '-', '-f', 'json'], { input: 'route\n' });
    expect([none.code, JSON.parse(none.stdout), none.stderr]).toEqual([
      0,
      [],
      'warning: the batch file has no row to estimate (a header alone, or blank lines)\n',
    ]);
    const es = runCli(['--lang', 'es', 'batch', '-', '-f', 'csv'], { input: 'route,sessions\n,\n\n' });
    expect([es.code, es.stderr]).toEqual([
      0,
      'aviso: el archivo del lote no tiene filas que calcular (solo el encabezado, o líneas en blanco)\n',
    ]);
  });
  it('table and markdown show each row', () => {
    const table = runCli(['batch', '-'], { input }).stdout;
    // Program 6 x $225-$800; you pay all-in, with the intake $0-$350.
    expect(table).toMatch(/^1 +iv +6 +\$1,350-\$4,800 +\$1,350-\$5,150$/m);
    expect(table).toContain('2 estimated, 0 failed.');
    expect(runCli(['batch', '-', '-f', 'markdown'], { input }).stdout).toContain('| 2 | oral | 4 | $300-$800 | $300-$800 | ok |');
    const insured = runCli(['batch', '-'], { input: 'route,sessions,insurance\niv,6,in-network\n' }).stdout;
    expect(insured).toMatch(/^1 +iv +6 +\$1,350-\$4,800 +\$1,350-\$5,150, if plan does not cover it \(usual\)$/m);
  });

  it('--output writes the file whole, via a temp file, and says so on stderr', () => {
    const out = join(temp, 'out.csv');
    const r = runCli(['batch', '-', '-f', 'csv', '--output', out], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Wrote 2 rows to ${out}: 2 estimated, 0 failed.\n`);
    expect(readCsv(readFileSync(out, 'utf8')).map((x) => x.program_high_usd)).toEqual(['4800.00', '800.00']);
    expect(readdirSync(temp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('one row is "1 row"; --output - is standard output, with no "Wrote" line (the new-user try)', () => {
    const one = join(temp, 'one.csv');
    expect(runCli(['batch', '-', '-f', 'csv', '--output', one], { input: 'route\niv\n' }).stderr).toBe(
      `Wrote 1 row to ${one}: 1 estimated, 0 failed.\n`,
    );
    const dash = runCli(['batch', '-', '-f', 'csv', '--output', '-'], { input });
    expect([dash.code, dash.stderr]).toEqual([0, '']);
    expect(dash.stdout).toBe(runCli(['batch', '-', '-f', 'csv'], { input }).stdout);
  });

  it('SIGTERM during --output leaves no partial file', async () => {
    const out = join(temp, 'killed.csv');
    const child = spawn(process.execPath, [BIN, 'batch', '-', '-f', 'csv', '--output', out], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin.write('route,sessions\n');
    for (let i = 0; i < 2000; i++) child.stdin.write('iv,6\n');
    // Kill once the temp file exists (a fixed delay races with a slow start on a busy machine).
    await vi.waitFor(() => expect(readdirSync(temp).filter((f) => f.startsWith('.killed.csv.'))).toHaveLength(1), {
      timeout: 10_000,
      interval: 20,
    });
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
    expect(code).toBe(143);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(temp).filter((f) => f.startsWith('.killed'))).toEqual([]);
  });

  it.each([
    [['batch', 'nope.csv'], 1, /cannot read nope\.csv: no such file/],
    [['batch', 'test'], 1, /cannot read test: it is a directory/],
    [['batch', '-'], 1, /the batch file is empty/],
    [['batch', '-', '-f', 'xml'], 2, /^error: --format "xml" is not allowed; allowed: table, json, jsonl, csv, markdown$/m],
    [['batch'], 2, /missing required argument 'file'/],
    [
      ['batch', 'test/fixtures/batch/golden.csv', '--output', '/nonexistent-folder/out.csv'],
      1,
      /cannot write \/nonexistent-folder\/out\.csv: the folder does not exist/,
    ],
  ])('%j exits %i', (args, code, message) => expectUsageError(args, message, { code }));

  it.each([
    [
      'a misspelt column',
      'route,sesions\niv,3\n',
      /^error: column "sesions" is not one the tool knows; did you mean "sessions"\? Rename it/,
    ],
    [
      'a misspelt column, two edits',
      'route,deductable\niv,3\n',
      /column "deductable" is not one the tool knows; did you mean "deductible"\?/,
    ],
    ['a kept column twice', 'route,notes,Notes\niv,a,b\n', /column "Notes" appears twice in the header/],
    ['no route column', 'sessions\n3\n', /has no "route" column/],
    ['semicolons', 'route;sessions\niv;3\n', /semicolons/],
    ['an unclosed quote', 'route,sessions\niv,"3\n', /cannot read the CSV: a quoted cell that starts on line 2 is never closed/],
  ])('%s: exit 1 with one line and nothing on stdout', (_name, input, message) => {
    expectUsageError(['batch', '-', '-f', 'csv'], message, { code: 1, input });
    expectUsageError(['batch', '-', '-f', 'json'], message, { code: 1, input });
  });

  it.each([
    ['a ragged row', 'route,sessions\niv,3,9\noral\n', ['has 3 cells but the header has 2', 'has 1 cells but the header has 2']],
    [
      'Latin-1 bytes',
      Buffer.concat([Buffer.from('route,provider\niv,cl'), Buffer.from([0xed]), Buffer.from('nic\n')]).toString('latin1'),
      ['not UTF-8'],
    ],
  ])('%s: the row fails, the batch goes on (exit 3)', (_name, input, messages) => {
    const file = join(temp, `${_name.replace(/\W/g, '')}.csv`);
    writeFileSync(file, Buffer.from(input, 'latin1'));
    const r = runCli(['batch', file, '-f', 'jsonl']);
    expect(r.code).toBe(3);
    const items = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(items).toHaveLength(messages.length);
    for (const [i, item] of items.entries()) expect(item.error.message).toContain(messages[i]);
  });

  it('a lone CR ends a row, and CRLF works too', () => {
    expect(runCli(['batch', '-', '-f', 'jsonl'], { input: 'route,sessions\riv,3\roral,2\r' }).stdout.trim().split('\n')).toHaveLength(2);
    expect(runCli(['batch', '-', '-f', 'jsonl'], { input: 'route,sessions\r\niv,3\r\noral,2\r\n' }).stdout.trim().split('\n')).toHaveLength(
      2,
    );
  });

  it('makes text cells safe for a spreadsheet, leaves numbers alone', () => {
    const r = runCli(['batch', '-', '-f', 'csv'], { input: 'id,route\n=HYPERLINK("x"),iv\n-5,iv\n@cmd,oral\n' });
    const lines = r.stdout.split('\r\n');
    expect(lines[1]?.startsWith(`"'=HYPERLINK(""x"")",1,ok`)).toBe(true);
    expect(lines[2]?.startsWith('-5,2,ok')).toBe(true);
    expect(lines[3]?.startsWith("'@cmd,3,ok")).toBe(true);
  });
});

describe('a large batch through a slow pipe', () => {
  it('waits for the reader instead of buffering: every row arrives and memory stays bounded', async () => {
    const rows = 300_000;
    const input = join(temp, 'large.csv');
    writeFileSync(input, `route,sessions\n${'iv,6\noral,4\n'.repeat(rows / 2)}`);
    const hook = join(temp, 'rss.mjs');
    const hookSource =
      "import { writeSync } from 'node:fs';\nprocess.on('exit', () => writeSync(2, 'maxRSS=' + process.resourceUsage().maxRSS + '\\n'));\n";
    writeFileSync(hook, hookSource);
    const child = spawn(process.execPath, ['--import', hook, BIN, 'batch', input, '-f', 'csv'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 1500));
    let lines = 0;
    child.stdout.on('data', (d: Buffer) => {
      for (const byte of d) if (byte === 10) lines += 1;
    });
    child.stdout.resume();
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(lines).toBe(rows + 1);
    // Unbounded buffering would hold the whole ~100 MB of output in memory.
    expect(Number(/maxRSS=(\d+)/.exec(stderr)?.[1])).toBeLessThan(150_000);
  }, 60_000);
});

describe('failed rows sent to standard output (the new-user try: said only by exit 3)', () => {
  it('CSV and JSON Lines to stdout: the counts on stderr when a row failed, nothing when none did', () => {
    const input = 'id,route,sessions\na,iv,6\nb,nope,6\n';
    for (const format of ['csv', 'jsonl', 'json']) {
      const r = runCli(['batch', '-', '--format', format], { input });
      expect([r.code, r.stderr], format).toEqual([3, '1 estimated, 1 failed.\n']);
    }
    const es = runCli(['--lang', 'es', 'batch', '-', '--format', 'csv'], { input });
    expect([es.code, es.stderr]).toEqual([3, '1 fila calculada, 1 fila con error.\n']);
    const ok = runCli(['batch', '-', '--format', 'csv'], { input: 'route,sessions\niv,6\n' });
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    // The table ends with the counts itself: not said twice.
    expect(runCli(['batch', '-'], { input }).stderr).toBe('');
  });
});

describe('a percentage exported as a fraction (#22)', () => {
  it('fails that row alone, from a CSV cell and from a JSON Lines number, and the batch exits 3', () => {
    const csv = runCli(['batch', '-', '--format', 'csv'], {
      input: 'id,route,sessions,insurance,coinsurance\na,iv,6,in-network,0.2\nb,iv,6,in-network,20\n',
    });
    expect(csv.code).toBe(3);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[1]).toContain('"row 1 (line 2), column coinsurance: ""0.2"" looks like a fraction: for 20% write 20 or 20%"');
    expect(rows[2]?.startsWith('b,2,ok,')).toBe(true);
    // IV is usually not covered, so the covered case is the other one: 6 x $225 = $1,350 at the low
    // end with the deductible assumed met, 20% of it = $270 (read as 0.2% it would be $2.70).
    expect(rows[2]).toContain(',covered,270.00,');
    const jsonl = runCli(['batch', '-', '--format', 'jsonl'], {
      input:
        '{"id":"a","route":"iv","sessions":6,"insurance":"in-network","coinsurance":0.2}\n{"id":"b","route":"iv","sessions":6,"insurance":"in-network","coinsurance":20}\n',
    });
    expect(jsonl.code).toBe(3);
    const [first, second] = jsonl.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first.error.message).toBe('row 1 (line 1), column coinsurance: "0.2" looks like a fraction: for 20% write 20 or 20%');
    // The same $270 as above.
    expect(second.otherCase).toMatchObject({ case: 'covered', lowCents: 27_000 });
  });
});

describe("counselors' spreadsheet exports (#25)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-sheets-'));
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const csvRows = (r: { stdout: string }) =>
    r.stdout
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');

  it('a trailing comma on every line (an empty last column) is read as no column; a value under it fails that row alone', () => {
    const r = runCli(['batch', file('trailing.csv', 'id,route,sessions,\na,iv,6,\nb,iv,6,x\n'), '-f', 'csv']);
    expect(r.code).toBe(3);
    const rows = csvRows(r);
    expect(rows[1]?.startsWith('a,1,ok,')).toBe(true);
    expect(rows[2]).toContain("has a value under the header's empty last column");
  });

  it("the accounting format's zero is $0; its brackets are a negative amount, refused", () => {
    const r = runCli([
      'batch',
      file(
        'accounting.csv',
        'id,route,sessions,insurance,deductible\na,iv,6,in-network," $-   "\nb,iv,6,in-network,-\nc,iv,6,in-network,"(1,000.00)"\n',
      ),
      '-f',
      'jsonl',
    ]);
    const [a, b, c] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // $0 left of the deductible at both ends.
    expect(a.inputs.deductible).toEqual({ lowCents: 0, highCents: 0 });
    expect(b.inputs.deductible).toEqual({ lowCents: 0, highCents: 0 });
    expect(c.error.message).toBe(
      'row 3 (line 4), column deductible: "(1,000.00)" is a negative amount; use dollars of zero or more, such as 1000 or $1,000.50',
    );
  });

  it('Windows-1252 from "Save as CSV": the message names the column and suggests --encoding, which reads it', () => {
    const latin = file('latin.csv', Buffer.concat([Buffer.from('id,route,notes\na,iv,caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const refused = runCli(['batch', latin, '-f', 'csv', '--keep-columns']);
    expect(csvRows(refused)[1]).toContain('column notes: holds bytes that are not UTF-8');
    expect(csvRows(refused)[1]).toContain('give --encoding windows-1252');
    const read = runCli(['batch', latin, '-f', 'csv', '--keep-columns', '--encoding', 'windows-1252']);
    expect(read.code).toBe(0);
    expect(csvRows(read)[1]?.endsWith(',café')).toBe(true);
  });

  it('UTF-16 with --encoding, semicolons with --delimiter', () => {
    const utf16 = file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('route,sessions\niv,6\n', 'utf16le')]));
    expect(runCli(['batch', utf16, '-f', 'csv', '--encoding', 'utf-16le']).code).toBe(0);
    const semi = file('semi.csv', 'id;route;sessions\na;iv;6\n');
    expect(runCli(['batch', semi, '-f', 'csv']).stderr).toContain('give --delimiter ";"');
    // 6 IV sessions: $1,350-$4,800 for the treatment.
    expect(csvRows(runCli(['batch', semi, '-f', 'csv', '--delimiter', ';']))[1]).toContain(',1350.00,4800.00,');
  });

  it('--bom starts CSV with a byte-order mark for Excel; numbers stay plain', () => {
    const r = runCli(['batch', file('bom.csv', 'route,sessions\niv,6\n'), '-f', 'csv', '--bom']);
    expect(r.stdout.startsWith('\ufeffid,row,status')).toBe(true);
    expect(csvRows(r)[1]).toContain(',225.00,800.00,');
    expect(runCli(['batch', file('bom2.csv', 'route\niv\n'), '-f', 'json', '--bom']).code).toBe(2);
  });
});

describe('columns the tool does not know pass through by default (#25 A5)', () => {
  const input = 'id,name,status,route,sessions,MRN\n1,Ann Lee,new,iv,6,A12\n2,Bo Li,old,nope,4,B7\n';
  it('CSV: after our columns, a name we use (status) as input_status, no name twice', () => {
    const r = runCli(['batch', '-', '-f', 'csv'], { input });
    expect(r.code).toBe(3);
    const [header, first, second] = r.stdout.split('\r\n');
    const names = header?.split(',') ?? [];
    expect(names.slice(-3)).toEqual(['name', 'input_status', 'MRN']);
    expect(new Set(names).size).toBe(names.length);
    // Our own status column still says ok/error; the input's is kept beside it.
    expect(first?.split(',').slice(0, 3)).toEqual(['1', '1', 'ok']);
    expect(first?.endsWith(',Ann Lee,new,A12')).toBe(true);
    expect(second?.endsWith(',Bo Li,old,B7')).toBe(true);
  });
  it('table and Markdown show them too', () => {
    const table = runCli(['batch', '-', '--no-color'], { input }).stdout.split('\n');
    expect(table[0]).toMatch(/^id +name +input_status +MRN +route +sessions +program +you pay$/);
    expect(table[1]).toMatch(/^1 +Ann Lee +new +A12 +iv +6 /);
    const md = runCli(['batch', '-', '-f', 'markdown'], { input }).stdout.split('\n');
    expect(md[0]).toBe('| id | route | sessions | program | you pay | status | name | input_status | MRN |');
    expect(md[2]).toMatch(/^\| 1 \| iv \| 6 \| .* \| ok \| Ann Lee \| new \| A12 \|$/);
  });
  it('JSON Lines: a misspelt key fails its row with "did you mean", other keys pass through', () => {
    const rows = runCli(['batch', '-', '-f', 'jsonl'], { input: '{"route":"iv","deductable":"500"}\n{"route":"iv","note":"x"}\n' })
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows[0].error.message).toBe(
      'row 1 (line 1), column deductable: column "deductable" is not one the tool knows; did you mean "deductible"? Rename it (other columns it does not know pass through)',
    );
    expect(rows[1]).toMatchObject({ status: 'ok', extra: { note: 'x' } });
  });
});

describe('kept columns: only when there are some, and fixed by the header (#25 A5)', () => {
  it('rows of a file without extra columns carry no "extra" key', () => {
    const rows = runCli(['batch', '-', '-f', 'jsonl'], { input: 'id,route\na,iv\nb,nope\n' })
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).not.toHaveProperty('extra');
  });
  it('a failed first row does not drop the kept columns of the rows after it', () => {
    // Row 1 has one cell too many; rows 2 and 3 are fine.
    const input = 'id,route,name\n1,iv,Ann,extra\n2,iv,Bo\n3,oral,Cy\n';
    const r = runCli(['batch', '-', '-f', 'csv'], { input });
    expect(r.code).toBe(3);
    const [header, first, second, third] = r.stdout.split('\r\n');
    expect(header?.endsWith(',due_before_first_session_low_usd,due_before_first_session_high_usd,name')).toBe(true);
    expect(first?.startsWith('1,1,error,')).toBe(true);
    expect(first?.endsWith(',')).toBe(true);
    expect(second?.endsWith(',Bo')).toBe(true);
    expect(third?.endsWith(',Cy')).toBe(true);
  });
});
