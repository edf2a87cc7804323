import stringWidth from 'string-width';

// Characters string-width counts one column each and its emoji pattern never matches: printable
// ASCII, Latin-1's printable half (Spanish á é ñ ¿ ¡), the dashes, quotes, bullet and ellipsis of
// U+2010-U+2027, the arrows, and the box-drawing and block characters of tables and compare's bars.
// test/format/text-width.test.ts checks each one against string-width.
const ONE_COLUMN = /^[\x20-\x7e\xa0-\xff\u2010-\u2027\u2190-\u21ff\u2500-\u259f]*$/;

/**
 * A text's width in terminal columns, as string-width counts it (CJK two, combining marks and
 * control characters none, colour codes left out). A text of one-column characters only, which
 * is nearly every cell this tool prints, is its length: string-width would run its emoji pattern
 * (10 KB) over it, and cold, at start-up, that cost a table estimate several ms (#27). The build
 * hands cli-table3 this function in place of string-width, so its layout counts the same way.
 */
export function textWidth(text: string): number {
  return typeof text === 'string' && ONE_COLUMN.test(text) ? text.length : stringWidth(text);
}
