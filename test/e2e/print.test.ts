import { describe, expect, it } from 'vitest';
import { BROWSER_HOSTS, hasBrowser, printInBrowser as print, runCli } from '../helpers.js';

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
});
