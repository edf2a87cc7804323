import { formatRange } from '../core/fields.js';
import { formatDecimal, formatUsd, formatUsdRange } from '../core/money.js';
import type { Plan, PlanRow } from '../core/plan.js';
import { EN_VIEW } from '../text/en-view.js';
import type { ViewWords } from '../text/view.js';
import { inertJson } from '../text/visible.js';
import { csvLine } from './csv.js';
import { SCHEMA_VERSION } from './json.js';
import { markdownCell } from './markdown.js';
import { makePaint } from './paint.js';
import { citation, describeInsurance, describeSource, disclaimerOf, sourceMarksKey } from './summary.js';

const range = (r: { lowCents: number; highCents: number }) => formatUsdRange(r.lowCents, r.highCents);

/** "Esketamine nasal spray (Spravato) at a clinic, 84 mg dose, 14 sessions over 12 weeks". */
export function describePlan(p: Plan, w: ViewWords = EN_VIEW): string {
  const e = p.estimate;
  // The more frequent schedule (the high end) can hold more sessions than the less frequent one.
  const sessionRows = p.rows.filter((r) => r.kind === 'session');
  const low = sessionRows.filter((r) => r.onlyAt !== 'high').length;
  const high = sessionRows.filter((r) => r.onlyAt !== 'low').length;
  const boosters = p.rows.filter((r) => r.kind === 'booster').length;
  const last = p.rows[p.rows.length - 1];
  const weeks = last ? last.week : 0;
  return w.plan.title({
    route: e.route.label,
    provider: e.provider.label,
    doseMg: e.dose ? e.dose.mg : null,
    span: formatRange(low, high),
    high,
    boosters,
    weeks,
  });
}

/** Numbers the plan's sources for "[1: L160]" markers. */
function numbers(p: Plan): Map<string, number> {
  return new Map(p.sources.map((s, i) => [s.id, i + 1]));
}

/** When a row falls: its date and week, or its week and day without a start date. */
export function when(r: PlanRow, w: ViewWords = EN_VIEW): string {
  return w.plan.when({ date: r.date, week: r.week, day: r.day });
}

/**
 * What a row is: a session, the intake visit or a booster, and which schedule has it. `numbers`
 * (from rowNumbers) gives each session its place ("session 1"), since the row number (#) also
 * counts the intake visit.
 */
export function what(r: PlanRow, w: ViewWords = EN_VIEW, numbers?: ReadonlyMap<PlanRow, number>): string {
  return w.plan.what({
    kind: r.kind,
    onlyAt: r.onlyAt,
    newPlanYear: r.resetsPlanYear ? r.planYear : null,
    number: numbers?.get(r) ?? null,
  });
}

/**
 * Each session's and booster's place among its kind, in order; none when the plan has two
 * schedules (a session of the more frequent one only would make the other's numbers skip).
 */
export function rowNumbers(rows: readonly PlanRow[]): ReadonlyMap<PlanRow, number> {
  const numbers = new Map<PlanRow, number>();
  if (rows.some((r) => r.onlyAt !== null)) return numbers;
  const counts = { session: 0, booster: 0 };
  for (const r of rows) if (r.kind !== 'intake') numbers.set(r, ++counts[r.kind]);
  return numbers;
}

/** The columns of what is paid: your share and the plan's, or out of network, the bill on the day and the payback later. */
export function paidColumns(p: Plan, w: ViewWords = EN_VIEW): { headers: [string, string]; cells: (r: PlanRow) => [string, string] } {
  const h = w.plan.headers;
  if (p.totals.paidBack.highCents > 0)
    return { headers: [h.onTheDay, h.paidBack], cells: (r) => [range(r.paidOnTheDay), range(r.paidBack)] };
  return { headers: [h.youPay, h.planPays], cells: (r) => [range(r.patient), range(r.plan)] };
}

/** The lines every format prints after the schedule: totals, up front, paying over time. */
export function summaryLines(p: Plan, w: ViewWords = EN_VIEW): string[] {
  const t = p.totals;
  const lines =
    t.paidBack.highCents > 0
      ? [
          w.plan.inAllBack({
            billed: range(t.billed),
            onTheDay: range(t.paidOnTheDay),
            paidBack: range(t.paidBack),
            patient: range(t.patient),
          }),
        ]
      : [w.plan.inAll({ billed: range(t.billed), patient: range(t.patient), plan: range(t.plan) })];
  if (t.writtenOff.highCents > 0) lines.push(w.plan.writtenOff(range(t.writtenOff)));
  if (p.dueUpFront) lines.push(w.plan.dueUpFront(formatRange(p.dueUpFront.sessions.low, p.dueUpFront.sessions.high), range(p.dueUpFront)));
  if (p.financing) lines.push(w.plan.financing(p.financing));
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
  options: { color: boolean; ascii: boolean; explain: boolean; width?: number | null; plain?: boolean; words?: ViewWords },
): Promise<string> {
  const w = options.words ?? EN_VIEW;
  const h = w.plan.headers;
  const { fitToWidth, makeTable } = await import('./table.js');
  const paint = await makePaint(options.color);
  const e = p.estimate;
  const paid = paidColumns(p, w);
  const table = makeTable(
    ['#', h.when, h.what, h.billed, ...paid.headers, h.paidSoFar].map((x) => paint.bold(x)),
    ['right', 'left', 'left', 'right', 'right', 'right', 'right'],
    { width: options.width ?? null, plain: options.plain === true },
  );
  const places = rowNumbers(p.rows);
  for (const [i, r] of p.rows.entries()) {
    const [mine, theirs] = paid.cells(r);
    table.push([String(r.n), when(r, w), what(r, w, places), range(r.billed), paint.bold(mine), theirs, range(r.runningPatient)]);
    const m = p.months[r.month - 1];
    if (m && p.rows[i + 1]?.month !== r.month) {
      table.push([
        '',
        paint.dim(m.label),
        paint.dim(w.plan.monthSubtotal),
        paint.dim(range(m.billed)),
        paint.dim(range(m.patient)),
        '',
        '',
      ]);
    }
  }
  const n = numbers(p);
  const lines = [
    paint.bold(`${w.plan.heading}: ${describePlan(p, w)}`),
    `${describeInsurance(e, w)}. ${w.plan.sessions}: ${p.cadence}.`,
    '',
    table.toString(),
    '',
    paint.bold(w.plan.byMonth),
    ...monthBars(p, options.ascii).map((l) => `  ${l}`),
    '',
    ...summaryLines(p, w),
    '',
  ];
  if (options.explain && p.explanation.length) {
    lines.push(paint.bold(`${w.plan.howCounted}:`), ...p.explanation.map((l) => `  - ${l}`), '');
  }
  if (p.notes.length) {
    lines.push(paint.bold(`${w.plan.notes}:`));
    for (const note of p.notes) lines.push(`  - ${note.text} ${paint.dim(citation(n, note.source, note.at))}`.trimEnd());
  }
  lines.push(paint.bold(`${w.plan.sources}:`), `  ${paint.dim(sourceMarksKey(false, w))}`);
  for (const [i, s] of p.sources.entries()) lines.push(`  ${paint.dim(`[${i + 1}] ${describeSource(s, w)}`)}`);
  lines.push('', paint.italic(disclaimerOf(p.estimate, w)));
  return `${fitToWidth(lines.join('\n'), options.width ?? null)}\n`;
}

/** Returns the plan as GitHub Markdown. */
export function formatPlanMarkdown(p: Plan, options: { explain: boolean }, w: ViewWords = EN_VIEW): string {
  const e = p.estimate;
  const n = numbers(p);
  const h = w.plan.headers;
  const lines = [
    `### ${w.plan.heading}: ${markdownCell(describePlan(p, w))}`,
    '',
    `${describeInsurance(e, w)}. ${w.plan.sessions}: ${markdownCell(p.cadence)}.`,
    '',
    `| # | ${h.when} | ${h.what} | ${h.billed} | ${paidColumns(p, w).headers.join(' | ')} | ${h.paidSoFar} |`,
    '| ---: | --- | --- | ---: | ---: | ---: | ---: |',
  ];
  const places = rowNumbers(p.rows);
  for (const r of p.rows) {
    const [mine, theirs] = paidColumns(p, w).cells(r);
    lines.push(
      `| ${r.n} | ${when(r, w)} | ${what(r, w, places)} | ${range(r.billed)} | ${mine} | ${theirs} | ${range(r.runningPatient)} |`,
    );
  }
  lines.push('', `| ${h.month} | ${h.billed} | ${h.youPay} | ${h.paidSoFar} |`, '| --- | ---: | ---: | ---: |');
  for (const m of p.months) lines.push(`| ${m.label} | ${range(m.billed)} | ${range(m.patient)} | ${range(m.runningPatient)} |`);
  lines.push('', ...summaryLines(p, w));
  if (options.explain && p.explanation.length)
    lines.push('', `**${w.plan.howCounted}**`, '', ...p.explanation.map((l) => `- ${markdownCell(l)}`));
  if (p.notes.length) {
    lines.push('', `**${w.plan.notes}**`, '');
    for (const note of p.notes) lines.push(`- ${markdownCell(`${note.text} ${citation(n, note.source, note.at)}`.trimEnd())}`);
  }
  lines.push('', `**${w.plan.sources}**`, '', sourceMarksKey(false, w), '');
  for (const [i, s] of p.sources.entries()) lines.push(`- [${i + 1}] ${markdownCell(describeSource(s, w))}`);
  lines.push('', `_${disclaimerOf(p.estimate, w)}_`);
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
