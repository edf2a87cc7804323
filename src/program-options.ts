// The flags the commands share, and how they become a command's options: the scenario flags
// (one per scenario field), the output and dataset flags, and how output is drawn.
import { type Command, Option } from 'commander';
import { bundledDataset } from './catalog/load.js';
import type { OutputStyle } from './commands/shared.js';
import { flagName, SCENARIO_FIELDS, type ScenarioField } from './core/fields.js';
import { INSURANCE_STATUSES } from './core/scenario.js';
import type { RawScenario } from './core/types.js';
import { shouldColor } from './format/color.js';
import type { Format, GfeFormat } from './formats.js';
import type { Io } from './io.js';
import type { Language } from './text/catalog.js';
import { english } from './text/en.js';
import { PAYER_WORDS } from './text/en-words.js';

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
 * How each scenario field reads as a flag. A Record, so a field added to SCENARIO_FIELDS does not
 * compile until it has a flag; `perOption` fields are set per option in `compare` instead.
 */
export const SCENARIO_FLAGS: Record<ScenarioField, { short?: string; value: string; help: string; perOption?: true }> = {
  route: {
    short: 'r',
    value: 'route',
    help: `how the ketamine is given: ${routes.map((r) => r.id).join(', ')} (other names such as ${routes.flatMap((r) => r.aliases.slice(-1)).join(', ')} work too)`,
    perOption: true,
  },
  provider: { short: 'p', value: 'type', help: "provider type: clinic or at-home (default: the route's only provider)", perOption: true },
  sessions: { short: 's', value: 'n', help: "number of sessions, 1-365 (default: the route's typical program)" },
  weeks: { value: 'n', help: "program length in weeks, counted from the route's schedule (not with --sessions)" },
  dose: { value: 'mg', help: 'esketamine dose in mg: 56 or 84 (default 56); in compare, for the options priced by dose' },
  price: {
    value: 'usd',
    help: 'the price per session from your quote (esketamine: per session at the dose given); replaces the published range',
  },
  package: {
    value: 'sessions:usd,...',
    help: 'packages on offer, e.g. 6:2400,8:3000, or a month of a subscription, e.g. 4:129/month (up to 4 sessions a month): the program is priced at the cheapest mix of packages and single sessions',
  },
  itemPrice: {
    value: 'item=usd,...',
    help: 'prices from your quote for line items, e.g. observation=180,intake=0 (see `ketamine-cost routes`)',
  },
  insurance: { short: 'i', value: 'status', help: INSURANCE_STATUSES.map((s) => PAYER_WORDS[s].flagHelp).join(', ') },
  covered: { value: 'yes|no|auto', help: 'whether your plan covers this route (default auto: show both, marking the usual one)' },
  deductible: {
    value: 'usd',
    help: 'what is left of your deductible this year, in dollars (default: from already met to a typical full one)',
  },
  medigap: { value: 'letter', help: 'with --insurance medicare: your Medigap plan letter, e.g. G or N (default: none)' },
  familyDeductible: { value: 'usd', help: "what is left of your family's deductible this year (alone: an aggregate family deductible)" },
  deductibleApplies: {
    value: 'yes|no',
    help: 'whether the deductible comes before the copay or coinsurance (default yes; a plan saying "deductible does not apply": no)',
  },
  coinsurance: { value: 'percent', help: 'your share after the deductible, 0-100 (default 20)' },
  copay: { value: 'usd', help: 'a flat amount per session instead of coinsurance' },
  oopMax: { value: 'usd', help: 'what is left of your out-of-pocket maximum this year (default: no cap)' },
  familyOopMax: { value: 'usd', help: "what is left of your family's out-of-pocket maximum this year" },
  reimbursement: { value: 'percent', help: 'out of network: share the plan pays back above the deductible, 0-100 (default 0)' },
  allowed: {
    value: 'usd',
    help: "the plan's allowed amount per visit (Medicare: the approved amount); in network the rest is written off, out of network the clinic may bill it to you (default: the price)",
  },
  exclude: { value: 'items', help: 'line items to leave out, comma-separated, e.g. intake (already had it); see `ketamine-cost routes`' },
};

export const EXAMPLES = `
Routes: ${routes.map((r) => `${r.id} = ${r.label}`).join(', ')}.

Examples:
  $ ketamine-cost --route iv --sessions 6
  $ ketamine-cost --route oral --format json
  $ ketamine-cost -r esketamine --dose 84 -s 8 --format markdown
  $ ketamine-cost -r iv -s 4 -i in-network --covered yes --deductible 500 --coinsurance 20 --oop-max 2000
  $ ketamine-cost -r iv -s 6 --format html --output handout.html

With no flags in a terminal it asks a few questions instead (--no-interactive never asks).

Exit codes: 0 ok, 1 runtime or data error, 2 usage error, 3 batch finished with failed rows, 130 cancelled.
This tool estimates costs from published price ranges. It does not give medical advice.`;

/** Adds the scenario flags, one per scenario field (without the per-option ones for `compare`). */
export function addScenarioOptions(command: Command, options: { perOption: boolean }): Command {
  for (const field of SCENARIO_FIELDS) {
    const flag = SCENARIO_FLAGS[field];
    if (flag.perOption && !options.perOption) continue;
    command.option(`${flag.short ? `-${flag.short}, ` : ''}${flagName(field)} <${flag.value}>`, flag.help);
  }
  return command;
}

/** Adds output and dataset flags shared by every command. */
export function addOutputOptions(command: Command, formats: readonly string[]): Command {
  return (
    command
      .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default('table'))
      .option(
        '--data <file>',
        'use this price list (JSON, same schema as `ketamine-cost data show`); default: $KETAMINE_COST_DATA, else the bundled one',
      )
      .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)')
      .option('--plain', 'no box drawing and nothing told by colour alone: for screen readers and copy-paste')
      // Read (and taken out of argv) before commander parses; listed here so help shows it.
      .option('--lang <code>', 'language: en or es (default: KETAMINE_COST_LANG, else LC_ALL, LC_MESSAGES or LANG; else en)')
      .option(...DEBUG)
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
 * Decides once per command how output is drawn for a person. Commander's --no-color default is
 * true, so only an explicit --no-color decides; otherwise the environment and the terminal do.
 */
export function outputStyle(command: Command, flags: OutputFlags, io: Io, text: Language = english): OutputStyle {
  const colorFlag = command.getOptionValueSource('color') === 'cli' ? flags.color : undefined;
  // A file named with --output is not the terminal: it gets the fixed layout and no colour.
  const toFile = flags.output !== undefined && flags.output !== '-';
  const onTerminal = io.stdoutIsTTY && !toFile;
  return {
    color: flags.plain === true ? false : shouldColor({ colorFlag, env: io.env, isTTY: onTerminal }),
    ascii: flags.ascii === true || flags.plain === true || io.env.TERM === 'dumb',
    width: onTerminal ? Math.max(60, io.columns ?? 80) : null,
    plain: flags.plain === true,
    text,
  };
}

/** `-o, --output <file>` as most commands take it (batch and gfe say more), spread into `.option(...)`. */
export const OUTPUT_FILE = [
  '-o, --output <file>',
  'write to this file (via a temp file renamed at the end) instead of standard output',
] as const;

/** `--debug`, which every command takes: the stack trace of an unexpected error. */
export const DEBUG = ['--debug', 'print the stack trace of unexpected errors'] as const;
