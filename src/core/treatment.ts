// The treatment over the program, before insurance: the sessions at the low and the high price, or
// the cheapest way to buy them from a clinic's packages, single sessions and an introductory
// session (#23), a small dynamic programme over the session count.
import { step } from './cite.js';
import type { CentsRange, PackageMix, ProgramPrice } from './estimate-types.js';
import { msg } from './message.js';
import type { ProgramSessions, Say } from './price-program.js';
import type { Package, Ref } from './types.js';

/** The treatment over `count` sessions (cents): session 1 at its own price when it has one. */
export function treatmentTotal(count: number, each: number, first: number | null): number {
  return count === 0 ? 0 : (first ?? each) + each * (count - 1);
}

/**
 * The treatment's price (cents): the fewest sessions at the lowest price, the most at the highest;
 * with `packages` or an `intro` session, the cheapest mix of them and single sessions at each end
 * (`mixes`, null without). Each end's arithmetic is said through `say`, cited to its price.
 */
export function treatmentPrice(p: {
  sessions: Pick<ProgramSessions, 'low' | 'high'>;
  perSession: CentsRange;
  firstSession: ProgramPrice['firstSession'];
  packages: readonly Package[];
  intro: { cents: number } | null;
  priceRef: Ref;
  packagesRef: Ref;
  say: Say;
}): { program: CentsRange; mixes: { low: PackageMix; high: PackageMix } | null } {
  const { sessions, perSession, firstSession, say } = p;
  const { program, mixes } = treatmentCost(sessions, perSession, firstSession, p);
  if (mixes)
    for (const end of ['low', 'high'] as const)
      say(() => step(msg('price.mix', { end, count: sessions[end], mix: mixes[end] }), p.packagesRef));
  else
    for (const [end, count, each, first, total] of [
      ['low', sessions.low, perSession.lowCents, firstSession?.lowCents ?? null, program.lowCents],
      ['high', sessions.high, perSession.highCents, firstSession?.highCents ?? null, program.highCents],
    ] as const)
      say(() => step(msg('price.program', { end, count, eachCents: each, firstCents: first, totalCents: total }), p.priceRef));
  return { program, mixes };
}

/**
 * What `sessions` (low and high ends) cost (cents), with nothing said: with packages or an
 * introductory session, their cheapest mix at each end; else each session at its price, session 1
 * at its own. The program's treatment (treatmentPrice) and what is due up front are both this.
 */
export function treatmentCost(
  sessions: { low: number; high: number },
  perSession: CentsRange,
  firstSession: ProgramPrice['firstSession'],
  buying: { packages: readonly Package[]; intro: { cents: number } | null },
): { program: CentsRange; mixes: { low: PackageMix; high: PackageMix } | null } {
  const { packages, intro } = buying;
  const mixes =
    packages.length > 0 || intro !== null
      ? {
          low: cheapestMix(sessions.low, perSession.lowCents, packages, intro?.cents ?? null),
          high: cheapestMix(sessions.high, perSession.highCents, packages, intro?.cents ?? null),
        }
      : null;
  const program = mixes
    ? { lowCents: mixes.low.totalCents, highCents: mixes.high.totalCents }
    : {
        lowCents: treatmentTotal(sessions.low, perSession.lowCents, firstSession?.lowCents ?? null),
        highCents: treatmentTotal(sessions.high, perSession.highCents, firstSession?.highCents ?? null),
      };
  return { program, mixes };
}

/**
 * The cheapest way to buy `count` sessions (cents): single sessions at `single`, packages (a package
 * larger than needed only when it costs less than the single sessions it replaces), and an
 * introductory first session where there is one. Ties go to single sessions, then smaller packages.
 */
export function cheapestMix(count: number, single: number, packages: readonly Package[], intro: number | null): PackageMix {
  const best = [0];
  const choice: (Package | null)[] = [null];
  for (let n = 1; n <= count; n++) {
    let cost = (best[n - 1] ?? 0) + single;
    let pick: Package | null = null;
    for (const p of packages) {
      const candidate = (p.sessions >= n ? 0 : (best[n - p.sessions] ?? 0)) + p.cents;
      if (candidate < cost) {
        cost = candidate;
        pick = p;
      }
    }
    best.push(cost);
    choice.push(pick);
  }
  // With an introductory session, the first session may be it and the rest bought as above.
  const useIntro = intro !== null && count > 0 && intro + (best[count - 1] ?? 0) < (best[count] ?? 0);
  const counts = new Map<Package, number>();
  let singles = 0;
  let n = useIntro ? count - 1 : count;
  while (n > 0) {
    const p = choice[n] ?? null;
    if (p === null) {
      singles += 1;
      n -= 1;
    } else {
      counts.set(p, (counts.get(p) ?? 0) + 1);
      n = Math.max(0, n - p.sessions);
    }
  }
  return {
    packages: [...counts]
      .map(([p, c]) => ({ sessions: p.sessions, cents: p.cents, count: c, ...(p.per === 'month' ? { per: 'month' as const } : {}) }))
      .sort((a, b) => a.sessions - b.sessions),
    singles,
    singleCents: single,
    introCents: useIntro ? intro : null,
    totalCents: useIntro ? intro + (best[count - 1] ?? 0) : (best[count] ?? 0),
  };
}
