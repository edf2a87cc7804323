// The compiled-code cache (#27): the bin keeps V8's code for the bundle in the user's cache folder
// (Node 20), or turns on Node's own compile cache there (22.1 and later). Output never depends on it.
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const nodeHasCompileCache = Number(process.versions.node.split('.')[0]) >= 22;
const args = ['-r', 'iv', '-s', '6'];
const files = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
};

describe('the compiled-code cache', () => {
  it('a first run fills it, later runs print the same bytes, and it is private to the user', () => {
    const home = mkdtempSync(join(tmpdir(), 'ketamine-cost-cache-'));
    const plain = runCli(args);
    const first = runCli(args, { env: { XDG_CACHE_HOME: home } });
    const second = runCli(args, { env: { XDG_CACHE_HOME: home } });
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
    const dir = join(home, 'ketamine-cost');
    expect(files(dir).length).toBeGreaterThan(0);
    if (!nodeHasCompileCache) {
      const [versionDir = ''] = readdirSync(dir);
      expect(statSync(join(dir, versionDir)).mode & 0o777).toBe(0o700);
      const cached = readdirSync(join(dir, versionDir));
      // The bundle and the table's lazy file, each named by its content hash and where it is installed.
      expect(cached.some((f) => /^cli\.cjs-[0-9a-f]{16}-[0-9a-f]{8}\.bin$/.test(f))).toBe(true);
      expect(cached.some((f) => /^format-table\.cjs-[0-9a-f]{16}-[0-9a-f]{8}\.bin$/.test(f))).toBe(true);
      for (const f of cached) expect(statSync(join(dir, versionDir, f)).mode & 0o777, f).toBe(0o600);
    }
  });

  it("a batch's caches are made once and kept: later batches neither reject nor write them again", () => {
    // A batch sets V8's heap flags for its rows, and V8 marks a code cache with the flags it was
    // made under: caches saved with them still set were rejected by every later start, and each
    // batch compiled its files anew and wrote them again (found measuring #27).
    const home = mkdtempSync(join(tmpdir(), 'ketamine-cost-cache-'));
    writeFileSync(join(home, 'rows.csv'), 'route,sessions,insurance,deductible\niv,6,in-network,500\noral,4,,\n');
    const batch = ['batch', join(home, 'rows.csv'), '--format', 'csv', '--output', join(home, 'out.csv')];
    const listing = () =>
      files(join(home, 'ketamine-cost'))
        .map((f) => join(home, 'ketamine-cost', f))
        .filter((f) => statSync(f).isFile())
        .map((f) => `${f} ${statSync(f).ino} ${statSync(f).mtimeMs}`)
        .sort();
    expect(runCli(batch, { env: { XDG_CACHE_HOME: home } }).code).toBe(0);
    expect(runCli(batch, { env: { XDG_CACHE_HOME: home } }).code).toBe(0);
    const kept = listing();
    // The bundle, the batch command and its CSV writer (Node 22 and later: Node's own cache files).
    expect(kept.length).toBeGreaterThanOrEqual(nodeHasCompileCache ? 1 : 3);
    expect(runCli(batch, { env: { XDG_CACHE_HOME: home } }).code).toBe(0);
    // The same files, not rewritten (a rewrite is a new file renamed into place: another inode).
    expect(listing()).toEqual(kept);
  });

  it('KETAMINE_COST_NO_CACHE=1 writes nothing', () => {
    const home = mkdtempSync(join(tmpdir(), 'ketamine-cost-cache-'));
    expect(runCli(args, { env: { XDG_CACHE_HOME: home, KETAMINE_COST_NO_CACHE: '1' } }).code).toBe(0);
    expect(files(home)).toEqual([]);
  });

  it.skipIf(nodeHasCompileCache)('a damaged cache file is ignored and made again', () => {
    const home = mkdtempSync(join(tmpdir(), 'ketamine-cost-cache-'));
    const plain = runCli(args).stdout;
    runCli(args, { env: { XDG_CACHE_HOME: home } });
    const dir = join(home, 'ketamine-cost', readdirSync(join(home, 'ketamine-cost'))[0] ?? '');
    const cli = readdirSync(dir).find((f) => f.startsWith('cli.cjs-')) ?? '';
    writeFileSync(join(dir, cli), 'not a code cache');
    expect(runCli(args, { env: { XDG_CACHE_HOME: home } }).stdout).toBe(plain);
    expect(statSync(join(dir, cli)).size).toBeGreaterThan(1000);
  });

  it.skipIf(nodeHasCompileCache)("a cache made from a file's earlier content is removed when its new one is written", () => {
    const home = mkdtempSync(join(tmpdir(), 'ketamine-cost-cache-'));
    runCli(args, { env: { XDG_CACHE_HOME: home } });
    const dir = join(home, 'ketamine-cost', readdirSync(join(home, 'ketamine-cost'))[0] ?? '');
    const cli = readdirSync(dir).find((f) => f.startsWith('cli.cjs-')) ?? '';
    const place = cli.slice(cli.lastIndexOf('-'));
    // An earlier build's cache of this install, and another install's cache of the same content.
    const stale = `cli.cjs-0000000000000000${place}`;
    const elsewhere = cli.replace(place, '-00000000.bin');
    writeFileSync(join(dir, stale), 'old');
    writeFileSync(join(dir, elsewhere), 'other install');
    rmSync(join(dir, cli));
    runCli(args, { env: { XDG_CACHE_HOME: home } });
    const now = readdirSync(dir);
    expect(now).toContain(cli);
    expect(now).not.toContain(stale);
    expect(now).toContain(elsewhere);
  });

  it('a cache folder that cannot be written does not fail the run', () => {
    const home = mkdtempSync(join(tmpdir(), 'ketamine-cost-cache-'));
    mkdirSync(join(home, 'ketamine-cost'));
    chmodSync(join(home, 'ketamine-cost'), 0o500);
    const r = runCli(args, { env: { XDG_CACHE_HOME: home } });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(runCli(args).stdout);
  });

  it.skipIf(nodeHasCompileCache)("a lazy file takes the shared core from the loaded bundle, not through Node's resolver", () => {
    // Each lazy file requires '../cli.cjs' for the core (5 to 16 times); through Node's resolver
    // every one stats the path and reads package.json (#27: ~1 ms of a Spanish start).
    const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-resolve-'));
    const hook = join(dir, 'hook.cjs');
    writeFileSync(
      hook,
      "const M = require('node:module'); const r = M._resolveFilename; M._resolveFilename = function (id, ...rest) { if (/cli\\.cjs$/.test(id)) require('node:fs').writeSync(2, 'resolved ' + id + '\\n'); return r.call(this, id, ...rest); };",
    );
    const spanish = ['--lang', 'es', ...args];
    const plain = runCli(spanish);
    const hooked = runCli(spanish, { env: { XDG_CACHE_HOME: dir, NODE_OPTIONS: `--require ${hook}` } });
    expect([hooked.code, hooked.stderr, hooked.stdout]).toEqual([0, '', plain.stdout]);
  });

  it.skipIf(nodeHasCompileCache)('where there are no user ids (Windows), a cache made is used, not made again on every run', () => {
    // readCache compared the file's owner with process.getuid(), which such systems lack: the
    // throw read as "no cache", so every run compiled afresh and wrote the cache again.
    const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-nouid-'));
    const hook = join(dir, 'hook.cjs');
    writeFileSync(hook, 'delete process.getuid;');
    const env = { XDG_CACHE_HOME: dir, NODE_OPTIONS: `--require ${hook}` };
    const plain = runCli(args).stdout;
    expect(runCli(args, { env }).stdout).toBe(plain);
    const cached = () =>
      files(join(dir, 'ketamine-cost'))
        .filter((f) => f.endsWith('.bin'))
        .map((f) => `${f} ${statSync(join(dir, 'ketamine-cost', f)).ino}`)
        .sort();
    const first = cached();
    expect(first.length).toBeGreaterThan(0);
    expect(runCli(args, { env }).stdout).toBe(plain);
    // The same files, not replaced (a rewrite goes through a temp file and a rename: a new inode).
    expect(cached()).toEqual(first);
  });

  it('a cache file changed inside (bytes overwritten in place) is not run, and is made again', () => {
    // Node 20's V8 checks only a code cache's header: such a file crashed every later run (#27).
    const home = mkdtempSync(join(tmpdir(), 'ketamine-cost-cache-'));
    const plain = runCli(args).stdout;
    runCli(args, { env: { XDG_CACHE_HOME: home } });
    const cached = files(join(home, 'ketamine-cost'))
      .map((f) => join(home, 'ketamine-cost', f))
      .filter((f) => statSync(f).isFile() && statSync(f).size > 4096);
    expect(cached.length).toBeGreaterThan(0);
    for (const file of cached) {
      // 64 bytes of garbage in the middle, the file's length unchanged (as `dd conv=notrunc` does).
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, Math.floor(statSync(file).size / 2));
      closeSync(fd);
    }
    const after = runCli(args, { env: { XDG_CACHE_HOME: home } });
    expect([after.code, after.stderr, after.stdout]).toEqual([0, '', plain]);
    expect(runCli(args, { env: { XDG_CACHE_HOME: home } }).stdout).toBe(plain);
  });

  it('a cache folder another user could write is not used, nor written to', () => {
    const home = mkdtempSync(join(tmpdir(), 'ketamine-cost-cache-'));
    const dir = join(home, 'ketamine-cost', `${process.version}-${process.arch}`);
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o777);
    const r = runCli(args, { env: { XDG_CACHE_HOME: home } });
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', runCli(args).stdout]);
    expect(readdirSync(dir)).toEqual([]);
  });
});
