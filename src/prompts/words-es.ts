// Las preguntas en español (véase text/prompt-words.ts): usted, palabras sencillas, los términos de CMS.
import type { PromptWords } from '../text/prompt-words.js';
import { inSentence } from '../text/view.js';

/** Español de EE. UU. */
export const ES_PROMPTS: PromptWords = {
  welcome:
    'ketamine-cost calcula cuánto puede costar la terapia con ketamina, a partir de precios publicados. Nada de lo que escriba sale de esta computadora; Ctrl-C para salir.\n\n',
  route: '¿Cómo le darían la ketamina?',
  provider: '¿Dónde la recibiría?',
  dose: '¿Qué dosis? (la decide quien se la receta; cambia el precio)',
  devicesPerSession: (devices) => `${devices} aerosoles nasales por sesión`,
  sessions: ({ description, typical, single, weeks }) =>
    `¿Cuántas sesiones? (${description}; oprima Enter para ${single ? typical : 'ese rango'}${weeks ? ', o escriba un número de semanas, como 8s' : ''})`,
  sessionsRetry: ({ problem, typical, weeks }) => `${problem}${weeks ? '; o un número de semanas, como 8s' : ''}; Enter para ${typical}`,
  hasQuote: '¿Tiene una cotización de precio de la clínica? (Enter para no: se usan los rangos de precios publicados)',
  quotePrice: '¿Cuál es su precio por una sesión, en dólares? (déjelo en blanco si solo le cotizaron paquetes)',
  quotePackages: '¿Qué paquetes ofrece, como sesiones:dólares? (por ejemplo 6:2400, o 6:2400,8:3000; en blanco si no hay)',
  insurance: '¿El seguro pagará una parte?',
  // Every route's name is feminine (la infusión, la inyección, la esketamina, la ketamina).
  usually: (covered) => (covered ? 'por lo general la cubren' : 'por lo general no la cubren'),
  covered: (route, usual) => `¿Su plan cubre la ${inSentence(route)}? (${usual})`,
  coveredUnknown: 'No sé: mostrar los dos casos',
  coveredUnknownHelp: (route, usual) =>
    `Muestra el costo si lo cubre y si no lo cubre; para la ${inSentence(route)}, ${usual}. Llame a su aseguradora para estar seguro.`,
  yes: 'Sí',
  no: 'No',
  medigap: '¿Tiene un plan Medigap (seguro suplementario de Medicare)? Puede pagar parte de lo que Medicare le deja a usted.',
  noMedigap: 'No tengo plan Medigap',
  medigapPlan: (letter) => `Plan ${letter}`,
  deductible: ({ partB, fullCents, fullText, year }) => {
    const unknown =
      fullCents === null
        ? 'déjelo en blanco si no lo sabe: el estimado supone que ya lo pagó'
        : `déjelo en blanco si no lo sabe: el estimado va desde ya pagado ($0) hasta ${partB ? `el deducible completo de la Parte B de ${year}` : 'un deducible completo típico'} (${fullText})`;
    return `¿Cuánto le queda de su deducible${partB ? ' de la Parte B' : ''} este año, en dólares? (lo que usted paga completo antes de que el plan empiece a compartir los costos; ${unknown})`;
  },
  reimbursement: '¿Qué parte le devuelve su plan por la atención fuera de la red, en porcentaje? (a menudo 50-70%; 0 si nada)',
  allowed:
    '¿Cuánto permite su plan por una sesión, en dólares? (su "cantidad permitida"; la clínica puede cobrarle lo que cobre por encima; déjelo en blanco si no lo sabe, y lo que se muestra como devuelto es lo máximo posible)',
  shareKind: 'Después del deducible, ¿cómo comparte su plan el costo?',
  coinsuranceChoice: 'Un porcentaje (coseguro)',
  coinsuranceHelp: 'Usted paga una parte de cada factura, por ejemplo el 20%.',
  copayChoice: 'Una cantidad fija por sesión (copago)',
  copayHelp: 'Usted paga la misma cantidad en cada sesión.',
  copay: '¿Copago por sesión, en dólares?',
  coinsurance: '¿Su coseguro, en porcentaje? (su parte de cada factura después del deducible)',
  medicaidCopay:
    '¿Su copago por visita, en dólares? (los copagos de Medicaid son pequeños y los fija su estado; déjelo en blanco si no lo sabe)',
  oopMax: (limit) =>
    `¿Cuánto le queda de su límite de gastos de bolsillo este año, en dólares? (lo máximo que paga en un año; déjelo en blanco si no lo sabe${limit ? `: se usa el límite federal de ${limit.year}, ${limit.text}` : ''})`,
  eligibility:
    'Opcional: ¿quiere revisar las notas comunes sobre quién puede recibirla (razones por las que un proveedor podría decir que la ketamina no es adecuada para alguien, para hablarlas con él)? No es un consejo médico; nada de lo que responda cambia el estimado.',
  conditions: (intro) => `${intro} ¿Le aplica alguna de estas? (barra espaciadora para marcar, Enter al terminar)`,
  patientName: 'Nombre completo del paciente (solo se imprime en el estimado)',
  patientDob: 'Fecha de nacimiento del paciente (AAAA-MM-DD)',
  keys: { navigate: 'moverse', select: 'elegir', all: 'todas', invert: 'invertir', submit: 'enviar', space: 'espacio' },
};
