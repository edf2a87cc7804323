import { formatRange } from '../core/fields.js';
import { formatDecimal, formatUsd, formatUsdRange } from '../core/money.js';
import type { Plan, PlanRow } from '../core/plan.js';
import { describeFinancing } from '../text/en-words.js';
import { inertJson } from '../text/visible.js';
import { csvLine } from './csv.js';
import { SCHEMA_VERSION } from './json.js';
import { markdownCell } from './markdown.js';
import { makePaint } from './paint.js';
import { citation, DISCLAIMER, describeInsurance, describeSource, sourceMarksKey } from './summary.js';

const range = (r: { lowCents: number; highCents: number }) => formatUsdRange(r.lowCents, r.highCents);

/** "Esketamine nasal spray (Spravato) at a clinic, 84 mg dose, 14 sessions over 12 weeks". */
export function describePlan(p: Plan): string {
  const e = p.estimate;
  // The more frequent schedule (the high end) can hold more sessions than the less frequent one.
  const sessionRows = p.rows.filter((r) => r.kind === 'session');
  const low = sessionRows.filter((r) => r.onlyAt !== 'high').length;
  const high = sessionRows.filter((r) => r.onlyAt !== 'low').length;
  const boosters = p.rows.filter((r) => r.kind === 'booster').length;
  const last = p.rows[p.rows.length - 1];
  const weeks = last ? last.week : 0;
  const dose = e.dose ? `, ${e.dose.mg} mg dose` : '';
  const extra = boosters ? ` and ${boosters} ${boosters === 1 ? 'booster' : 'boosters'}` : '';
  return `${e.route.label} ${e.provider.label}${dose}, ${formatRange(low, high)} ${high === 1 ? 'session' : 'sessions'}${extra} over ${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
}

/** Numbers the plan's sources for "[1: L160]" markers. */
function numbers(p: Plan): Map<string, number> {
  return new Map(p.sources.map((s, i) => [s.id, i + 1]));
}

export function when(r: PlanRow): string {
  return r.date ? `${r.date} (week ${r.week})` : `week ${r.week}, day ${r.day + 1}`;
}

export function what(r: PlanRow): string {
  const label = r.kind === 'intake' ? 'intake visit' : r.kind === 'booster' ? 'booster session' : 'session';
  // The more frequent schedule has sessions the less frequent one has not: say which end has it.
  const only = r.onlyAt === null ? '' : ` (${r.onlyAt === 'high' ? 'more' : 'less'} frequent schedule only)`;
  return `${r.resetsPlanYear ? `new plan year ${r.planYear}: ` : ''}${label}${only}`;
}

/** The columns of what is paid: your share and the plan's, or out of network, the bill on the day and the payback later. */
export function paidColumns(p: Plan): { headers: [string, string]; cells: (r: PlanRow) => [string, string] } {
  if (p.totals.paidBack.highCents > 0)
    return { headers: ['You pay on the day', 'Paid back later'], cells: (r) => [range(r.paidOnTheDay), range(r.paidBack)] };
  return { headers: ['You pay', 'Plan pays'], cells: (r) => [range(r.patient), range(r.plan)] };
}

/** The lines every format prints after the schedule: totals, up front, paying over time. */
export function summaryLines(p: Plan): string[] {
  const t = p.totals;
  const lines =
    t.paidBack.highCents > 0
      ? [
          `In all: billed ${range(t.billed)}; you pay ${range(t.paidOnTheDay)} on the days of the sessions, and the plan is expected to pay back ${range(t.paidBack)} later, after you claim it: ${range(t.patient)} in the end.`,
        ]
      : [`In all: billed ${range(t.billed)}; you pay ${range(t.patient)}; the plan pays ${range(t.plan)}.`];
  if (t.writtenOff.highCents > 0)
    lines.push(`Written off by the clinic (above the plan's allowed amount, not billed to you): ${range(t.writtenOff)}.`);
  if (p.dueUpFront) {
    lines.push(
      `Due before the first session, where the clinic takes ${formatRange(p.dueUpFront.sessions.low, p.dueUpFront.sessions.high)} sessions' payment up front: ${range(p.dueUpFront)}.`,
    );
  }
  if (p.financing) lines.push(describeFinancing(p.financing));
  return lines;
}

/** A bar of the cumulative high end per month, on a 0-to-total scale; ASCII where blocks cannot be drawn. */
function monthBars(p: Plan, ascii: boolean): string[] {
  const width = 30;
  const max = Math.max(1, p.totals.patient.highCents);
  const label = Math.max(...p.months.map((m) => m.label.length));
  return p.months.map((m) => {
    const filled = Math.round((m.runningPatient.highCents / max) * width);
    const bar = (ascii ? '#' : '█').repeat(filled) + (ascii ? '.' : '░').repeat(width - filled);
    return `${m.label.padEnd(label)}  ${bar}  ${formatUsd(m.runningPatient.highCents)}`;
  });
}

/** Returns the plan as a terminal table: each session, month subtotals, a cumulative chart, totals and notes. */
export async function formatPlanTable(
  p: Plan,
  options: { color: boolean; ascii: boolean; explain: boolean; width?: number | null; plain?: boolean },
): Promise<string> {
  const { fitToWidth, makeTable } = await import('./table.js');
  const paint = await makePaint(options.color);
  const e = p.estimate;
  const paid = paidColumns(p);
  const table = makeTable(
    ['#', 'When', 'What', 'Billed', ...paid.headers, 'Paid so far'].map((h) => paint.bold(h)),
    ['right', 'left', 'left', 'right', 'right', 'right', 'right'],
    { width: options.width ?? null, plain: options.plain === true },
  );
  for (const [i, r] of p.rows.entries()) {
    const [mine, theirs] = paid.cells(r);
    table.push([String(r.n), when(r), what(r), range(r.billed), paint.bold(mine), theirs, range(r.runningPatient)]);
    const m = p.months[r.month - 1];
    if (m && p.rows[i + 1]?.month !== r.month) {
      table.push(['', paint.dim(m.label), paint.dim('month subtotal'), paint.dim(range(m.billed)), paint.dim(range(m.patient)), '', '']);
    }
  }
  const n = numbers(p);
  const lines = [
    paint.bold(`Plan: ${describePlan(p)}`),
    `${describeInsurance(e)}. Sessions: ${p.cadence}.`,
    '',
    table.toString(),
    '',
    paint.bold('Paid so far, by month (high end):'),
    ...monthBars(p, options.ascii).map((l) => `  ${l}`),
    '',
    ...summaryLines(p),
    '',
  ];
  if (options.explain && p.explanation.length) {
    lines.push(paint.bold('How each session was counted:'), ...p.explanation.map((l) => `  - ${l}`), '');
  }
  if (p.notes.length) {
    lines.push(paint.bold('Notes:'));
    for (const note of p.notes) lines.push(`  - ${note.text} ${paint.dim(citation(n, note.source, note.at))}`.trimEnd());
  }
  lines.push(paint.bold('Sources:'), `  ${paint.dim(sourceMarksKey())}`);
  for (const [i, s] of p.sources.entries()) lines.push(`  ${paint.dim(`[${i + 1}] ${describeSource(s)}`)}`);
  lines.push('', paint.italic(DISCLAIMER));
  return `${fitToWidth(lines.join('\n'), options.width ?? null)}\n`;
}

/** Returns the plan as GitHub Markdown. */
export function formatPlanMarkdown(p: Plan, options: { explain: boolean }): string {
  const e = p.estimate;
  const n = numbers(p);
  const lines = [
    `### Plan: ${markdownCell(describePlan(p))}`,
    '',
    `${describeInsurance(e)}. Sessions: ${markdownCell(p.cadence)}.`,
    '',
    `| # | When | What | Billed | ${paidColumns(p).headers.join(' | ')} | Paid so far |`,
    '| ---: | --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of p.rows) {
    const [mine, theirs] = paidColumns(p).cells(r);
    lines.push(`| ${r.n} | ${when(r)} | ${what(r)} | ${range(r.billed)} | ${mine} | ${theirs} | ${range(r.runningPatient)} |`);
  }
  lines.push('', '| Month | Billed | You pay | Paid so far |', '| --- | ---: | ---: | ---: |');
  for (const m of p.months) lines.push(`| ${m.label} | ${range(m.billed)} | ${range(m.patient)} | ${range(m.runningPatient)} |`);
  lines.push('', ...summaryLines(p));
  if (options.explain && p.explanation.length)
    lines.push('', '**How each session was counted**', '', ...p.explanation.map((l) => `- ${markdownCell(l)}`));
  if (p.notes.length) {
    lines.push('', '**Notes**', '');
    for (const note of p.notes) lines.push(`- ${markdownCell(`${note.text} ${citation(n, note.source, note.at)}`.trimEnd())}`);
  }
  lines.push('', '**Sources**', '', sourceMarksKey(), '');
  for (const [i, s] of p.sources.entries()) lines.push(`- [${i + 1}] ${markdownCell(describeSource(s))}`);
  lines.push('', `_${DISCLAIMER}_`);
  return `${lines.join('\n')}\n`;
}

// Plan CSV columns: append only, never reorder.
export const PLAN_COLUMNS = [
  'n',
  'kind',
  'week',
  'day',
  'date',
  'plan_year',
  'resets_plan_year',
  'billed_low_usd',
  'billed_high_usd',
  'patient_low_usd',
  'patient_high_usd',
  'plan_low_usd',
  'plan_high_usd',
  'paid_so_far_low_usd',
  'paid_so_far_high_usd',
  // Added with #21: the day's payment, the payback expected later, what was written off, and which end a session is at.
  'paid_on_the_day_low_usd',
  'paid_on_the_day_high_usd',
  'paid_back_low_usd',
  'paid_back_high_usd',
  'written_off_low_usd',
  'written_off_high_usd',
  'only_at',
] as const;

/** Returns the plan as CSV: one row per session (and one-time visit), in order. */
export function formatPlanCsv(p: Plan): string {
  const usd = formatDecimal;
  return (
    csvLine([...PLAN_COLUMNS]) +
    p.rows
      .map((r) =>
        csvLine([
          r.n,
          r.kind,
          r.week,
          r.day,
          r.date,
          r.planYear,
          String(r.resetsPlanYear),
          usd(r.billed.lowCents),
          usd(r.billed.highCents),
          usd(r.patient.lowCents),
          usd(r.patient.highCents),
          usd(r.plan.lowCents),
          usd(r.plan.highCents),
          usd(r.runningPatient.lowCents),
          usd(r.runningPatient.highCents),
          usd(r.paidOnTheDay.lowCents),
          usd(r.paidOnTheDay.highCents),
          usd(r.paidBack.lowCents),
          usd(r.paidBack.highCents),
          usd(r.writtenOff.lowCents),
          usd(r.writtenOff.highCents),
          r.onlyAt,
        ]),
      )
      .join('')
  );
}

/** The JSON document of a plan (`schema plan`). */
export function toPlanDocument(p: Plan) {
  const e = p.estimate;
  return {
    schemaVersion: SCHEMA_VERSION,
    currency: 'USD' as const,
    dataset: e.dataset,
    scenario: e.scenario,
    route: e.route,
    options: p.options,
    cadence: p.cadence,
    rows: p.rows,
    months: p.months,
    totals: p.totals,
    dueUpFront: p.dueUpFront,
    financing: p.financing,
    notes: p.notes,
    explanation: p.explanation,
    sources: p.sources,
  };
}

/** Returns the plan as JSON, two-space indented. */
export function formatPlanJson(p: Plan): string {
  return `${inertJson(JSON.stringify(toPlanDocument(p), null, 2))}\n`;
}
