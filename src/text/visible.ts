// Text from files someone else controls (a price list, a batch file, a file name) must not drive
// the terminal: an escape sequence could clear the screen, retitle the window or fake a link, and
// a bidirectional override could make text read differently from what it is.

/**
 * Beyond the C0 controls, what a terminal acts on or hides, as a regular-expression class body: DEL,
 * C1 controls, the bidirectional marks and overrides, and the invisible characters that hide or
 * break text (zero-width space, line and paragraph separators, word joiner, BOM). One list for
 * every check here and in CSV cells, so none can miss a character another escapes.
 */
export const ACTIVE_CHARS = '\\u007f-\\u009f\\u061c\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060\\u2066-\\u2069\\ufeff';
// C0 controls but tab and newline, then the rest; on one line, newline and tab too.
const UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${ACTIVE_CHARS}]`, 'g');
const UNSAFE_ONE_LINE = new RegExp(`[\\u0000-\\u001f${ACTIVE_CHARS}]`, 'g');

const escapeChar = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Returns text for a person's screen: control characters (but newline and tab) and bidi overrides as visible escapes. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

// What JSON.stringify leaves raw (it escapes the C0 controls itself) but a terminal acts on.
const RAW_IN_JSON = new RegExp(`[${ACTIVE_CHARS}]`, 'g');
const ANY_ACTIVE = new RegExp(`[${ACTIVE_CHARS}]`);

/** Whether text holds a character inertJson would escape (one that JSON.stringify leaves raw). */
export function hasActiveChars(text: string): boolean {
  return ANY_ACTIVE.test(text);
}

/**
 * Returns JSON text with the characters JSON.stringify leaves raw but a terminal would act on
 * written as \u escapes: the same value when parsed, inert when printed (#25).
 */
export function inertJson(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The longest name or value echoed back in a message; longer ones are cut. */
export const MAX_ECHO = 200;

/** Returns a file name or value for a one-line message: every control character escaped, cut to MAX_ECHO characters. */
export function visibleName(text: string): string {
  const cut = text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
  return cut.replace(UNSAFE_ONE_LINE, escapeChar);
}

/**
 * Cuts long values a message quotes (commander's '…' and the tool's own JSON-quoted "…") to
 * MAX_ECHO characters, so a 100 KB argument is not echoed whole.
 */
export function clipEchoes(message: string): string {
  return message
    .replace(/'([^']{201,})'/g, (_, value: string) => `'${value.slice(0, MAX_ECHO)}…'`)
    .replace(/"((?:[^"\\]|\\.){201,})"/g, (_, value: string) => `"${clipQuoted(value)}…"`);
}

// Cut inside a JSON-quoted value without leaving half an escape (a lone backslash) at the end.
function clipQuoted(value: string): string {
  const cut = value.slice(0, MAX_ECHO);
  const trailing = /\\+$/.exec(cut)?.[0].length ?? 0;
  return trailing % 2 === 1 ? cut.slice(0, -1) : cut;
}

/**
 * Returns a value (an estimate, a dataset) with every string in it made visible, for the formats
 * people read: the value itself when nothing needs it (every start with the bundled list), else a copy.
 */
export function visibleDeep<T>(value: T): T {
  return hasUnsafe(value) ? visibleCopy(value) : value;
}

// UNSAFE without the global flag: test() then keeps no position between calls.
const UNSAFE_ANY = new RegExp(UNSAFE.source);

function hasUnsafe(value: unknown): boolean {
  if (typeof value === 'string') return UNSAFE_ANY.test(value);
  if (Array.isArray(value)) return value.some(hasUnsafe);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasUnsafe);
  return false;
}

function visibleCopy<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map(visibleCopy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = visibleCopy(item);
    return out as T;
  }
  return value;
}
