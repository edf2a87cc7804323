import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_HOSTS, hasBrowser, printInBrowser as print, runCli, writeClinicProfile } from '../helpers.js';

// The handout printed by a real browser: headless Chromium makes the PDF, pdftotext reads it back.
// CI installs both (.ci/run); on a machine without them these tests are skipped, but never under CI.
const browser = hasBrowser();
if (!browser && process.env.CI) throw new Error('chromium and pdftotext are required under CI (.ci/run installs them)');

describe.skipIf(!browser)('the handout in a real browser', () => {
  it('an IV estimate prints on two pages with every part, and fetches nothing', () => {
    const html = runCli(['--route', 'iv', '-i', 'in-network', '--format', 'html']).stdout;
    const printed = print(html);
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(printed.pages).toBeLessThanOrEqual(2);
    // Not covered (the usual case for IV): 3 x $225 = $675; 6 x $800 + $350 intake = $5,150.
    expect(printed.text).toContain('From the lowest to the highest published price, you would pay $675-$5,150 in all');
    for (const part of [
      'Costs',
      'Per session (third-party figure) [1] $225 $800',
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

  it('in Spanish: the handout and a Good Faith Estimate print, the figures as in English (#26)', () => {
    const printed = print(runCli(['--lang', 'es', '--route', 'iv', '-i', 'in-network', '--format', 'html']).stdout);
    // Spanish runs about a fifth longer than English (two pages): one more page at most.
    expect(printed.pages).toBeLessThanOrEqual(3);
    // Not covered (the usual case for IV): 3 x $225 = $675; 6 x $800 + $350 intake = $5,150.
    expect(printed.text).toContain('usted pagaría entre $675 y $5,150 en total');
    for (const part of ['Costos', 'Rangos de costos', 'No incluido', 'Preguntas que puede hacer', 'Fuentes y lo que dicen'])
      expect(printed.text).toContain(part);
    const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-print-'));
    const gfe = runCli([
      'gfe',
      '--lang',
      'es',
      '-r',
      'iv',
      '-s',
      '6',
      '--price',
      '450',
      '--exclude',
      'intake',
      '--clinic',
      writeClinicProfile(join(dir, 'clinic.json')),
      '--patient-name',
      'Ana Pérez',
      '--patient-dob',
      '1980-04-23',
      '-f',
      'html',
    ]).stdout;
    const doc = print(gfe);
    // 6 x $450 = $2,700.
    for (const part of [
      'Estimado de buena fe (borrador)',
      'Ana Pérez',
      '23 de abril de 1980',
      'Total de cargos esperados: $2,700',
      'Sus derechos',
    ])
      expect(doc.text).toContain(part);
  }, 120_000);
});
