import { closeSync, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import type { Dataset } from '../core/types.js';
import { DataError, describeFsError, isKnownError, UsageError } from '../errors.js';
import { visibleName } from '../format/visible.js';
import { duplicateKey } from './json-keys.js';
import { DatasetSchema } from './schema.js';

/** A price list is a few KB; anything past this is not one, and is refused before it is read. */
export const MAX_DATASET_BYTES = 4 * 1024 * 1024;

export type DatasetProblem = { path: string; message: string };
export type CheckDatasetResult = { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[]; report: string };

/** Checks parsed JSON against the dataset schema, returning the typed dataset or every problem with its JSON path. */
export function checkDataset(json: unknown): CheckDatasetResult {
  const result = DatasetSchema.safeParse(json);
  if (result.success) return { ok: true, dataset: result.data };
  const problems = result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
  return { ok: false, problems, report: z.prettifyError(result.error) };
}

/** Reads a price-list file as untrusted JSON (size-capped, BOM stripped, never executed) and parses its text. */
export function readDatasetJson(file: string, cwd: string): unknown {
  if (file === '') throw new UsageError('the price list file name is empty; give a JSON file (ketamine-cost data show prints one)');
  const name = visibleName(file);
  const buffer = readPriceListBytes(resolve(cwd, file), name);
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    throw new DataError(`price list ${name} is UTF-16; save it as UTF-8 JSON`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw new DataError(`price list ${name} holds bytes that are not UTF-8; save it as UTF-8 JSON`);
  }
  if (text.trim() === '') throw new DataError(`price list ${name} is empty; start from \`ketamine-cost data show\``);
  let json: unknown;
  try {
    json = JSON.parse(text, refuseProtoKeys);
  } catch (error) {
    if (isKnownError(error)) throw error;
    if (error instanceof RangeError) throw new DataError(`price list ${name} is nested too deeply to be a price list`);
    throw new DataError(`price list ${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  // JSON.parse keeps the last of two equal keys; in a price list that hides a figure, so refuse it.
  const duplicate = duplicateKey(text);
  if (duplicate !== null) throw new DataError(`price list ${name} has the key "${visibleName(duplicate)}" twice in one object`);
  return json;
}

/**
 * Reads at most MAX_DATASET_BYTES from a regular file, or from standard input (`/dev/stdin`);
 * refuses a directory, a FIFO or a device, which could block for ever or never end (/dev/zero).
 */
function readPriceListBytes(path: string, name: string): Buffer {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new DataError(`cannot read price list ${name}: ${describeFsError(error)}`);
  }
  if (stat.isDirectory()) throw new DataError(`cannot read price list ${name}: it is a directory; give a JSON file`);
  const stdin = !stat.isFile() && isStandardInput(stat);
  if (!stat.isFile() && !stdin) {
    const kind = stat.isFIFO() ? 'a FIFO (named pipe)' : stat.isSocket() ? 'a socket' : 'a device';
    throw new DataError(`cannot read price list ${name}: it is ${kind}, not a file; give a JSON file`);
  }
  if (stat.isFile() && stat.size > MAX_DATASET_BYTES)
    throw new DataError(`price list ${name} is ${stat.size} bytes; a price list may be at most ${MAX_DATASET_BYTES} bytes`);
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(path, 'r');
  } catch (error) {
    throw new DataError(`cannot read price list ${name}: ${describeFsError(error)}`);
  }
  try {
    const chunks: Buffer[] = [];
    const slice = Buffer.allocUnsafe(64 * 1024);
    let total = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, slice, 0, slice.length, null);
      } catch (error) {
        // A non-blocking standard input with nothing yet: wait a moment and read again.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        throw new DataError(`cannot read price list ${name}: ${describeFsError(error)}`);
      }
      if (n === 0) break;
      total += n;
      // A file that grows while it is read (or standard input) is held to the same limit.
      if (total > MAX_DATASET_BYTES)
        throw new DataError(
          `price list ${name} is more than ${MAX_DATASET_BYTES} bytes; a price list may be at most ${MAX_DATASET_BYTES} bytes`,
        );
      chunks.push(Buffer.from(slice.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    if (!stdin) closeSync(fd);
  }
}

/** Whether a stat is of this process's standard input (`/dev/stdin` names it through a link). */
function isStandardInput(stat: Stats): boolean {
  try {
    const input = fstatSync(0);
    return input.dev === stat.dev && input.ino === stat.ino;
  } catch {
    return false;
  }
}

/** Loads and validates a price-list file; throws a one-line DataError naming the first problem. */
export function loadDataset(file: string, cwd = process.cwd()): Dataset {
  const checked = checkDataset(readDatasetJson(file, cwd));
  if (checked.ok) return checked.dataset;
  const [first] = checked.problems;
  const more =
    checked.problems.length > 1
      ? ` (and ${checked.problems.length - 1} more; run \`ketamine-cost data validate ${visibleName(file)}\`)`
      : '';
  throw new DataError(
    `price list ${visibleName(file)} is not valid: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}${more}`,
  );
}

// JSON.parse makes "__proto__" an own key, harmless here, but a price list has no business with it.
function refuseProtoKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype')
    throw new DataError(`key "${key}" is not allowed in a price list`);
  return value;
}

/** Formats a zod issue path as a JSON path: routes[0].offers[1].price. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(root)';
}
