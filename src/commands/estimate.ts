import { bundledDataset } from '../catalog/load.js';
import { type Cited, type Estimate, estimateCost } from '../core/estimate.js';
import { kebabCase } from '../core/names.js';
import { parseScenario } from '../core/scenario.js';
import type { Dataset, RawScenario, Scenario, ScenarioField } from '../core/types.js';
import { UsageError } from '../errors.js';
import { shouldColor } from '../format/color.js';
import { formatJson } from '../format/json.js';
import type { Format } from '../formats.js';
import type { Io } from '../io.js';

export type EstimateOptions = {
  raw: RawScenario;
  format: Format;
  explain: boolean;
  color: boolean | undefined;
  interactive: boolean | undefined;
  data: string | undefined;
};

/** Returns the flag that sets a scenario field, as a user types it (`oopMax` -> `--oop-max`). */
export function flagName(field: ScenarioField): string {
  return `--${kebabCase(field)}`;
}

/** Returns the dataset a command works on: --data when given (validated, so zod loads only then), else the bundled one. */
export async function selectDataset(data: string | undefined, io: Io): Promise<Dataset> {
  return data === undefined ? bundledDataset : (await import('../catalog/read.js')).loadDataset(data, io.cwd);
}

/** Validates flags into a Scenario, or throws a UsageError naming the first bad flag and what it allows. */
export function scenarioFromFlags(raw: RawScenario, dataset: Dataset): Scenario {
  const parsed = parseScenario(raw, dataset);
  if (parsed.ok) return parsed.scenario;
  const [issue] = parsed.issues;
  throw new UsageError(issue ? `${flagName(issue.field)} ${issue.message}` : 'invalid scenario');
}

/** `ketamine-cost [flags]`: prices one scenario and writes it in the chosen format. */
export async function estimateCommand(options: EstimateOptions, io: Io): Promise<number> {
  // 1. The price list.
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
    ({ raw, eligibilityNotes } = await askInTerminal(raw, dataset));
  }

  // 4. One validation for every way in, then the pure estimate.
  const scenario = scenarioFromFlags(raw, dataset);
  const estimate = estimateCost(scenario, dataset);

  // 5. Format at the edge. After prompts, add the notes and the command that reruns it
  // (on stderr when stdout is JSON or CSV, so that stays machine-readable).
  io.out(`${interactive ? '\n' : ''}${await renderEstimate(estimate, options, io)}`);
  if (interactive) {
    const { equivalentCommand, formatEligibilityNotes } = await import('../format/command-line.js');
    const route = dataset.routes.find((r) => r.id === scenario.route);
    const extra = `\n${formatEligibilityNotes(eligibilityNotes)}${eligibilityNotes.length ? '\n' : ''}To run this again: ${equivalentCommand(scenario, raw, route?.doses !== undefined)}\n`;
    if (options.format === 'json' || options.format === 'csv') io.err(extra);
    else io.out(extra);
  }
  return 0;
}

/** Renders an estimate in a format; table and Markdown code is loaded only when used, to keep start-up fast. */
export async function renderEstimate(
  estimate: Estimate,
  options: Pick<EstimateOptions, 'format' | 'explain' | 'color'>,
  io: Io,
): Promise<string> {
  switch (options.format) {
    case 'json':
      return formatJson(estimate);
    case 'csv':
      return (await import('../format/csv.js')).formatCsv(estimate);
    case 'markdown':
      return (await import('../format/markdown.js')).formatMarkdown(estimate, { explain: options.explain });
    case 'table': {
      const color = shouldColor({ colorFlag: options.color, env: io.env, isTTY: io.stdoutIsTTY });
      return await (await import('../format/table.js')).formatTable(estimate, { color, explain: options.explain });
    }
  }
}
