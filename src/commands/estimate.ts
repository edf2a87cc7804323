import type { Cited, Estimate } from '../core/estimate.js';
import { estimateCost } from '../core/estimate.js';
import { flagName } from '../core/fields.js';
import { PAYER_TERMS } from '../core/payer-terms.js';
import { insuranceStatusOf, parseScenario } from '../core/scenario.js';
import type { RawScenario } from '../core/types.js';
import { UsageError } from '../errors.js';
import { formatJson } from '../format/json.js';
import type { Format } from '../formats.js';
import type { Io } from '../io.js';
import type { Prompts } from '../prompts/ask.js';
import { sayEstimate } from '../text/localize.js';
import { visible, visibleDeep } from '../text/visible.js';
import {
  type DatasetChoice,
  emit,
  type OutputStyle,
  promptWordsFor,
  type Renderers,
  scenarioFromFlags,
  selectDataset,
  shownSafely,
  withPrompts,
} from './shared.js';

export type EstimateCommandOptions = {
  raw: RawScenario;
  format: Format;
  explain: boolean;
  brief: boolean;
  /** --output: a file instead of standard output. */
  output?: string | undefined;
  style: OutputStyle;
  interactive: boolean | undefined;
  data: DatasetChoice;
};

/** `ketamine-cost [flags]`: prices one scenario and writes it in the chosen format. */
export async function estimateCommand(options: EstimateCommandOptions, io: Io): Promise<number> {
  // 1. The flags that only some formats can show, then the price list.
  if (options.brief && (options.format === 'json' || options.format === 'csv' || options.format === 'html'))
    throw new UsageError({ key: 'briefFormat', params: { format: options.format } });
  if (options.explain && options.format === 'csv') throw new UsageError({ key: 'explainCsv', params: {} });
  const dataset = await selectDataset(options.data, io);

  // 2. Decide whether to ask: only on a terminal, never in a script.
  const terminal = () => io.stdoutIsTTY && io.stdinIsTTY;
  if (options.interactive === true && !terminal()) {
    throw new UsageError({ key: 'interactiveNoTerminal', params: {} });
  }
  const interactive = options.interactive ?? (options.raw.route === undefined && terminal());
  // In a terminal, --insurance without its terms: ask for them rather than assume them.
  const terms = ['deductible', 'coinsurance', 'copay', 'oopMax', 'reimbursement', 'allowed'] as const;
  const status = options.raw.insurance === undefined ? undefined : insuranceStatusOf(String(options.raw.insurance));
  const insured = status !== undefined && PAYER_TERMS[status].paysOnTheDay !== null;
  const askTerms =
    !interactive && options.interactive === undefined && terminal() && insured && terms.every((t) => options.raw[t] === undefined);
  // Where the questions' words go: stdout, unless stdout is JSON or CSV, which must stay data.
  // Prose is wrapped to the terminal, as the table is; a command to copy is never broken.
  const say = async (text: string, wrap = true) => {
    // Loaded only here: the table module (and cli-table3) stays off the JSON path.
    const { fitToWidth } = await import('../format/table.js');
    const shown = wrap ? fitToWidth(visible(text), options.style.width) : visible(text);
    if (options.format === 'json' || options.format === 'csv') io.stderr(shown);
    else io.stdout(shown);
  };
  if (interactive || askTerms)
    await say(((await promptWordsFor(options.style.text))?.ask ?? (await import('../prompts/words-en.js')).EN_PROMPTS).welcome);
  if (!interactive && options.raw.route === undefined) {
    throw new UsageError({ key: 'routeRequired', params: { routes: dataset.routes.map((r) => r.id) } });
  }

  // 3. Ask for what is missing (Inquirer loads only here), after checking the flags already given.
  let raw = options.raw;
  let eligibilityNotes: Cited[] = [];
  if (interactive) {
    if (raw.route !== undefined) scenarioFromFlags(raw, dataset, options.style.text);
    else {
      const early = parseScenario(raw, dataset);
      const issue = !early.ok ? early.issues.find((i) => i.field !== 'route' && i.field !== 'weeks') : undefined;
      if (issue) throw new UsageError(options.style.text.issueAfter(flagName(issue.field), issue.message));
    }
    const { askInTerminal, fitted } = await import('../prompts/ask.js');
    // The questions show the price list's labels: made visible, like every text a person reads.
    const words = await promptWordsFor(options.style.text);
    const prompts = await fittedPrompts(options.style.width, fitted);
    ({ raw, eligibilityNotes } = await withPrompts(io, () => askInTerminal(raw, visibleDeep(dataset), prompts, words)));
  } else if (askTerms) {
    scenarioFromFlags(raw, dataset, options.style.text);
    const { askInsuranceDetails, fitted } = await import('../prompts/ask.js');
    const words = await promptWordsFor(options.style.text);
    const prompts = await fittedPrompts(options.style.width, fitted);
    raw = await withPrompts(io, () => askInsuranceDetails(raw, visibleDeep(dataset), prompts, words));
  }
  const asked = interactive || askTerms;

  // 4. One validation for every way in, then the pure estimate.
  const scenario = scenarioFromFlags(raw, dataset, options.style.text);
  const estimate = sayEstimate(estimateCost(scenario, dataset), options.style.text.say);

  // 5. Format at the edge. After prompts, add the notes and the command that reruns it
  // (on stderr when stdout is JSON or CSV, so that stays machine-readable).
  await emit(
    `${asked && options.output === undefined ? '\n' : ''}${await ESTIMATE_RENDERERS[options.format](estimate, options.style, options)}`,
    options.output,
    io,
    { words: options.style.text },
  );
  if (asked) {
    const { equivalentCommand, formatEligibilityNotes } = await import('../format/command-line.js');
    const route = dataset.routes.find((r) => r.id === scenario.route);
    await say(
      `\n${formatEligibilityNotes(eligibilityNotes, dataset.sources, options.style.text.view)}${eligibilityNotes.length ? '\n' : ''}`,
    );
    const command = equivalentCommand(scenario, raw, route?.doses !== undefined, {
      data: options.data.file,
      format: options.format,
      explain: options.explain,
      program: io.env.npm_command === 'exec' ? 'npx ketamine-cost' : 'ketamine-cost',
      width: options.style.width,
      lang: options.style.text.code,
    });
    // A command broken over lines starts on its own line, so each line can be copied whole.
    const w = options.style.text.view;
    // The command on the label's line only when both fit the terminal (a label is longer in Spanish).
    const fits = !command.includes('\n') && [...`${w.rerun} ${command}`].length <= (options.style.width ?? Number.POSITIVE_INFINITY);
    const rerun = `${w.rerun}${fits ? ' ' : '\n'}${command}\n`;
    // After a long answer, the answer again where the eye lands: the last lines on the screen.
    const { headline } = await import('../format/summary.js');
    const again = options.format === 'table' && !options.brief ? `\n${w.inShort} ${headline(estimate, w).join(' ')}\n` : '';
    await say(rerun, false);
    await say(again);
  }
  return 0;
}

/** The estimate in every format; table, Markdown and CSV code is loaded only when used, to keep start-up fast. */
export const ESTIMATE_RENDERERS: Renderers<Estimate, { explain: boolean; brief: boolean }> = shownSafely({
  json: async (e, style) => formatJson(e, style.text.code),
  csv: async (e) => (await import('../format/csv.js')).formatCsv(e),
  markdown: async (e, style, options) => (await import('../format/markdown.js')).formatMarkdown(e, options, style.text.view),
  html: async (e, style, options) => (await import('../format/html.js')).formatEstimateHtml(e, options, style.text.view),
  table: async (e, style, options) =>
    (await import('../format/table.js')).formatTable(e, {
      color: style.color,
      explain: options.explain,
      brief: options.brief,
      layout: { width: style.width, plain: style.plain },
      words: style.text.view,
    }),
});

/** Inquirer's prompts with the questions broken at words to the terminal's width (ask.ts `fitted`); Inquirer's own where it is not known. */
async function fittedPrompts(width: number | null, fitted: typeof import('../prompts/ask.js').fitted): Promise<Prompts | undefined> {
  return width === null ? undefined : fitted(width, (await import('../format/table.js')).wrapText);
}
