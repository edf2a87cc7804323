import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { visible, visibleName } from '../text/visible.js';
import { type DatasetChoice, selectDataset } from './shared.js';

/** `ketamine-cost data show`: the price list in use, as JSON, the starting point for a clinic's own list. */
export async function dataShowCommand(options: { data: DatasetChoice }, io: Io): Promise<number> {
  io.stdout(`${JSON.stringify(await selectDataset(options.data, io), null, 2)}\n`);
  return EXIT.ok;
}

/** `ketamine-cost data validate <file>`: "valid", or every problem with its JSON path (exit 1). */
export async function dataValidateCommand(options: { file: string }, io: Io): Promise<number> {
  const { checkDataset, readDatasetJson } = await import('../catalog/read.js');
  const checked = checkDataset(readDatasetJson(options.file, io.cwd));
  if (checked.ok) {
    const d = checked.dataset;
    io.stdout(
      `${visibleName(options.file)}: valid (${d.id} ${visibleName(d.version)}, as of ${visibleName(d.asOf)}; ${d.routes.length} routes, ${d.sources.length} sources)\n`,
    );
    return EXIT.ok;
  }
  // Every problem, each with its JSON path, as zod's prettifyError writes them.
  io.stderr(
    `${visibleName(options.file)}: ${checked.problems.length} ${checked.problems.length === 1 ? 'problem' : 'problems'}\n${visible(checked.report)}\n`,
  );
  return EXIT.error;
}

/** `ketamine-cost schema [estimate|dataset]`: the JSON Schema of the JSON output or of a price list. */
export async function schemaCommand(options: { which: string }, io: Io): Promise<number> {
  const which = options.which.trim().toLowerCase();
  const { jsonSchemaOf, SCHEMAS } = await import('../format/contract.js');
  const known = SCHEMAS.find((s) => s === which);
  if (known === undefined) throw new UsageError(`schema "${options.which}" is not known; allowed: ${SCHEMAS.join(', ')}`);
  io.stdout(jsonSchemaOf(known));
  return EXIT.ok;
}
