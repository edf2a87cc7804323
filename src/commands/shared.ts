import { bundledDataset } from '../catalog/load.js';
import { flagName } from '../core/fields.js';
import { parseScenario } from '../core/scenario.js';
import type { Dataset, RawScenario, Scenario } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { Format } from '../formats.js';
import type { Io } from '../io.js';

/** How a command's output is drawn for a person, decided once per command from the flags and the terminal. */
export type OutputStyle = { color: boolean; ascii: boolean };

/**
 * Renders one view (an estimate, a comparison, the price list) in every output format. A
 * `Record<Format, ...>`, so a format added to FORMATS does not compile until every view renders
 * it or refuses it with a UsageError.
 */
export type Renderers<T, Options = Record<never, never>> = Record<
  Format,
  (value: T, style: OutputStyle, options: Options) => Promise<string>
>;

/** Returns the dataset a command works on: --data when given (validated, so zod loads only then), else the bundled one. */
export async function selectDataset(data: string | undefined, io: Io): Promise<Dataset> {
  return data === undefined ? bundledDataset : (await import('../catalog/read.js')).loadDataset(data, io.cwd);
}

/** Validates flags into a Scenario, or throws a UsageError naming the first bad flag and what it allows. */
export function scenarioFromFlags(raw: RawScenario, dataset: Dataset): Scenario {
  const parsed = parseScenario(raw, dataset);
  if (parsed.ok) return parsed.scenario;
  const [issue] = parsed.issues;
  throw new UsageError(issue ? `${flagName(issue.field)} ${issue.message}` : 'invalid scenario');
}
