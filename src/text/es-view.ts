// Las palabras de las vistas del estimado en español (véase view.ts). Plain words, "usted", the
// terms of CMS and CuidadoDeSalud.gov (deducible, coseguro, copago, cantidad permitida).

import { CASE_TITLES, describeFinancing, formatDate, PAYER_WORDS, RANKING } from './es-words.js';
import { GLOSSARY_ES as G } from './glossary-es.js';
import { inSentence, payerDescriptions, sentenceStart, type ViewWords } from './view.js';

/** "3-6" as Spanish says it, "de 3 a 6"; one number stays as it is. */
const spanWords = (span: string) => span.replace(/^(\d+)-(\d+)$/, 'de $1 a $2');
const count = (span: string, high: number) => `${spanWords(span)} ${high === 1 ? 'sesión' : 'sesiones'}`;
/** "$675-$5,150" as "entre $675 y $5,150" (a hyphen between amounts can read as a minus sign). */
/** "a, b ni c": what a total leaves out. */
const niList = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ni ${items[items.length - 1]}`);
const between = (amount: string) => amount.replace(/^(\$[\d,.]+)-(\$[\d,.]+)$/, 'entre $1 y $2');
const whoseText = (whose: 'quote' | 'third-party' | null) =>
  whose === 'quote' ? ' (su cotización)' : whose === 'third-party' ? ' (cifra de terceros)' : '';

/** Español de EE. UU. */
export const ES_VIEW: ViewWords = {
  disclaimer:
    'Esto es un estimado a partir de rangos de precios publicados; no es una cotización ni un consejo médico. Pida al proveedor una cotización por escrito.',
  disclaimerOf: ({ quoted, list }) => {
    const theirs = list === null ? 'rangos de precios publicados' : `la lista de precios ${list}`;
    const from = quoted ? `los precios que usted dio y, para lo demás, ${theirs}` : theirs;
    return `Esto es un estimado a partir de ${from}; no es la cotización por escrito del proveedor ni un consejo médico. Pida al proveedor una cotización por escrito.`;
  },
  sourceMarksKey: (short) =>
    short
      ? 'Una marca como [1] después de una cifra indica la fuente 1 de abajo; "Se cita en" dice en qué parte (L160 es la línea 160; si son palabras en inglés, es el nombre de la sección en la fuente).'
      : 'Una marca como [1: L160] después de una cifra indica la fuente 1 de abajo y en qué parte (L160 es la línea 160; si son palabras en inglés, es el nombre de la sección en la fuente).',
  answer: ({ amount, single, quoted, list, how, what }) => {
    const howText = {
      'self-pay': 'si paga por cuenta propia',
      'covered-usual': 'si su plan lo cubre, como suele pasar',
      covered: 'con la cobertura de su plan',
      'not-covered-usual': 'si su plan no lo cubre, como suele pasar',
      'not-covered': 'porque su plan no lo cubre',
    }[how];
    // The payer first, then the answer, then whose prices (a Spanish reader's order; #26 review).
    // A clinic's own price list is not "precios publicados": named by its id.
    const theirs = list === null ? 'los publicados' : `los de la lista de precios ${list}`;
    const listed = list === null ? 'según los precios publicados' : `según los precios de la lista de precios ${list}`;
    const prices = single
      ? quoted === 'all'
        ? 'según los precios que usted dio'
        : quoted === 'some'
          ? `según los precios que usted dio y ${theirs}`
          : listed
      : quoted === 'none'
        ? `${listed}, del más bajo al más alto`
        : `según sus precios y ${theirs}, del más bajo al más alto`;
    return `${sentenceStart(howText)}, usted pagaría ${single ? amount : between(amount)} en total por ${inSentence(what)}, ${prices}.`;
  },
  notInFigure: (labels) => `No incluido en esa cifra: ${labels.join('; ')} (precio desconocido: pregunte al proveedor).`,
  leftOut: (labels) => `Se dejó fuera, como lo pidió: ${labels.join('; ')}.`,
  estimateTitle: ({ route, provider, doseMg, span, high, basis, weeks }) => {
    const dose = doseMg === null ? '' : `, dosis de ${doseMg} mg`;
    const why =
      basis === 'typical' ? ' (el programa típico)' : basis === 'weeks' ? ` en ${weeks} ${weeks === 1 ? 'semana' : 'semanas'}` : '';
    return `${route} ${provider}${dose}, ${count(span, high)}${why}`;
  },
  payer: payerDescriptions(PAYER_WORDS),
  caseTitle: CASE_TITLES,
  usual: 'lo usual',
  payingYourself: 'pago por cuenta propia',
  shortCase: (c) => CASE_TITLES[c].replace(/^Si su plan /, 'si el plan '),
  assumed: (terms) =>
    `Se supusieron datos que usted no indicó (${terms.map((a) => `--${a}`).join(', ')}); indique los suyos con esas opciones.`,
  low: 'Mínimo',
  high: 'Máximo',
  rows: {
    perSession: ({ doseMg, units, whose }) =>
      `Por sesión${units > 1 ? ` (${doseMg === null ? '' : `${doseMg} mg, `}${units} dispositivos)` : ''}${whoseText(whose)}`,
    firstSession: (doseMg, devices) => `Sesión 1 (dosis inicial de ${doseMg} mg, ${devices} dispositivos)`,
    program: ({ items, span, high }) => `${items ? 'Tratamiento, ' : 'Programa, '}${count(span, high)}`,
    item: (label, once, whose) => `${label}${once ? ', una vez' : ''}${whoseText(whose)}`,
    allIn: (left) => `Total${left.length > 0 ? ` (no incluye ${niList(left.map((l) => l.label.replace(/^sesiones de /, '')))})` : ''}`,
    dueUpFront: (span, whole) =>
      whole
        ? `A pagar antes de la primera sesión (todo el programa, ${spanWords(span)} sesiones, por adelantado)`
        : `A pagar antes de la primera sesión (${spanWords(span)} sesiones por adelantado)`,
    firstYear: (span) => `Si siguiera el tratamiento un año (${spanWords(span)} sesiones), sin contar el seguro`,
    paidUpFront: (t) => `${t}: paga por adelantado`,
    paidBack: (t) => `${t}: le devuelven`,
    balanceBilled: (t) => `${t}: le cobran por encima de la cantidad permitida`,
    youPayInTheEnd: (t) => `${t}: usted paga al final`,
    youPay: (t) => `${t}: usted paga`,
    planPays: (t) => `${t}: el plan paga`,
    writtenOff: (t) => `${t}: se descuenta (por encima de la cantidad permitida, no se le cobra)`,
  },
  sections: {
    sessions: 'Sesiones',
    included: 'Incluido',
    notIncluded: 'No incluido',
    insurance: 'Seguro',
    given: 'Datos de su plan que usted indicó',
    assumptions: 'Supuestos',
    notes: 'Notas',
    forScale: 'Solo como referencia (no es lo que usted pagaría)',
    howCounted: 'Cómo se calculó',
    whatSourcesSay: 'Qué dicen las fuentes (citas en inglés)',
    sources: 'Fuentes',
  },
  citedAt: (places) => ` Se cita en: ${places.join(', ')}.`,
  dated: (date, read) => (read ? ` (consultado el ${formatDate(date)})` : ` (fecha: ${formatDate(date)})`),
  undated: 'sin fecha',
  date: formatDate,
  noAddress: 'sin enlace en internet',
  thirdParty: ' (de terceros)',
  wroteFile: (file) =>
    file === null ? 'Se escribió el archivo que indicó (privado: solo su usuario puede leerlo).' : `Se escribió ${file}.`,
  eligibility: {
    heading: 'Para hablar con su proveedor (no es un consejo médico; el estimado de arriba no cambia):',
    source: (title, at) => `fuente: ${title}, ${at}`,
  },
  rerun: 'Para repetir este cálculo:',
  cancelled: 'Cancelado',
  inShort: 'En resumen:',
  routes: {
    title: (id, version, asOf) => `Lista de precios ${id} ${version}, al ${formatDate(asOf)}`,
    headers: { route: 'Vía', provider: 'Proveedor', price: 'Precio', program: 'Programa típico', insurance: 'Seguro' },
    price: (amount, per) => `${amount} por ${per === 'session' ? 'sesión' : 'dispositivo'}`,
    dose: (mg, devices) => `${mg} mg = ${devices} dispositivos`,
    dated: (date, read) => (read ? `, consultado el ${formatDate(date)}` : `, fecha: ${formatDate(date)}`),
    sessions: (span, high) => count(span, high),
    schedule: 'según calendario de dosis (--weeks)',
    coverage: (typical) => (typical === 'covered' ? 'el seguro suele cubrirlo' : 'el seguro no suele cubrirlo'),
    otherItems: 'Otros cargos',
    itemPrice: (amount, once, thirdParty) => `${amount} ${once ? 'una vez' : 'por sesión'}${thirdParty ? ' (cifra de terceros)' : ''}`,
    notPriced: (why) => `precio desconocido: ${why}`,
    item: (route, label, id, figure) => `${route}: ${label} (--exclude ${id}): ${figure}`,
    forScale: (route, text, amount) => `${route}: como referencia, no es un precio: ${text}: ${amount}`,
  },
  html: {
    lang: 'es',
    estimateHeading: 'Terapia con ketamina: estimado de costos',
    estimateTitle: (described) => `Estimado de costos de la terapia con ketamina: ${described}`,
    priceList: (id, version, asOf) => `Lista de precios ${id} ${version}, al ${formatDate(asOf)}.`,
    costs: 'Costos',
    costsCaption: 'Casos más barato y más caro, en dólares estadounidenses; [n] indica la fuente',
    perSession: 'Por sesión',
    treatment: 'Tratamiento',
    allIn: 'Total',
    youPay: (caseLabel) => `Usted paga (${inSentence(caseLabel)})`,
    costRanges: 'Rangos de costos',
    chartCaption: (title, max) => `${title}, de $0 a ${max}. Las cifras están en la tabla de arriba.`,
    sourcesHeading: 'Fuentes y lo que dicen (citas en inglés)',
    thirdPartyFigure: '(cifra de terceros)',
    questions: {
      heading: 'Preguntas que puede hacer',
      clinic: 'A la clínica',
      insurer: 'A su aseguradora',
      forClinic: [
        '¿Qué incluye el precio por sesión: la consulta o evaluación inicial, la vigilancia y la visita de seguimiento?',
        '¿Qué códigos de facturación (CPT o HCPCS) van a usar, para que yo pueda preguntar a mi aseguradora?',
        '¿Piden el pago antes de la primera sesión? ¿De cuántas sesiones? ¿Me lo devuelven si dejo el tratamiento?',
        '¿Me darán un estimado de buena fe por escrito antes de hacer la cita?',
      ],
      forInsurer: [
        '¿Mi plan cubre este tratamiento? ¿Necesito una autorización previa?',
        '¿Cuánto me falta del deducible este año, y cuál es mi coseguro o copago para este tratamiento?',
        '¿La clínica está dentro de la red? Si no lo está, ¿cuánto me devolverían?',
        '¿Cuánto me falta para llegar al límite de gastos de bolsillo este año?',
      ],
    },
    compareHeading: 'Terapia con ketamina: comparación de opciones',
    compareCaption: 'Lo que cuesta cada opción, en dólares estadounidenses',
    compareChart: 'Lo que usted paga, por opción',
    planHeading: 'Terapia con ketamina: plan de pagos',
    planTitle: (described) => `Plan de pagos de la terapia con ketamina: ${described}`,
    sessionsLine: (cadence) => `Sesiones: ${cadence}.`,
    schedule: 'Calendario',
    scheduleCaption: 'Cada visita y lo que cuesta, en dólares estadounidenses',
    byMonth: 'Mes por mes',
    monthCaption: 'Lo que hay que pagar cada mes, en dólares estadounidenses',
    paidByEndOf: (month) => `Pagado al final de ${month}`,
    paidChart: 'Lo que usted ha pagado, mes por mes',
  },
  gfe: {
    title: `${sentenceStart(G.goodFaithEstimate.es)} (borrador)`,
    draft:
      'Preparado con ketamine-cost a partir de los precios de la propia clínica. La clínica revisa cada cargo y luego le pone la fecha y lo firma antes de entregarlo al paciente.',
    separate: 'Estos servicios se deben programar por separado; se darán estimados de buena fe aparte para ellos.',
    notIncluded: 'No incluido en este estimado (no está en el total):',
    signature: [
      'Firma en nombre del proveedor o centro: ______________________________',
      'Nombre y cargo: ______________________________',
      'Fecha: ____________',
    ],
    blank: '____________',
    dateOfEstimate: 'Fecha de este estimado',
    patient: 'Paciente',
    name: 'Nombre',
    dateOfBirth: 'Fecha de nacimiento',
    born: (date) => `fecha de nacimiento: ${date}`,
    diagnosisCodes: 'Códigos de diagnóstico',
    noneGiven: 'no se indicaron',
    primaryService: 'Servicio principal',
    scheduled: (date) => (date === null ? 'todavía sin fecha' : `programado para el ${formatDate(date)}`),
    scheduledDate: 'Fecha programada',
    notScheduled: 'todavía sin fecha',
    recurringCare: 'Atención recurrente',
    recurring: (sessions, frequency, weeks) =>
      `${sessions} ${sessions === 1 ? 'sesión' : 'sesiones'}, ${frequency}${weeks === null ? '' : `, durante ${weeks} ${weeks === 1 ? 'semana' : 'semanas'}`}; este estimado cubre 12 meses como máximo`,
    providerHeading: (name) => `Proveedor o centro: ${name}`,
    where: 'lugar de atención',
    phone: 'teléfono',
    itemsCaption: 'Artículos y servicios que se esperan razonablemente, en dólares estadounidenses',
    headers: {
      item: 'Artículo o servicio',
      code: 'Código del servicio',
      quantity: 'Cantidad',
      each: 'Cada uno',
      expected: 'Cargo esperado',
    },
    noCode: 'código pendiente: la clínica debe completarlo (la lista de precios no lo tiene)',
    thirdParty: ' (cifra de terceros)',
    totalForProvider: 'Total de este proveedor',
    total: 'Total de cargos esperados',
    scheduledSeparately: 'Se programa por separado',
    notIncludedHeading: 'No incluido',
    rights: 'Sus derechos',
    sources: 'Fuentes',
    priceList: (id, version, asOf) => `Lista de precios ${id} ${version}, al ${formatDate(asOf)}.`,
    notAdviceShort: 'No es un consejo médico.',
    notAdvice: 'Es un estimado de cargos, no un consejo médico.',
  },
  compare: {
    title: (n) => `${n} ${n === 1 ? 'opción' : 'opciones'}, ${RANKING}`,
    ranking: RANKING,
    headers: { option: 'Opción', perSession: 'Por sesión', allIn: 'Total', youPay: 'Usted paga', scale: (max) => `de $0 a ${max}` },
    yourQuote: 'su cotización',
    option: ({ route, doseMg, providerLabel, span, high }) =>
      `${route}${doseMg === null ? '' : ` ${doseMg} mg`}, ${providerLabel}, ${count(span, high)}`,
    notCompared: (route, provider, reason) => `No se comparó: ${route} (${provider}): ${reason}.`,
    specField: (spec, field) => `opción "${spec}": ${field}`,
    assumed: (text) => `Se supuso: ${text}`,
    notPriced: (list) => `Precio desconocido, así que no está en los totales: ${list.join('; ')}.`,
    itemNames: 'labels',
    hint: 'Calcule un estimado con --route para ver qué incluye cada cifra y sus fuentes.',
  },
  plan: {
    title: ({ route, provider, doseMg, span, high, boosters, weeks }) => {
      const dose = doseMg === null ? '' : `, dosis de ${doseMg} mg`;
      const extra = boosters ? ` y ${boosters} ${boosters === 1 ? 'sesión de refuerzo' : 'sesiones de refuerzo'}` : '';
      return `${route} ${provider}${dose}, ${count(span, high)}${extra} en ${weeks} ${weeks === 1 ? 'semana' : 'semanas'}`;
    },
    heading: 'Calendario de pagos',
    sessions: 'Sesiones',
    when: ({ date, week, day }) => (date ? `${formatDate(date)} (semana ${week})` : `semana ${week}, día ${day + 1}`),
    what: ({ kind, onlyAt, newPlanYear, number }) => {
      const label = `${kind === 'intake' ? 'consulta inicial' : kind === 'booster' ? 'sesión de refuerzo' : 'sesión'}${number === null ? '' : ` ${number}`}`;
      const only = onlyAt === null ? '' : ` (solo con el calendario ${onlyAt === 'high' ? 'más' : 'menos'} frecuente)`;
      return `${newPlanYear === null ? '' : `nuevo año del plan ${newPlanYear}: `}${label}${only}`;
    },
    headers: {
      when: 'Cuándo',
      what: 'Qué',
      billed: 'Facturado',
      paidSoFar: 'Pagado hasta ahora',
      month: 'Mes',
      youPay: 'Usted paga',
      planPays: 'El plan paga',
      onTheDay: 'Usted paga ese día',
      paidBack: 'Le devuelven después',
    },
    monthSubtotal: 'subtotal del mes',
    byMonth: 'Pagado hasta ahora, por mes (caso más caro):',
    inAll: ({ billed, patient, plan }) =>
      `En total: se factura ${between(billed)}; usted paga ${between(patient)}; el plan paga ${between(plan)}.`,
    inAllBack: ({ billed, onTheDay, paidBack, patient }) =>
      `En total: se factura ${between(billed)}; usted paga ${between(onTheDay)} los días de las sesiones, y se espera que el plan le devuelva ${between(paidBack)} después de que usted lo reclame: ${between(patient)} al final.`,
    writtenOff: (amount) => `La clínica lo descuenta (por encima de la cantidad permitida del plan, no se le cobra): ${between(amount)}.`,
    dueUpFront: (span, amount) =>
      `A pagar antes de la primera sesión, donde la clínica cobra ${spanWords(span)} sesiones por adelantado: ${between(amount)}.`,
    howCounted: 'Cómo se contó cada sesión',
    notes: 'Notas',
    sources: 'Fuentes',
    financing: describeFinancing,
  },
  batch: {
    row: (row, line) => `fila ${row}${line === null ? '' : ` (línea ${line})`}`,
    column: (name) => `columna ${name}`,
    headers: { route: 'vía', sessions: 'sesiones', program: 'programa', youPay: 'usted paga', status: 'estado' },
    ok: 'bien',
    error: 'error',
    counts: (ok, failed) =>
      `${ok} ${ok === 1 ? 'fila calculada' : 'filas calculadas'}, ${failed} ${failed === 1 ? 'fila' : 'filas'} con error.`,
    wrote: (rows, file) => (rows === 1 ? `Se escribió 1 fila en ${file}:` : `Se escribieron ${rows} filas en ${file}:`),
    warning: 'aviso',
    progress: (rows, done) => `ketamine-cost: ${rows} filas${done ? ' listas' : ''}`,
    priceList: (id, version, asOf) => `Lista de precios: ${id} ${version}, al ${formatDate(asOf)}.`,
  },
};
