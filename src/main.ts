import { CommanderError } from 'commander';
import { closestName } from './core/names.js';
import { EXIT, isKnownError, oneLine, UsageError } from './errors.js';
import type { Io } from './io.js';
import { defineProgram } from './program.js';
import { SUBCOMMANDS } from './program-command.js';
import { type Language, quote } from './text/catalog.js';
import { english } from './text/en.js';
import { sayError } from './text/error-words.js';
import { pickLanguage } from './text/language.js';
import { clipEchoes, visible } from './text/visible.js';

/**
 * The one entry and the one error boundary: parses argv, runs the command it names, and maps
 * whatever is thrown on the way to one line on stderr and an exit code. Nothing below here
 * prints an error or exits.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  // The run's language, once chosen: "Cancelled" and every error are said in it.
  let text: Language = english;
  try {
    // The language first: it takes --lang out of argv, so the first word below is the command's.
    const { code, argv: args } = pickLanguage(argv, io.env);
    text = code === 'es' ? (await import('./text/es.js')).spanish : english;
    io.said?.(text);
    // A first word that is no command would reach commander as "too many arguments": name it instead.
    const first = args[0];
    if (first !== undefined && !first.startsWith('-') && !SUBCOMMANDS.includes(first))
      throw new UsageError(text.help.usage.unknownCommand(quote(first), closestName(first, SUBCOMMANDS), SUBCOMMANDS));
    // 1. Parse: commander checks the flags and picks the command; nothing runs yet.
    const { program, selection } = defineProgram(io, { subcommands: needsSubcommands(args), only: namedSubcommand(args), text });
    await program.parseAsync(args, { from: 'user' });
    // 2. Run the command it picked (none for a bare group such as `data`, already refused).
    return selection.run ? await selection.run() : EXIT.ok;
  } catch (error) {
    // 3. One message and one exit code per kind of error.
    return reportError(error, io, { debug: argv.includes('--debug'), text });
  }
}

/** Writes one line for an error and returns its exit code; the stack only with --debug. */
function reportError(error: unknown, io: Io, options: { debug: boolean; text: Language }): number {
  // Commander has already printed its own one-line message (or the help or version asked for).
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (isKnownError(error) && error.exitCode === EXIT.cancelled) {
    io.stderr(`${options.text.view.cancelled}\n`);
    return EXIT.cancelled;
  }
  const known = isKnownError(error);
  // An error thrown as a key is said in the run's language; `where` names a value nobody typed.
  const said = known && error.said !== null ? sayError(options.text.errors, error.said) : null;
  const words = said ?? (error instanceof Error ? error.message : String(error));
  const message = known && error.where !== null ? `${error.where}: ${words}` : words;
  // Messages echo file names and values someone else may control: never raw to the terminal.
  const line = visible(clipEchoes(oneLine(message)));
  io.stderr(`error: ${known ? line : sayError(options.text.errors, { key: 'unexpected', params: { detail: line } })}\n`);
  if (options.debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return known ? error.exitCode : EXIT.error;
}

export { SUBCOMMANDS } from './program-command.js';

/** The subcommand argv starts with (`compare ...`), the only one the program then defines; else undefined. */
export function namedSubcommand(argv: readonly string[]): string | undefined {
  const first = argv[0];
  return first !== undefined && first !== 'help' && SUBCOMMANDS.includes(first) ? first : undefined;
}

/**
 * Whether argv may name a subcommand or ask for help (which lists them). Defining every
 * subcommand costs time at each start, which a flags-only estimate skips.
 */
export function needsSubcommands(argv: readonly string[]): boolean {
  return argv.some((arg, i) => SUBCOMMANDS.includes(arg) || arg === '-h' || arg === '--help' || (i === 0 && !arg.startsWith('-')));
}
