import Table from 'cli-table3';
import type { Estimate } from '../core/estimate.js';
import { formatUsd } from '../core/money.js';
import { EN_VIEW } from '../text/en-view.js';
import type { ViewWords } from '../text/view.js';
import { makePaint } from './paint.js';
import { assumedLine, describeEstimate, describeInsurance, disclaimerOf, estimateRows, headline, noteSections } from './summary.js';
import { textWidth } from './text-width.js';

export type TableOptions = { color: boolean; explain: boolean; layout?: Layout; brief?: boolean; words?: ViewWords };

/**
 * How a table is laid out for a person: `width` is the terminal's (null when piped: one fixed
 * layout, the same bytes whatever COLUMNS says); `plain` draws no box characters.
 */
export type Layout = { width: number | null; plain: boolean };

const FIXED: Layout = { width: null, plain: false };
// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is measured out.
const ANSI = /\u001b\[[0-9;]*m/g;
/** A text's width in terminal columns (CJK counts two, combining marks none), colour codes left out. */
export const displayWidth = (text: string): number => textWidth(text);

const visibleLength = (text: string) => Math.max(0, ...text.split('\n').map((l) => textWidth(l.replace(ANSI, ''))));
const PLAIN_CHARS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

/**
 * Returns a table that lays itself out when printed: as wide as its cells when piped; on a
 * terminal, its text columns narrowed and wrapped at word boundaries to fit, and, where even that
 * cannot fit, each row stacked as lines. No colour codes of its own (we colour cells ourselves).
 */
export function makeTable(head: string[], align: ('left' | 'right')[], layout: Layout = FIXED) {
  const rows: string[][] = [];
  return {
    push: (row: string[]) => void rows.push(row),
    toString: () => {
      const options = {
        head,
        colAligns: align,
        style: { head: [], border: [], compact: true },
        ...(layout.plain ? { chars: PLAIN_CHARS } : {}),
      };
      const natural = align.map((_, i) => Math.max(visibleLength(head[i] ?? ''), ...rows.map((r) => visibleLength(r[i] ?? ''))) + 2);
      const borders = layout.plain ? (align.length - 1) * 2 : align.length + 1;
      const total = natural.reduce((a, b) => a + b, 0) + borders;
      if (layout.width === null || total <= layout.width) {
        const table = new Table(options);
        for (const row of rows) table.push(row);
        return table.toString();
      }
      // Narrow the text (left-aligned) columns in proportion, keeping figures whole.
      const fixed = natural.reduce((sum, w, i) => sum + (align[i] === 'right' ? w : 0), 0);
      const flexible = natural.reduce((sum, w, i) => sum + (align[i] === 'left' ? w : 0), 0);
      const room = layout.width - borders - fixed;
      const widths = natural.map((w, i) => (align[i] === 'right' ? w : Math.floor((w / flexible) * room)));
      if (widths.every((w, i) => align[i] === 'right' || w >= 12)) {
        const table = new Table({ ...options, colWidths: widths, wordWrap: true, wrapOnWordBoundary: true });
        for (const row of rows) table.push(row);
        return table.toString();
      }
      // Too narrow for columns: each row as its own block, "heading: value" per line.
      const plainHead = head.map((h) => h.replace(ANSI, ''));
      const blocks = rows.map((row) =>
        row
          .map((cell, i) => (cell === '' ? '' : `${plainHead[i] ? `${plainHead[i]}: ` : ''}${cell.replace(/\n/g, ' ')}`))
          .filter((l) => l !== '')
          .map((l, i) => wrapText(l, layout.width ?? 80, i === 0 ? '' : '  ', '    ').join('\n'))
          .join('\n'),
      );
      return blocks.join('\n\n');
    },
  };
}

/**
 * Wraps text at word boundaries to a width, the first line after `first`, the others after
 * `rest` (a hanging indent); a word longer than the line stays whole rather than being cut.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  // An address longer than a line breaks after its slashes, dashes, encoded spaces or query
  // separators (? and &), never inside a name; its pieces join without a space.
  const room = Math.max(10, width - rest.length);
  const words: { word: string; glued: boolean }[] = [];
  for (const word of text.split(/ +/)) {
    if (word.length <= room || !word.includes('/')) {
      words.push({ word, glued: false });
      continue;
    }
    let chunk = '';
    let glued = false;
    for (const part of word.split(/(?<=\/|-|%20|\?|&)/)) {
      if (chunk !== '' && chunk.length + part.length > room) {
        words.push({ word: chunk, glued });
        chunk = part;
        glued = true;
      } else chunk += part;
    }
    words.push({ word: chunk, glued });
  }
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const { word, glued } of words) {
    const candidate = empty || glued ? `${line}${word}` : `${line} ${word}`;
    if (!empty && visibleLength(candidate) > width) {
      lines.push(line);
      line = `${rest}${word}`;
    } else line = candidate;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/**
 * Fits a whole output to a terminal's width: every line wider than it is wrapped at word
 * boundaries with a hanging indent ("  - " items and "[n]" sources indent their later lines).
 * Tables laid out by makeTable already fit, so only prose changes. Null width: unchanged.
 */
export function fitToWidth(text: string, width: number | null): string {
  if (width === null) return text;
  return text
    .split('\n')
    .map((line) => {
      if (visibleLength(line) <= width) return line;
      const lead = /^ */.exec(line)?.[0] ?? '';
      const body = line.slice(lead.length);
      const hang = /^- /.test(body) ? 2 : /^\[\d+\] /.test(body) ? 4 : 0;
      return wrapText(body, width, lead, `${lead}${' '.repeat(hang)}`).join('\n');
    })
    .join('\n');
}

/** Returns the estimate as a terminal table: the answer first, then the money table, notes, sources and the disclaimer. */
export async function formatTable(e: Estimate, options: TableOptions): Promise<string> {
  const paint = await makePaint(options.color);
  const w = options.words ?? EN_VIEW;
  const layout = options.layout ?? FIXED;
  // On a terminal: prose wrapped to its width and short source markers ("[1]"), listed once at the end.
  const terminal = layout.width !== null;
  const wrap = (text: string, first = '', rest = first) =>
    terminal ? wrapText(text, layout.width ?? 80, first, rest).join('\n') : `${first}${text}`;
  const answer = headline(e, w).map((line, i) => wrap(i === 0 ? paint.bold(line) : line));
  if (options.brief)
    return `${[...answer, wrap(`${describeInsurance(e, w)}.${assumedLine(e, w) ? ` ${assumedLine(e, w)}` : ''}`), '', wrap(paint.italic(disclaimerOf(e, w)))].join('\n')}\n`;
  const table = makeTable(['', paint.bold(w.low), paint.bold(w.high)], ['left', 'right', 'right'], layout);
  for (const row of estimateRows(e, terminal, w)) {
    const label = row.cite ? `${row.label} ${paint.dim(row.cite)}` : row.label;
    const patientRow = row.label.includes('you pay');
    const money = (cents: number) => (patientRow ? paint.bold(formatUsd(cents)) : formatUsd(cents));
    table.push([label, money(row.lowCents), money(row.highCents)]);
  }
  const lines = [...answer, '', paint.bold(describeEstimate(e, w)), describeInsurance(e, w), '', table.toString(), ''];
  for (const section of noteSections(e, { explain: options.explain, short: terminal }, w)) {
    lines.push(paint.bold(`${section.title}:`));
    for (const line of section.lines)
      lines.push(section.id === 'sources' ? wrap(paint.dim(line), '  ', '    ') : wrap(line, '  - ', '    '));
  }
  lines.push('', wrap(paint.italic(disclaimerOf(e, w))));
  return `${fitToWidth(lines.join('\n'), layout.width)}\n`;
}
