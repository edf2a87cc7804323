import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import type { Dataset } from '../core/types.js';
import { DataError, describeFsError, isKnownError } from '../errors.js';
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
  const path = resolve(cwd, file);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new DataError(`cannot read price list ${file}: it is a directory; give a JSON file`);
    size = stat.size;
  } catch (error) {
    if (isKnownError(error)) throw error;
    throw new DataError(`cannot read price list ${file}: ${describeFsError(error)}`);
  }
  if (size > MAX_DATASET_BYTES)
    throw new DataError(`price list ${file} is ${size} bytes; a price list may be at most ${MAX_DATASET_BYTES} bytes`);
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    throw new DataError(`cannot read price list ${file}: ${describeFsError(error)}`);
  }
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    throw new DataError(`price list ${file} is UTF-16; save it as UTF-8 JSON`);
  }
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(buffer);
  if (text.trim() === '') throw new DataError(`price list ${file} is empty; start from \`ketamine-cost data show\``);
  try {
    return JSON.parse(text, refuseProtoKeys);
  } catch (error) {
    if (isKnownError(error)) throw error;
    if (error instanceof RangeError) throw new DataError(`price list ${file} is nested too deeply to be a price list`);
    throw new DataError(`price list ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Loads and validates a price-list file; throws a one-line DataError naming the first problem. */
export function loadDataset(file: string, cwd = process.cwd()): Dataset {
  const checked = checkDataset(readDatasetJson(file, cwd));
  if (checked.ok) return checked.dataset;
  const [first] = checked.problems;
  const more = checked.problems.length > 1 ? ` (and ${checked.problems.length - 1} more; run \`ketamine-cost data validate ${file}\`)` : '';
  throw new DataError(`price list ${file} is not valid: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}${more}`);
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
