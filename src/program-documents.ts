// The definers of the commands around the estimate: the price list (`data`), the Good Faith
// Estimate and its clinic profile, the JSON Schemas and `help`. Each adds its command with its
// flags (help in the language's words) and, when parsed, puts the command to run in `selection`.
import { type Command, Option } from 'commander';
import { bundledDataset } from './catalog/load.js';
import type { RawScenario } from './core/types.js';
import { UsageError } from './errors.js';
import { GFE_FORMATS } from './formats.js';
import { choiceOption } from './program-command.js';
import {
  addScenarioOptions,
  type CommandContext,
  debugFlag,
  type GfeFlags,
  outputFile,
  rawScenario,
  type ScenarioFlags,
} from './program-options.js';
import { visibleName } from './text/visible.js';

type DataInitFlags = {
  route: string;
  provider?: string;
  price: string;
  intro?: string;
  package?: string;
  itemPrice?: string;
  clinicName?: string;
  data?: string;
  output?: string;
};

/** `data show | validate | init`: the price list. */
export function defineData(program: Command, { io, text, selection }: CommandContext): void {
  const help = text.help;
  const words = help.dataCommand;
  const data = program
    .command('data')
    .description(words.description)
    .action(() => {
      // Alone, `data` would print its whole help to stderr; one line says what is missing.
      throw new UsageError(help.usage.needsSubcommand('data', ['show', 'validate', 'init']));
    });
  data
    .command('show')
    .description(words.show)
    .option('--data <file>', words.showData)
    .option(...debugFlag(help))
    .action((flags: { data?: string }) => {
      selection.run = async () =>
        (await import('./commands/data.js')).dataShowCommand({ data: { file: flags.data, bundled: bundledDataset } }, io);
    });
  data
    .command('validate')
    .description(words.validate)
    .argument('<file>', words.validateFile)
    .option(...debugFlag(help))
    .action((file: string) => {
      selection.run = async () => (await import('./commands/data.js')).dataValidateCommand({ file }, io);
    });
  data
    .command('init')
    .description(words.init)
    .requiredOption('-r, --route <route>', words.route)
    .option('-p, --provider <type>', words.provider)
    .requiredOption('--price <usd>', words.price)
    .option('--intro <usd>', words.intro)
    .option('--package <sessions:usd,...>', words.package)
    .option('--item-price <item=usd,...>', words.itemPrice)
    .option('--clinic-name <name>', words.clinicName)
    .option('--data <file>', words.initData)
    .option(...outputFile(help))
    .option(...debugFlag(help))
    .addHelpText('after', words.after)
    .action((flags: DataInitFlags) => {
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
    });
}

/** `gfe`: a Good Faith Estimate draft; `clinic init`: the profile it names. */
export function defineGfe(program: Command, { io, text, selection }: CommandContext): void {
  const help = text.help;
  const gfe = program.command('gfe').description(help.gfe.description);
  addScenarioOptions(gfe, { perOption: true, help });
  gfe
    .option('--clinic <file>', help.gfe.clinic)
    .option('--patient-name <name>', help.gfe.patientName)
    .option('--patient-dob <YYYY-MM-DD>', help.gfe.patientDob)
    .option('--diagnosis <codes>', help.gfe.diagnosis)
    .option('--start <YYYY-MM-DD>', help.gfe.start)
    .option('--issued <YYYY-MM-DD>', help.gfe.issued)
    .addOption(choiceOption(new Option('-f, --format <format>', help.format), GFE_FORMATS, help).default('markdown'))
    .option('-o, --output <file>', help.gfe.output)
    .option('--data <file>', help.gfe.data)
    .option(...debugFlag(help))
    .addHelpText('after', help.gfe.after)
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
    .description(help.clinic.description)
    .action(() => {
      throw new UsageError(help.usage.needsSubcommand('clinic', ['init']));
    });
  clinic
    .command('init')
    .description(help.clinic.init)
    .option(...debugFlag(help))
    .action(() => {
      selection.run = async () => {
        const { CLINIC_TEMPLATE } = await import('./catalog/read.js');
        await io.stdout(`${JSON.stringify(CLINIC_TEMPLATE, null, 2)}\n`);
        return 0;
      };
    });
}

/** `schema [which]` and `help [command]`. */
export function defineSchemaAndHelp(program: Command, { io, text, selection }: CommandContext): void {
  const help = text.help;
  program
    .command('schema')
    .description(help.schema.description)
    .argument('[which]', help.schema.which, 'estimate')
    .option(...debugFlag(help))
    .action((which: string) => {
      selection.run = async () => (await import('./commands/data.js')).schemaCommand({ which }, io);
    });
  program
    .command('help')
    .description(help.help.description)
    .argument('[command]', help.help.command)
    .action((name: string | undefined) => {
      selection.run = async () => {
        const target = name === undefined ? program : program.commands.find((c) => c.name() === name);
        if (!target)
          throw new UsageError(
            help.usage.noSuchCommand(
              visibleName(name ?? ''),
              program.commands.map((c) => c.name()),
            ),
          );
        target.outputHelp();
        return 0;
      };
    });
}
