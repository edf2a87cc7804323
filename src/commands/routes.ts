import type { Dataset } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { Format } from '../formats.js';
import type { Io } from '../io.js';
import { sayDataset } from '../text/localize.js';
import { type DatasetChoice, type OutputStyle, type Renderers, selectDataset, shownSafely } from './shared.js';

export type RoutesCommandOptions = { format: Format; style: OutputStyle; data: DatasetChoice };

const load = () => import('../format/routes.js');

/** The price list in every format. */
const ROUTES_RENDERERS: Renderers<Dataset> = shownSafely({
  json: async (d, style) => (await load()).formatRoutesJson(d, style.text.view),
  csv: async (d) => (await load()).formatRoutesCsv(d),
  markdown: async (d, style) => (await load()).formatRoutesMarkdown(d, style.text.view),
  html: async () => {
    throw new UsageError({ key: 'routesHtml', params: {} });
  },
  table: async (d, style) => (await load()).formatRoutesTable(d, style, style.text.view),
});

/** `ketamine-cost routes`: the price list as people read it, each figure with its source. */
export async function routesCommand(options: RoutesCommandOptions, io: Io): Promise<number> {
  const dataset = await selectDataset(options.data, io);
  // The price list's prose in the chosen language (English says itself; the list is not copied).
  const shown = options.style.text.code === 'en' ? dataset : sayDataset(dataset, options.style.text.say);
  io.stdout(await ROUTES_RENDERERS[options.format](shown, options.style, {}));
  return 0;
}
