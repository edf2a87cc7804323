// What a message catalog is, and how a Message becomes words. One catalog per language
// (en.ts; a second one is added beside it): a Record over every MessageKey, so a missing or
// misspelt key does not compile.

import type { Message, MessageKey, MessageParams } from '../core/message.js';
import type { ErrorWords } from './error-words.js';
import type { HelpWords } from './help.js';
import type { ViewWords } from './view.js';

/** Says a message in words (a catalog's own `say`, for messages nested in another's parameters). */
export type Say = (message: Message) => string;

/** The words for every message key: each takes that key's parameters (and `say`, for nested messages). */
export type MessageWords = { [K in MessageKey]: (params: MessageParams[K], say: Say) => string };

/**
 * One language's words as the commands use them: `say` for every core message, and whether a
 * refused field's words read on from its name. The program hands it to each command (as it does
 * the bundled price list), so a lazily loaded command file carries no copy of a catalog.
 */
export type Language = {
  /** Its code, as `--lang` takes it (and the JSON's `language` says). */
  code: 'en' | 'es';
  say: Say;
  /** The words of the estimate views. */
  view: ViewWords;
  /** The words of the command line's help and of a refused command line. */
  help: HelpWords;
  /** The words of the tool's own errors (a file, a flag, a batch row the reader refuses). */
  errors: ErrorWords;
  /** "column route is required" reads as one sentence; "column sessions: "0" is not allowed" takes a colon. */
  readsOn: (message: Message) => boolean;
  /** A refused field after its flag or column: "--sessions is required", "--route "x" is not a route". */
  issueAfter: (name: string, message: Message) => string;
};

/** Returns `say` for a catalog: the words of a message, its parameters filled in. */
export function sayWith(words: MessageWords): Say {
  const say: Say = (message) => (words[message.key] as (params: MessageParams[MessageKey], say: Say) => string)(message.params, say);
  return say;
}

/** "1 session", "6 sessions": a count with its noun, singular for exactly one. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Quotes what the user typed for a message, the length capped at 60 characters. */
export function quote(input: string): string {
  return JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input);
}

/**
 * The values a flag allows, as a list a reader can tell apart: a word as it is, anything else
 * (a comma, a semicolon) in quotes (`",", ";", tab`, where a bare list read ",, ;, tab").
 */
export function choiceList(allowed: readonly string[]): string {
  return allowed.map((value) => (/^[\w.-]+$/.test(value) ? value : JSON.stringify(value))).join(', ');
}
