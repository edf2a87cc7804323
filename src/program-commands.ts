// The definers of the commands that show costs besides the estimate: compare, plan, routes and
// batch. Each adds its command with its flags (help in the language's words) and, when parsed,
// puts the lazily loaded command to run in `selection`.
import { type Command, Option } from 'commander';
import { bundledDataset } from './catalog/load.js';
import type { PlanFlags } from './commands/plan.js';
import { INPUT_COLUMN_NAMES } from './core/fields.js';
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
} from './formats.js';
import { choiceOption } from './program-command.js';
import {
  addOutputOptions,
  addScenarioOptions,
  type CommandContext,
  type OutputFlags,
  outputFile,
  outputStyle,
  rawScenario,
  type ScenarioFlags,
} from './program-options.js';

/** `compare [routes...]`: options side by side. */
export function defineCompare(program: Command, { io, text, selection }: CommandContext): void {
  const help = text.help;
  const compare = program.command('compare').description(help.compare.description).argument('[routes...]', help.compare.routes);
  addScenarioOptions(compare, { perOption: false, help });
  compare.option('--quote-for <route>', help.compare.quoteFor);
  addOutputOptions(compare, FORMATS, help)
    .option('--ascii', help.compare.ascii)
    .option(...outputFile(help))
    .addHelpText('after', help.compare.after)
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
}

/** `plan`: when the money is due. */
export function definePlan(program: Command, { io, text, selection }: CommandContext): void {
  const help = text.help;
  const plan = program.command('plan').description(help.plan.description);
  addScenarioOptions(plan, { perOption: true, help });
  addOutputOptions(plan, FORMATS, help)
    .option('--explain', help.plan.explain)
    .option(...outputFile(help))
    .option('--ascii', help.plan.ascii)
    .option('--start <YYYY-MM-DD>', help.plan.start)
    .option('--every <interval>', help.plan.every)
    .option('--boosters-every <weeks>', help.plan.boostersEvery)
    .option('--plan-year-start <MM-DD>', help.plan.planYearStart)
    .option('--annual-deductible <usd>', help.plan.annualDeductible)
    .option('--annual-oop-max <usd>', help.plan.annualOopMax)
    .option('--months <n>', help.plan.months)
    .option('--apr <percent>', help.plan.apr)
    .addHelpText('after', help.plan.after)
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
}

/** `routes`: the price list as people read it. */
export function defineRoutes(program: Command, { io, text, selection }: CommandContext): void {
  const routes = program.command('routes').description(text.help.routes.description);
  addOutputOptions(routes, FORMATS, text.help).action((flags: OutputFlags, command: Command) => {
    const style = outputStyle(command, flags, io, text);
    selection.run = async () =>
      (await import('./commands/routes.js')).routesCommand(
        { format: flags.format, style, data: { file: flags.data, bundled: bundledDataset } },
        io,
      );
  });
}

type BatchFlags = Omit<OutputFlags, 'format'> & {
  format: BatchFormat;
  output?: string;
  detail: Detail;
  delimiter: Delimiter;
  encoding: Encoding;
  bom?: boolean;
};

/** `batch <file>`: many scenarios, one result per row. */
export function defineBatch(program: Command, { io, text, selection }: CommandContext): void {
  const help = text.help;
  const batch = program.command('batch').description(help.batch.description).argument('<file>', help.batch.file);
  addOutputOptions(batch, BATCH_FORMATS, help)
    .option('-o, --output <file>', help.batch.output)
    .addOption(choiceOption(new Option('--detail <level>', help.batch.detail), DETAILS, help).default('summary'))
    .option('--keep-columns', help.batch.keepColumns)
    .addOption(choiceOption(new Option('--delimiter <char>', help.batch.delimiter), DELIMITERS, help).default(','))
    .addOption(choiceOption(new Option('--encoding <name>', help.batch.encoding), ENCODINGS, help).default('utf-8'))
    .option('--bom', help.batch.bom)
    .addHelpText('after', help.batch.after(INPUT_COLUMN_NAMES.join(', ')))
    .action((input: string, flags: BatchFlags) => {
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
    });
}
