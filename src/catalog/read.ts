import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { type ClinicProfile, isValidNpi } from '../core/gfe.js';
import type { Dataset } from '../core/types.js';
import { DataError, isKnownError, jsonProblem, UsageError } from '../errors.js';
import { type ClinicField, type FileKind, fsProblem } from '../text/error-words.js';
import { EN_ERRORS } from '../text/errors-en.js';
import { visibleName } from '../text/visible.js';
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
export function readDatasetJson(file: string, cwd: string, what: FileKind = 'priceList'): unknown {
  if (file === '') throw new UsageError({ key: 'fileNameEmpty', params: { what } });
  const name = visibleName(file);
  const buffer = readPriceListBytes(resolve(cwd, file), name, what);
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    throw new DataError({ key: 'fileUtf16', params: { what, name } });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw new DataError({ key: 'fileNotUtf8', params: { what, name } });
  }
  if (text.trim() === '') throw new DataError({ key: 'fileEmpty', params: { what, name } });
  let json: unknown;
  try {
    json = JSON.parse(text, refuseProtoKeys);
  } catch (error) {
    if (isKnownError(error)) throw error;
    if (error instanceof RangeError) throw new DataError({ key: 'fileTooDeep', params: { what, name } });
    throw new DataError({ key: 'fileNotJson', params: { what, name, problem: jsonProblem(error, text) } });
  }
  // JSON.parse keeps the last of two equal keys; in a price list that hides a figure, so refuse it.
  const duplicate = duplicateKey(text);
  if (duplicate !== null) throw new DataError({ key: 'fileDuplicateKey', params: { what, name, key: visibleName(duplicate) } });
  return json;
}

/**
 * Reads at most MAX_DATASET_BYTES from a regular file, or from standard input (`/dev/stdin`);
 * refuses a directory, a FIFO or a device, which could block for ever or never end (/dev/zero).
 * Opens first (non-blocking, so a FIFO cannot hold the open) and then checks what was opened:
 * checking a path and then opening it lets the path be swapped in between (#25 B11).
 */
function readPriceListBytes(path: string, name: string, what: FileKind): Buffer {
  let fd = -1;
  let stat: Stats;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    stat = fstatSync(fd);
  } catch (error) {
    if (fd >= 0) closeSync(fd);
    // A socket cannot be opened by name (ENXIO), but standard input may be one: read it as fd 0.
    const input = standardInputAt(path);
    if (input === null) throw new DataError({ key: 'cannotRead', params: { what, name, problem: fsProblem(error) } });
    fd = -1;
    stat = input;
  }
  const stdin = !stat.isFile() && isStandardInput(stat);
  const refused = stat.isDirectory()
    ? ({ kind: 'directoryGiven' } as const)
    : !stat.isFile() && !stdin
      ? ({ kind: 'special', special: stat.isFIFO() ? 'fifo' : stat.isSocket() ? 'socket' : 'device' } as const)
      : null;
  if ((refused !== null || stdin) && fd >= 0) closeSync(fd);
  if (refused !== null) throw new DataError({ key: 'cannotRead', params: { what, name, problem: refused } });
  if (stat.isFile() && stat.size > MAX_DATASET_BYTES) {
    if (fd >= 0) closeSync(fd);
    throw new DataError({ key: 'fileTooBig', params: { what, name, bytes: stat.size, max: MAX_DATASET_BYTES } });
  }
  // Standard input is read through fd 0, as a pipe opened again would be a second reader.
  if (stdin) fd = 0;
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
        throw new DataError({ key: 'cannotRead', params: { what, name, problem: fsProblem(error) } });
      }
      if (n === 0) break;
      total += n;
      // A file that grows while it is read (or standard input) is held to the same limit.
      if (total > MAX_DATASET_BYTES)
        throw new DataError({ key: 'fileTooBig', params: { what, name, bytes: null, max: MAX_DATASET_BYTES } });
      chunks.push(Buffer.from(slice.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    if (!stdin) closeSync(fd);
  }
}

/** The stat of `path` when it names this process's standard input, else null. */
function standardInputAt(path: string): Stats | null {
  try {
    const stat = statSync(path);
    return isStandardInput(stat) ? stat : null;
  } catch {
    return null;
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
  throw new DataError({
    key: 'invalid',
    params: {
      what: 'priceList',
      name: visibleName(file),
      first: first ? `${first.path}: ${first.message}` : 'unknown problem',
      more: checked.problems.length - 1,
    },
  });
}

// JSON.parse makes "__proto__" an own key, harmless here, but a price list has no business with it.
function refuseProtoKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new DataError({ key: 'protoKey', params: { key } });
  return value;
}

/** Formats a zod issue path as a JSON path: routes[0].offers[1].price. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(root)';
}

// Clinic profiles live here, beside the price list reader, so both share one loaded copy of zod.

// The clinic's own details for a Good Faith Estimate. A typo in an NPI would put a wrong provider
// on a document a patient keeps, so the check digit is checked, not only the length.
const Text = z.string().check(z.minLength(1, 'empty'), z.maxLength(200));

export const ClinicProfileSchema = z.strictObject({
  name: Text,
  npi: z.string().check(z.regex(/^\d{10}$/, 'npiDigits'), z.refine(isValidNpi, 'npiCheck')),
  tin: z.string().check(z.regex(/^\d{2}-?\d{7}$/, 'tin')),
  location: z.strictObject({
    street: Text,
    city: Text,
    state: z.string().check(z.regex(/^[A-Z]{2}$/, 'state')),
    zip: z.string().check(z.regex(/^\d{5}(-\d{4})?$/, 'zip')),
  }),
  phone: z.optional(z.string().check(z.maxLength(40))),
});

/** What `clinic init` prints: every field, empty, so it cannot be used before it is filled in. */
export const CLINIC_TEMPLATE = {
  name: '',
  npi: '',
  tin: '',
  location: { street: '', city: '', state: '', zip: '' },
  phone: '',
};

// The schema's own checks carry a key as their message (a catalog says it); zod's carry its words.
const CLINIC_FIELDS: readonly ClinicField[] = ['empty', 'npiDigits', 'npiCheck', 'tin', 'state', 'zip'];
const clinicField = (message: string) => CLINIC_FIELDS.find((f) => f === message) ?? null;

/** One problem with a clinic profile: the field's JSON path, our check that failed (else null) and zod's words. */
export type ClinicIssue = { path: string; problem: ClinicField | null; detail: string };

/**
 * Checks parsed JSON as a clinic profile: the profile, or its problems, each with its JSON path,
 * in English words (`problems`) and as `issues` a catalog can say in another language.
 */
export function checkClinicProfile(
  json: unknown,
): { ok: true; clinic: ClinicProfile } | { ok: false; problems: string[]; issues: ClinicIssue[] } {
  const result = ClinicProfileSchema.safeParse(json);
  if (result.success) return { ok: true, clinic: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: jsonPath(issue.path),
    problem: clinicField(issue.message),
    detail: issue.message,
  }));
  return {
    ok: false,
    problems: issues.map((i) => `${i.path}: ${i.problem === null ? i.detail : EN_ERRORS.clinicField({ problem: i.problem })}`),
    issues,
  };
}

/** Reads and checks a clinic profile file; a one-line DataError names the first problem and its path. */
export function loadClinicProfile(file: string, cwd: string): ClinicProfile {
  const checked = checkClinicProfile(readDatasetJson(file, cwd, 'clinicProfile'));
  if (checked.ok) return checked.clinic;
  const [first = { path: '', problem: null, detail: '' }] = checked.issues;
  throw new DataError({ key: 'clinicInvalid', params: { name: visibleName(file), ...first, more: checked.issues.length - 1 } });
}
