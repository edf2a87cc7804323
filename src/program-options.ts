// The flags the commands share, and how they become a command's options: the scenario flags
// (one per scenario field), the output and dataset flags, and how output is drawn.
import { type Command, Option } from 'commander';
import { bundledDataset } from './catalog/load.js';
import type { OutputStyle } from './commands/shared.js';
import { flagName, SCENARIO_FIELDS, type ScenarioField } from './core/fields.js';
import { dataText } from './core/message.js';
import type { RawScenario } from './core/types.js';
import { UsageError } from './errors.js';
import { shouldColor } from './format/color.js';
import type { Format, GfeFormat } from './formats.js';
import type { Io } from './io.js';
import { choiceOption } from './program-command.js';
import type { Language } from './text/catalog.js';
import { english } from './text/en.js';
import type { HelpWords } from './text/help.js';

export type ScenarioFlags = Partial<Record<ScenarioField, string>>;
export type GfeFlags = {
  clinic?: string;
  patientName?: string;
  patientDob?: string;
  diagnosis?: string;
  start?: string;
  issued?: string;
  format: GfeFormat;
  output?: string;
  data?: string;
};

export type OutputFlags = {
  format: Format;
  color?: boolean;
  ascii?: boolean;
  plain?: boolean;
  data?: string;
  debug?: boolean;
  output?: string;
};

const routes = bundledDataset.routes;

/**
 * How each scenario field reads as a flag (its help is the language's: HelpWords.scenario). A
 * Record, so a field added to SCENARIO_FIELDS does not compile until it has a flag; `perOption`
 * fields are set per option in `compare` instead.
 */
export const SCENARIO_FLAGS: Record<ScenarioField, { short?: string; value: string; perOption?: true }> = {
  route: { short: 'r', value: 'route', perOption: true },
  provider: { short: 'p', value: 'type', perOption: true },
  sessions: { short: 's', value: 'n' },
  weeks: { value: 'n' },
  dose: { value: 'mg' },
  price: { value: 'usd' },
  package: { value: 'sessions:usd,...' },
  itemPrice: { value: 'item=usd,...' },
  insurance: { short: 'i', value: 'status' },
  covered: { value: 'yes|no|auto' },
  deductible: { value: 'usd' },
  medigap: { value: 'letter' },
  familyDeductible: { value: 'usd' },
  deductibleApplies: { value: 'yes|no' },
  coinsurance: { value: 'percent' },
  copay: { value: 'usd' },
  oopMax: { value: 'usd' },
  familyOopMax: { value: 'usd' },
  reimbursement: { value: 'percent' },
  allowed: { value: 'usd' },
  exclude: { value: 'items' },
};

/** A scenario flag's help in `help`'s words (the route's names the bundled routes and an alias of each). */
function scenarioHelp(field: ScenarioField, help: HelpWords): string {
  if (field === 'route')
    return help.scenario.route(routes.map((r) => r.id).join(', '), routes.flatMap((r) => r.aliases.slice(-1)).join(', '));
  return help.scenario[field];
}

/** The estimate's help after its options: the routes (their names in `text`'s language), examples, exit codes. */
export function estimateHelpAfter(text: Language): string {
  return text.help.estimate.after(routes.map((r) => `${r.id} = ${text.say(dataText(r.label))}`).join(', '));
}

/** Adds the scenario flags, one per scenario field (without the per-option ones for `compare`). */
export function addScenarioOptions(command: Command, options: { perOption: boolean; help: HelpWords }): Command {
  for (const field of SCENARIO_FIELDS) {
    const flag = SCENARIO_FLAGS[field];
    if (flag.perOption && !options.perOption) continue;
    command.option(`${flag.short ? `-${flag.short}, ` : ''}${flagName(field)} <${flag.value}>`, scenarioHelp(field, options.help));
  }
  return command;
}

/** Adds output and dataset flags shared by every command, their help in `help`'s words. */
export function addOutputOptions(command: Command, formats: readonly string[], help: HelpWords): Command {
  return (
    command
      .addOption(choiceOption(new Option('-f, --format <format>', help.format), formats, help).default('table'))
      .option('--data <file>', help.data)
      .option('--no-color', help.noColor)
      .option('--plain', help.plain)
      // Read (and taken out of argv) before commander parses; listed here so help shows it.
      .option('--lang <code>', help.lang)
      .option('--debug', help.debug)
  );
}

/** The scenario fields given as flags, as typed. */
export function rawScenario(flags: ScenarioFlags): RawScenario {
  const raw: RawScenario = {};
  for (const field of SCENARIO_FIELDS) {
    const value = flags[field];
    if (value !== undefined) raw[field] = value;
  }
  return raw;
}

/**
 * The narrowest terminal the views lay themselves out for (a phone's, a split pane's); the tables
 * stack each row as lines when their columns cannot fit. Narrower still is laid out at this width.
 */
export const MIN_TERMINAL_WIDTH = 30;

/**
 * Decides once per command how output is drawn for a person. Commander's --no-color default is
 * true, so only an explicit --no-color decides; otherwise the environment and the terminal do.
 */
export function outputStyle(command: Command, flags: OutputFlags, io: Io, text: Language = english): OutputStyle {
  const colorFlag = command.getOptionValueSource('color') === 'cli' ? flags.color : undefined;
  // A file named with --output is not the terminal: it gets the fixed layout and no colour.
  const toFile = flags.output !== undefined && flags.output !== '-';
  const onTerminal = io.stdoutIsTTY && !toFile;
  return {
    // FORCE_COLOR (often set for a whole CI job) colours what goes to the terminal or a pipe, never
    // a file named with --output (the new-user try found escape codes in one).
    color: flags.plain === true || toFile ? false : shouldColor({ colorFlag, env: io.env, isTTY: onTerminal }),
    ascii: flags.ascii === true || flags.plain === true || io.env.TERM === 'dumb',
    width: onTerminal ? Math.max(MIN_TERMINAL_WIDTH, io.columns ?? 80) : null,
    plain: flags.plain === true,
    text,
  };
}

/** `-o, --output <file>` as most commands take it (batch and gfe say more), spread into `.option(...)`. */
export const outputFile = (help: HelpWords) => ['-o, --output <file>', help.output] as const;

// What a file's extension says it holds, in the --format names.
const FORMAT_OF_EXTENSION: Readonly<Record<string, string>> = {
  txt: 'table',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  csv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};

/**
 * With `--output` but no `--format`, the format the file's name asks for (`-o estimates.csv` is
 * CSV, not the default table written into a .csv file). A name whose extension says nothing
 * (no extension, `.out`) keeps the default. Throws UsageError when the extension names a format
 * this command does not write (batch has no HTML), so nothing is written under a misleading name.
 */
export function formatFromOutput(command: Command, help: HelpWords): void {
  const output: unknown = command.getOptionValue('output');
  const option = command.options.find((o) => o.attributeName() === 'format');
  if (typeof output !== 'string' || output === '-' || !option || command.getOptionValueSource('format') !== 'default') return;
  const extension = /\.([A-Za-z0-9]+)$/.exec(output)?.[1]?.toLowerCase();
  const format = extension === undefined ? undefined : FORMAT_OF_EXTENSION[extension];
  if (format === undefined || format === command.getOptionValue('format')) return;
  const allowed = option.argChoices ?? [];
  if (!allowed.includes(format)) throw new UsageError(help.usage.formatOfOutput(`.${extension}`, format, command.name(), allowed));
  command.setOptionValueWithSource('format', format, 'implied');
}

/** `--debug`, which every command takes: the stack trace of an unexpected error. */
export const debugFlag = (help: HelpWords) => ['--debug', help.debug] as const;

/** What the parsed command line asks for: the command to run, once parsing has succeeded. */
export type Selection = { run?: () => Promise<number> };

/** What each command's definer works with: where output goes, the language, and where to put the command to run. */
export type CommandContext = { io: Io; text: Language; selection: Selection };
