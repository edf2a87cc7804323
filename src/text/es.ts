// The Spanish (US, es-US) message catalog: the words of every message the core returns (see
// core/message.ts). The counterpart of en.ts, key for key. Terms follow CMS (Medicare.gov en
// español) and CuidadoDeSalud.gov: deducible, coseguro, copago, cantidad permitida, límite de gastos
// de bolsillo, facturación del saldo, estimado de buena fe. Flags, route and insurance ids, billing
// codes and JSON keys are typed by users, so they stay in English.

import pricesEs from '../../data/prices.es.json' with { type: 'json' };
import type { CentsRange, PackageMix } from '../core/estimate-types.js';
import { flagName, formatRange } from '../core/fields.js';
import type { BillRun, End } from '../core/message.js';
import { formatPercent, formatUsd, formatUsdRange } from '../core/money.js';
import type { InsuranceStatus } from '../core/types.js';
import { type Language, type MessageWords, quote, type Say, sayWith } from './catalog.js';
import { ES_ERRORS } from './errors-es.js';
import { ES_VIEW } from './es-view.js';
import { CASE_TITLES, describeFinancing, formatDate, plural } from './es-words.js';
import { ES_HELP } from './help-es.js';
import { inSentence, sentenceStart, shortLabel } from './view.js';

const usd = formatUsd;
const range = (r: CentsRange) => formatUsdRange(r.lowCents, r.highCents);

/** The first letter in capitals, for a name from the price list that starts a sentence or a row. */
const cap = sentenceStart;

/**
 * The price list's prose in Spanish, keyed by its English text (data/prices.es.json): a second
 * language for the price list without touching code. A text it lacks (another price list's, or
 * one changed since) is shown as written.
 */
const TEXT: Readonly<Record<string, string>> = pricesEs.text;
// Labels are also shown without their closing "(...)": those short forms translate too.
const SHORT: ReadonlyMap<string, string> = new Map(Object.entries(TEXT).map(([en, es]) => [shortLabel(en), shortLabel(es)]));
const translated = (text: string) => TEXT[text] ?? SHORT.get(text) ?? text;
/** A route or provider name inside a sentence: the translation, starting in lower case. */
const named = (label: string) => {
  const t = TEXT[label];
  return t === undefined ? label : inSentence(t);
};

/**
 * "56 u 84": Spanish writes "u" for "o" before a word or a number said with an "o" sound ("8", "11",
 * "oral"), but not before an English id said "au" ("in-network o out-of-network").
 */
const orList = (list: readonly (string | number)[]) => {
  const items = list.map(String);
  const last = items.pop();
  if (last === undefined) return '';
  if (items.length === 0) return last;
  const or = /^(?:o(?!u)|ó|ho(?!u)|8|11(?:\D|$))/i.test(last) ? 'u' : 'o';
  return `${items.join(', ')} ${or} ${last}`;
};
/** "a, b y c" ("e" before a word said with an "i" sound). */
const andList = (items: readonly string[]) => {
  const rest = items.slice(0, -1);
  const last = items[items.length - 1];
  if (last === undefined) return '';
  if (rest.length === 0) return last;
  return `${rest.join(', ')} ${/^(?:[ií]|hi[^aeiou])/i.test(last) ? 'e' : 'y'} ${last}`;
};

const sessions = (low: number, high: number) => `${formatRange(low, high)} ${high === 1 ? 'sesión' : 'sesiones'}`;
const bills = (run: BillRun, say: Say) =>
  run.last !== null ? `Sesiones ${run.first}-${run.last}` : run.name !== null ? say(run.name) : `Sesión ${run.first}`;
const didYouMean = (suggestion: string | null) => (suggestion === null ? '' : ` (¿quiso decir "${suggestion}"?)`);
const statuses = (list: readonly InsuranceStatus[]) => orList(list);
const endName = (end: End) => (end === 'low' ? 'caso más barato' : 'caso más caro');
const allowedList = (list: readonly string[]) => `valores válidos: ${list.join(', ')}`;
/** "cada semana", "cada 2 semanas". */
const every = (n: number, one: string) => (n === 1 ? `cada ${one}` : `cada ${plural(n, one)}`);

/** "8 sesiones: un paquete de 6 sesiones a $2,400 y 2 sesiones sueltas a $450 cada una = $3,300". */
const mixWords = (count: number, m: PackageMix) => {
  const parts = [
    ...(m.introCents === null ? [] : [`la sesión de introducción a ${usd(m.introCents)}`]),
    ...m.packages.map((p) =>
      p.per === 'month'
        ? `${plural(p.count, 'mes')} de suscripción a ${usd(p.cents)} al mes (hasta ${plural(p.sessions, 'sesión')} al mes)`
        : p.count === 1
          ? `un paquete de ${plural(p.sessions, 'sesión')} a ${usd(p.cents)}`
          : `${p.count} paquetes de ${plural(p.sessions, 'sesión')} a ${usd(p.cents)} cada uno`,
    ),
    ...(m.singles > 0
      ? [`${plural(m.singles, 'sesión suelta', 'sesiones sueltas')} a ${usd(m.singleCents)}${m.singles === 1 ? '' : ' cada una'}`]
      : []),
  ];
  return `${plural(count, 'sesión')}: ${andList(parts) || 'ninguna'} = ${usd(m.totalCents)}`;
};

const NOT_TEXT = {
  list: 'es una lista',
  object: 'es un objeto',
  bigint: 'es un BigInt',
  symbol: 'es un símbolo',
  boolean: 'es true o false',
  function: 'es una función',
  undefined: 'falta',
  string: 'es texto',
  number: 'es un número',
} as const;

/** Spanish words for every message key. */
export const messages: MessageWords = {
  'data.text': (p) => translated(p.text),
  'data.shortLabel': (p) => shortLabel(translated(p.text)),

  'share.inNetwork.step': (p, say) => {
    const parts: string[] = [];
    if (p.allowedCents < p.billedCents)
      parts.push(
        `el plan permite ${usd(p.allowedCents)} (los otros ${usd(p.billedCents - p.allowedCents)} se descuentan y no se le cobran)`,
      );
    if (p.toDeductibleCents > 0) parts.push(`${usd(p.toDeductibleCents)} van al deducible`);
    const rest = p.allowedCents - p.toDeductibleCents;
    if (rest > 0)
      parts.push(
        p.coinsuranceBasisPoints === null
          ? `copago de ${usd(p.shareCents)}`
          : `el ${formatPercent(p.coinsuranceBasisPoints)} de ${usd(rest)} = ${usd(p.shareCents)}`,
      );
    if (p.supplementPaidCents > 0) parts.push(`Medigap paga ${usd(p.supplementPaidCents)} de eso`);
    if (p.capped) parts.push('se llega al límite de gastos de bolsillo');
    return `${bills(p.bills, say)} a ${usd(p.billedCents)}: ${parts.join('; luego, ') || 'nada'}; usted paga ${usd(p.payCents)}${p.each ? ' por cada una' : ''}`;
  },
  'share.inNetwork.total': (p) => {
    const how = p.copayCents === null ? `coseguro del ${formatPercent(p.coinsuranceBasisPoints)}` : `copago de ${usd(p.copayCents)}`;
    const deductible = p.deductibleApplies ? '' : '; no se aplica el deducible';
    const writtenOff = p.writtenOffCents > 0 ? `; ${usd(p.writtenOffCents)} se descuentan y no se le cobran` : '';
    return `Total: usted paga ${usd(p.patientCents)} de ${usd(p.billedCents)} facturados (${how}${deductible}); el plan paga ${usd(p.planCents)}${writtenOff}`;
  },
  'share.outOfNetwork.step': (p, say) => {
    const allowed = p.billedCents - p.balanceCents;
    const counted =
      p.balanceCents > 0 ? `el plan permite ${usd(allowed)} (los ${usd(p.balanceCents)} por encima de eso se le cobran a usted); ` : '';
    const deductible = p.toDeductibleCents > 0 ? `${usd(p.toDeductibleCents)} van al deducible; ` : '';
    return `${bills(p.bills, say)} a ${usd(p.billedCents)}, que usted paga por adelantado: ${counted}${deductible}le devuelven el ${formatPercent(p.reimbursementBasisPoints)} de ${usd(allowed - p.toDeductibleCents)} = ${usd(p.paidBackCents)}${p.each ? ' por cada una' : ''}`;
  },
  'share.outOfNetwork.total': (p) =>
    `Total: paga ${usd(p.billedCents)} por adelantado y le devuelven ${usd(p.paidBackCents)}; su costo final es ${usd(p.billedCents - p.paidBackCents)}`,
  'share.notCovered': () =>
    'no tiene cobertura: usted paga el precio completo, y nada cuenta para el deducible ni para el límite de gastos de bolsillo',

  'assume.coverageAuto': (p) =>
    `Usted no dijo si su plan cubre esto, así que le mostramos los dos casos. Para ${named(p.route)}, lo usual es que ${p.typicalCovered ? 'haya' : 'no haya'} cobertura.`,
  'assume.notCovered': () =>
    'Sin cobertura (según lo indicado): usted paga el precio completo. No se aplican el deducible, los costos compartidos ni ningún reembolso.',
  'assume.deductible': (p) => `Lo que le queda del deducible este año: ${usd(p.deductibleCents)}.`,
  'assume.deductibleTypical': (p) =>
    `Usted no indicó cuánto le queda del deducible este año. El caso más barato supone que ya lo pagó todo ($0). El caso más caro usa un deducible completo típico de ${usd(p.typicalCents)} (el promedio de la cobertura individual en los planes de seguro del trabajo). Por eso, en el caso más barato el plan puede pagar más. Indique el suyo con --deductible.`,
  'assume.deductibleMet': () =>
    'Usted no indicó cuánto le queda del deducible este año, y la lista de precios no tiene una cifra típica. Se supone que ya lo pagó todo ($0). Indique el suyo con --deductible.',
  'assume.allowedInNetwork': () =>
    'Su parte se calcula sobre el precio de la clínica que se muestra aquí. El plan la calcula sobre la cantidad permitida del plan, que puede ser más baja.',
  'assume.copay': (p) => `Copago: ${usd(p.copayCents)} por sesión, después del deducible.`,
  'assume.coinsuranceDefault': (p) =>
    `Usted no indicó el coseguro. Se supone un ${formatPercent(p.coinsuranceBasisPoints)}, la cifra que usa como ejemplo el glosario de un mercado de seguros estatal. Indique el suyo con --coinsurance.`,
  'assume.coinsurance': (p) => `Coseguro: ${formatPercent(p.coinsuranceBasisPoints)}.`,
  'assume.oopMax': (p) =>
    p.oopMaxCents === null
      ? 'Usted no indicó cuánto le queda del límite de gastos de bolsillo (desembolso máximo), así que no se pone ningún tope.'
      : `Lo que le queda del límite de gastos de bolsillo (desembolso máximo) este año: ${usd(p.oopMaxCents)}.`,
  'assume.reimbursement': (p) =>
    `Fuera de la red: el plan le devuelve el ${formatPercent(p.reimbursementBasisPoints)} de lo que pase del deducible${p.given ? '' : ' (no se indicó el reembolso)'}.`,
  'assume.allowedOutOfNetwork': (p) =>
    p.allowedCents === null
      ? 'Usted no indicó la cantidad permitida. El reembolso se calcula sobre el precio de la clínica, así que es lo máximo que podría recibir.'
      : `Cantidad permitida por el plan por visita: ${usd(p.allowedCents)}. Si la clínica cobra más, usted paga la diferencia.`,

  'assume.allowedGiven': (p) =>
    `Cantidad permitida por el plan por visita: ${usd(p.allowedCents)}. Su parte se calcula sobre esa cantidad. Si la clínica cobra más, la diferencia se descuenta y no se le cobra a usted.`,
  'assume.familyDeductible': (p) =>
    p.individualCents === null
      ? `Lo que le queda del deducible familiar este año: ${usd(p.familyCents)} (una sola cantidad para toda la familia).`
      : `Lo que le queda del deducible este año: ${usd(p.individualCents)} para usted y ${usd(p.familyCents)} para la familia. Su deducible se cumple cuando se acaba cualquiera de los dos, así que se cuentan ${usd(p.leftCents)}.`,
  'assume.familyOopMax': (p) =>
    p.individualCents === null
      ? `Lo que le queda del límite familiar de gastos de bolsillo este año: ${usd(p.familyCents)}.`
      : `Lo que le queda del límite de gastos de bolsillo este año: ${usd(p.individualCents)} para usted y ${usd(p.familyCents)} para la familia. La cantidad menor, ${usd(p.leftCents)}, es lo máximo que usted paga.`,
  'assume.deductibleDoesNotApply': () =>
    'El deducible no se aplica a estas visitas (según lo indicado): usted paga el copago o el coseguro desde la primera visita.',
  'assume.medicareDeductible': (p) =>
    `Usted no indicó cuánto le queda del deducible de la Parte B este año. El caso más barato supone que ya lo pagó todo ($0). El caso más caro usa el deducible completo de la Parte B de ${p.year}: ${usd(p.deductibleCents)}. Indique el suyo con --deductible.`,
  'assume.medicareCoinsurance': (p) =>
    `Después del deducible, con Medicare Original usted paga el ${formatPercent(p.coinsuranceBasisPoints)} de la cantidad aprobada por Medicare.`,
  'assume.medicareNoOopLimit': () => 'Medicare Original no tiene límite de gastos de bolsillo: no hay un tope por año.',
  'assume.medicareApproved': (p) =>
    `Usted no indicó la cantidad aprobada por Medicare por sesión. Se usa ${usd(p.allowedCents)} (código de facturación HCPCS ${p.code}): el promedio nacional de ${p.year} que publica una empresa de facturación. Esta cantidad cambia según la región. Indique la suya con --allowed.`,
  'assume.medicareApprovedGiven': (p) => `Cantidad aprobada por Medicare por sesión: ${usd(p.allowedCents)} (según lo indicado).`,
  'assume.medicareApprovedUnknown': () =>
    'La lista de precios no tiene la cantidad aprobada por Medicare para esta sesión. Su 20% se calcula sobre el precio de la clínica.',
  'assume.medigap': (p) => {
    const deductible = p.paysDeductible ? 'paga el deducible de la Parte B' : 'no paga el deducible de la Parte B';
    const share =
      p.officeCopayCents !== null
        ? `paga el 20%, menos un copago de hasta ${usd(p.officeCopayCents)} en algunas visitas al consultorio (aquí se cuentan ${usd(p.officeCopayCents)} por visita)`
        : p.coinsuranceBasisPoints === 10_000
          ? 'paga el 20%'
          : `paga el ${formatPercent(p.coinsuranceBasisPoints)} de ese 20%`;
    const limit = p.oopLimitCents === null ? '' : `. Cuando usted haya pagado ${usd(p.oopLimitCents)} en ${p.year}, el plan paga todo`;
    // "no paga el deducible, pero sí paga su coseguro": the contrast said, as a reader expects it.
    return `El plan Medigap ${p.letter} ${deductible}${p.paysDeductible ? ' y' : ', pero sí'} ${share.replace(/^paga el 20%/, 'paga su coseguro del 20%')}${limit}.`;
  },
  'assume.medicareAdvantageOopMax': (p) =>
    `Usted no indicó el límite de gastos de bolsillo (desembolso máximo). Se usa ${usd(p.oopMaxCents)}, el límite federal de ${p.year} para un plan Medicare Advantage dentro de la red. El de su plan puede ser más bajo. Indique el suyo con --oop-max.`,
  'assume.medicaidNoDeductible': () =>
    'Medicaid: no se cuenta ningún deducible. Si usted paga algo, es un copago pequeño que fija su estado.',
  'assume.medicaidCopayUnknown': () =>
    'Usted no indicó el copago de Medicaid, así que se muestra $0. Su estado puede cobrar un copago pequeño por visita. Si lo sabe, indíquelo con --copay.',
  'note.medicareLesserOf': () =>
    'Medicare paga según la cantidad menor: lo que cobra la clínica o la cantidad aprobada por Medicare. Una clínica que acepta la asignación (acepta la cantidad aprobada por Medicare como pago total) no le puede cobrar más.',
  'note.limitingCharge': (p) =>
    `Una clínica que no acepta la asignación puede cobrar hasta un ${formatPercent(p.basisPoints)} más que la cantidad aprobada (el cargo límite). Con ${usd(p.allowedCents)} por sesión, son hasta ${usd(p.limitCents)} más por sesión, y usted también pagaría eso.`,
  'note.medicareNotCovered': (p) =>
    `Medicare no tiene una política de cobertura de ${named(p.route)} para la depresión. Por eso, Medicare Original por lo general no paga este tratamiento: usted paga el precio de la clínica.`,
  'note.paybackUpperBound': () =>
    'El reembolso que se muestra es lo máximo que podría recibir. El plan paga su parte de la cantidad permitida del plan, no del precio de la clínica, y la clínica le puede cobrar la diferencia (facturación del saldo). Pregunte a su plan cuál es su cantidad permitida e indíquela con --allowed.',
  'note.superbill': () =>
    'Si su plan lo cubre, pregunte a su aseguradora, antes de empezar, cómo pedir el reembolso. Pida también al proveedor un recibo detallado (superbill).',
  'note.goodFaithEstimate': (p) =>
    `${p.selfPay ? 'Como usted paga por cuenta propia' : 'Si usted paga por cuenta propia (porque su plan no lo cubre)'}, el proveedor le debe dar un estimado de buena fe por escrito antes del tratamiento. Si la factura llega a ${usd(p.disputeCents)} o más por encima del estimado, usted puede disputarla.`,
  'note.itemExcluded': (p) => `${translated(p.label)}: se dejó fuera con --exclude.`,
  'note.itemNotPriced': (p) =>
    `${translated(p.label)}: precio desconocido (${p.why === null ? 'pregunte al proveedor' : translated(p.why)}).`,
  'note.firstSession': (p) =>
    `El precio de la sesión 1 es con ${p.doseMg} mg (${plural(p.devices, 'dispositivo')}), la dosis inicial que indica la etiqueta del medicamento${p.laterDoseMg === null ? '' : `; ${p.laterDoseMg} mg solo desde la sesión 2`}.`,
  'note.packageMix': (p) =>
    p.low.totalCents === p.high.totalCents && p.count.low === p.count.high
      ? `Precio con la combinación más barata: ${mixWords(p.count.low, p.low)}.`
      : `Precio con la combinación más barata. En el caso más barato, ${mixWords(p.count.low, p.low)}. En el caso más caro, ${mixWords(p.count.high, p.high)}.`,
  'note.quoteVsPublished': (p) =>
    `Su cotización, ${usd(p.priceCents)} por sesión, está ${{ below: 'por debajo del', within: 'dentro del', above: 'por encima del' }[p.position]} rango publicado de ${range(p.published)} para la misma sesión.`,
  'note.savingsGovernmentPlans': () =>
    'Según las reglas anteriores del programa, no podían usarlo las personas con Medicare, Medicaid, TRICARE u otros planes del gobierno (Departamento de Defensa, Asuntos de Veteranos [VA]). Confirme las reglas actuales.',

  'price.perSession': (p) => `Precio por sesión de ${named(p.route)} ${named(p.provider)}: ${range(p.perSession)}`,
  'price.perUnit': (p) => `Precio por ${p.per === 'session' ? 'sesión' : 'dispositivo'}: ${range(p.unit)}`,
  'price.doseDevices': (p) =>
    `La dosis de ${p.doseMg} mg usa ${plural(p.devices, 'dispositivo')}: ${p.devices} x ${range(p.unit)} = ${range(p.perSession)} por sesión`,
  'price.firstSession': (p) =>
    `La sesión 1 es con la dosis inicial de ${p.doseMg} mg: ${p.devices} x ${range(p.unit)} = ${range(p.first)}; ${p.laterDoseMg} mg desde la sesión 2`,
  'price.program': (p) => {
    const sum = p.firstCents === null ? `${p.count} x ${usd(p.eachCents)}` : `${usd(p.firstCents)} + ${p.count - 1} x ${usd(p.eachCents)}`;
    return `Programa, ${endName(p.end)}: ${sum} = ${usd(p.totalCents)}`;
  },
  'price.itemEnd': (p) =>
    `${translated(p.label)}, ${endName(p.end)}: ${usd(p.cents)}${p.charge === 'once' ? ' una sola vez' : ' por sesión'}${p.thirdParty ? ' (cifra de terceros)' : ''}`,
  'price.item': (p) =>
    `${translated(p.label)}: ${range(p.unit)}${p.charge === 'once' ? ' una sola vez' : ' por sesión'}${p.thirdParty ? ' (cifra de terceros)' : ''}`,
  'price.mix': (p) => `Programa, ${endName(p.end)}: ${mixWords(p.count, p.mix)}`,
  'price.allIn': (p) => `Total: ${range(p.program)} por el tratamiento + ${p.extras.map(range).join(' + ')} = ${range(p.allIn)}`,
  'sessions.given': (p) => `${plural(p.count, 'sesión')}, según lo indicado`,
  'sessions.givenStep': (p) => `Sesiones: ${p.count}, según lo indicado`,
  'sessions.weeks': (p) => `${sessions(p.low, p.high)} en ${plural(p.weeks, 'semana')} (${translated(p.schedule)})`,
  'sessions.weeksStep': (p) => `Sesiones en ${plural(p.weeks, 'semana')}: ${formatRange(p.low, p.high)}`,
  'sessions.typical': (p) => `${sessions(p.low, p.high)}, el programa típico: ${translated(p.program)}`,
  'sessions.typicalStep': (p) => `Sesiones: ${formatRange(p.low, p.high)}, el programa típico (${translated(p.program)})`,
  'schedule.phase': (p) => {
    const span = p.toWeek - p.fromWeek + 1;
    const label = p.fromWeek === p.toWeek ? `Semana ${p.fromWeek}` : `Semanas ${p.fromWeek}-${p.toWeek}`;
    const gap = p.everyWeeks ?? { low: 0, high: 0 };
    const how = p.perWeek
      ? `${formatRange(p.perWeek.low, p.perWeek.high)} por semana x ${plural(span, 'semana')}`
      : `una ${gap.low === 1 && gap.high === 1 ? 'cada semana' : `cada ${formatRange(gap.low, gap.high)} semanas`} durante ${plural(span, 'semana')}`;
    return `${label}: ${how} = ${sessions(p.low, p.high)}`;
  },
  'item.drug': (p) => `${cap(named(p.route))}: el medicamento, ${plural(p.devices, 'dispositivo')} de 28 mg por sesión`,
  'item.treatment': (p) => `${cap(named(p.route))} ${named(p.provider)}`,
  'item.firstSessionNote': (p) => `sesión 1 con ${p.doseMg} mg (${plural(p.devices, 'dispositivo')})`,
  'item.excluded': () => 'se dejó fuera con --exclude',
  'explain.caseStep': (p, say) => `${CASE_TITLES[p.case]}, ${endName(p.end)}: ${say(p.step)}`,

  // A refused field's words come after its flag or column name ("--sessions es obligatorio").
  'issue.weeksWithSessions': () => 'no se puede usar junto con --sessions; use solo una de las dos',
  'issue.noSchedule': (p) =>
    `no sirve para ${named(p.route)}: la lista de precios no tiene un calendario de sesiones para esa vía. Use --sessions (vías con calendario: ${p.withSchedule.join(', ') || 'ninguna'})`,
  'issue.weeksTooMany': (p) =>
    `${p.weeks} semanas del calendario de ${p.route} dan ${sessions(p.low, p.high)}, pero un programa tiene de 1 a ${p.max}. Indique menos semanas o use --sessions`,
  'issue.weeksBeyondSchedule': (p) =>
    `indica ${plural(p.weeks, 'semana')}, más de las ${p.coversWeeks} semanas que la fuente describe para ${named(p.route)}, así que su calendario no las puede contar. Indique ${p.coversWeeks} como máximo, o use --sessions`,
  'issue.routeRequired': (p) => `es obligatorio; ${allowedList(p.allowed)}`,
  'issue.notText': (p) => `${NOT_TEXT[p.kind]}; use texto o un número`,
  'issue.notARoute': (p) => `${quote(p.input)} no es un tipo de tratamiento válido${didYouMean(p.suggestion)}; ${allowedList(p.allowed)}`,
  'issue.providerRequired': (p) =>
    `es obligatorio para ${p.route}, que se ofrece con más de un tipo de proveedor; ${allowedList(p.allowed)}`,
  'issue.notAProvider': (p) => `${quote(p.input)} no es un tipo de proveedor${didYouMean(p.suggestion)}; ${allowedList(p.allowed)}`,
  'issue.providerNotOffered': (p) =>
    `${quote(p.input)}: no se ofrece ${named(p.route)} ${named(p.provider)}; valores válidos para ${p.routeId}: ${p.allowed.join(', ')}`,
  'issue.doseNotApplicable': (p) => `solo se usa con las vías que tienen precio por dosis (${p.dosed.join(', ')}), no con ${p.route}`,
  'issue.notADose': (p) => `${quote(p.input)} no es una dosis de ${named(p.route)}; valores válidos: ${orList(p.allowed)} (mg)`,
  'issue.notAnInsurance': (p) => `${quote(p.input)} no es una opción de seguro${didYouMean(p.suggestion)}; ${allowedList(p.allowed)}`,
  'issue.termNotApplicable': (p) => `solo se usa cuando insurance es ${statuses(p.statuses)} (ahora es ${p.status})`,
  'issue.copayWithCoinsurance': () => 'no se puede usar junto con coinsurance; use solo uno de los dos',
  'issue.notAChoice': (p) => `${quote(p.input)} no es un valor válido; ${allowedList(p.allowed)}`,
  'issue.notAnItem': (p) => {
    const of = p.route === null ? '' : ` de ${p.route}`;
    return `${quote(p.input)} no es un cargo${of}${didYouMean(p.suggestion)}; valores válidos${of}: ${p.allowed.join(', ') || 'ninguno'}`;
  },
  'issue.notAWholeNumber': (p) => `${quote(p.input)} no es un valor válido; use un número entero de ${p.min} a ${p.max}`,
  'issue.notMoney': (p) =>
    `${quote(p.input)} no es una cantidad de dinero; escriba dólares, como 1000, 1000.50 o $1,000.50 (con dos decimales como máximo y sin signo negativo)`,
  'source.quoteTitle': () =>
    'Su cotización: los precios que usted indicó (--price, --package, --item-price, o las mismas respuestas a las preguntas)',
  'source.quotePublisher': () => 'Usted o su clínica',
  'issue.negativeMoney': (p) => `${quote(p.input)} es una cantidad negativa; use dólares, de cero o más, como 1000 o $1,000.50`,
  'issue.priceNotPositive': (p) => `${quote(p.input)} no es un precio: una cotización tiene que ser de más de $0`,
  'issue.notAPackage': (p) =>
    `${quote(p.input)} no es un paquete; escriba sesiones:dólares, como 6:2400, o varios así: 6:2400,8:3000 (para un mes de suscripción: 4:129/month)`,
  'issue.packageSessions': (p) => `${quote(p.input)} no es un paquete: debe tener de 1 a ${p.max} sesiones`,
  'issue.notAnItemPrice': (p) => `${quote(p.input)} no es el precio de un cargo; escriba cargo=dólares, como observation=180,intake=0`,
  'issue.notAPercent': (p) => `${quote(p.input)} no es un porcentaje; use un número de 0 a 100, con dos decimales como máximo`,
  'issue.payerNotPriced': (p) =>
    `es ${p.status}, pero la lista de precios no tiene las cifras de ${p.status} (deducible, parte que usted paga, límites) para calcular el costo. Use la lista incluida o agregue esas cifras`,
  'issue.notAMedigapPlan': (p) =>
    p.allowed.length === 0
      ? `${quote(p.input)}: la lista de precios no tiene cifras de Medigap`
      : `${quote(p.input)} no es un plan Medigap con cifras${p.year === null ? '' : ` de ${p.year}`} en la lista de precios; ${allowedList(p.allowed)}`,
  'issue.percentAsFraction': (p) => `${quote(p.input)} parece una fracción: para ${p.percent}%, escriba ${p.percent} o ${p.percent}%`,

  'planIssue.notInList': (p) => `no está en la lista de precios: ${p.route}`,
  'planIssue.needsEvery': (p) =>
    `es obligatorio: ${p.route} no tiene un calendario de sesiones en la lista de precios (su programa: ${p.program}). Indique uno, por ejemplo --every 1w o --every 4d`,
  'planIssue.sessionCount': (p) => `da ${plural(p.count, 'sesión')}, pero un plan tiene de 1 a 365`,
  'planIssue.medicareCalendarYear': () =>
    'no se aplica a Medicare Original: su deducible de la Parte B empieza de nuevo cada 1 de enero (indique 01-01 o no use esta opción)',
  'planIssue.medicareNoOopMax': () => 'no se aplica a Medicare Original, que no tiene un límite por año de gastos de bolsillo',
  'plan.cadenceEvery': (p) => `una sesión ${p.everyDays % 7 === 0 ? every(p.everyDays / 7, 'semana') : every(p.everyDays, 'día')}`,
  'plan.cadenceSchedule': (p) =>
    `${p.schedule}. Cuando esto da un rango, el caso más barato sigue el calendario con menos sesiones y el caso más caro, el que tiene más. Puede cambiarlo con --every`,
  'bill.intake': () => 'Consulta inicial',
  'plan.payAll': (p) =>
    `${p.end === 'low' ? 'Caso más barato' : 'Caso más caro'}: usted paga cada factura completa (${p.selfPay ? 'paga por cuenta propia' : 'el plan no lo cubre'})`,
  'plan.yearStep': (p, say) => `Año ${p.planYear} del plan, ${endName(p.end)}: ${say(p.step)}`,
  'plan.rowStep': (p) =>
    `facturado: ${range(p.billed)}; usted paga ${range(p.patient)}; el plan paga ${range(p.plan)}; pagado hasta ahora: ${range(p.running)}`,
  'plan.monthOfWeeks': (p) => `Mes ${p.month} (semanas ${(p.month - 1) * 4 + 1}-${p.month * 4})`,
  'plan.calendarMonth': (p) => formatDate(p.yearMonth),
  'plan.note.schedule': (p, say) => `Calendario: ${say(p.cadence)}.`,
  'plan.note.noBoosters': () =>
    'Después del programa, las sesiones de refuerzo se dan cuando hacen falta. Según una clínica, suelen ser cada 2 a 6 semanas. No se planea ninguna a menos que use --boosters-every <semanas>, que las agrega.',
  'plan.note.newPlanYear': () =>
    'Un nuevo año del plan empieza donde lo indica el calendario: el deducible y el límite de gastos de bolsillo vuelven a empezar.',
  'plan.note.medicareNextYear': (p) =>
    `La lista de precios no tiene el deducible de la Parte B de los próximos años. Se usa la cifra de ${p.year}, ${usd(p.deductibleCents)}. Cuando se anuncie el nuevo, indíquelo con --annual-deductible.`,
  'plan.note.upFront': (p) => `La mayoría de las clínicas piden el pago de ${sessions(p.low, p.high)} antes de la primera sesión.`,
  'plan.financing': (p) => describeFinancing(p.financing),

  'compare.quoteForWithoutQuote': () => '--quote-for necesita una cotización: --price, --package o --item-price',
  'compare.quoteNeedsTarget': (p) =>
    `${flagName(p.field)} es una cotización para una sola vía. Indique cuál con --quote-for <vía>, por ejemplo --quote-for iv (o compare solo esa opción)`,
  'compare.quoteForUnknown': (p) => `--quote-for ${quote(p.input)} no es un tipo de tratamiento válido; ${allowedList(p.allowed)}`,
  'compare.quoteForProvider': (p) =>
    `--quote-for ${quote(p.input)}: ${p.route} no se ofrece con ${quote(p.provider)}; ${allowedList(p.allowed)}`,
  'compare.quoteForNotCompared': (p) =>
    `--quote-for ${p.route}: no se compara ninguna opción de ${p.route}. Agréguela (por ejemplo ${p.route}:6) o use la cotización para otra`,
  'compare.noSchedule': (p) =>
    p.coversWeeks === null
      ? `no hay un calendario en los datos para contar ${p.weeks} semanas; use --sessions para incluir esta opción`
      : `su fuente describe programas de hasta ${p.coversWeeks} semanas, no de ${p.weeks}; use --sessions para incluir esta opción`,
  'gfe.notPriced': () => 'precio desconocido',
  'gfe.notPricedOptional': () =>
    'cargo opcional al que la clínica no le puso precio, así que no está en el total. Si se agrega, usted tiene derecho a un nuevo estimado de buena fe.',
  'gfe.leftOut': () => 'se dejó fuera a propósito (--exclude), así que no está en el total',
  'gfe.asScheduled': () => 'según el calendario de la clínica',
  'gfe.introSession': (p, say) => `${say(p.treatment)}: sesión de introducción`,
  'gfe.package': (p, say) =>
    p.month
      ? `${say(p.treatment)}: un mes de suscripción (hasta ${plural(p.sessions, 'sesión')})`
      : `${say(p.treatment)}: paquete de ${plural(p.sessions, 'sesión')}`,
  'gfe.firstSession': (p, say) => `${say(p.treatment)}: sesión 1 con la dosis inicial de ${p.doseMg} mg`,
  'gfeIssue.sessionCount': (p) =>
    `es obligatorio: un estimado de buena fe da un solo cargo esperado, y el programa típico es de ${p.low} a ${p.high} sesiones. Indique el número de sesiones programadas`,
  'gfeIssue.range': () =>
    'es obligatorio: un estimado de buena fe da un solo cargo esperado, que es el precio propio de la clínica, no un rango publicado. Use --price (y --package o --item-price) o una lista de precios de la clínica hecha con `ketamine-cost data init`',
  'gfeIssue.tooLong': (p) =>
    `indica ${plural(p.weeks, 'semana')}, pero un estimado de buena fe cubre 12 meses como máximo (${p.max} semanas). Indique las primeras ${p.max} semanas y haga un estimado nuevo para el resto`,
  'gfeIssue.requiredItem': (p) =>
    `es obligatorio para ${p.id}: cada sesión lo incluye, así que un estimado de buena fe tiene que darle un precio (use --item-price ${p.id}=<dólares> o agréguelo a la lista de precios de la clínica)`,
  'gfeIssue.itemRange': (p) =>
    `es obligatorio para ${p.id}: su precio es un rango publicado, y un estimado de buena fe necesita un solo precio. Indíquelo con --item-price ${p.id}=<dólares> o déjelo fuera con --exclude ${p.id}`,
  'gfe.primaryService': (p) => `${cap(named(p.route))} ${named(p.provider)}, ${sessions(p.low, p.high)}`,
};

/**
 * The issue keys whose Spanish starts with a verb ("es obligatorio", "no se puede usar", "solo se
 * usa", "indica", "falta"): after a flag or a column name they read as one sentence; the others
 * (which start with what was typed, or with a count) follow a colon. Beside English's list, Spanish
 * adds issue.notText ("--route es una lista", "--route falta") and issue.payerNotPriced ("--insurance
 * es medicare, pero ..."), which read on just as well.
 */
export const PREDICATE_ISSUES: ReadonlySet<string> = new Set([
  'issue.weeksWithSessions',
  'issue.noSchedule',
  'issue.weeksBeyondSchedule',
  'issue.routeRequired',
  'issue.notText',
  'issue.providerRequired',
  'issue.doseNotApplicable',
  'issue.termNotApplicable',
  'issue.copayWithCoinsurance',
  'issue.payerNotPriced',
]);

/** Says any core message in Spanish. */
export const say: Say = sayWith(messages);

/** Spanish (US), as the commands use it. */
export const spanish: Language = {
  code: 'es',
  say,
  view: ES_VIEW,
  help: ES_HELP,
  errors: ES_ERRORS,
  readsOn: (message) => PREDICATE_ISSUES.has(message.key),
  issueAfter: (name, message) => `${name} ${say(message)}`,
};
