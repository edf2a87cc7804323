/** The styles the formatters use. */
export type Paint = { bold: (text: string) => string; dim: (text: string) => string; italic: (text: string) => string };

const plain = (text: string) => text;

/**
 * Returns a styler that colours only when asked, whatever chalk detects on its own. chalk (and
 * its terminal detection) is loaded only when colour is on; plain output never needs it.
 */
export async function makePaint(color: boolean): Promise<Paint> {
  if (!color) return { bold: plain, dim: plain, italic: plain };
  return (await import('./chalk-styles.js')).chalkStyles();
}
