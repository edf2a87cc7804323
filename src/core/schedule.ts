import { formatRange } from './fields.js';
import type { SchedulePhase } from './types.js';

export type SessionCount = { low: number; high: number; steps: string[] };

/**
 * Turns a duration into a session-count range by walking the route's schedule phase by phase
 * (e.g. esketamine over 26 weeks: 8 + 4 + 9 to 18 = 21-30 sessions).
 */
export function countSessions(phases: readonly SchedulePhase[], weeks: number): SessionCount {
  let low = 0;
  let high = 0;
  const steps: string[] = [];
  for (const phase of phases) {
    const from = phase.fromWeek;
    const to = Math.min(phase.toWeek ?? weeks, weeks);
    if (to < from) break;
    const span = to - from + 1;
    const label = from === to ? `Week ${from}` : `Weeks ${from}-${to}`;
    let phaseLow: number;
    let phaseHigh: number;
    let how: string;
    if (phase.perWeek) {
      phaseLow = span * phase.perWeek.low;
      phaseHigh = span * phase.perWeek.high;
      how = `${formatRange(phase.perWeek.low, phase.perWeek.high)} a week x ${plural(span, 'week')}`;
    } else if (phase.everyWeeks) {
      // A session opens each interval, so a part interval still holds one.
      phaseLow = Math.ceil(span / phase.everyWeeks.high);
      phaseHigh = Math.ceil(span / phase.everyWeeks.low);
      how = `one every ${formatRange(phase.everyWeeks.low, phase.everyWeeks.high)} weeks over ${plural(span, 'week')}`;
    } else continue;
    low += phaseLow;
    high += phaseHigh;
    steps.push(`${label}: ${how} = ${formatRange(phaseLow, phaseHigh)} ${phaseHigh === 1 ? 'session' : 'sessions'}`);
  }
  return { low, high, steps };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
