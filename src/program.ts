import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { estimateCommand } from './commands/estimate.js';
import type { RawScenario } from './core/types.js';
import { EXIT } from './errors.js';
import { BATCH_FORMATS, type BatchFormat, FORMATS, type Format } from './formats.js';
import type { Io } from './io.js';
import { oneLine, run } from './main.js';

type ScenarioFlags = {
  route?: string;
  provider?: string;
  sessions?: string;
  weeks?: string;
  dose?: string;
  insurance?: string;
  covered?: string;
  deductible?: string;
  coinsurance?: string;
  copay?: string;
  oopMax?: string;
  reimbursement?: string;
};
type CommonFlags = { format: Format; explain?: boolean; color?: boolean; data?: string; debug?: boolean };

const EXAMPLES = `
Routes: iv (IV infusion), im (IM injection), esketamine (Spravato nasal spray), oral (tablets or lozenges at home).

Examples:
  $ ketamine-cost --route iv --sessions 6
  $ ketamine-cost --route oral --format json
  $ ketamine-cost -r esketamine --dose 84 -s 8 --format markdown
  $ ketamine-cost -r iv -s 4 -i in-network --covered yes --deductible 500 --coinsurance 20 --oop-max 2000

Exit codes: 0 ok, 1 runtime or data error, 2 usage error, 3 batch finished with failed rows, 130 cancelled.
This tool estimates costs from published price ranges. It does not give medical advice.`;

/** Adds the scenario flags shared by the estimate and other commands. */
function addScenarioOptions(command: Command, options: { route: boolean }): Command {
  if (options.route) {
    command
      .option(
        '-r, --route <route>',
        'how the ketamine is given: iv, im, esketamine, oral (aliases such as infusion, spravato, tablet work too)',
      )
      .option('-p, --provider <type>', "provider type: clinic or at-home (default: the route's only provider)")
      .option('--dose <mg>', 'esketamine dose in mg: 56 or 84 (default 56)');
  }
  return command
    .option('-s, --sessions <n>', "number of sessions, 1-365 (default: the route's typical program)")
    .option('--weeks <n>', "program length in weeks, counted from the route's schedule (not with --sessions)")
    .option('-i, --insurance <status>', 'none (self-pay, default), in-network, out-of-network (oon)')
    .option('--covered <yes|no|auto>', 'whether your plan covers this route (default auto: show both, marking the usual one)')
    .option('--deductible <usd>', 'what is left of your deductible this year, in dollars (default 0)')
    .option('--coinsurance <percent>', 'your share after the deductible, 0-100 (default 20)')
    .option('--copay <usd>', 'a flat amount per session instead of coinsurance')
    .option('--oop-max <usd>', 'what is left of your out-of-pocket maximum this year (default: no cap)')
    .option('--reimbursement <percent>', 'out of network: share the plan pays back above the deductible, 0-100 (default 0)');
}

/** Adds output and dataset flags shared by every command. */
function addOutputOptions(command: Command, formats: readonly string[]): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default('table'))
    .option('--data <file>', 'use this price list (JSON, same schema as `ketamine-cost data show`) instead of the bundled one')
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--debug', 'print the stack trace of unexpected errors');
}

function rawScenario(flags: ScenarioFlags): RawScenario {
  const { route, provider, sessions, weeks, dose, insurance, covered, deductible, coinsurance, copay, oopMax, reimbursement } = flags;
  const raw: RawScenario = {
    route,
    provider,
    sessions,
    weeks,
    dose,
    insurance,
    covered,
    deductible,
    coinsurance,
    copay,
    oopMax,
    reimbursement,
  };
  for (const key of Object.keys(raw) as (keyof RawScenario)[]) if (raw[key] === undefined) delete raw[key];
  return raw;
}

/** Commander's --no-color default is true; only an explicit --no-color decides, else the environment does. */
function colorFlag(command: Command, flags: CommonFlags): boolean | undefined {
  return command.getOptionValueSource('color') === 'cli' ? flags.color : undefined;
}

/** Builds the command-line program: flags to raw input to run(), no logic of its own. */
export function buildProgram(
  io: Io,
  setExitCode: (code: number) => void,
  options: { subcommands: boolean } = { subcommands: true },
): Command {
  const program = new Command('ketamine-cost');
  const execute = async (flags: { debug?: boolean }, command: () => Promise<number | void>) =>
    setExitCode(await run(command, io, { debug: flags.debug === true }));

  program
    .description('Estimate what ketamine therapy will cost: per session and for the whole program, by route, provider and insurance.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .enablePositionalOptions()
    // Set before any subcommand is added, so every level (also `data validate`) inherits it and
    // commander never calls process.exit() itself.
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      outputError: (text, write) => write(`${oneLine(text)}\n`),
    });
  addScenarioOptions(program, { route: true });
  addOutputOptions(program, FORMATS)
    .option('--explain', 'show the arithmetic step by step, each figure with its source')
    .option('--interactive', 'ask questions for anything not given as a flag (needs a terminal)')
    .option('--no-interactive', 'never ask questions, even in a terminal')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: ScenarioFlags & CommonFlags & { interactive?: boolean }, command: Command) => {
      const interactive = command.getOptionValueSource('interactive') === 'cli' ? flags.interactive : undefined;
      // The estimate is the common path, so it is bundled in; the other commands load on use.
      await execute(flags, () =>
        estimateCommand(
          {
            raw: rawScenario(flags),
            format: flags.format,
            explain: flags.explain === true,
            color: colorFlag(command, flags),
            interactive,
            data: flags.data,
          },
          io,
        ),
      );
    });

  // Defining every subcommand's options costs a few ms at each start; a plain estimate skips it.
  if (!options.subcommands) return program;

  const compare = program
    .command('compare')
    .description('every route and provider side by side, cheapest for you first (or only the options named)')
    .argument(
      '[routes...]',
      'what to compare: route[@provider][:sessions] or route:<weeks>w, e.g. iv:6 esketamine:8w (default: every route and provider)',
    );
  addScenarioOptions(compare, { route: false });
  addOutputOptions(compare, FORMATS)
    .option('--ascii', 'draw the range bars with plain ASCII (also when TERM=dumb)')
    .addHelpText(
      'after',
      `
Examples:
  $ ketamine-cost compare --sessions 6
  $ ketamine-cost compare iv:6 esketamine:8w --insurance in-network --deductible 1200 --coinsurance 20`,
    )
    .action(async (specs: string[], flags: ScenarioFlags & CommonFlags & { ascii?: boolean }, command: Command) => {
      await execute(flags, async () =>
        (await import('./commands/compare.js')).compareCommand(
          {
            specs,
            raw: rawScenario(flags),
            format: flags.format,
            color: colorFlag(command, flags),
            ascii: flags.ascii === true,
            data: flags.data,
          },
          io,
        ),
      );
    });

  const routes = program
    .command('routes')
    .description('the price list as people read it: every route, provider, price range, typical program and source');
  addOutputOptions(routes, FORMATS).action(async (flags: CommonFlags, command: Command) => {
    await execute(flags, async () =>
      (await import('./commands/routes.js')).routesCommand(
        { format: flags.format, color: colorFlag(command, flags), data: flags.data },
        io,
      ),
    );
  });

  const batch = program
    .command('batch')
    .description('estimate many scenarios from a CSV (with a header) or JSON Lines file, one result per row, in order')
    .argument('<file>', 'the input file, or - for standard input');
  addOutputOptions(batch, BATCH_FORMATS)
    .option('-o, --output <file>', 'write here (via a temp file renamed at the end) instead of standard output')
    .addHelpText(
      'after',
      `
Columns (case- and space-insensitive, camelCase too; only route is required):
  id, route, provider, sessions, weeks, dose, insurance, covered, deductible, coinsurance, copay, oop-max, reimbursement

Exit codes: 0 every row estimated; 3 finished, every row written, some rows failed; 1 the file could not be read; 2 usage.

Examples:
  $ ketamine-cost batch patients.csv --format csv --output estimates.csv
  $ printf 'route,sessions\niv,6\noral,4\n' | ketamine-cost batch - --format jsonl`,
    )
    .action(async (input: string, flags: Omit<CommonFlags, 'format'> & { format: BatchFormat; output?: string }) => {
      await execute(flags, async () =>
        (await import('./commands/batch.js')).batchCommand({ input, format: flags.format, output: flags.output, data: flags.data }, io),
      );
    });

  const data = program.command('data').description('show or check a price list');
  data
    .command('show')
    .description('print the price list in use (the bundled one, or --data) as JSON: the starting point for your own')
    .option('--data <file>', 'show this price list instead of the bundled one')
    .option('--debug', 'print the stack trace of unexpected errors')
    .action(async (flags: { data?: string; debug?: boolean }) => {
      await execute(flags, async () => (await import('./commands/data.js')).dataShowCommand({ data: flags.data }, io));
    });
  data
    .command('validate')
    .description('check a price list: "valid", or every problem with its JSON path (exit 1)')
    .argument('<file>', 'the price list (JSON)')
    .option('--debug', 'print the stack trace of unexpected errors')
    .action(async (file: string, flags: { debug?: boolean }) => {
      await execute(flags, async () => (await import('./commands/data.js')).dataValidateCommand({ file }, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the JSON output (estimate) or of a price list (dataset)')
    .argument('[which]', 'estimate or dataset', 'estimate')
    .option('--debug', 'print the stack trace of unexpected errors')
    .action(async (which: string, flags: { debug?: boolean }) => {
      await execute(flags, async () => (await import('./commands/data.js')).schemaCommand({ which }, io));
    });
  return program;
}

const SUBCOMMANDS = new Set(['compare', 'routes', 'batch', 'data', 'schema', 'help']);

/** Whether argv may name a subcommand or ask for help (which lists them); a flags-only estimate does not. */
export function needsSubcommands(argv: readonly string[]): boolean {
  return argv.some((arg) => SUBCOMMANDS.has(arg) || arg === '-h' || arg === '--help' || (!arg.startsWith('-') && argv.indexOf(arg) === 0));
}

/** Parses argv and runs; commander's own usage errors exit 2, like ours. */
export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    { subcommands: needsSubcommands(argv) },
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are successes; every other commander error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
