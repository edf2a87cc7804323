import { formatRange } from '../core/fields.js';
import { formatDecimal, formatUsd, formatUsdRange } from '../core/money.js';
import type { Plan, PlanRow } from '../core/plan.js';
import { describeFinancing } from '../text/en-words.js';
import { csvLine } from './csv.js';
import { SCHEMA_VERSION } from './json.js';
import { markdownCell } from './markdown.js';
import { makePaint } from './paint.js';
import { citation, DISCLAIMER, describeInsurance, describeSource } from './summary.js';

const range = (r: { lowCents: number; highCents: number }) => formatUsdRange(r.lowCents, r.highCents);

/** "Esketamine nasal spray (Spravato) at a clinic, 84 mg dose, 14 sessions over 12 weeks". */
export function describePlan(p: Plan): string {
  const e = p.estimate;
  const sessions = p.rows.filter((r) => r.kind === 'session').length;
  const boosters = p.rows.filter((r) => r.kind === 'booster').length;
  const last = p.rows[p.rows.length - 1];
  const weeks = last ? last.week : 0;
  const dose = e.dose ? `, ${e.dose.mg} mg dose` : '';
  const extra = boosters ? ` and ${boosters} ${boosters === 1 ? 'booster' : 'boosters'}` : '';
  return `${e.route.label} ${e.provider.label}${dose}, ${sessions} ${sessions === 1 ? 'session' : 'sessions'}${extra} over ${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
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
  return `${r.resetsPlanYear ? `new plan year ${r.planYear}: ` : ''}${label}`;
}

/** The lines every format prints after the schedule: totals, up front, paying over time. */
export function summaryLines(p: Plan): string[] {
  const lines = [`In all: billed ${range(p.totals.billed)}; you pay ${range(p.totals.patient)}; the plan pays ${range(p.totals.plan)}.`];
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
  const table = makeTable(
    ['#', 'When', 'What', 'Billed', 'You pay', 'Plan pays', 'Paid so far'].map((h) => paint.bold(h)),
    ['right', 'left', 'left', 'right', 'right', 'right', 'right'],
    { width: options.width ?? null, plain: options.plain === true },
  );
  for (const [i, r] of p.rows.entries()) {
    table.push([String(r.n), when(r), what(r), range(r.billed), paint.bold(range(r.patient)), range(r.plan), range(r.runningPatient)]);
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
  lines.push(paint.bold('Sources:'));
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
    '| # | When | What | Billed | You pay | Plan pays | Paid so far |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of p.rows) {
    lines.push(
      `| ${r.n} | ${when(r)} | ${what(r)} | ${range(r.billed)} | ${range(r.patient)} | ${range(r.plan)} | ${range(r.runningPatient)} |`,
    );
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
  lines.push('', '**Sources**', '');
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
  return `${JSON.stringify(toPlanDocument(p), null, 2)}\n`;
}
