// The program's Command: commander's, with every refused command line said by the tool's own
// catalog (HelpWords.usage) instead of commander's English sentences, which were reworded by
// regular expressions before (#20, #26).
import { type AddHelpTextContext, type AddHelpTextPosition, Command, type Help, type Option } from 'commander';
import { closestName, closestNames } from './core/names.js';
import { UsageError } from './errors.js';
import type { HelpWords } from './text/help.js';
import { visibleName } from './text/visible.js';

/** The subcommands the program defines; a test checks this list against the program itself. */
export const SUBCOMMANDS: readonly string[] = ['compare', 'plan', 'routes', 'batch', 'gfe', 'clinic', 'data', 'schema', 'help'];

/**
 * The flags only one subcommand takes (the estimate has none of them), so a refusal can name the
 * command a flag belongs to: `--every` goes with plan. Only the named subcommand is defined at
 * start-up, so the list is written out; a test checks it against the program itself.
 */
export const SUBCOMMAND_FLAGS: Readonly<Record<string, string>> = {
  '--quote-for': 'compare',
  '--every': 'plan',
  '--boosters-every': 'plan',
  '--plan-year-start': 'plan',
  '--annual-deductible': 'plan',
  '--annual-oop-max': 'plan',
  '--months': 'plan',
  '--apr': 'plan',
  '--detail': 'batch',
  '--keep-columns': 'batch',
  '--delimiter': 'batch',
  '--encoding': 'batch',
  '--bom': 'batch',
  '--clinic': 'gfe',
  '--patient-name': 'gfe',
  '--patient-dob': 'gfe',
  '--diagnosis': 'gfe',
  '--issued': 'gfe',
};

/**
 * A Command whose refusals throw UsageError in `words`' language. Commander calls these methods
 * when parsing fails (commander 14: `unknownOption`, `optionMissingArgument`, `missingArgument`,
 * `missingMandatoryOptionValue`, `_excessArguments`, `unknownCommand`); test/wiring checks each.
 * Subcommands are made by `createCommand`, so they are of this class too.
 */
export class WordedCommand extends Command {
  constructor(
    name: string | undefined,
    readonly words: HelpWords,
  ) {
    super(name);
  }

  override createCommand(name?: string): WordedCommand {
    return new WordedCommand(name, this.words);
  }

  /**
   * Text before or after commander's help, its prose wrapped at spaces to the help's width (the
   * terminal's, or 80 when piped), as commander wraps the options; an example command line
   * ("  $ ketamine-cost ...") stays whole, to be copied.
   */
  override addHelpText(position: AddHelpTextPosition, text: string | ((context: AddHelpTextContext) => string)): this {
    return super.addHelpText(position, (context: AddHelpTextContext) => {
      const words = typeof text === 'function' ? text(context) : text;
      const output = this.configureOutput();
      const width = (context.error ? output.getErrHelpWidth?.() : output.getOutHelpWidth?.()) ?? 80;
      return wrapHelpProse(words, width, this.createHelp());
    });
  }

  unknownOption(flag: string): never {
    // The name only: what follows "=" may be a patient's date of birth or name (#25).
    const name = flag.split('=')[0] ?? flag;
    if (name === '--route' && this.name() === 'compare') throw new UsageError(this.words.usage.routeInCompare);
    const owner = SUBCOMMAND_FLAGS[name];
    if (owner !== undefined && owner !== this.name()) throw new UsageError(this.words.usage.optionOfCommand(name, owner));
    const longs = this.options.flatMap((o) => (o.long && !o.hidden ? [o.long.slice(2)] : []));
    // Every flag as near as the nearest, in alphabetical order (as commander listed them).
    const close = name.startsWith('--') ? closestNames(name.slice(2), longs).sort() : [];
    throw new UsageError(
      this.words.usage.unknownOption(
        visibleName(name),
        close.map((c) => `--${c}`),
      ),
    );
  }

  optionMissingArgument(option: Option): never {
    throw new UsageError(this.words.usage.needsValue(option.long ?? option.flags));
  }

  missingArgument(name: string): never {
    // Named as the help names it (Spanish help shows <archivo> for <file>).
    const shown = this.words.placeholders[`<${name}>`]?.slice(1, -1) ?? name;
    throw new UsageError(this.words.usage.missingArgument(shown));
  }

  missingMandatoryOptionValue(option: Option): never {
    throw new UsageError(this.words.usage.requiredOption(option.flags));
  }

  _excessArguments(received: string[]): never {
    // A command word after the flags (`-r iv comapre`): the program takes it as an argument.
    const word = String(received[0] ?? '');
    const command = this.parent === null ? closestName(word, SUBCOMMANDS) : undefined;
    if (command !== undefined) throw new UsageError(this.words.usage.commandNotFirst(visibleName(word), command));
    // Named as the help names them, as in missingArgument.
    const takes = this.registeredArguments.map((a) => this.words.placeholders[`<${a.name()}>`]?.slice(1, -1) ?? a.name());
    const extra = received.slice(takes.length).map((w) => visibleName(String(w)));
    throw new UsageError(this.words.usage.tooManyArguments(this.name(), takes, extra));
  }

  unknownCommand(): never {
    const name = String(this.args[0]);
    const names = this.commands.map((c) => c.name());
    throw new UsageError(this.words.usage.unknownCommand(JSON.stringify(visibleName(name)), closestName(name, names), names));
  }
}

/**
 * An option with fixed choices: listed in help, and a value outside them refused in the catalog's
 * words ("--format "xml" is not allowed; allowed: table, json, ...").
 */
export function choiceOption(option: Option, choices: readonly string[], words: HelpWords): Option {
  const flag = option.long ?? option.flags;
  return option.choices(choices).argParser((value: string) => {
    if (!choices.includes(value)) throw new UsageError(words.usage.notAllowed(flag, value, choices));
    return value;
  });
}

/**
 * Wraps each line of help prose to `width` columns with commander's own word wrap (`Help.boxWrap`),
 * an indented line keeping its indent on every line; an example command line ("  $ ...") is left whole.
 */
export function wrapHelpProse(text: string, width: number, help: Help): string {
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*\$ /.test(line)) return line;
      const indent = /^ */.exec(line)?.[0] ?? '';
      return help
        .boxWrap(line.slice(indent.length), width - indent.length)
        .split('\n')
        .map((wrapped) => `${indent}${wrapped}`)
        .join('\n');
    })
    .join('\n');
}
