import { flagName } from '../core/fields.js';
import { dataText } from '../core/message.js';
import { hasQuote } from '../core/price-program.js';
import { parseScenario } from '../core/scenario.js';
import type { Dataset, RawScenario, Scenario } from '../core/types.js';
import { isKnownError, UsageError } from '../errors.js';
import type { Format } from '../formats.js';
import type { Io } from '../io.js';
import type { Words } from '../prompts/ask.js';
import type { Language } from '../text/catalog.js';
import { english } from '../text/en.js';
import { visibleDeep, visibleName } from '../text/visible.js';

/**
 * Writes a command's output: to standard output, or with --output to that file, through a temp
 * file renamed into place (the batch's rules), so a failed run never leaves half a document.
 */
export async function emit(
  text: string,
  output: string | undefined,
  io: Io,
  options: { private?: boolean; words?: Language } = {},
): Promise<void> {
  if (output === undefined) {
    await io.stdout(text);
    return;
  }
  const { fileSink } = await import('../output/sink.js');
  const sink = fileSink(output, io, options);
  try {
    await sink.write(text);
    await sink.finish();
  } catch (error) {
    sink.abort();
    throw error;
  }
  // A person at a terminal is told where the result went (#25); a script reads the exit code. A
  // private file (a GFE) may be named after the patient, so its name is not repeated.
  if (output !== '-' && io.stderrIsTTY)
    io.stderr(`${(options.words ?? english).view.wroteFile(options.private ? null : visibleName(output))}\n`);
}

/**
 * The questions' words for a language other than English (undefined for English, the prompts'
 * default): loaded only when that language is chosen.
 */
export async function promptWordsFor(text: Language): Promise<Words | undefined> {
  if (text.code === 'en') return undefined;
  const [{ ES_PROMPTS }, { PAYER_WORDS }] = await Promise.all([import('../prompts/words-es.js'), import('../text/es-words.js')]);
  return { ask: ES_PROMPTS, data: (t) => text.say(dataText(t)), say: text.say, payer: PAYER_WORDS };
}

/**
 * Runs terminal questions so that a signal at a prompt (SIGTERM, SIGHUP, a `kill` from another
 * shell) still leaves the terminal usable: Inquirer hides the cursor while it asks, and a signal
 * ends the process before Inquirer can show it again (#25 B12). Returns what `ask` returns.
 */
export async function withPrompts<T>(io: Io, ask: () => Promise<T>): Promise<T> {
  // Show the cursor and end the half-drawn prompt line, then exit as the signal would.
  const release = io.registerCleanup(() => void io.stdout('\u001b[?25h\n'));
  try {
    return await ask();
  } finally {
    release();
  }
}

/**
 * How a command's output is drawn for a person, decided once per command from the flags and the
 * terminal: `width` is the terminal's (at least 30) or null when piped, so piped output keeps one
 * fixed layout whatever COLUMNS says; `plain` draws no box characters and leaves nothing to colour;
 * `text` is the language its words are in.
 */
export type OutputStyle = { color: boolean; ascii: boolean; width: number | null; plain: boolean; text: Language };

/**
 * Renders one view (an estimate, a comparison, the price list) in every output format. A
 * `Record<Format, ...>`, so a format added to FORMATS does not compile until every view renders
 * it or refuses it with a UsageError.
 */
export type Renderers<T, Options = Record<never, never>> = Record<
  Format,
  (value: T, style: OutputStyle, options: Options) => Promise<string>
>;

/**
 * The renderers with every text in the value made visible (control characters and bidi marks as
 * escapes, see text/visible.ts) for each format but JSON, which escapes them itself. Every view
 * goes through this, so a text from a price list or clinic profile cannot reach a screen, a
 * Markdown handout or a spreadsheet raw on any path (#25).
 */
export function shownSafely<T, Options>(renderers: Renderers<T, Options>): Renderers<T, Options> {
  const safe = (format: Format): Renderers<T, Options>[Format] =>
    format === 'json' ? renderers[format] : (value, style, options) => renderers[format](visibleDeep(value), style, options);
  return { json: safe('json'), csv: safe('csv'), markdown: safe('markdown'), html: safe('html'), table: safe('table') };
}

/**
 * The price list a command was asked for: the --data file, if any, and the bundled list. The
 * bundled list is handed in by the program (which has it at hand) rather than imported here, so
 * each lazily loaded command file does not carry a copy of the whole dataset.
 */
export type DatasetChoice = { file: string | undefined; bundled: Dataset };

/**
 * Returns the dataset a command works on: --data, else the file KETAMINE_COST_DATA names (a
 * clinic's own prices by default), else the bundled one. A file is validated (zod loads only then).
 */
export async function selectDataset(choice: DatasetChoice, io: Io): Promise<Dataset> {
  const data = choice.file;
  const fromEnv = io.env.KETAMINE_COST_DATA;
  const file = data ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
  if (file === undefined) return choice.bundled;
  const { loadDataset } = await import('../catalog/read.js');
  if (data !== undefined) return loadDataset(file, io.cwd);
  try {
    return loadDataset(file, io.cwd);
  } catch (error) {
    // Say where the file name came from: nobody typed it on this command line.
    if (isKnownError(error)) error.where = 'KETAMINE_COST_DATA';
    throw error;
  }
}

/** The day, as YYYY-MM-DD (UTC): a quote given today is dated today. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A scenario whose quote (if it has one) is dated today: the core is pure, so the date comes from here. */
export function datedQuote<S extends Scenario>(scenario: S): S {
  return hasQuote(scenario) ? { ...scenario, quote: { ...scenario.quote, asOf: today() } } : scenario;
}

/** Validates flags into a Scenario, or throws a UsageError naming the first bad flag and what it allows (in `text`'s words). */
export function scenarioFromFlags(raw: RawScenario, dataset: Dataset, text: Language): Scenario {
  const parsed = parseScenario(raw, dataset);
  if (parsed.ok) return datedQuote(parsed.scenario);
  const [issue] = parsed.issues;
  throw new UsageError(issue ? text.issueAfter(flagName(issue.field), issue.message) : 'invalid scenario');
}
