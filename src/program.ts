import { Command, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { bundledDataset } from './catalog/load.js';
import { estimateCommand } from './commands/estimate.js';
import type { PlanFlags } from './commands/plan.js';
import { INPUT_COLUMN_NAMES } from './core/fields.js';
import type { RawScenario } from './core/types.js';
import { oneLine, UsageError } from './errors.js';
import {
  BATCH_FORMATS,
  type BatchFormat,
  DELIMITERS,
  DETAILS,
  type Delimiter,
  type Detail,
  ENCODINGS,
  type Encoding,
  FORMATS,
  GFE_FORMATS,
} from './formats.js';
import type { Io } from './io.js';
import {
  addOutputOptions,
  addScenarioOptions,
  DEBUG,
  EXAMPLES,
  type GfeFlags,
  OUTPUT_FILE,
  type OutputFlags,
  outputStyle,
  rawScenario,
  type ScenarioFlags,
} from './program-options.js';
import type { Language } from './text/catalog.js';
import { english } from './text/en.js';
import { clipEchoes, visible, visibleName } from './text/visible.js';

/** What the parsed command line asks for: the command to run, once parsing has succeeded. */
export type Selection = { run?: () => Promise<number> };

/**
 * Rewords commander's messages in the words the tool's own use: the flag, the value, what is allowed.
 * Messages it does not know pass unchanged.
 */
export function inHouseWords(text: string): string {
  const invalid = /^error: option '(?:-\w, )?(--[\w-]+) <[\w-]+>' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/.exec(text);
  if (invalid) return `error: ${invalid[1]} ${JSON.stringify(invalid[2])} is not allowed; allowed: ${invalid[3]}`;
  const missing = /^error: option '(?:-\w, )?(--[\w-]+) <[\w-]+>' argument missing$/.exec(text);
  if (missing) return `error: ${missing[1]} needs a value after it; see --help for what it takes`;
  const unknown = /^error: unknown option '([^']*)'(.*)$/.exec(text);
  // compare takes the routes as words, which a user reaching for --route wants to know.
  if (unknown?.[1] === '--route')
    return `error: unknown option '--route' for this command; see --help (compare takes routes as words: compare iv oral)`;
  // The name only: what follows "=" may be a patient's date of birth or name (#25).
  if (unknown) return `error: unknown option '${unknown[1]?.split('=')[0]}'${unknown[2]}; see --help for the options this command takes`;
  return text;
}

/**
 * Moves options given on the command line before a subcommand to the subcommand when it takes them
 * (unless it was given them itself), and refuses the rest with a UsageError that names them.
 */
function adoptParentOptions(command: Command): void {
  for (let parent = command.parent; parent; parent = parent.parent) {
    for (const option of parent.options) {
      const key = option.attributeName();
      if (parent.getOptionValueSource(key) !== 'cli') continue;
      const own = command.options.find((o) => o.attributeName() === key);
      if (!own) {
        const name = option.long ?? option.flags;
        throw new UsageError(
          `${name} was given before "${command.name()}", which does not take it; see ketamine-cost ${command.name()} --help`,
        );
      }
      if (command.getOptionValueSource(key) === 'cli') continue;
      // The subcommand's own choices hold for a value given before it (batch has no html format).
      const value: unknown = parent.getOptionValue(key);
      const choices = own.argChoices;
      if (choices && typeof value === 'string' && !choices.includes(value))
        throw new UsageError(
          `${own.long ?? own.flags} ${JSON.stringify(value)} is not allowed for "${command.name()}"; allowed: ${choices.join(', ')}`,
        );
      command.setOptionValueWithSource(key, value, 'cli');
    }
  }
}

/**
 * Defines the command-line program: flags to options for a command, no logic of its own. Parsing
 * fills `selection` with the command to run; main runs it inside its one error boundary.
 */
export function defineProgram(io: Io, options: { subcommands: boolean; text?: Language }): { program: Command; selection: Selection } {
  const text = options.text ?? english;
  const selection: Selection = {};
  const program = new Command('ketamine-cost');
  program
    .description('Estimate what ketamine therapy will cost: per session and for the whole program, by route, provider and insurance.')
    // The bundled price list's version beside the tool's: figures change with either.
    .version(
      `${packageJson.version} (bundled price list ${bundledDataset.id} ${bundledDataset.version}, as of ${bundledDataset.asOf})`,
      '-V, --version',
      'print the version',
    )
    .helpOption('-h, --help', 'show this help')
    .enablePositionalOptions()
    // Set before any subcommand is added, so every level (also `data validate`) inherits it and
    // commander never calls process.exit() itself.
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => void io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`${visible(inHouseWords(clipEchoes(oneLine(text))))}\n`),
    });
  addScenarioOptions(program, { perOption: true });
  addOutputOptions(program, FORMATS)
    .option('--explain', 'show the arithmetic step by step, each figure with its source')
    .option('--brief', 'only the answer: what you will most likely pay, and what that leaves out')
    .option(...OUTPUT_FILE)
    .option('--interactive', 'ask questions for anything not given as a flag (needs a terminal)')
    .option('--no-interactive', 'never ask questions, even in a terminal')
    .addHelpText('after', EXAMPLES)
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

  if (!options.subcommands) return { program, selection };

  // Options written before a subcommand (`--data mine.json batch rows.csv`) belong to the
  // program as commander parses them; hand them to the subcommand, or refuse them, never drop them.
  program.hook('preAction', (_program, action) => adoptParentOptions(action));

  const compare = program
    .command('compare')
    .description('every route and provider side by side, cheapest for you first (or only the options named)')
    .argument(
      '[routes...]',
      'what to compare: route[@provider][:sessions] or route:<weeks>w, e.g. iv:6 esketamine:8w (default: every route and provider)',
    );
  addScenarioOptions(compare, { perOption: false });
  compare.option(
    '--quote-for <route>',
    'the option your --price, --package or --item-price quote is for, e.g. iv (the others keep published prices)',
  );
  addOutputOptions(compare, FORMATS)
    .option('--ascii', 'draw the range bars with plain ASCII (also when TERM=dumb)')
    .option(...OUTPUT_FILE)
    .addHelpText(
      'after',
      `
Examples:
  $ ketamine-cost compare --sessions 6
  $ ketamine-cost compare iv:6 esketamine:8w --insurance in-network --deductible 1200 --coinsurance 20
  $ ketamine-cost compare --sessions 6 --price 450 --quote-for iv`,
    )
    .action((specs: string[], flags: ScenarioFlags & OutputFlags & { quoteFor?: string }, command: Command) => {
      const style = outputStyle(command, flags, io, text);
      selection.run = async () =>
        (await import('./commands/compare.js')).compareCommand(
          {
            specs,
            quoteFor: flags.quoteFor,
            raw: rawScenario(flags),
            format: flags.format,
            style,
            data: { file: flags.data, bundled: bundledDataset },
            output: flags.output,
          },
          io,
        );
    });

  const plan = program
    .command('plan')
    .description('when the money is due: each session in order, what you pay, the running total, plan years and paying over time');
  addScenarioOptions(plan, { perOption: true });
  addOutputOptions(plan, FORMATS)
    .option('--explain', "show each session's arithmetic")
    .option(...OUTPUT_FILE)
    .option('--ascii', 'draw the chart with plain ASCII (also when TERM=dumb)')
    .option('--start <YYYY-MM-DD>', 'date of the first session; without it the plan counts weeks only')
    .option('--every <interval>', 'a session every <n>d or <n>w (needed for routes without a schedule: iv, im)')
    .option('--boosters-every <weeks>', 'with --weeks past the program: a booster every this many weeks (no source gives one)')
    .option('--plan-year-start <MM-DD>', 'first day of your plan year (default 01-01; without --start, years of 52 weeks)')
    .option('--annual-deductible <usd>', "next plan year's full deductible (default: the deductible given for this year)")
    .option('--annual-oop-max <usd>', "next plan year's out-of-pocket maximum (default: the one given for this year)")
    .option('--months <n>', 'pay over this many months (1-120)')
    .option('--apr <percent>', 'the annual percentage rate of paying over time (default 0)')
    .addHelpText(
      'after',
      `
Examples:
  $ ketamine-cost plan -r esketamine --weeks 52 -i in-network --deductible 1500 --coinsurance 20
  $ ketamine-cost plan -r iv -s 6 --every 4d --start 2027-01-04 --months 12 --apr 18`,
    )
    .action((flags: ScenarioFlags & OutputFlags & PlanFlags & { explain?: boolean }, command: Command) => {
      const style = outputStyle(command, flags, io, text);
      const { start, every, boostersEvery, planYearStart, annualDeductible, annualOopMax, months, apr } = flags;
      selection.run = async () =>
        (await import('./commands/plan.js')).planCommand(
          {
            raw: rawScenario(flags),
            flags: { start, every, boostersEvery, planYearStart, annualDeductible, annualOopMax, months, apr },
            format: flags.format,
            explain: flags.explain === true,
            style,
            data: { file: flags.data, bundled: bundledDataset },
            output: flags.output,
          },
          io,
        );
    });

  const routesCommand = program
    .command('routes')
    .description('the price list as people read it: every route, provider, price range, typical program and source');
  addOutputOptions(routesCommand, FORMATS).action((flags: OutputFlags, command: Command) => {
    const style = outputStyle(command, flags, io, text);
    selection.run = async () =>
      (await import('./commands/routes.js')).routesCommand(
        { format: flags.format, style, data: { file: flags.data, bundled: bundledDataset } },
        io,
      );
  });

  const batch = program
    .command('batch')
    .description('estimate many scenarios from a CSV (with a header) or JSON Lines file, one result per row, in order')
    .argument('<file>', 'the input file, or - for standard input');
  addOutputOptions(batch, BATCH_FORMATS)
    .option('-o, --output <file>', 'write here (via a temp file renamed at the end) instead of standard output; - is standard output')
    .addOption(
      new Option('--detail <level>', 'JSON rows: summary (inputs used, totals, what the patient pays) or full (the whole estimate)')
        .choices(DETAILS)
        .default('summary'),
    )
    .option(
      '--keep-columns',
      'pass columns the tool does not know (name, notes, a record number) through to the output (the default; accepted for scripts)',
    )
    .addOption(
      new Option('--delimiter <char>', 'what separates the cells of a CSV file (European exports use ;)').choices(DELIMITERS).default(','),
    )
    .addOption(
      new Option('--encoding <name>', 'the text encoding of the input (Excel\'s "Save as CSV" writes windows-1252)')
        .choices(ENCODINGS)
        .default('utf-8'),
    )
    .option('--bom', 'start CSV output with a UTF-8 byte-order mark, so Excel shows accented names right')
    .addHelpText(
      'after',
      `
Columns (case- and space-insensitive, camelCase too; only route is required):
  ${INPUT_COLUMN_NAMES.join(', ')}

JSON rows are compact by default (--detail summary: id, row, line, status, the inputs used and which
were assumed, per session, program, all-in, what the patient pays, the price list); --detail full
puts the whole estimate in each row. \`ketamine-cost schema batch\` prints both shapes.

Exit codes: 0 every row estimated; 3 finished, every row written, some rows failed; 1 the file could not be read; 2 usage.

Examples:
  $ ketamine-cost batch patients.csv --format csv --output estimates.csv
  $ printf 'route,sessions\\niv,6\\noral,4\\n' | ketamine-cost batch - --format jsonl`,
    )
    .action(
      (
        input: string,
        flags: Omit<OutputFlags, 'format'> & {
          format: BatchFormat;
          output?: string;
          detail: Detail;
          delimiter: Delimiter;
          encoding: Encoding;
          bom?: boolean;
        },
      ) => {
        selection.run = async () =>
          (await import('./commands/batch.js')).batchCommand(
            {
              input,
              format: flags.format,
              output: flags.output,
              data: { file: flags.data, bundled: bundledDataset },
              detail: flags.detail,
              delimiter: flags.delimiter,
              encoding: flags.encoding,
              bom: flags.bom === true,
              text,
            },
            io,
          );
      },
    );

  const data = program
    .command('data')
    .description('show or check a price list')
    .action(() => {
      // Alone, `data` would print its whole help to stderr; one line says what is missing.
      throw new UsageError('data needs a subcommand: show or validate (see ketamine-cost data --help)');
    });
  data
    .command('show')
    .description('print the price list in use (the bundled one, or --data) as JSON: the starting point for your own')
    .option('--data <file>', 'show this price list instead of the bundled one')
    .option(...DEBUG)
    .action((flags: { data?: string }) => {
      selection.run = async () =>
        (await import('./commands/data.js')).dataShowCommand({ data: { file: flags.data, bundled: bundledDataset } }, io);
    });
  data
    .command('validate')
    .description('check a price list: "valid", or every problem with its JSON path (exit 1)')
    .argument('<file>', 'the price list (JSON)')
    .option(...DEBUG)
    .action((file: string) => {
      selection.run = async () => (await import('./commands/data.js')).dataValidateCommand({ file }, io);
    });
  data
    .command('init')
    .description("a clinic's own price list from its figures (first-party, dated today): print it, or write it with -o")
    .requiredOption('-r, --route <route>', 'the route the clinic prices, such as iv')
    .option('-p, --provider <type>', "provider type: clinic or at-home (default: the route's first)")
    .requiredOption('--price <usd>', 'the price of one session, in dollars')
    .option('--intro <usd>', 'an introductory first session (with the consultation, say), in dollars')
    .option('--package <sessions:usd,...>', 'packages the clinic sells, e.g. 6:3025,8:3925')
    .option('--item-price <item=usd,...>', 'prices for line items, e.g. intake=0,observation=180')
    .option('--clinic-name <name>', "the clinic's name (its price list's source)")
    .option('--data <file>', 'build on this price list instead of the bundled one')
    .option(...OUTPUT_FILE)
    .option(...DEBUG)
    .addHelpText(
      'after',
      `
Example:
  $ ketamine-cost data init -r iv --price 550 --intro 375 --package 6:3025,8:3925 --clinic-name "Example Clinic" -o clinic-prices.json
  $ KETAMINE_COST_DATA=clinic-prices.json ketamine-cost -r iv -s 6`,
    )
    .action(
      (flags: {
        route: string;
        provider?: string;
        price: string;
        intro?: string;
        package?: string;
        itemPrice?: string;
        clinicName?: string;
        data?: string;
        output?: string;
      }) => {
        const raw: RawScenario = { route: flags.route, price: flags.price };
        if (flags.provider !== undefined) raw.provider = flags.provider;
        if (flags.package !== undefined) raw.package = flags.package;
        if (flags.itemPrice !== undefined) raw.itemPrice = flags.itemPrice;
        selection.run = async () =>
          (await import('./commands/data.js')).dataInitCommand(
            {
              raw,
              intro: flags.intro,
              clinicName: flags.clinicName,
              output: flags.output,
              data: { file: flags.data, bundled: bundledDataset },
              text,
            },
            io,
          );
      },
    );

  const gfe = program
    .command('gfe')
    .description('a Good Faith Estimate draft for a self-pay patient (No Surprises Act): clinic, patient, itemised charges, rights');
  addScenarioOptions(gfe, { perOption: true });
  gfe
    .option('--clinic <file>', 'the clinic profile (JSON): name, NPI, TIN, location; `ketamine-cost clinic init` prints one')
    .option('--patient-name <name>', "the patient's full name (asked in a terminal; printed in the document only)")
    .option('--patient-dob <YYYY-MM-DD>', "the patient's date of birth (asked in a terminal)")
    .option('--diagnosis <codes>', 'ICD-10-CM diagnosis codes, comma-separated, such as F33.2')
    .option('--start <YYYY-MM-DD>', 'the scheduled date of the first session')
    .option('--issued <YYYY-MM-DD>', 'the date the estimate is given (left blank to fill in by hand otherwise)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(GFE_FORMATS).default('markdown'))
    .option('-o, --output <file>', 'write to this file, created private (mode 0600), instead of standard output')
    .option(
      '--data <file>',
      "use this price list (the clinic's own, with its service codes); default: $KETAMINE_COST_DATA, else the bundled one",
    )
    .option(...DEBUG)
    .addHelpText(
      'after',
      `
Examples:
  $ ketamine-cost clinic init > clinic.json    # then fill it in
  $ ketamine-cost gfe -r iv -s 6 --clinic clinic.json --patient-name "Alex Doe" --patient-dob 1980-04-23 --format html -o gfe.html`,
    )
    .action((flags: ScenarioFlags & GfeFlags) => {
      selection.run = async () =>
        (await import('./commands/gfe.js')).gfeCommand(
          {
            raw: rawScenario(flags),
            clinic: flags.clinic,
            patientName: flags.patientName,
            patientDob: flags.patientDob,
            diagnosis: flags.diagnosis,
            start: flags.start,
            issued: flags.issued,
            format: flags.format,
            output: flags.output,
            data: { file: flags.data, bundled: bundledDataset },
            text,
          },
          io,
        );
    });
  const clinic = program
    .command('clinic')
    .description('the clinic profile a Good Faith Estimate names')
    .action(() => {
      throw new UsageError('clinic needs a subcommand: init (see ketamine-cost clinic --help)');
    });
  clinic
    .command('init')
    .description('print an empty clinic profile (JSON) to fill in: name, NPI, TIN, location')
    .option(...DEBUG)
    .action(() => {
      selection.run = async () => {
        const { CLINIC_TEMPLATE } = await import('./catalog/read.js');
        await io.stdout(`${JSON.stringify(CLINIC_TEMPLATE, null, 2)}\n`);
        return 0;
      };
    });

  program
    .command('schema')
    .description('print the JSON Schema of an output (estimate, a batch row, compare) or of a price list (dataset)')
    .argument('[which]', 'estimate, batch, compare, plan or dataset', 'estimate')
    .option(...DEBUG)
    .action((which: string) => {
      selection.run = async () => (await import('./commands/data.js')).schemaCommand({ which }, io);
    });
  program
    .command('help')
    .description('show the help of the program, or of a command')
    .argument('[command]', 'the command to show help for')
    .action((name: string | undefined) => {
      selection.run = async () => {
        const target = name === undefined ? program : program.commands.find((c) => c.name() === name);
        if (!target) {
          const names = program.commands.map((c) => c.name());
          throw new UsageError(`there is no command "${visibleName(name ?? '')}"; commands: ${names.join(', ')}`);
        }
        target.outputHelp();
        return 0;
      };
    });
  return { program, selection };
}
