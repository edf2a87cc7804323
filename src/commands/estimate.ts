import type { Cited, Estimate } from '../core/estimate.js';
import { estimateCost } from '../core/estimate.js';
import { flagName } from '../core/fields.js';
import { parseScenario } from '../core/scenario.js';
import type { RawScenario } from '../core/types.js';
import { UsageError } from '../errors.js';
import { formatJson } from '../format/json.js';
import { visible, visibleDeep } from '../format/visible.js';
import type { Format } from '../formats.js';
import type { Io } from '../io.js';
import { type DatasetChoice, type OutputStyle, type Renderers, scenarioFromFlags, selectDataset } from './shared.js';

export type EstimateCommandOptions = {
  raw: RawScenario;
  format: Format;
  explain: boolean;
  brief: boolean;
  style: OutputStyle;
  interactive: boolean | undefined;
  data: DatasetChoice;
};

/** `ketamine-cost [flags]`: prices one scenario and writes it in the chosen format. */
export async function estimateCommand(options: EstimateCommandOptions, io: Io): Promise<number> {
  // 1. The flags that only some formats can show, then the price list.
  if (options.brief && (options.format === 'json' || options.format === 'csv'))
    throw new UsageError(`--brief is for people: use it with --format table or markdown (not ${options.format})`);
  if (options.explain && options.format === 'csv')
    throw new UsageError(
      '--explain does not fit CSV, one row of figures; use --format table, markdown or json (whose "explanation" holds it)',
    );
  const dataset = await selectDataset(options.data, io);

  // 2. Decide whether to ask: only on a terminal, never in a script.
  const terminal = () => io.stdoutIsTTY && io.stdinIsTTY;
  if (options.interactive === true && !terminal()) {
    throw new UsageError('--interactive needs a terminal (stdin and stdout); in a script give --route and the other flags instead');
  }
  const interactive = options.interactive ?? (options.raw.route === undefined && terminal());
  if (!interactive && options.raw.route === undefined) {
    const routes = dataset.routes.map((r) => r.id).join(', ');
    throw new UsageError(`--route is required when not asking questions (no terminal, or --no-interactive); allowed: ${routes}`);
  }

  // 3. Ask for what is missing (Inquirer loads only here), after checking the flags already given.
  let raw = options.raw;
  let eligibilityNotes: Cited[] = [];
  if (interactive) {
    if (raw.route !== undefined) scenarioFromFlags(raw, dataset);
    else {
      const early = parseScenario(raw, dataset);
      const issue = !early.ok ? early.issues.find((i) => i.field !== 'route' && i.field !== 'weeks') : undefined;
      if (issue) throw new UsageError(`${flagName(issue.field)} ${issue.message}`);
    }
    const { askInTerminal } = await import('../prompts/ask.js');
    // The questions show the price list's labels: made visible, like every text a person reads.
    ({ raw, eligibilityNotes } = await askInTerminal(raw, visibleDeep(dataset)));
  }

  // 4. One validation for every way in, then the pure estimate.
  const scenario = scenarioFromFlags(raw, dataset);
  const estimate = estimateCost(scenario, dataset);

  // 5. Format at the edge. After prompts, add the notes and the command that reruns it
  // (on stderr when stdout is JSON or CSV, so that stays machine-readable).
  io.stdout(`${interactive ? '\n' : ''}${await ESTIMATE_RENDERERS[options.format](estimate, options.style, options)}`);
  if (interactive) {
    const { equivalentCommand, formatEligibilityNotes } = await import('../format/command-line.js');
    const route = dataset.routes.find((r) => r.id === scenario.route);
    const extra = `\n${formatEligibilityNotes(eligibilityNotes)}${eligibilityNotes.length ? '\n' : ''}To run this again: ${equivalentCommand(scenario, raw, route?.doses !== undefined, { data: options.data.file, format: options.format, explain: options.explain })}\n`;
    if (options.format === 'json' || options.format === 'csv') io.stderr(visible(extra));
    else io.stdout(visible(extra));
  }
  return 0;
}

/** The estimate in every format; table, Markdown and CSV code is loaded only when used, to keep start-up fast. */
export const ESTIMATE_RENDERERS: Renderers<Estimate, { explain: boolean; brief: boolean }> = {
  json: async (e) => formatJson(e),
  csv: async (e) => (await import('../format/csv.js')).formatCsv(e),
  markdown: async (e, _style, options) => (await import('../format/markdown.js')).formatMarkdown(visibleDeep(e), options),
  table: async (e, style, options) =>
    (await import('../format/table.js')).formatTable(visibleDeep(e), {
      color: style.color,
      explain: options.explain,
      brief: options.brief,
      layout: { width: style.width, plain: style.plain },
    }),
};
