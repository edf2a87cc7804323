// Which language a run speaks (#26): chosen once, before the program is defined, so a lazily
// loaded catalog (Spanish) costs nothing to a run in English.

import { UsageError } from '../errors.js';

/** The languages there are: English and US Spanish. */
export const LANGUAGE_CODES = ['en', 'es'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/**
 * The language of a run, and argv without `--lang`: `--lang <en|es>` (or `--lang=es`, the last one
 * given), else KETAMINE_COST_LANG, else the locale as POSIX orders it (LC_ALL, then LC_MESSAGES,
 * then LANG; a value starting with "es" is Spanish: es_US.UTF-8, es_PR, es_MX), else English.
 * `--lang` is taken out of argv, so every command accepts it without declaring it.
 * Throws UsageError (exit 2) for a language there is not, naming the ones there are.
 */
export function pickLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): { code: LanguageCode; argv: string[] } {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // After "--" every word is an argument, never an option.
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      flag = argv[i + 1];
      if (flag === undefined) throw new UsageError(`--lang needs a language; allowed: ${LANGUAGE_CODES.join(', ')}`);
      i += 1;
    } else if (arg.startsWith('--lang=')) flag = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  if (flag !== undefined) return { code: known(flag, '--lang'), argv: rest };
  const chosen = env.KETAMINE_COST_LANG;
  if (chosen !== undefined && chosen !== '') return { code: known(chosen, 'KETAMINE_COST_LANG'), argv: rest };
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return { code: /^es(?:[_.@-]|$)/i.test(locale) ? 'es' : 'en', argv: rest };
}

function known(value: string, where: string): LanguageCode {
  const code = value.trim().toLowerCase();
  if ((LANGUAGE_CODES as readonly string[]).includes(code)) return code as LanguageCode;
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  throw new UsageError(`${where} ${shown} is not a language this tool speaks; allowed: ${LANGUAGE_CODES.join(', ')}`);
}
