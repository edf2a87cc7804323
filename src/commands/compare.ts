import { type Comparison, compareScenarios, quoteTarget } from '../core/compare.js';
import { flagName } from '../core/fields.js';
import type { RawScenario } from '../core/scenario.js';
import { UsageError } from '../errors.js';
import type { Format } from '../formats.js';
import type { Io } from '../io.js';
import { sayComparison } from '../text/localize.js';
import { type DatasetChoice, emit, type OutputStyle, type Renderers, selectDataset, shownSafely } from './shared.js';

export type CompareCommandOptions = {
  specs: string[];
  raw: RawScenario;
  format: Format;
  style: OutputStyle;
  data: DatasetChoice;
  output?: string | undefined;
  /** --quote-for: the option (route[@provider]) that --price, --package and --item-price are for. */
  quoteFor?: string | undefined;
};

const load = () => import('../format/compare.js');

/** The comparison in every format. */
const COMPARE_RENDERERS: Renderers<Comparison> = shownSafely({
  json: async (c, style) => (await load()).formatCompareJson(c, style.text.code, style.text.view),
  csv: async (c) => (await load()).formatCompareCsv(c),
  markdown: async (c, style) => (await load()).formatCompareMarkdown(c, style.text.view),
  html: async (c, style) => (await import('../format/html.js')).formatCompareHtml(c, style.text.view),
  table: async (c, style) => (await load()).formatCompareTable(c, { ...style, words: style.text.view }),
});

const SPEC = /^([a-z][a-z0-9-]*)(?:@([a-z][a-z0-9-]*))?(?::(\d{1,6})(w)?)?$/i;

/**
 * Reads an option spec: `iv`, `iv:6` (6 sessions), `esketamine:8w` (8 weeks), `oral@at-home:4`.
 * @example parseOptionSpec('esketamine:8w') // { route: 'esketamine', weeks: '8' }
 */
export function parseOptionSpec(spec: string): RawScenario {
  const match = SPEC.exec(spec.trim());
  if (!match) throw new UsageError({ key: 'compareSpec', params: { spec } });
  const [, route = '', provider, count, weeks] = match;
  const raw: RawScenario = { route };
  if (provider !== undefined) raw.provider = provider;
  if (count !== undefined) raw[weeks ? 'weeks' : 'sessions'] = count;
  return raw;
}

/** `ketamine-cost compare`: every route and provider (or the options named) side by side, cheapest for the patient first. */
export async function compareCommand(options: CompareCommandOptions, io: Io): Promise<number> {
  const dataset = await selectDataset(options.data, io);
  if (options.raw.sessions !== undefined && options.raw.weeks !== undefined) throw new UsageError({ key: 'weeksWithSessions', params: {} });
  const only = options.specs.length > 0 ? options.specs.map(parseOptionSpec) : undefined;
  const quote = quoteTarget(options.raw, options.quoteFor, only, options.specs, dataset);
  if ('problem' in quote) throw new UsageError(options.style.text.say(quote.problem));
  const result = compareScenarios(options.raw, dataset, only, quote.target);
  if ('issues' in result) {
    const [issue] = result.issues;
    const fromSpec = issue !== undefined && only !== undefined && issue.field in result.spec && !(issue.field in options.raw);
    const spec = options.specs[only?.indexOf(result.spec) ?? -1] ?? '';
    const where = fromSpec ? options.style.text.view.compare.specField(spec, issue.field) : issue ? flagName(issue.field) : '';
    throw new UsageError(issue ? options.style.text.issueAfter(where, issue.message) : 'invalid');
  }
  await emit(
    await COMPARE_RENDERERS[options.format](sayComparison(result, options.style.text.say), options.style, {}),
    options.output,
    io,
    { words: options.style.text },
  );
  return 0;
}
