import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { equivalentCommand } from '../../src/format/command-line.js';
import type { Io } from '../../src/io.js';
import { fileSink } from '../../src/output/sink.js';
import { BIN, expectUsageError, priceOf, readDataset, runCli } from '../helpers.js';

// Files, terminals and streams that someone else controls (issue: Hardening II). Each case ran
// against the build before the fix and failed there.
const temp = mkdtempSync(join(tmpdir(), 'ketamine-cost-hardening-'));
const dataset = readDataset();
const ESC = '\u001b';
const BIDI = '\u202e';
const rows = 'route,sessions\niv,6\noral,4\n';
const fresh = (name: string) => {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
/** Whether any user can run a file: it and every folder above it executable by others. */
const reachableByAll = (file: string): boolean => {
  if (!existsSync(file)) return false;
  for (let path = file; ; path = dirname(path)) {
    if ((statSync(path).mode & 0o001) === 0) return false;
    if (dirname(path) === path) return true;
  }
};
const waitExit = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

describe('--output', () => {
  it('writes through an unpredictable temp file, created private (0600) while it is written', async () => {
    const dir = fresh('temp-name');
    const target = join(dir, 'out.csv');
    const io = { cwd: dir, registerCleanup: () => () => {} } as unknown as Io;
    const sink = fileSink(target, io);
    sink.write('a,b\r\n');
    const [tempName, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    // Not the old `.out.csv.<pid>.tmp`, which anyone could plant a link at beforehand.
    expect(tempName).toMatch(/^\.out\.csv\.[0-9a-f]{16}\.tmp$/);
    expect(statSync(join(dir, tempName ?? '')).mode & 0o777).toBe(0o600);
    await sink.finish();
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('keeps the permissions of an existing file (0600 stays 0600); a new file gets the umask mode', () => {
    const dir = fresh('modes');
    const existing = join(dir, 'private.csv');
    writeFileSync(existing, 'old', { mode: 0o600 });
    chmodSync(existing, 0o600);
    expect(runCli(['batch', '-', '-f', 'csv', '--output', existing], { input: rows }).code).toBe(0);
    expect(statSync(existing).mode & 0o777).toBe(0o600);
    const created = join(dir, 'new.csv');
    expect(runCli(['batch', '-', '-f', 'csv', '--output', created], { input: rows }).code).toBe(0);
    const umask = Number.parseInt(execFileSync('sh', ['-c', 'umask'], { encoding: 'utf8' }).trim(), 8);
    expect(statSync(created).mode & 0o777).toBe(0o666 & ~umask);
  });

  it('writes through a symlink to the file it points at, and the link stays a link', () => {
    const dir = fresh('symlink');
    const real = join(dir, 'real.csv');
    writeFileSync(real, 'old');
    const link = join(dir, 'link.csv');
    symlinkSync(real, link);
    const r = runCli(['batch', '-', '-f', 'csv', '--output', link], { input: rows });
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^id,row,status/);
    // A dangling link: the file it names is created, the link stays.
    const dangling = join(dir, 'dangling.csv');
    symlinkSync(join(dir, 'made.csv'), dangling);
    expect(runCli(['batch', '-', '-f', 'csv', '--output', dangling], { input: rows }).code).toBe(0);
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'made.csv'), 'utf8')).toMatch(/^id,row,status/);
  });

  it('writes straight into a FIFO, never replacing it', async () => {
    const dir = fresh('fifo');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let got = '';
    reader.stdout?.on('data', (d: Buffer) => {
      got += d.toString();
    });
    const r = runCli(['batch', '-', '-f', 'csv', '--output', fifo], { input: rows });
    await waitExit(reader);
    expect(r.code).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(got).toMatch(/^id,row,status/);
    expect(got.trim().split('\r\n')).toHaveLength(3);
  });

  it('a FIFO whose reader stops early: one line in the run\'s language, exit 1 (Node\'s English "EPIPE" reached a Spanish run)', async () => {
    const dir = fresh('fifo-closed');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('head', ['-c', '100', fifo], { stdio: ['ignore', 'ignore', 'ignore'] });
    // 20,000 rows: far more than the reader takes, several 64 KB chunks of CSV.
    const many = `route,sessions\n${'iv,6\n'.repeat(20_000)}`;
    const r = runCli(['--lang', 'es', 'batch', '-', '-f', 'csv', '--output', fifo], { input: many });
    await waitExit(reader);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: no se puede escribir ${fifo}: el programa que lo leía se detuvo antes del final (tubería rota)\n`);
  });

  it("a file its user may not write is refused, as `> file` would be, not replaced by the temp file's rename", () => {
    // As root, write permission is never refused: the run is then made as nobody (65534), in a
    // folder anyone may write, where the read-only file is root's.
    const dir = fresh('read-only');
    chmodSync(dir, 0o777);
    const file = join(dir, 'ro.csv');
    writeFileSync(file, 'keep\n');
    chmodSync(file, 0o444);
    const root = process.getuid?.() === 0;
    const asOther = root ? { uid: 65534, gid: 65534 } : {};
    // nobody must reach the node it runs: CI's Node 22 and 24 live under /root (0700), so then the
    // system's node runs it (the refusal is the bundle's, whichever Node runs it).
    const node = root ? [process.execPath, '/usr/bin/node', '/usr/local/bin/node'].find(reachableByAll) : process.execPath;
    if (node === undefined) throw new Error('no node that user 65534 can run');
    const r = spawnSync(node, [BIN, 'batch', '-', '-f', 'csv', '--output', file], {
      input: rows,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1', KETAMINE_COST_NO_CACHE: '1' },
      ...asOther,
    });
    expect([r.status, r.stderr]).toEqual([1, `error: cannot write ${file}: permission denied\n`]);
    expect(readFileSync(file, 'utf8')).toBe('keep\n');
    expect(readdirSync(dir)).toEqual(['ro.csv']);
  });

  it.each([['-'], ['/dev/stdout']])('--output %s writes to standard output', (target) => {
    const r = runCli(['batch', '-', '-f', 'csv', '--output', target], { input: rows });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toMatch(/^id,row,status/);
    expect(r.stdout.trim().split('\r\n')).toHaveLength(3);
  });

  it('an empty --output is a usage error', () => {
    expectUsageError(['batch', '-', '--output', ''], /^error: --output is empty; give a file name, or - for standard output\n$/, {
      input: rows,
    });
  });

  // 128 + the signal's number on Linux: HUP 1, QUIT 3, USR2 12, ALRM 14 (SIGQUIT, SIGUSR2 and
  // SIGALRM left the 0600 temp file behind before #25 B12).
  it.each([
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
    ['SIGUSR2', 140],
    ['SIGALRM', 142],
  ] as const)('%s removes the temp file and leaves no target (exit %i)', async (signal, code) => {
    const dir = fresh(signal.toLowerCase());
    const out = join(dir, 'out.csv');
    const child = spawn(process.execPath, [BIN, 'batch', '-', '-f', 'csv', '--output', out], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin?.write(rows);
    await vi.waitFor(() => expect(readdirSync(dir).length).toBe(1), { timeout: 10_000 });
    child.kill(signal);
    expect(await waitExit(child)).toBe(code);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('options before a subcommand', () => {
  const custom = join(temp, 'custom-prices.json');
  const list = readDataset();
  const iv = list.routes.find((r) => r.id === 'iv');
  const offer = iv?.offers[0];
  if (offer) offer.price = { ...offer.price, lowCents: 10_000, highCents: 20_000 };
  writeFileSync(custom, JSON.stringify(list));

  it('--data before batch prices with that list', () => {
    const r = runCli(['--data', custom, 'batch', '-', '-f', 'csv'], { input: 'route,sessions\niv,6\n' });
    expect(r.code).toBe(0);
    // 6 sessions x $100-$200 from the custom list = $600-$1,200 (the bundled list says $225-$800).
    expect(r.stdout).toContain(',600.00,1200.00,');
  });

  it('--format json before compare prints JSON', () => {
    const r = runCli(['--format', 'json', 'compare', 'iv:2']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(2);
  });

  it('the subcommand’s own value wins over one given before it', () => {
    const r = runCli(['--format', 'json', 'routes', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('route,')).toBe(true);
  });

  it.each([
    [['-r', 'iv', 'routes'], /^error: --route was given before "routes", which does not take it/],
    [['--explain', 'compare'], /^error: --explain was given before "compare", which does not take it/],
    [['--format', 'json', 'data', 'show'], /^error: --format was given before "show", which does not take it/],
  ])('%j is a usage error that names the option', (args, message) => expectUsageError(args, message));
});

describe('Markdown from an untrusted price list', () => {
  // A price list from someone else tries to put HTML, a link and an image into a counselor's handout.
  const file = join(temp, 'links-prices.json');
  const list = readDataset();
  const iv = list.routes.find((r) => r.id === 'iv');
  if (iv) {
    iv.label = 'IV <img src=x onerror=alert(1)> infusion';
    const note = iv.notes[0];
    if (note) {
      note.text = 'Call [our hotline](https://evil.example/call) now ![t](https://evil.example/t.png)\n\n# Pay here';
      note.ref.at = 'L160](https://evil.example/at)';
    }
    const offer = iv.offers[0];
    if (offer) offer.price.ref.at = 'L160](https://evil.example/price)';
  }
  writeFileSync(file, JSON.stringify(list));

  it.each([
    [['-r', 'iv', '--data', file, '-f', 'markdown', '--explain']],
    [['routes', '--data', file, '-f', 'markdown']],
    [['compare', '--data', file, '-s', '6', '-f', 'markdown']],
    [['plan', '-r', 'iv', '-s', '3', '--every', '1w', '--data', file, '-f', 'markdown', '--explain']],
  ])('%j shows the text, but no HTML, link, image or heading comes through', (args) => {
    const r = runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('IV &lt;img src=x onerror=alert(1)> infusion');
    expect(r.stdout).not.toContain('<img');
    // "](" is what makes a link or an image; escaped, it reads as text.
    expect(r.stdout).not.toMatch(/\]\(/);
    expect(r.stdout).not.toMatch(/^#+ Pay here/m);
    if (args[0] === '-r') {
      expect(r.stdout).toContain('Call [our hotline]\\(https://evil.example/call) now ![t]\\(https://evil.example/t.png)  # Pay here');
    }
  });

  it('the HTML handout escapes the same text', () => {
    const r = runCli(['-r', 'iv', '--data', file, '-f', 'html', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('<img src=x');
    expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.stdout).not.toContain('href="https://evil.example');
  });
});

describe('control characters from untrusted text', () => {
  const hostile = join(temp, 'hostile-prices.json');
  const list = readDataset();
  const iv = list.routes.find((r) => r.id === 'iv');
  if (iv) {
    iv.label = `IV ${ESC}]0;pwned${'\u0007'}${ESC}[2J infusion ${BIDI}gnp.exe`;
    iv.program.description = `three ${ESC}[31mred${ESC}[0m to six`;
  }
  list.sources[0] = { ...list.sources[0], title: `Source ${ESC}[8m title` } as (typeof list.sources)[0];
  writeFileSync(hostile, JSON.stringify(list));
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it.each([
    [['-r', 'iv', '--data', hostile]],
    [['-r', 'iv', '--data', hostile, '--explain']],
    [['-r', 'iv', '--data', hostile, '-f', 'markdown', '--explain']],
    [['routes', '--data', hostile]],
    [['routes', '--data', hostile, '-f', 'markdown']],
    [['compare', '--data', hostile, '-s', '6']],
    [['compare', '--data', hostile, '-s', '6', '-f', 'markdown']],
  ])('%j shows them as visible escapes', (args) => {
    const r = runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(raw);
    // Markdown escapes the backslash of the escape once more.
    expect(r.stdout).toMatch(/\\+x1b\]0;pwned\\+x07/);
    expect(r.stdout).toMatch(/\\+u202e/);
  });

  it('JSON carries the text, escaped as JSON requires', () => {
    const r = runCli(['-r', 'iv', '--data', hostile, '-f', 'json']);
    expect(r.stdout).not.toContain(ESC);
    expect(JSON.parse(r.stdout).route.label).toBe(iv?.label);
  });

  it('batch ids and cells in table and Markdown output', () => {
    for (const format of ['table', 'markdown']) {
      const r = runCli(['batch', '-', '-f', format], { input: `id,route\n"a${ESC}[2Jb",iv\nc,"x${ESC}]0;t${'\u0007'}"\n` });
      expect(r.code).toBe(3);
      expect(r.stdout).not.toMatch(raw);
      expect(r.stdout).toMatch(/a\\+x1b\[2Jb/);
    }
  });

  it('values and file names echoed in errors', () => {
    const r = runCli(['-r', `iv${ESC}[2J${BIDI}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(raw);
    const file = runCli(['batch', `missing${ESC}[2J.csv`]);
    expect(file.code).toBe(1);
    expect(file.stderr).toBe('error: cannot read missing\\x1b[2J.csv: no such file\n');
  });

  it('a huge value in commander’s own message is cut', () => {
    const huge = 'x'.repeat(130_000);
    const r = runCli(['-r', 'iv', '--format', huge]);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(r.stderr).toMatch(/^error: --format "x{200}…" is not allowed; allowed: table/);
  });
});

describe('bounded reads', () => {
  it.each([
    ['/dev/zero', /^error: cannot read price list \/dev\/zero: it is a device, not a file; give a JSON file\n$/],
    [temp, /^error: cannot read price list .*: it is a directory; give a JSON file\n$/],
  ])('--data %s is refused at once', (file, message) => expectUsageError(['-r', 'iv', '--data', file], message, { code: 1 }));

  it('--data on a FIFO is refused rather than waiting for a writer', () => {
    const fifo = join(fresh('data-fifo'), 'prices.json');
    execFileSync('mkfifo', [fifo]);
    expectUsageError(['-r', 'iv', '--data', fifo], /it is a FIFO \(named pipe\), not a file/, { code: 1 });
  });

  it('an empty --data name has its own message', () => {
    expectUsageError(['-r', 'iv', '--data', ''], /^error: the price list file name is empty/);
  });

  it('/dev/stdin is read, up to 4 MiB', () => {
    const ok = spawnSync(process.execPath, [BIN, '-r', 'iv', '-f', 'json', '--data', '/dev/stdin'], {
      input: JSON.stringify(dataset),
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    const big = spawnSync(process.execPath, [BIN, '-r', 'iv', '--data', '/dev/stdin'], {
      input: `${' '.repeat(6 * 1024 * 1024)}{}`,
      encoding: 'utf8',
    });
    expect(big.status).toBe(1);
    expect(big.stderr).toBe('error: price list /dev/stdin is more than 4194304 bytes; a price list may be at most 4194304 bytes\n');
  });

  it('a batch record over 1 MiB fails alone; the rows around it are priced', () => {
    const input = `id,route,sessions\na,iv,6\nb,iv,"${'9'.repeat(1_100_000)}"\nc,oral,4\n`;
    const r = runCli(['batch', '-', '-f', 'csv'], { input });
    expect(r.code).toBe(3);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^a,1,ok,/);
    expect(lines[2]).toMatch(/^2,2,error,,"row 2 \(line 3\): is longer than 1 MiB/);
    expect(lines[3]).toMatch(/^c,3,ok,/);
  });

  it('a 20 MB JSON Lines line fails alone, in one linear pass', () => {
    const input = `{"route":"iv"}\n{"id":"${'x'.repeat(20_000_000)}"}\n{"route":"oral"}\n`;
    const r = spawnSync(process.execPath, [BIN, 'batch', '-', '-f', 'jsonl'], { input, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(3);
    const items = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(items.map((i) => i.status)).toEqual(['ok', 'error', 'ok']);
    expect(items[1].error.message).toBe('row 2 (line 2): line is longer than 1 MiB, far more than a scenario needs; it was skipped');
  });
});

describe('line ends never merge rows', () => {
  it.each([
    ['a CRLF header with LF rows', 'route,sessions\r\niv,6\noral,4\nim,2\n'],
    ['a stray LF inside a CRLF file', 'route,sessions\r\niv,6\r\noral,4\nim,2\r\n'],
    ['lone CRs', 'route,sessions\riv,6\roral,4\rim,2'],
  ])('CSV: %s', (_name, input) => {
    const r = runCli(['batch', '-', '-f', 'csv'], { input });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines.map((l) => l.split(',').slice(5, 6)[0])).toEqual(['route', 'iv', 'oral', 'im']);
  });

  it('JSON Lines with lone CR line ends', () => {
    const r = runCli(['batch', '-', '-f', 'jsonl'], { input: '{"route":"iv"}\r{"route":"oral"}\r{"route":"im","sessions":2}' });
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).inputs.route),
    ).toEqual(['iv', 'oral', 'im']);
  });

  it('a line break inside a quoted cell stays in the cell and still counts as a line', () => {
    const r = runCli(['batch', '-', '-f', 'jsonl'], { input: 'id,route\n"two\r\nlines",iv\nx,ivv\n' });
    const items = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(items[0].id).toBe('two\r\nlines');
    expect(items[1].error.message).toMatch(/^row 2 \(line 4\), column route/);
  });
});

describe('one rule everywhere', () => {
  it('JSON Lines keys that name one column twice are refused, like duplicate CSV headers', () => {
    const r = runCli(['batch', '-', '-f', 'jsonl'], { input: '{"route":"iv","Route":"oral"}\n{"route":"iv","route":"oral"}\n' });
    expect(r.code).toBe(3);
    const [first, second] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first.error.message).toBe('row 1 (line 1), column Route: keys "route" and "Route" name the same column; give it once');
    expect(second.error.message).toBe('row 2 (line 2), column route: key "route" appears twice; give it once');
  });

  it('UTF-16 batch input is refused with a message naming --encoding', () => {
    const input = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('route\niv\n', 'utf16le')]);
    const r = spawnSync(process.execPath, [BIN, 'batch', '-'], { input, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'error: the batch file is UTF-16; give --encoding utf-16le (or utf-16be), or save it as UTF-8 (CSV UTF-8 in a spreadsheet)\n',
    );
  });

  it('a real U+FFFD in a cell is text, a Latin-1 byte is not UTF-8', () => {
    const input = Buffer.concat([Buffer.from('id,route\nJos\uFFFD,iv\nJos'), Buffer.from([0xe9]), Buffer.from(',iv\n')]);
    const r = spawnSync(process.execPath, [BIN, 'batch', '-', '-f', 'jsonl'], { input, encoding: 'utf8' });
    const [ok, bad] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ok.status).toBe('ok');
    expect(ok.id).toBe('Jos\uFFFD');
    expect(bad.error.message).toMatch(/column id: holds bytes that are not UTF-8/);
  });

  it('a price list with bytes that are not UTF-8, or a key twice, is refused', () => {
    const latin1 = join(temp, 'latin1.json');
    writeFileSync(latin1, Buffer.concat([Buffer.from('{"id":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
    expectUsageError(['-r', 'iv', '--data', latin1], /holds bytes that are not UTF-8; save it as UTF-8 JSON/, { code: 1 });
    const twice = join(temp, 'twice.json');
    const text = JSON.stringify(dataset).replace('"version":', '"version":"0.0.1","version":');
    writeFileSync(twice, text);
    expectUsageError(['-r', 'iv', '--data', twice], /has the key "version" twice in one object/, { code: 1 });
  });

  it('sessions counted from --weeks on a price list’s own schedule stay within 1-365', () => {
    const list = readDataset();
    const esk = list.routes.find((r) => r.id === 'esketamine');
    if (esk?.schedule) esk.schedule.phases = [{ fromWeek: 1, perWeek: { low: 7, high: 7 } }];
    const file = join(temp, 'daily.json');
    writeFileSync(file, JSON.stringify(list));
    // 52 weeks x 7 a week = 364 sessions: allowed; 53 x 7 = 371: refused.
    expect(runCli(['-r', 'esketamine', '--weeks', '52', '--data', file, '-f', 'json']).code).toBe(0);
    expectUsageError(
      ['-r', 'esketamine', '--weeks', '53', '--data', file],
      /^error: --weeks 53 weeks of esketamine's schedule make 371 sessions/,
    );
  });

  it.each([
    [['-s', '0000006'], 'sessions', 6],
    [['-i', 'in-network', '--deductible', '0000000000000500'], 'deductible', 50_000],
    [['-i', 'in-network', '--coinsurance', '0020'], 'coinsurance', 2_000],
  ])('leading zeros read alike: %j', (args, field, expected) => {
    const r = runCli(['-r', 'iv', ...args, '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const values: Record<string, number | null> = {
      sessions: doc.scenario.sessions,
      deductible: doc.scenario.insurance.deductibleCents,
      coinsurance: doc.scenario.insurance.coinsuranceBasisPoints,
    };
    expect(values[field]).toBe(expected);
  });
});

describe('errors people will meet', () => {
  // Root reads anything, so as root the command runs as nobody; that needs a Node binary nobody
  // may run (CI's Node 22 and 24 live in root's private cache folder: there Node 20's run covers it).
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const canRun = spawnSync(process.execPath, [BIN, '--version'], asNobody).status === 0;
  it.skipIf(!canRun)('permission denied on an input file is a data error in plain words', () => {
    const file = join(temp, 'locked.csv');
    writeFileSync(file, rows);
    chmodSync(file, 0o000);
    const r = spawnSync(process.execPath, [BIN, 'batch', file], { encoding: 'utf8', ...asNobody });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: cannot read ${file}: permission denied\n`);
  });

  it.each([[['help']], [['help', 'batch']], [['help', 'compare']]])('%j prints help and exits 0', (args) => {
    const r = runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: ketamine-cost/);
  });

  it('data alone is one usage line', () => {
    expectUsageError(['data'], /^error: data needs a subcommand: show, validate or init/);
  });

  it('compare --format csv lists the options it could not compare', () => {
    const r = runCli(['compare', '--weeks', '6', '-f', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]?.endsWith(',not_compared')).toBe(true);
    expect(lines.filter((l) => l.endsWith('give --sessions to include it')).map((l) => l.split(',')[0])).toEqual(['iv', 'im']);
  });

  it('standard input that is a directory', () => {
    const fd = openSync('/', 'r');
    const r = spawnSync(process.execPath, [BIN, 'batch', '-'], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('error: cannot read standard input: it is a directory; give a CSV or JSON Lines file\n');
  });

  it('a file name too long for the file system', () => {
    expectUsageError(['batch', 'a'.repeat(300)], /^error: cannot read a{200}…: the file name is too long for the file system\n$/, {
      code: 1,
    });
  });

  it('a failure to write to stderr never turns a success into exit 1', async () => {
    const dir = fresh('stderr-closed');
    const child = spawn(process.execPath, [BIN, 'batch', '-', '-f', 'csv', '--output', join(dir, 'out.csv')], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    child.stderr?.destroy();
    child.stdin?.end(rows);
    expect(await waitExit(child)).toBe(0);
    expect(existsSync(join(dir, 'out.csv'))).toBe(true);
  });
});

describe('the command to run it again', () => {
  it('includes the price list and the output flags, quoted for the shell', () => {
    const scenario = {
      route: 'iv',
      provider: 'clinic',
      sessions: 6,
      weeks: null,
      doseMg: null,
      exclude: [],
      quote: { priceCents: null, packages: [], itemPrices: [], asOf: null },
      insurance: {
        status: 'none' as const,
        covered: 'auto' as const,
        deductibleCents: null,
        coinsuranceBasisPoints: null,
        copayCents: null,
        oopMaxCents: null,
        reimbursementBasisPoints: 0,
        allowedCents: null,
        medigap: null,
        familyDeductibleCents: null,
        familyOopMaxCents: null,
        deductibleApplies: true,
      },
    };
    expect(equivalentCommand(scenario, {}, false, { data: "my clinic's list.json", format: 'markdown', explain: true })).toBe(
      "ketamine-cost --route iv --sessions 6 --data 'my clinic'\\''s list.json' --format markdown --explain",
    );
    expect(priceOf(dataset, 'iv').lowCents).toBe(22_500);
  });
});
