import type { Cited } from '../core/estimate.js';
import { formatPercent, formatPlainDollars } from '../core/money.js';
import type { RawScenario } from '../core/scenario.js';
import type { Scenario, Source } from '../core/types.js';
import { EN_VIEW } from '../text/en-view.js';
import type { ViewWords } from '../text/view.js';

/** Quotes a word for a POSIX shell only when it needs it. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The flags beside the scenario that shape what was printed: the price list and the output. */
export type OutputFlags = {
  data?: string | undefined;
  format?: string | undefined;
  explain?: boolean | undefined;
  /** How the command was started: "npx ketamine-cost" through npx. */
  program?: string | undefined;
  /** The terminal's width in columns: lines are broken between arguments; null or absent for one line. */
  width?: number | null | undefined;
  /** The language of the run: the rerun keeps it (`--lang es`); English is the default and not written. */
  lang?: string | undefined;
};

/**
 * Returns the flags that reproduce a scenario, canonical ids and plain numbers, so a patient can
 * rerun or share what they answered at the prompts; quoted for a POSIX shell.
 */
export function equivalentCommand(s: Scenario, given: RawScenario, hasDoses: boolean, output: OutputFlags = {}): string {
  const args: string[] = ['--route', s.route];
  if (given.provider !== undefined) args.push('--provider', s.provider);
  if (hasDoses && s.doseMg !== null) args.push('--dose', String(s.doseMg));
  if (s.sessions !== null) args.push('--sessions', String(s.sessions));
  if (s.weeks !== null) args.push('--weeks', String(s.weeks));
  if (s.exclude.length > 0) args.push('--exclude', s.exclude.join(','));
  // The patient's own quote, as given: without it the rerun would price the published range.
  const q = s.quote;
  if (q.priceCents !== null) args.push('--price', formatPlainDollars(q.priceCents));
  if (q.packages.length > 0)
    args.push(
      '--package',
      q.packages.map((p) => `${p.sessions}:${formatPlainDollars(p.cents)}${p.per === 'month' ? '/month' : ''}`).join(','),
    );
  if (q.itemPrices.length > 0) args.push('--item-price', q.itemPrices.map((i) => `${i.id}=${formatPlainDollars(i.cents)}`).join(','));
  const ins = s.insurance;
  if (ins.status !== 'none') {
    args.push('--insurance', ins.status);
    if (ins.covered !== 'auto') args.push('--covered', ins.covered);
    if (ins.medigap !== null) args.push('--medigap', ins.medigap);
    if (ins.deductibleCents !== null) args.push('--deductible', formatPlainDollars(ins.deductibleCents));
    if (ins.familyDeductibleCents !== null) args.push('--family-deductible', formatPlainDollars(ins.familyDeductibleCents));
    if (!ins.deductibleApplies) args.push('--deductible-applies', 'no');
    if (ins.coinsuranceBasisPoints !== null) args.push('--coinsurance', formatPercent(ins.coinsuranceBasisPoints).replace('%', ''));
    if (ins.copayCents !== null) args.push('--copay', formatPlainDollars(ins.copayCents));
    if (ins.oopMaxCents !== null) args.push('--oop-max', formatPlainDollars(ins.oopMaxCents));
    if (ins.familyOopMaxCents !== null) args.push('--family-oop-max', formatPlainDollars(ins.familyOopMaxCents));
    if (ins.reimbursementBasisPoints !== null) args.push('--reimbursement', formatPercent(ins.reimbursementBasisPoints).replace('%', ''));
    if (ins.allowedCents !== null) args.push('--allowed', formatPlainDollars(ins.allowedCents));
  }
  if (output.data !== undefined) args.push('--data', output.data);
  if (output.format !== undefined && output.format !== 'table') args.push('--format', output.format);
  if (output.lang !== undefined && output.lang !== 'en') args.push('--lang', output.lang);
  if (output.explain) args.push('--explain');
  // One unit per flag with its value, so a wrapped line never splits a flag from its value.
  const units: string[] = [output.program ?? 'ketamine-cost'];
  for (const arg of args.map(shellWord)) {
    if (arg.startsWith('--') || units.length === 1) units.push(arg);
    else units[units.length - 1] += ` ${arg}`;
  }
  if (output.width === undefined || output.width === null) return units.join(' ');
  return wrapUnits(units, output.width);
}

/**
 * Joins command units into lines of at most `width` columns (when a unit allows), broken only
 * between units with a trailing backslash, so the text copied from any line break still runs as
 * one command (#25); never inside a word or a quoted argument.
 */
function wrapUnits(units: readonly string[], width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    const candidate = line === '' ? unit : `${line} ${unit}`;
    // Room for the " \\" that ends a broken line.
    if (line !== '' && candidate.length + 2 > width) {
      lines.push(`${line} \\`);
      line = `  ${unit}`;
    } else line = candidate;
  }
  lines.push(line);
  return lines.join('\n');
}

/**
 * Returns the eligibility notes block printed after an interactive estimate, in `w`'s words, each
 * note with its source's title and place (a reader cannot look up a price list's source id).
 */
export function formatEligibilityNotes(notes: Cited[], sources: readonly Source[], w: ViewWords = EN_VIEW): string {
  if (notes.length === 0) return '';
  const lines = [w.eligibility.heading];
  for (const n of notes) {
    const title = sources.find((s) => s.id === n.source)?.title ?? n.source;
    lines.push(`  - ${n.text} (${w.eligibility.source(title, n.at)})`);
  }
  return `${lines.join('\n')}\n`;
}
