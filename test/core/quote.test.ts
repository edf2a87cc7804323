// Your own prices (#23), one hand-worked case a line; the arithmetic is in the comment.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cheapestMix } from '../../src/core/estimate.js';
import { parseScenario, type RawScenario } from '../../src/core/scenario.js';
import { compare } from '../../src/index.js';
import * as en from '../../src/text/en.js';
import { estimateFrom, readDataset, runCli } from '../helpers.js';

const dataset = readDataset();
const refused = (raw: RawScenario) => {
  const parsed = parseScenario(raw, dataset);
  if (parsed.ok) throw new Error('accepted');
  return `${parsed.issues[0]?.field}: ${en.say(parsed.issues[0]?.message ?? { key: 'gfe.notPriced', params: {} })}`;
};

describe('the cheapest mix of packages and single sessions', () => {
  const six = { sessions: 6, cents: 240_000 };
  // 8 at $450 with 6 for $2,400: $2,400 + 2 x $450 = $3,300 (8 singles would be $3,600).
  it('a package and singles', () => expect(cheapestMix(8, 45_000, [six], null).totalCents).toBe(330_000));
  // 5 at $450: 5 x $450 = $2,250, less than the 6-pack: never a larger package when singles cost less.
  it('singles when they cost less', () =>
    expect(cheapestMix(5, 45_000, [six], null)).toMatchObject({ packages: [], singles: 5, totalCents: 225_000 }));
  // 5 at $500 = $2,500: the 6-pack at $2,400 costs less, so it is bought though one session is spare.
  it('a larger package only when it costs less', () =>
    expect(cheapestMix(5, 50_000, [six], null)).toMatchObject({ packages: [{ sessions: 6, count: 1 }], singles: 0, totalCents: 240_000 }));
  // One clinic's published prices: an introductory infusion $375, 6 for $3,025, 8 for $3,925 (singles at $550, say).
  it.each([
    [1, 37_500], // the introductory session
    [6, 302_500], // the 6-pack (intro + 5 x $550 = $3,125 costs more)
    [8, 392_500], // the 8-pack (intro + 6-pack + 1 = $3,950 costs more)
    [7, 340_000], // intro $375 + the 6-pack $3,025
  ])('%i sessions: %i cents', (count, cents) =>
    expect(
      cheapestMix(
        count,
        55_000,
        [
          { sessions: 6, cents: 302_500 },
          { sessions: 8, cents: 392_500 },
        ],
        37_500,
      ).totalCents,
    ).toBe(cents),
  );
});

describe('--price, --package, --item-price', () => {
  it('a quote replaces the published price, is cited as yours, and is compared with the published range', () => {
    const e = estimateFrom({ route: 'iv', sessions: 6, price: 450, exclude: 'intake' }, dataset);
    // 6 x $450 = $2,700 at both ends.
    expect(e.program).toEqual({ lowCents: 270_000, highCents: 270_000 });
    expect(e.perSession).toMatchObject({ lowCents: 45_000, highCents: 45_000, source: 'quote', at: '--price' });
    expect(e.sources.map((s) => s.id)).toContain('quote');
    // Typed at the questions or given as flags, the same prices: the title says both (the new-user try).
    expect(e.sources.find((s) => s.id === 'quote')).toMatchObject({
      title: 'Your quote: the prices you gave (--price, --package, --item-price, or the same answers to the questions)',
      thirdParty: false,
    });
    expect(e.sources.map((s) => s.id)).not.toContain('neolytix-2026');
    expect(e.notes.map((n) => n.text)).toContain(
      'Your quote, $450 a session, is within the published range of $225-$800 for the same session.',
    );
  });
  it('says how a price far from the published range compares, and still uses it', () => {
    const e = estimateFrom({ route: 'iv', sessions: 1, price: 1500, exclude: 'intake' }, dataset);
    expect(e.program.lowCents).toBe(150_000);
    expect(e.notes.map((n) => n.text)).toContain(
      'Your quote, $1,500 a session, is above the published range of $225-$800 for the same session.',
    );
  });
  // Esketamine, per session at the dose given: 8 x $900 = $7,200; the observation visit $180 x 8 = $1,440; intake $0.
  it('esketamine: per session at the dose, and an item no source prices', () => {
    const e = estimateFrom({ route: 'esketamine', sessions: 8, dose: 84, price: 900, itemPrice: 'observation=180,intake=0' }, dataset);
    expect(e.firstSession).toBeNull();
    expect(e.program).toEqual({ lowCents: 720_000, highCents: 720_000 });
    const observation = e.items.find((i) => i.id === 'observation');
    expect(observation).toMatchObject({ status: 'priced', total: { lowCents: 144_000, highCents: 144_000 }, source: 'quote', note: null });
    expect(e.allIn).toMatchObject({ lowCents: 864_000, highCents: 864_000 });
  });
  // Packages without --price: singles at the published $225-$800. Low: 6 x $225 = $1,350 (the $2,400 pack costs
  // more); high: the pack $2,400 instead of 6 x $800 = $4,800.
  it('packages without a price: singles at the published range', () => {
    const e = estimateFrom({ route: 'iv', sessions: 6, package: '6:2400', exclude: 'intake' }, dataset);
    expect(e.program).toEqual({ lowCents: 135_000, highCents: 240_000 });
  });
  // The sessions clinics take up front (4-6, seed L160) are bought as the program's are (the new-user try:
  // $1,800-$2,700 up front beside a $2,400 six-session package the user had given).
  it('what is due up front buys its sessions at the cheapest mix too, with your packages', () => {
    const e = estimateFrom({ route: 'im', sessions: 5, price: 450, package: '6:2400' }, dataset);
    // 5 sessions: 5 x $450 = $2,250 beats the $2,400 pack.
    expect(e.program).toEqual({ lowCents: 225_000, highCents: 225_000 });
    // Up front, 4 sessions: 4 x $450 = $1,800 (the pack costs more); at most the program's 5 (not the
    // source's 6): 5 x $450 = $2,250, as the program.
    expect(e.dueUpFront).toEqual({ lowCents: 180_000, highCents: 225_000, sessions: { low: 4, high: 5 } });
    // Your package without a price, likewise (singles at the published $225-$800): 4 x $225 = $900; 6: the pack, $2,400, not 6 x $800.
    expect(estimateFrom({ route: 'iv', sessions: 6, package: '6:2400' }, dataset).dueUpFront).toEqual({
      lowCents: 90_000,
      highCents: 240_000,
      sessions: { low: 4, high: 6 },
    });
  });
  it.each([
    [{ route: 'iv', price: '0' }, 'price: "0" is not a price: a quote is more than $0'],
    [
      { route: 'iv', price: 'abc' },
      'price: "abc" is not an amount of money; use dollars such as 1000, 1000.50 or $1,000.50 (at most two decimals, not negative)',
    ],
    [{ route: 'iv', package: '400:2400' }, 'package: "400:2400" is not a package: it needs 1 to 365 sessions'],
    [
      { route: 'iv', package: ':2400' },
      'package: ":2400" is not a package; write sessions:dollars, such as 6:2400, or several as 6:2400,8:3000 (a month of a subscription: 4:129/month)',
    ],
    [{ route: 'iv', package: '6:0' }, 'package: "6:0" is not a price: a quote is more than $0'],
    [
      { route: 'iv', itemPrice: 'massage=50' },
      'itemPrice: "massage" is not a line item of iv; allowed of iv: boosters, intake, psychotherapy',
    ],
    [
      { route: 'iv', itemPrice: 'intake' },
      'itemPrice: "intake" is not an item price; write item=dollars, such as observation=180,intake=0',
    ],
  ])('%j is refused', (raw, message) => expect(refused(raw as RawScenario)).toBe(message));
});

describe('compare with a quote: only the quoted route takes it (#23)', () => {
  const perSession = (c: ReturnType<typeof compare>) => Object.fromEntries(c.options.map((o) => [o.route.id, o.perSession.lowCents]));
  it('--quote-for iv: IV at $450, the rest at their published lows', () => {
    // Before, every option took $450 a session, esketamine and oral too.
    // IV: 6 x $450 = $2,700; IM keeps $225, oral $75, esketamine 56 mg = 2 devices x $300 = $600.
    const c = compare({ sessions: 6, price: 450, exclude: 'intake' }, { quoteFor: 'iv' });
    expect(perSession(c)).toEqual({ iv: 45_000, im: 22_500, oral: 7_500, esketamine: 60_000 });
    expect(c.options.find((o) => o.route.id === 'iv')?.program).toEqual({ lowCents: 270_000, highCents: 270_000 });
    expect(c.options.find((o) => o.route.id === 'im')?.sources.map((s) => s.id)).not.toContain('quote');
    expect(c.options.find((o) => o.route.id === 'iv')?.sources.map((s) => s.id)).toContain('quote');
  });
  it('one option named takes the quote without --quote-for; an alias names the route', () => {
    expect(perSession(compare({ price: 450 }, { only: [{ route: 'infusion', sessions: 6 }] }))).toEqual({ iv: 45_000 });
    expect(perSession(compare({ price: 450 }, { only: [{ route: 'iv' }, { route: 'oral' }], quoteFor: 'intravenous' }))).toEqual({
      iv: 45_000,
      oral: 7_500,
    });
  });
  it.each([
    [
      { price: 450 },
      {},
      'price: --price is a quote for one route; say which with --quote-for <route>, e.g. --quote-for iv (or compare that one option)',
    ],
    [{}, { quoteFor: 'iv' }, 'price: --quote-for needs the quote: --price, --package or --item-price'],
    [{ package: '6:2400' }, { quoteFor: 'nope' }, 'package: --quote-for "nope" is not a route; allowed: iv, im, esketamine, oral'],
    [{ price: 1 }, { quoteFor: 'oral@clinic' }, 'price: --quote-for "oral@clinic": oral is not offered by "clinic"; allowed: at-home'],
    [
      { price: 1 },
      { quoteFor: 'iv', only: [{ route: 'oral' }, { route: 'im' }] },
      'price: --quote-for iv: no iv option is compared; add it (e.g. iv:6) or quote another',
    ],
  ])('%j %j is refused', (shared, options, message) => {
    expect(() => compare(shared as RawScenario, options as Parameters<typeof compare>[1])).toThrow(message);
  });
});

describe('compare --price on the command line (#23)', () => {
  it('without --quote-for: exit 2 and one line; with it, the table marks the quoted price', () => {
    const r = runCli(['compare', '-s', '6', '--price', '450']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: --price is a quote for one route; say which with --quote-for <route>, e.g. --quote-for iv (or compare that one option)\n',
    );
    const ok = runCli(['compare', '-s', '6', '--price', '450', '--quote-for', 'iv', '--plain', '--no-color']);
    expect(ok.code).toBe(0);
    // The IV row says $450 and, on the line under it, that it is the patient's quote.
    expect(ok.stdout).toMatch(/IV infusion, clinic, 6 sessions +\$450 .*\n +your quote/);
    const md = runCli(['compare', '-s', '6', '--price', '450', '--quote-for', 'iv', '-f', 'markdown']).stdout;
    expect(md).toContain('| IV infusion, clinic, 6 sessions | $450 (your quote) |');
  });
});

describe('a month of an at-home subscription (#23)', () => {
  it('4:129/month: 6 sessions are 2 months ($258), cheaper than 1 month and 2 singles at $75 ($129 + $150 = $279)', () => {
    const e = estimateFrom({ route: 'oral', sessions: 6, package: '4:129/month', exclude: 'intake' }, dataset);
    expect(e.program).toEqual({ lowCents: 25_800, highCents: 25_800 });
    expect(e.packages?.low.packages).toEqual([{ sessions: 4, cents: 12_900, count: 2, per: 'month' }]);
  });
  it('with --price 60: 1 month and 2 singles ($129 + 2 x $60 = $249) beat 2 months ($258)', () => {
    const e = estimateFrom({ route: 'oral', sessions: 6, price: 60, package: '4:129/month', exclude: 'intake' }, dataset);
    expect(e.program).toEqual({ lowCents: 24_900, highCents: 24_900 });
    expect(e.packages?.low).toMatchObject({ singles: 2, packages: [{ count: 1, per: 'month' }] });
  });
  it.each(['4:129/week', '4:129/', 'month:129'])('%j is refused', (input) => {
    expect(refused({ route: 'oral', package: input })).toMatch(/^package: ".*" is not a package; write sessions:dollars/);
  });
  it('a price list can sell months; data init writes them, data validate checks them, the estimate uses them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-month-'));
    const file = join(dir, 'clinic.json');
    const init = runCli(['data', 'init', '--route', 'oral', '--price', '75', '--package', '4:129/month', '-o', file]);
    expect(init.code).toBe(0);
    const list = JSON.parse(readFileSync(file, 'utf8'));
    expect(list.routes[0].offers[0].packages[0]).toMatchObject({ sessions: 4, cents: 12_900, per: 'month' });
    expect(runCli(['data', 'validate', file]).code).toBe(0);
    // 6 sessions: 2 months = $258 (1 month + 2 x $75 = $279).
    const json = JSON.parse(runCli(['--data', file, '-r', 'oral', '-s', '6', '-f', 'json']).stdout);
    expect(json.program).toEqual({ lowCents: 25_800, highCents: 25_800 });
    list.routes[0].offers[0].packages[0].per = 'week';
    writeFileSync(file, JSON.stringify(list));
    const bad = runCli(['data', 'validate', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('packages[0].per');
  });
});

describe('the program row cites the quote its packages came from (#23)', () => {
  it('packages alone: the quote, not the article the single price comes from', () => {
    // Sources in order: seed [1], the GFE notice [2], your quote [3]. 6 sessions = 2 months = $258.
    const md = runCli(['-r', 'oral', '-s', '6', '--package', '4:129/month', '-f', 'markdown']).stdout;
    expect(md).toContain('| Treatment, 6 sessions [3: --package] | $258 | $258 |');
  });
  it('packages with single sessions at the published price: both are cited', () => {
    // Low: 8 x $225 = $1,800 beats the $2,400 pack (+ 2 x $225); high: $2,400 + 2 x $800 = $4,000 beats 8 x $800.
    const md = runCli(['-r', 'iv', '-s', '8', '--package', '6:2400', '-f', 'markdown']).stdout;
    expect(md).toMatch(/\| Treatment, 8 sessions \[\d+: --package\] \[1: L160\] \| \$1,800 \| \$4,000 \|/);
  });
});
