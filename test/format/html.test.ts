import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, formatEstimateHtml } from '../../src/format/html.js';
import { EN_VIEW } from '../../src/text/en-view.js';
import { estimateFrom, readDataset, runCli } from '../helpers.js';

// The handout's markup: real headings, table headers, a text alternative for the chart, nothing
// that runs or is fetched, and every text escaped.
const dataset = readDataset();

/** The text of each element with the tag, in order. */
const all = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

describe('estimate as HTML', () => {
  const html = formatEstimateHtml(estimateFrom({ route: 'iv', insurance: 'in-network', covered: 'yes', deductible: '0' }), {
    explain: false,
  });

  it('is one self-contained page: no script, style sheet, image, font or frame fetched', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(|\bsrc=|\bon\w+=/i);
    // The only addresses are the sources' links, which the reader follows or not.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  });

  it('has one h1, section headings, and table headers for columns and rows', () => {
    expect(all(html, 'h1')).toEqual(['Ketamine therapy: cost estimate']);
    expect(all(html, 'h2')).toEqual(
      expect.arrayContaining(['Costs', 'Included', 'Not included', 'Insurance', 'Questions to ask', 'Sources and what they say']),
    );
    expect(html).toContain(
      '<thead><tr><th scope="col"></th><th scope="col" class="money">Low</th><th scope="col" class="money">High</th></tr></thead>',
    );
    expect(all(html, 'caption')).toHaveLength(1);
  });

  it('gives the answer first and the figures of the price list', () => {
    // Covered in network, deductible met, 20% assumed: 3 x $225 = $675 -> 20% = $135; 6 x $800 = $4,800
    // -> 20% = $960, plus the intake $0-$350 at 20% = $70: $1,030 at most. The plan pays the rest.
    expect(all(html, 'p')[0]).toBe(
      'From the lowest to the highest published price, you would pay $135-$1,030 in all (with your plan covering it) for IV infusion at a clinic, 3-6 sessions (the typical program).',
    );
    const rows = [
      ...html.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="money">([^<]*)<\/td><td class="money">([^<]*)<\/td><\/tr>/g),
    ].map((m) => [m[1], m[2], m[3]]);
    // $225-$800 a session (FACTS, seed L160); 3 x $225 = $675, 6 x $800 = $4,800.
    expect(rows[0]).toEqual(['Per session (third-party figure) [1]', '$225', '$800']);
    expect(rows[1]).toEqual(['Treatment, 3-6 sessions [1]', '$675', '$4,800']);
  });

  it('the chart has a title and a description that say its figures in words', () => {
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain('role="img"');
    expect(all(svg, 'title')).toEqual(['Cost ranges']);
    expect(all(svg, 'desc')[0]).toContain('Per session: $225-$800; Treatment: $675-$4,800');
  });

  it('lists the questions for the clinic and the insurer, and every source with its quote', () => {
    for (const q of [...EN_VIEW.html.questions.forClinic, ...EN_VIEW.html.questions.forInsurer]) expect(html).toContain(escapeHtml(q));
    expect(html).toContain('prior authorization');
    expect(html).toContain('billing codes');
    const seed = dataset.sources.find((s) => s.id === 'seed');
    expect(html).toContain(escapeHtml(seed?.title ?? 'missing'));
    expect(html).toContain('L160: “');
    expect(html).toContain('not a quote and not medical advice');
  });

  it('escapes text from a price list, and links only web addresses', () => {
    const hostile = readDataset();
    const iv = hostile.routes.find((r) => r.id === 'iv');
    if (!iv) throw new Error('no iv route');
    iv.label = '<img src=x onerror=alert(1)> IV';
    const seed = hostile.sources.find((s) => s.id === 'seed');
    if (!seed) throw new Error('no seed source');
    seed.url = 'javascript:alert(1)';
    const page = formatEstimateHtml(estimateFrom({ route: 'iv' }, hostile), { explain: false });
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; IV');
    expect(page).not.toContain('href="javascript:');
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });
});

describe('--format html on the command line', () => {
  it('estimate, compare and plan print a page; routes refuses it; --brief does not fit it', () => {
    for (const args of [['--route', 'oral'], ['compare'], ['plan', '--route', 'iv', '--sessions', '2', '--every', '1w']]) {
      const r = runCli([...args, '--format', 'html']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    }
    expect(runCli(['routes', '--format', 'html']).code).toBe(2);
    const brief = runCli(['--route', 'iv', '--brief', '--format', 'html']);
    expect([brief.code, brief.stderr]).toEqual([
      2,
      'error: --brief is for the screen: use it with --format table or markdown (not html, a whole handout)\n',
    ]);
  });

  it('--output writes the page to a file, the same bytes as standard output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-html-'));
    const file = join(dir, 'handout.html');
    const written = runCli(['--route', 'im', '--format', 'html', '--output', file]);
    expect([written.code, written.stdout, written.stderr]).toEqual([0, '', '']);
    expect(readFileSync(file, 'utf8')).toBe(runCli(['--route', 'im', '--format', 'html']).stdout);
    const plan = join(dir, 'plan.html');
    expect(runCli(['plan', '--route', 'iv', '--sessions', '2', '--every', '1w', '--format', 'html', '-o', plan]).code).toBe(0);
    expect(readFileSync(plan, 'utf8')).toContain('<h1>Ketamine therapy: payment plan</h1>');
    const nowhere = runCli(['compare', '--format', 'html', '--output', join(dir, 'missing', 'x.html')]);
    expect([nowhere.code, nowhere.stdout]).toEqual([1, '']);
    expect(nowhere.stderr).toMatch(/^error: cannot write .*x\.html: the folder does not exist\n$/);
  });

  it('the same input gives the same bytes', () => {
    const a = runCli(['--route', 'esketamine', '--weeks', '8', '--format', 'html']);
    const b = runCli(['--route', 'esketamine', '--weeks', '8', '--format', 'html']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('the plan page shows the running total, month by month', () => {
    const r = runCli(['plan', '--route', 'iv', '--sessions', '2', '--every', '1w', '--start', '2027-01-04', '--format', 'html']);
    // Intake $0-$350 (third-party figure) and two IV sessions at $225-$800, all in January 2027:
    // paid by the end of it, low 0 + 225 + 225 = $450, high 350 + 800 + 800 = $1,950.
    expect(r.stdout).toContain('What you have paid, month by month');
    expect(r.stdout).toContain('<tr><th scope="row">1</th><td>2027-01-04 (week 1)</td><td>intake visit</td>');
    expect(r.stdout).toContain(
      '<tr><th scope="row">2027-01</th><td class="money">$450-$1,950</td><td class="money">$450-$1,950</td><td class="money">$450-$1,950</td></tr>',
    );
    expect(r.stdout).toContain('Paid by the end of 2027-01: $450-$1,950');
  });
});
