import { shouldColor } from '../format/color.js';
import type { Format } from '../formats.js';
import type { Io } from '../io.js';
import { selectDataset } from './estimate.js';

export type RoutesOptions = { format: Format; color: boolean | undefined; data: string | undefined };

/** `ketamine-cost routes`: the price list as people read it, each figure with its source. */
export async function routesCommand(options: RoutesOptions, io: Io): Promise<number> {
  const dataset = await selectDataset(options.data, io);
  const format = await import('../format/routes.js');
  if (options.format === 'json') io.out(format.formatRoutesJson(dataset));
  else if (options.format === 'csv') io.out(format.formatRoutesCsv(dataset));
  else if (options.format === 'markdown') io.out(format.formatRoutesMarkdown(dataset));
  else
    io.out(
      await format.formatRoutesTable(dataset, { color: shouldColor({ colorFlag: options.color, env: io.env, isTTY: io.stdoutIsTTY }) }),
    );
  return 0;
}
