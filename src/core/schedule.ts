import { type Message, msg } from './message.js';
import type { SchedulePhase } from './types.js';

/** Sessions low and high, with one message per phase saying how they were counted. */
export type SessionCount = { low: number; high: number; steps: Message[] };

/**
 * Turns a duration into a session-count range by walking the route's schedule phase by phase
 * (e.g. esketamine over 26 weeks: 8 + 4 + 9 to 18 = 21-30 sessions).
 */
export function countSessions(phases: readonly SchedulePhase[], weeks: number): SessionCount {
  let low = 0;
  let high = 0;
  const steps: Message[] = [];
  for (const phase of phases) {
    const from = phase.fromWeek;
    const to = Math.min(phase.toWeek ?? weeks, weeks);
    if (to < from) break;
    const span = to - from + 1;
    let phaseLow: number;
    let phaseHigh: number;
    if (phase.perWeek) {
      phaseLow = span * phase.perWeek.low;
      phaseHigh = span * phase.perWeek.high;
    } else if (phase.everyWeeks) {
      // A session opens each interval, so a part interval still holds one.
      phaseLow = Math.ceil(span / phase.everyWeeks.high);
      phaseHigh = Math.ceil(span / phase.everyWeeks.low);
    } else continue;
    low += phaseLow;
    high += phaseHigh;
    steps.push(
      msg('schedule.phase', {
        fromWeek: from,
        toWeek: to,
        perWeek: phase.perWeek ?? null,
        everyWeeks: phase.perWeek ? null : (phase.everyWeeks ?? null),
        low: phaseLow,
        high: phaseHigh,
      }),
    );
  }
  return { low, high, steps };
}
