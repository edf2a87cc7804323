// Spanish (US) words the views use beside the message catalog, kept apart from it so a view's
// lazily loaded file carries these few lines, not the whole catalog. The counterpart of en-words.ts.

import type { CaseKind, CentsRange } from '../core/estimate-types.js';
import { formatPercent, formatUsdRange } from '../core/money.js';
import type { Financing } from '../core/plan.js';
import type { InsuranceStatus } from '../core/types.js';
import { GLOSSARY_ES as G } from './glossary-es.js';

/**
 * The plural of a Spanish noun or noun phrase's last word: "semana" -> "semanas", "mes" -> "meses",
 * "sesión" -> "sesiones" (the written accent goes), "paquete" -> "paquetes".
 */
function pluralOf(one: string): string {
  const accentless: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };
  const m = /([áéíóú])([nsl])$/.exec(one);
  if (m?.[1] !== undefined && m[2] !== undefined) return `${one.slice(0, -2)}${accentless[m[1]] ?? m[1]}${m[2]}es`;
  if (/[aeiouáéó]$/.test(one)) return `${one}s`;
  if (/z$/.test(one)) return `${one.slice(0, -1)}ces`;
  return `${one}es`;
}

/**
 * "1 sesión", "6 sesiones", "0 semanas": a count with its noun, singular only for exactly one. The
 * plural is made by Spanish rules; give it for a phrase ("sesión suelta", "sesiones sueltas").
 */
export function plural(n: number, one: string, many = pluralOf(one)): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The insurance cases in plain words. */
export const CASE_TITLES: Record<CaseKind, string> = {
  'self-pay': 'Pago por cuenta propia',
  covered: 'Si su plan lo cubre',
  'not-covered': 'Si su plan no lo cubre',
};

/** A plain-language name for an insurance case ("Si su plan lo cubre"). */
export function caseTitle(c: CaseKind): string {
  return CASE_TITLES[c];
}

/**
 * Each insurance status in words: how it reads in a sentence, its answer in the questions, and its
 * name in `--insurance`'s help (with its aliases). A status without words here does not compile.
 * The ids and aliases (none, in-network, oon, ...) are typed by users, so they stay as they are.
 */
export const PAYER_WORDS: Record<InsuranceStatus, { describe: string; answer: string; answerHelp: string; flagHelp: string }> = {
  none: {
    describe: 'Pago por cuenta propia (sin seguro)',
    answer: 'No, voy a pagar por mi cuenta',
    answerHelp: 'Pago por cuenta propia: usted paga el precio completo.',
    flagHelp: 'none (pago por cuenta propia, la opción predeterminada)',
  },
  'in-network': {
    describe: `Con seguro, proveedor ${G.inNetwork.es}`,
    answer: `Sí, y el proveedor está ${G.inNetwork.es} de mi plan`,
    answerHelp: `Se aplican el ${G.deductible.es}, el ${G.coinsurance.es} o el ${G.copay.es} de su plan.`,
    flagHelp: 'in-network',
  },
  'out-of-network': {
    describe: `Con seguro, proveedor ${G.outOfNetwork.es}`,
    answer: `Sí, pero el proveedor está ${G.outOfNetwork.es}`,
    answerHelp: 'Usted paga por adelantado y después pide que le devuelvan una parte.',
    flagHelp: 'out-of-network (oon)',
  },
  medicare: {
    describe: `${G.originalMedicare.es} (${G.partB.es})`,
    answer: 'Medicare Original (Parte B), con o sin un plan Medigap',
    answerHelp:
      'Primero paga el deducible de la Parte B. Después paga el 20% de la cantidad aprobada por Medicare. Un plan Medigap puede pagar parte de eso.',
    flagHelp: 'medicare (Medicare Original, part-b)',
  },
  'medicare-advantage': {
    describe: 'Plan Medicare Advantage',
    answer: 'Un plan Medicare Advantage (Parte C)',
    answerHelp: 'El deducible, el copago o el coseguro de su propio plan, hasta un límite por año.',
    flagHelp: 'medicare-advantage (ma)',
  },
  medicaid: {
    describe: 'Medicaid',
    answer: 'Medicaid',
    answerHelp: 'La cobertura depende de su estado y de su plan. Si hay copago, es pequeño.',
    flagHelp: 'medicaid',
  },
};

/** What `compare` ranks by, in words, so every output can name it (it follows "3 opciones, "). */
export const RANKING = 'de la más barata a la más cara para usted (según lo máximo que podría pagar, y luego lo mínimo)';

/** "1 opción" or "N opciones". */
export const optionCount = (n: number): string => plural(n, 'opción');

const range = (r: CentsRange) => formatUsdRange(r.lowCents, r.highCents);

/** One line saying what a financing offer costs, for every format. */
export function describeFinancing(f: Financing): string {
  const same = f.lastPayment.lowCents === f.monthly.lowCents && f.lastPayment.highCents === f.monthly.highCents;
  const last = same || f.months <= 1 ? '' : ` (el último pago es de ${range(f.lastPayment)})`;
  return `En ${plural(f.months, 'mes')}, con una tasa de interés anual (APR) del ${formatPercent(f.aprBasisPoints)}: ${range(f.monthly)} al mes${last}. En total paga ${range(f.totalPaid)}, de los cuales ${range(f.interest)} son intereses.`;
}

const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/**
 * A date written YYYY-MM-DD as Spanish reads it, "1 de diciembre de 2026"; YYYY-MM gives
 * "diciembre de 2026". By hand, from a fixed list, never through Intl: the same words on every
 * machine. Anything else comes back as it is.
 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || month === undefined) return iso;
  return m[3] === undefined ? `${month} de ${m[1]}` : `${Number(m[3])} de ${month} de ${m[1]}`;
}
