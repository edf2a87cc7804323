import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import { resolve } from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { type ReaderProblem, type RowProblem, readBatchRows } from '../batch/read.js';
import { RepeatCache } from '../batch/repeat-cache.js';
import { type Estimate, estimateFromPrice, type ProgramPrice, priceProgram, programKey } from '../core/estimate.js';
import { kebabCase } from '../core/names.js';
import { parseScenario, type RawScenario } from '../core/scenario.js';
import type { Dataset } from '../core/types.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { type BatchResult, type BatchWriterOptions, batchWriter } from '../format/batch.js';
import type { BatchFormat, Delimiter, Detail, Encoding } from '../formats.js';
import type { Io } from '../io.js';
import { fileSink, stdoutSink } from '../output/sink.js';
import { Utf8Out } from '../output/utf8-out.js';
import type { Language } from '../text/catalog.js';
import { fsProblem, sayError } from '../text/error-words.js';
import { sayEstimate } from '../text/localize.js';
import { visibleName } from '../text/visible.js';
import { type DatasetChoice, datedQuote, selectDataset } from './shared.js';

export type BatchCommandOptions = {
  input: string;
  format: BatchFormat;
  output: string | undefined;
  data: DatasetChoice;
  detail: Detail;
  /** How the input is read: its cell delimiter and text encoding (#25). */
  delimiter?: Delimiter | undefined;
  encoding?: Encoding | undefined;
  /** CSV output starts with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean | undefined;
  /** The language of row messages. */
  text: Language;
};

const PROGRESS_EVERY = 10_000;
/** Bytes a byte writer's buffer gathers before they go out: fewer, larger writes cost less (#27). */
const CHUNK_BYTES = 64 * 1024;
// Enough for the handful of scenarios a spreadsheet repeats; small, so a file of rows that all
// differ does not keep thousands of estimates alive for the garbage collector to move.
const ROW_CACHE_LIMIT = 32;
// Programs (route, provider, sessions, dose, ...) are few even when every patient differs; each
// is small, so many are kept.
const PROGRAM_CACHE_LIMIT = 256;

/**
 * Prices one raw row. estimateCost is pure, so outcomes are memoised: whole rows by their values
 * (a spreadsheet repeats a handful of scenarios), and, for rows that all differ (each patient's
 * own deductible), the program's price before insurance, which the few programs share. Both
 * caches are bounded, so memory stays flat. The step by step explanation is built only for full
 * rows (`explain`): nothing else shows it; and the estimate is said in `text`'s words only when
 * `words` (the writer prints words), else it keeps its messages and only its figures and ids are read.
 */
function makeRowPricer(dataset: Dataset, explain: boolean, text: Language, words: boolean) {
  const rows = new RepeatCache<string, Estimate<unknown> | RowProblem>(ROW_CACHE_LIMIT);
  const programs = new RepeatCache<string, ProgramPrice>(PROGRAM_CACHE_LIMIT);
  const options = { explain };
  return (raw: RawScenario): Estimate<unknown> | RowProblem => {
    // The row's values as one string: equal strings mean equal rows (the cells are strings).
    const key = rows.wanted() ? JSON.stringify(raw) : undefined;
    const hit = rows.get(key);
    if (hit) return hit;
    const parsed = parseScenario(raw, dataset);
    let outcome: Estimate<unknown> | RowProblem;
    if (parsed.ok) {
      const scenario = datedQuote(parsed.scenario);
      const program = programs.wanted() ? programKey(scenario) : undefined;
      let price = programs.get(program);
      if (price === undefined) {
        price = priceProgram(scenario, dataset, options);
        programs.set(program, price);
      }
      // Its words only for a writer that prints them: the figures and ids are the same either way.
      const figures = estimateFromPrice(price, scenario, dataset, options);
      outcome = words ? sayEstimate(figures, text.say) : figures;
    } else {
      const issue = parsed.issues[0];
      outcome = issue
        ? { column: kebabCase(issue.field), message: text.say(issue.message), readsOn: text.readsOn(issue.message) }
        : { column: 'route', message: 'invalid' };
    }
    rows.set(key, outcome);
    return outcome;
  };
}

/** Opens the batch input now, so a file that cannot be read (missing, a folder, no permission) fails before any output. */
function openInput(input: string, io: Io): AsyncIterable<Buffer | string> {
  if (input === '') throw new UsageError({ key: 'fileNameEmpty', params: { what: 'batch' } });
  const name = input === '-' ? null : visibleName(input);
  const directory = { key: 'cannotRead', params: { what: 'batch', name, problem: { kind: 'directoryGiven' } } } as const;
  if (input === '-') {
    if (isDirectory(0)) throw new DataError(directory);
    return io.stdin as AsyncIterable<Buffer | string>;
  }
  let fd: number;
  try {
    fd = openSync(resolve(io.cwd, input), 'r');
  } catch (error) {
    throw new DataError({ key: 'cannotRead', params: { what: 'batch', name, problem: fsProblem(error) } });
  }
  if (isDirectory(fd)) {
    closeSync(fd);
    throw new DataError(directory);
  }
  return createReadStream('', { fd });
}

function isDirectory(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `ketamine-cost batch <file|->`: one result per input row, in order, streamed. Exit 0 when every
 * row was estimated, 3 when every row was written but some failed, 1 when the file cannot be read.
 */
export async function batchCommand(options: BatchCommandOptions, io: Io): Promise<number> {
  if (options.bom && options.format !== 'csv') throw new UsageError({ key: 'bomNotCsv', params: { format: options.format } });
  const dataset = await selectDataset(options.data, io);
  const source = openInput(options.input, io);
  const writer = batchWriter(options.format, {
    detail: options.detail,
    dataset: { id: dataset.id, version: dataset.version, asOf: dataset.asOf },
    words: options.text.view,
    // Only the table needs display widths; its module has string-width already.
    ...(options.format === 'table' ? await tableOptions(options, io) : {}),
  });
  const sink = options.output === undefined ? stdoutSink(io) : fileSink(options.output, io);
  const full = options.detail === 'full' && (options.format === 'json' || options.format === 'jsonl');
  const price = makeRowPricer(dataset, full, options.text, writer.words);
  const counts = { ok: 0, failed: 0 };
  const progress = io.stderrIsTTY;
  // A writer that writes bytes (CSV) fills one buffer, which goes out whenever it holds a chunk.
  const bytes = writer.rowInto ? new Utf8Out() : null;
  // Set only now: every file the batch runs is loaded (a file loaded while they are set would be compiled anew).
  const heap = batchHeap();
  let index = 0;
  // Interrupted (Ctrl-C) after the progress line was shown: end that line and say so, as the
  // questions do, rather than leave the shell's prompt on the same line (the new-user try).
  const endProgress = progress
    ? io.registerCleanup(() => {
        if (index >= PROGRESS_EVERY) io.stderr(`\n${options.text.view.cancelled}\n`);
      })
    : () => {};
  try {
    await sink.write(`${options.bom ? '\ufeff' : ''}${writer.start()}`);
    for await (const rows of readBatchRows(source, options.input, {
      delimiter: options.delimiter,
      encoding: options.encoding,
    })) {
      for (const row of rows) {
        // The reader's problem in the batch's language; the pricer's are said already.
        const outcome = row.raw === null ? readerProblem(row.problem, options.text) : price(row.raw);
        const estimated = outcome !== null && 'route' in outcome;
        const result: BatchResult = {
          row: row.row,
          line: row.line,
          id: row.id,
          estimate: estimated ? outcome : null,
          error: estimated ? null : outcome,
          extra: row.extra,
        };
        if (estimated) counts.ok += 1;
        else counts.failed += 1;
        if (bytes) {
          writer.rowInto?.(result, index, bytes);
          if (bytes.length >= CHUNK_BYTES) {
            const full = sink.write(bytes.view());
            bytes.clear();
            if (full) await full;
          }
        } else {
          const full = sink.write(writer.row(result, index));
          if (full) await full;
        }
        index += 1;
        if (progress && index % PROGRESS_EVERY === 0) io.stderr(`\r${options.text.view.batch.progress(index, false)}`);
        if (index % 1024 === 0) heap.grown();
      }
    }
    if (progress && index >= PROGRESS_EVERY) io.stderr(`\r${options.text.view.batch.progress(index, true)}\n`);
    if (bytes && bytes.length > 0) await sink.write(bytes.view());
    await sink.write(writer.end(counts));
    await sink.finish();
  } catch (error) {
    sink.abort();
    throw error;
  } finally {
    heap.restore();
    endProgress();
  }
  // `-o -` is standard output, where the rows went without a word, as without --output.
  if (options.output !== undefined && options.output !== '-')
    io.stderr(
      `${options.text.view.batch.wrote(counts.ok + counts.failed, visibleName(options.output))} ${options.text.view.batch.counts(counts.ok, counts.failed)}\n`,
    );
  // Rows that failed, sent to standard output as CSV or JSON (`> priced.csv`), were said only by
  // the exit code; the table and Markdown end with the counts themselves.
  else if (counts.failed > 0 && options.format !== 'table' && options.format !== 'markdown')
    io.stderr(`${options.text.view.batch.counts(counts.ok, counts.failed)}\n`);
  // No row at all (an export of no patients): the output is valid and empty, exit 0 as before,
  // but not without a word.
  if (counts.ok + counts.failed === 0)
    io.stderr(`${options.text.view.batch.warning}: ${sayError(options.text.errors, { key: 'batchNoRows', params: {} })}\n`);
  return counts.failed > 0 ? EXIT.batchRowsFailed : EXIT.ok;
}

/**
 * The heap settings of a long batch, set when called: `grown()` (every 1024 rows) stops the young
 * generation growing once it reached 8 MB, `restore()` puts V8's defaults back.
 *
 * V8 doubles its young generation each time it grows, up to 32 MB, under the steady allocation of
 * a long batch, so a 1M-row run took far more memory than a 10k-row one: one jump to 8 MB first
 * (scavenges at 1 MB were a third of the time of a file of distinct rows), then no further growth.
 * What survives the young generation (bounded caches, a chunk of output) is garbage soon after, yet
 * V8 lets the old generation grow up to 4 times its live size before a full collection, so a long
 * batch peaked 20 MB above a short one: letting it only double keeps 1M rows within 10 MB of 10k's
 * peak at no measurable cost in time (a factor of 1.5 made full collections frequent: a JSON batch
 * of repeated rows took 15% longer). README, Performance; scripts/bench.mjs. #27
 *
 * V8 marks a code cache with the flags it was made under and rejects it under others, and the
 * command's entry (bin/) saves its caches as the process exits: left set, these made every batch
 * compile its files anew and save caches the next start rejected again. Hence set late, restored.
 */
function batchHeap(): { grown: () => void; restore: () => void } {
  // Both are read when the heap would grow, so setting them mid-run takes effect.
  setFlagsFromString('--semi-space-growth-factor=8');
  setFlagsFromString('--heap-growing-percent=100');
  let youngFixed = false;
  return {
    grown: () => {
      if (youngFixed) return;
      const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      if (young && young.space_size >= 8 * 1024 * 1024) {
        setFlagsFromString('--semi-space-growth-factor=1');
        youngFixed = true;
      }
    },
    // V8's defaults (`node --v8-options`), which are what every other start compiles under.
    restore: () => {
      setFlagsFromString('--semi-space-growth-factor=2');
      setFlagsFromString('--heap-growing-percent=0');
    },
  };
}

/** The table's display widths, and on a terminal (not a file) its width and word wrap, as the estimate's table takes them. */
async function tableOptions(options: BatchCommandOptions, io: Io): Promise<Pick<BatchWriterOptions, 'displayWidth' | 'terminal'>> {
  const { displayWidth, wrapText } = await import('../format/table.js');
  const toFile = options.output !== undefined && options.output !== '-';
  return {
    displayWidth,
    // Not below 60: the fixed columns (id, route, sessions, program) take 57 whatever the width.
    ...(io.stdoutIsTTY && !toFile ? { terminal: { width: Math.max(60, io.columns ?? 80), wrapText } } : {}),
  };
}

/** A row the reader refused, in `text`'s words (null stays null: a row with neither is not yielded). */
function readerProblem(problem: ReaderProblem | null, text: Language): RowProblem | null {
  return problem === null ? null : { column: problem.column, message: sayError(text.errors, problem.said) };
}
