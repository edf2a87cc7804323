import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

// The handout printed by a real browser: headless Chromium makes the PDF, pdftotext reads it back.
// CI installs both (.ci/run); on a machine without them these tests are skipped, but never under CI.
const hasBrowser = spawnSync('chromium', ['--version']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;
if (!hasBrowser && process.env.CI) throw new Error('chromium and pdftotext are required under CI (.ci/run installs them)');

// The browser's own housekeeping (time sync, account checks) goes to these hosts; nothing else may.
const BROWSER_HOSTS = /(^|\.)(google\.com|gvt1\.com|googleapis\.com|gstatic\.com)$/;

function print(html: string): { pages: number; text: string; hosts: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-print-'));
  const page = join(dir, 'handout.html');
  const pdf = join(dir, 'handout.pdf');
  const netLog = join(dir, 'net.json');
  writeFileSync(page, html);
  const chrome = spawnSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--log-net-log=${netLog}`,
      `--print-to-pdf=${pdf}`,
      `file://${page}`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (chrome.status !== 0) throw new Error(`chromium failed: ${chrome.stderr}`);
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  const log = JSON.parse(readFileSync(netLog, 'utf8')) as { events: { params?: { url?: string; host?: string } }[] };
  const hosts = new Set<string>();
  for (const e of log.events) {
    const url = e.params?.url;
    if (url && /^https?:/.test(url)) hosts.add(new URL(url).hostname);
  }
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), text: text.replace(/\s+/g, ' '), hosts: [...hosts] };
}

describe.skipIf(!hasBrowser)('the handout in a real browser', () => {
  it('an IV estimate prints on two pages with every part, and fetches nothing', () => {
    const html = runCli(['--route', 'iv', '-i', 'in-network', '--format', 'html']).stdout;
    const printed = print(html);
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(printed.pages).toBeLessThanOrEqual(2);
    // Not covered (the usual case for IV): 3 x $225 = $675; 6 x $800 + $350 intake = $5,150.
    expect(printed.text).toContain('You will most likely pay $675-$5,150 in all');
    for (const part of [
      'Costs',
      'Per session [1] $225 $800',
      'Treatment, 3-6 sessions [1] $675 $4,800',
      'Cost ranges',
      'Not included',
      'Insurance',
      'Questions to ask',
      'prior authorization',
      'Sources and what they say',
      'not a quote and not medical advice',
    ])
      expect(printed.text).toContain(part);
    expect(printed.hosts.filter((host) => !BROWSER_HOSTS.test(host))).toEqual([]);
  }, 90_000);

  it('the plan and the comparison print too', () => {
    for (const args of [
      ['plan', '--route', 'oral', '--sessions', '4', '--every', '1w', '--start', '2027-01-04'],
      ['compare', 'iv', 'oral'],
    ]) {
      const printed = print(runCli([...args, '--format', 'html']).stdout);
      expect(printed.pages).toBeLessThanOrEqual(3);
      expect(printed.text).toContain('Questions to ask');
      expect(printed.text).toContain('not a quote and not medical advice');
    }
  }, 120_000);
});
