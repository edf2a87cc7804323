import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type Estimate, estimateCost } from '../src/core/estimate.js';
import type { Message } from '../src/core/message.js';
import type { PlanOptions } from '../src/core/plan.js';
import { parseScenario } from '../src/core/scenario.js';
import type { Dataset, RawScenario } from '../src/core/types.js';
import { ScenarioSchema } from '../src/format/contract.js';
import type { Io } from '../src/io.js';
import { main } from '../src/main.js';
import * as en from '../src/text/en.js';
import { sayEstimate } from '../src/text/localize.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'ketamine-cost.cjs');
export const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

/** A fresh copy of the real dataset file, for tests that check figures against it or break it on purpose. */
export function readDataset(): Dataset {
  return JSON.parse(readFileSync(join(ROOT, 'data', 'prices.json'), 'utf8')) as Dataset;
}

/**
 * Parses a raw scenario and prices it, failing the test if the scenario is refused; also checks
 * the validated scenario against the JSON contract's schema.
 */
export function estimateFrom(raw: RawScenario, dataset: Dataset = readDataset()): Estimate {
  return sayEstimate(coreEstimateFrom(raw, dataset), en.say);
}

/** As estimateFrom, but the core's own result: every sentence still a Message. */
export function coreEstimateFrom(raw: RawScenario, dataset: Dataset = readDataset()): Estimate<Message> {
  const parsed = parseScenario(raw, dataset);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  expect(ScenarioSchema.safeParse(parsed.scenario).success).toBe(true);
  return estimateCost(parsed.scenario, dataset);
}

/** The dataset's price of a route's offer, straight from data/prices.json. */
export function priceOf(dataset: Dataset, route: string, provider?: string) {
  const r = dataset.routes.find((x) => x.id === route);
  const offer = r?.offers.find((o) => provider === undefined || o.provider === provider);
  if (!offer) throw new Error(`no ${route} offer in the dataset`);
  return offer.price;
}

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Spawns the built command with a clean environment: no colour, no terminal, fixed locale. */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}): CliResult {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', LANG: 'C', ...options.env };
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env,
    input: options.input ?? '',
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK_LINE = /^\s+at .+[(:]\d+/m;

/**
 * Runs the built command and checks the promise for bad input: the exit code (2 unless told),
 * nothing on stdout, exactly one line on stderr matching `message`, and no stack trace.
 */
export function expectUsageError(
  args: string[],
  message: RegExp,
  options: { code?: number; input?: string; env?: Record<string, string> } = {},
): void {
  const r = runCli(args, { input: options.input, env: options.env });
  expect(r.code).toBe(options.code ?? 2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** Runs the program in-process with a fake Io: for fast wiring tests and fuzzing. */
export async function runInProcess(
  args: string[],
  options: { env?: Record<string, string>; tty?: boolean; input?: string; columns?: number } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => {
      stdout += t;
      return undefined;
    },
    stderr: (t) => {
      stderr += t;
    },
    stdin: Readable.from([options.input ?? '']),
    stdinIsTTY: options.tty ?? false,
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    env: options.env ?? {},
    columns: options.columns,
    cwd: ROOT,
    registerCleanup: () => () => {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

// The browser's own housekeeping (time sync, account checks) goes to these hosts; nothing else may.
export const BROWSER_HOSTS = /(^|\.)(google\.com|gvt1\.com|googleapis\.com|gstatic\.com)$/;

/**
 * Whether headless Chromium and pdftotext are here to print a page and read it back. A function,
 * so only the test files that print pay for starting Chromium to ask.
 */
export function hasBrowser(): boolean {
  return spawnSync('chromium', ['--version']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;
}

/**
 * Prints an HTML page to PDF in headless Chromium and reads it back: the page count, the text
 * (whitespace collapsed; `layout` keeps table rows on one line) and every host the browser asked for.
 */
export function printInBrowser(
  html: string,
  options: { layout?: boolean } = { layout: true },
): { pages: number; text: string; hosts: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-print-'));
  const page = join(dir, 'handout.html');
  const pdf = join(dir, 'handout.pdf');
  const netLog = join(dir, 'net.json');
  writeFileSync(page, html);
  const chrome = spawnSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--log-net-log=${netLog}`,
      `--print-to-pdf=${pdf}`,
      `file://${page}`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (chrome.status !== 0) throw new Error(`chromium failed: ${chrome.stderr}`);
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const text = spawnSync('pdftotext', [...(options.layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' }).stdout;
  const log = JSON.parse(readFileSync(netLog, 'utf8')) as { events: { params?: { url?: string; host?: string } }[] };
  const hosts = new Set<string>();
  for (const e of log.events) {
    const url = e.params?.url;
    if (url && /^https?:/.test(url)) hosts.add(new URL(url).hostname);
  }
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), text: text.replace(/\s+/g, ' '), hosts: [...hosts] };
}

/** Plan options as the flags default them, with `o` on top (a test says only what it changes). */
export function planOptions(o: Partial<PlanOptions> = {}): PlanOptions {
  return {
    start: null,
    everyDays: null,
    horizonWeeks: null,
    boostersEveryWeeks: null,
    planYearStart: { month: 1, day: 1 },
    annualDeductibleCents: null,
    annualOopMaxCents: null,
    months: null,
    aprBasisPoints: null,
    ...o,
  };
}

/** Writes a filled-in clinic profile (a valid NPI) to `file` and returns the file's path. */
export function writeClinicProfile(file: string): string {
  writeFileSync(
    file,
    JSON.stringify({
      name: 'Example Ketamine Clinic',
      npi: '1234567893',
      tin: '12-3456789',
      location: { street: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701' },
    }),
  );
  return file;
}
