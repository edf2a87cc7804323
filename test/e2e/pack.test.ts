import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { ROOT } from '../helpers.js';

// Packs the package as npm would publish it, installs the tarball into an empty folder with no
// network, and runs the installed command through npm's bin symlink, as `npx` would.
const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-pack-'));
const app = join(dir, 'app');
let tarball = '';
let bin = '';

beforeAll(() => {
  const name =
    execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop() ?? '';
  tarball = join(dir, name);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, stdio: 'ignore' });
  bin = join(app, 'node_modules', '.bin', 'ketamine-cost');
}, 120_000);

const run = (args: string[], input = '') =>
  spawnSync(bin, args, { cwd: app, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

describe('the packed package', () => {
  it('is small and has no runtime dependencies', () => {
    // 200 KiB until the plan command, line items and quoted sources (schemaVersion 2); 210 KiB until
    // the HTML handout and the Good Faith Estimate (each command a self-contained lazy file); 232 KiB
    // until the CLI became CommonJS (about 6 KiB of module helpers, for about 15 ms off every start);
    // 240 KiB until the words left the core (#20): the English catalog is one more module in the
    // CLI, the prompts and the API, and the message types ship with the API's declarations; 250 KiB
    // until Medicare, Medigap, Medicare Advantage and Medicaid (#22): their figures and sources in the
    // price list (bundled in the CLI and the API) and their rules in each command that prices. One
    // copy of the shared code (#27) is what brings it down again. 280 KiB until the README's payers section;
    // 290 KiB until the lazy files took the shared modules from the CLI's registry (one copy: 301 -> 244 KiB).
    // 250 KiB until counselors' exports (encodings, delimiters, --bom) and hardening III (#25): 250.6 KiB.
    // 255 KiB until the rest of #25 (safe cents, display widths, signals, plain words) and compare's
    // --quote-for (#23): 256.5 KiB. #27 is to bring it to 180 KiB (the API's own copy of the core is the lever).
    // 260 KiB until Spanish (#26): its catalog and the price list's Spanish prose, one lazy file
    // loaded only with --lang es, and compare's Spanish words (280.6 KiB). 300 KiB until the help,
    // the pages and the Good Faith Estimate in both languages (298.4 KiB); then the API took the
    // shared modules from the CLI bundle instead of its own copy (dist/index.js 180 -> 48 KB): 261.2 KiB;
    // and the price-list reader (with zod) from its lazy file (48 -> 6 KB). With the error catalogs
    // of both languages: 255.7 KiB. The Spanish glossary and review, and the bin's code cache: 262.1 KiB.
    // The JSON Schemas written at build time, so zod's JSON Schema writer and its own copy of zod stay
    // out (format-contract.cjs 22 -> 5.4 KiB gzipped): 248.8 KiB; cli-table3's unused optional
    // @colors/colors left out: 245.3 KiB. 245 KiB once ansi-styles' color-convert stayed out (243.2
    // KiB) and the prompts, a Markdown page and a batch took the English prompts' words, the summary
    // and the CSV writer from those modules' own lazy files instead of a copy (241.1 KiB).
    expect(statSync(tarball).size).toBeLessThanOrEqual(245 * 1024);
    expect(packageJson).not.toHaveProperty('dependencies');
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['ketamine-cost']);
  });

  it('ships the bundle (with the price list), the licences and the API types, and nothing else', () => {
    const installed = join(app, 'node_modules', 'ketamine-cost');
    // The price list ships inside the bundle (`ketamine-cost data show` prints it), not as a second copy.
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'THIRD_PARTY_LICENSES', 'bin', 'dist', 'package.json']);
    expect(statSync(join(installed, 'dist', 'types', 'src', 'index.d.ts')).isFile()).toBe(true);
  });

  it('estimates through the bin symlink', () => {
    const r = run(['--route', 'iv', '--sessions', '6', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).program).toEqual({ lowCents: 22500 * 6, highCents: 80000 * 6 });
  });

  it('prints --help', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: ketamine-cost');
  });

  it('runs a batch', () => {
    const r = run(['batch', '-', '--format', 'csv'], 'route,sessions\niv,6\noral,4\nnope,1\n');
    expect(r.status).toBe(3);
    expect(r.stdout.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  it('imports as a typed API', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      "import { estimate } from 'ketamine-cost';\nconsole.log(JSON.stringify(estimate({ route: 'oral', sessions: 2 }).program));\n",
    );
    // Only the API's line: loading the CLI bundle for its shared modules does not run the CLI.
    expect(execFileSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' })).toBe('{"lowCents":15000,"highCents":40000}\n');
  });
});

describe("counselors' files and hardening III, from the installed tarball (#25)", () => {
  const lines = (text: string) => text.split('\r\n').filter(Boolean);
  it('a trailing comma on every line, the accounting zero, semicolons and Windows-1252 are read', () => {
    expect(lines(run(['batch', '-', '-f', 'csv'], 'id,route,sessions,\na,iv,6,\n').stdout)[1]).toMatch(/^a,1,ok,/);
    const zero = run(['batch', '-', '-f', 'csv'], 'route,sessions,insurance,covered,deductible\niv,6,in-network,yes," $-   "\n');
    expect(zero.status).toBe(0);
    expect(run(['batch', '-', '-f', 'csv', '--delimiter', ';'], 'id;route;sessions\na;iv;6\n').status).toBe(0);
    // "José" in Windows-1252: é is the single byte 0xE9; the name passes through as UTF-8.
    const latin = spawnSync(bin, ['batch', '-', '-f', 'csv', '--encoding', 'windows-1252'], {
      cwd: app,
      input: Buffer.concat([Buffer.from('name,route\nJos'), Buffer.from([0xe9]), Buffer.from(',iv\n')]),
      encoding: 'utf8',
    });
    expect(latin.status).toBe(0);
    expect(lines(latin.stdout)[1]?.endsWith(',José')).toBe(true);
  });
  it('refuses what would price the wrong scenario or hang, with exit 1 or 2 and one line', () => {
    const typo = run(['batch', '-', '-f', 'csv'], 'route,sesions\niv,6\n');
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('did you mean "sessions"?');
    const utf16 = run(['batch', '-', '-f', 'csv'], Buffer.from('{"route":"iv"}\n', 'utf16le').toString('latin1'));
    expect(utf16.status).toBe(1);
    expect(run(['--format', 'html', 'batch', '-'], 'route\niv\n').status).toBe(2);
    const dob = run(['gfe', '-r', 'iv', '--patient-dbo=1980-04-23']);
    expect(dob.status).toBe(2);
    expect(dob.stderr).not.toContain('1980');
  });
});
