import type { Command, Help } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { bundledDataset } from './catalog/load.js';
import { estimateCommand } from './commands/estimate.js';
import { oneLine, UsageError } from './errors.js';
import { FORMATS } from './formats.js';
import type { Io } from './io.js';
import { WordedCommand } from './program-command.js';
import { defineBatch, defineCompare, definePlan, defineRoutes } from './program-commands.js';
import { defineData, defineGfe, defineSchemaAndHelp } from './program-documents.js';
import {
  addOutputOptions,
  addScenarioOptions,
  type CommandContext,
  estimateHelpAfter,
  formatFromOutput,
  type OutputFlags,
  outputFile,
  outputStyle,
  rawScenario,
  type ScenarioFlags,
  type Selection,
} from './program-options.js';
import type { Language } from './text/catalog.js';
import { english } from './text/en.js';
import type { HelpWords } from './text/help.js';
import { clipEchoes, visible } from './text/visible.js';

export type { Selection } from './program-options.js';

/**
 * Moves options given on the command line before a subcommand to the subcommand when it takes them
 * (unless it was given them itself), and refuses the rest with a UsageError that names them.
 */
function adoptParentOptions(command: Command, words: HelpWords): void {
  for (let parent = command.parent; parent; parent = parent.parent) {
    for (const option of parent.options) {
      const key = option.attributeName();
      if (parent.getOptionValueSource(key) !== 'cli') continue;
      const own = command.options.find((o) => o.attributeName() === key);
      if (!own) {
        // The flag as given: --no-interactive sets the same key as --interactive, to false.
        const given =
          option.negate === (parent.getOptionValue(key) === false)
            ? option
            : parent.options.find((o) => o.attributeName() === key && o !== option);
        throw new UsageError(words.usage.beforeSubcommand((given ?? option).long ?? option.flags, command.name()));
      }
      if (command.getOptionValueSource(key) === 'cli') continue;
      // The subcommand's own choices hold for a value given before it (batch has no html format).
      const value: unknown = parent.getOptionValue(key);
      const choices = own.argChoices;
      if (choices && typeof value === 'string' && !choices.includes(value))
        throw new UsageError(words.usage.notAllowedFor(own.long ?? own.flags, value, command.name(), choices));
      command.setOptionValueWithSource(key, value, 'cli');
    }
  }
}

/**
 * Defines the command-line program: flags to options for a command, no logic of its own. Parsing
 * fills `selection` with the command to run; main runs it inside its one error boundary. Every
 * text of the help and of a refused command line is `text`'s (English by default).
 */
export function defineProgram(
  io: Io,
  options: { subcommands: boolean; only?: string | undefined; text?: Language },
): { program: Command; selection: Selection } {
  const text = options.text ?? english;
  const help = text.help;
  const selection: Selection = {};
  const context: CommandContext = { io, text, selection };
  const program = new WordedCommand('ketamine-cost', help);
  program
    .description(help.program)
    // The bundled price list's version beside the tool's: figures change with either.
    .version(
      help.version(packageJson.version, bundledDataset.id, bundledDataset.version, bundledDataset.asOf),
      '-V, --version',
      help.versionFlag,
    )
    .helpOption('-h, --help', help.helpFlag)
    .enablePositionalOptions()
    // Set before any subcommand is added, so every level (also `data validate`) inherits them and
    // commander never calls process.exit() itself.
    .exitOverride()
    .configureHelp(helpLayout(help))
    .configureOutput({
      writeOut: (out) => void io.stdout(out),
      writeErr: (out) => io.stderr(out),
      outputError: (out, write) => write(`${visible(clipEchoes(oneLine(out)))}\n`),
      // The terminal's width from the Io (80 when piped, commander's default).
      getOutHelpWidth: () => (io.stdoutIsTTY && io.columns ? io.columns : 80),
    });
  defineEstimate(program, context);
  // After parsing, before the action reads its flags. Options written before a subcommand
  // (`--data mine.json batch rows.csv`) belong to the program as commander parses them: hand them
  // to the subcommand, or refuse them, never drop them (nothing to hand on for the estimate itself).
  // Then `-o estimates.csv` without --format writes CSV.
  program.hook('preAction', (_program, action) => {
    adoptParentOptions(action, help);
    formatFromOutput(action, help);
  });
  if (!options.subcommands) return { program, selection };

  // In the order help lists them; only the one argv names when it starts with one (`only`): its
  // parse and its help do not depend on the others, and defining them all cost every start (#27).
  const definers = only(options.only);
  for (const define of definers) define(program, context);
  return { program, selection };
}

type Definer = (program: Command, context: CommandContext) => void;
const ALL: readonly Definer[] = [defineCompare, definePlan, defineRoutes, defineBatch, defineData, defineGfe, defineSchemaAndHelp];
const DEFINERS: Record<string, Definer> = {
  compare: defineCompare,
  plan: definePlan,
  routes: defineRoutes,
  batch: defineBatch,
  data: defineData,
  gfe: defineGfe,
  clinic: defineGfe,
  schema: defineSchemaAndHelp,
};
/** The definers of the subcommand `name` (every one for none, or for `help`, which lists them all). */
const only = (name: string | undefined): readonly Definer[] => {
  const define = name === undefined ? undefined : DEFINERS[name];
  return define ? [define] : ALL;
};

/**
 * Commander's help layout in `help`'s words: its headings, the placeholders of a usage line, and
 * what follows a flag's or an argument's help (its choices and default), as commander writes them.
 */
function helpLayout(help: HelpWords): Partial<Help> {
  // An argument's name alone ("file") in the list of arguments; only bracketed words in a usage
  // line or a command's term, where bare words are command names ("routes").
  const argument = (word: string) => help.placeholders[word] ?? word;
  const placeholder = (word: string) => (/^[[<]/.test(word) ? argument(word) : word);
  const extra = (description: string, choices: readonly string[] | undefined, byDefault: unknown) => {
    const more = [...(choices ? [help.choices(choices)] : []), ...(typeof byDefault === 'string' ? [help.byDefault(byDefault)] : [])];
    return more.length ? `${description} (${more.join(', ')})` : description;
  };
  return {
    // Flags such as --package <sessions:usd,...> take 33 columns; commander leaves descriptions
    // unwrapped below 40 columns of room, which the terminal then breaks mid-word: 12 wraps them
    // down to a 45-column terminal (a phone's is about 50).
    minWidthToWrap: 12,
    styleTitle: (title) => help.titles[title] ?? title,
    styleOptionText: placeholder,
    // A flag's value placeholder ("--route <route>") in the language's words; the flag stays.
    styleOptionTerm: (term) => term.replace(/<[^>]+>/g, argument),
    styleSubcommandText: placeholder,
    styleArgumentText: argument,
    optionDescription: (o) => extra(o.description, o.argChoices, o.required || o.optional ? o.defaultValue : undefined),
    argumentDescription: (a) => extra(a.description, a.argChoices, a.defaultValue),
  };
}

/** The program's own action: the estimate, from flags (or questions in a terminal). */
function defineEstimate(program: Command, { io, text, selection }: CommandContext): void {
  const help = text.help;
  addScenarioOptions(program, { perOption: true, help });
  addOutputOptions(program, FORMATS, help)
    .option('--explain', help.estimate.explain)
    .option('--brief', help.estimate.brief)
    .option(...outputFile(help))
    .option('--interactive', help.estimate.interactive)
    .option('--no-interactive', help.estimate.noInteractive)
    // Worded only when help is shown, not at every start.
    .addHelpText('after', () => estimateHelpAfter(text))
    .action((flags: ScenarioFlags & OutputFlags & { explain?: boolean; brief?: boolean; interactive?: boolean }, command: Command) => {
      const interactive = command.getOptionValueSource('interactive') === 'cli' ? flags.interactive : undefined;
      const style = outputStyle(command, flags, io, text);
      // The estimate is the common path, so it is bundled in; the other commands load on use.
      selection.run = () =>
        estimateCommand(
          {
            raw: rawScenario(flags),
            format: flags.format,
            explain: flags.explain === true,
            brief: flags.brief === true,
            output: flags.output,
            style,
            interactive,
            data: { file: flags.data, bundled: bundledDataset },
          },
          io,
        );
    });
}
