// No range runs backwards (#21): every "$a-$b" the views print has a <= b, whatever the scenario.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planProgram } from '../../src/core/plan.js';
import { parseScenario, type RawScenario } from '../../src/core/scenario.js';
import { formatEstimateHtml, formatPlanHtml } from '../../src/format/html.js';
import { formatMarkdown } from '../../src/format/markdown.js';
import { formatPlanMarkdown } from '../../src/format/plan.js';
import * as en from '../../src/text/en.js';
import { sayEstimate, sayPlan } from '../../src/text/localize.js';
import { planOptions, readDataset } from '../helpers.js';

const dataset = readDataset();
const cents = (text: string) => Math.round(Number(text.replace(/,/g, '')) * 100);
/** Every "$a-$b" in a text, as [a, b] in cents. */
const spans = (text: string) =>
  [...text.matchAll(/\$([\d,]+(?:\.\d\d)?)-\$([\d,]+(?:\.\d\d)?)/g)].map((m) => [cents(m[1] ?? ''), cents(m[2] ?? '')]);

const scenario = fc.record({
  route: fc.constantFrom('iv', 'im', 'esketamine', 'oral'),
  weeks: fc.integer({ min: 1, max: 60 }),
  insurance: fc.constantFrom('none', 'in-network', 'out-of-network', 'medicare', 'medicare-advantage', 'medicaid'),
  deductible: fc.integer({ min: 0, max: 500_000 }),
  coinsurance: fc.integer({ min: 0, max: 100 }),
  start: fc.constantFrom(null, '2027-11-01', '2026-12-20'),
});

describe('no range runs backwards', () => {
  it('the issue example: the high-price case can pay less on a session; the span still reads low to high', () => {
    const parsed = parseScenario(
      { route: 'esketamine', weeks: '20', insurance: 'in-network', deductible: '1500', coinsurance: '20' },
      dataset,
    );
    if (!parsed.ok) throw new Error('refused');
    const options = planOptions({ start: '2027-11-01' });
    const p = planProgram(parsed.scenario, dataset, options);
    if ('flag' in p) throw new Error('refused');
    // Session 2 (row 3). Low-price case: intake $0, session 1 $600 to the $1,500 deductible ($900 left),
    // session 2 $600 to it too: $600. High-price case: intake $350 and session 1 $800 to it ($350 left),
    // session 2 $350 + 20% of $450 = $90: $440. The cases cost $600 and $440: printed as $440-$600.
    const md = formatPlanMarkdown(sayPlan(p, en.say), { explain: true });
    expect(md).toContain('$440-$600');
    expect(md).not.toContain('$600-$440');
  });

  it('property: every printed span in an estimate and a plan, in Markdown and HTML', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const scheduled = s.route === 'esketamine' || s.route === 'oral';
        const raw: RawScenario = {
          route: s.route,
          insurance: s.insurance,
          ...(scheduled ? { weeks: String(s.weeks) } : { sessions: String(1 + (s.weeks % 12)) }),
        };
        if (s.insurance === 'in-network' || s.insurance === 'out-of-network' || s.insurance === 'medicare')
          raw.deductible = String(s.deductible / 100);
        if (s.insurance === 'in-network' || s.insurance === 'medicare-advantage') raw.coinsurance = String(s.coinsurance);
        const parsed = parseScenario(raw, dataset);
        if (!parsed.ok) return;
        const options = planOptions({ start: s.start, everyDays: scheduled ? null : 7, months: 12, aprBasisPoints: 1_800 });
        const plan = planProgram(parsed.scenario, dataset, options, true);
        if ('flag' in plan) return;
        const p = sayPlan(plan, en.say);
        const e = sayEstimate(plan.estimate, en.say);
        const texts = [
          formatMarkdown(e, { explain: true }),
          formatEstimateHtml(e, { explain: true }),
          formatPlanMarkdown(p, { explain: true }),
          formatPlanHtml(p),
        ];
        for (const [a, b] of texts.flatMap(spans)) expect(a).toBeLessThanOrEqual(b ?? 0);
      }),
      { numRuns: 60 },
    );
  });
});
