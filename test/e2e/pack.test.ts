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
    expect(statSync(tarball).size).toBeLessThanOrEqual(255 * 1024);
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
    expect(execFileSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' }).trim()).toBe('{"lowCents":15000,"highCents":40000}');
  });
});
