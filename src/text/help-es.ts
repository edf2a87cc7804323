// La ayuda de la línea de comandos en español (see help.ts). Flags, route ids, formats and the
// example command lines stay as they are typed.
import { INSURANCE_STATUSES } from '../core/scenario.js';
import { choiceList } from './catalog.js';
import { PAYER_WORDS } from './es-words.js';
import type { HelpWords } from './help.js';

export const ES_HELP: HelpWords = {
  titles: {
    'Usage:': 'Uso:',
    'Options:': 'Opciones:',
    'Commands:': 'Comandos:',
    'Arguments:': 'Argumentos:',
    'Global Options:': 'Opciones globales:',
  },
  placeholders: {
    '[options]': '[opciones]',
    '[command]': '[comando]',
    '<file>': '<archivo>',
    '[routes...]': '[vías...]',
    '[which]': '[cuál]',
    // A flag's value.
    '<route>': '<vía>',
    '<type>': '<tipo>',
    '<usd>': '<dólares>',
    '<sessions:usd,...>': '<sesiones:dólares,...>',
    '<item=usd,...>': '<cargo=dólares,...>',
    '<status>': '<estado>',
    '<letter>': '<letra>',
    '<percent>': '<porcentaje>',
    '<items>': '<cargos>',
    '<format>': '<formato>',
    '<code>': '<código>',
    '<name>': '<nombre>',
    '<codes>': '<códigos>',
    '<char>': '<carácter>',
    '<level>': '<nivel>',
    '<interval>': '<intervalo>',
    '<weeks>': '<semanas>',
    '<YYYY-MM-DD>': '<AAAA-MM-DD>',
    '<MM-DD>': '<MM-DD>',
    // The same names in the list of arguments.
    file: 'archivo',
    routes: 'vías',
    which: 'cuál',
    command: 'comando',
  },
  choices: (list) => `valores: ${list.map((c) => JSON.stringify(c)).join(', ')}`,
  byDefault: (value) => `predeterminado: ${JSON.stringify(value)}`,
  program: 'Calcula cuánto le costará la terapia con ketamina: por sesión y por todo el programa, según la vía, el proveedor y el seguro.',
  version: (tool, id, version, asOf) => `${tool} (lista de precios incluida ${id} ${version}, al ${asOf})`,
  versionFlag: 'muestra la versión',
  helpFlag: 'muestra esta ayuda',
  scenario: {
    route: (ids, aliases) => `cómo se da la ketamina: ${ids} (también sirven otros nombres, como ${aliases})`,
    provider: 'tipo de proveedor: clinic (en una clínica) o at-home (en casa); predeterminado: el único proveedor de esa vía',
    sessions: 'número de sesiones, de 1 a 365 (predeterminado: el programa típico de esa vía)',
    weeks: 'duración del programa en semanas, contada según el calendario de dosis de esa vía (no junto con --sessions)',
    dose: 'dosis de esketamina en mg: 56 u 84 (predeterminado: 56); en compare, para las opciones con precio según la dosis',
    price: 'el precio por sesión de su cotización (esketamina: por sesión con la dosis indicada); reemplaza el rango publicado',
    package:
      'paquetes que se ofrecen, p. ej. 6:2400,8:3000, o un mes de suscripción, p. ej. 4:129/month (hasta 4 sesiones al mes): el programa se calcula con la combinación más barata de paquetes y sesiones sueltas',
    itemPrice: 'precios de su cotización para otros cargos, p. ej. observation=180,intake=0 (vea `ketamine-cost routes`)',
    insurance: INSURANCE_STATUSES.map((s) => PAYER_WORDS[s].flagHelp).join(', '),
    covered: 'si su plan cubre esta vía: yes (sí), no o auto (predeterminado: muestra los dos casos y marca el usual)',
    deductible:
      'lo que le queda del deducible este año, en dólares (predeterminado: muestra dos casos, el deducible ya pagado y un deducible completo típico)',
    medigap: 'con --insurance medicare: la letra de su plan Medigap, p. ej. G o N (predeterminado: ninguno)',
    familyDeductible: 'lo que le queda del deducible familiar este año (si lo indica sin --deductible: un deducible familiar conjunto)',
    deductibleApplies:
      'si el deducible se paga antes del copago o coseguro: yes (sí) o no (predeterminado: yes; si su plan dice que "el deducible no se aplica": no)',
    coinsurance: 'su parte después del deducible, de 0 a 100 (predeterminado: 20)',
    copay: 'una cantidad fija por sesión, en lugar del coseguro',
    oopMax: 'lo que le queda del límite de gastos de bolsillo este año (predeterminado: sin tope)',
    familyOopMax: 'lo que le queda del límite de gastos de bolsillo familiar este año',
    reimbursement: 'fuera de la red: la parte que el plan le devuelve por encima del deducible, de 0 a 100 (predeterminado: 0)',
    allowed:
      'la cantidad permitida por el plan por visita (Medicare: la cantidad aprobada); dentro de la red la clínica descuenta el resto, fuera de la red se lo puede cobrar a usted (predeterminado: el precio)',
    exclude: 'cargos que se dejan fuera, separados por comas, p. ej. intake (ya la tuvo); vea `ketamine-cost routes`',
  },
  format: 'formato de salida',
  data: 'usa esta lista de precios (JSON, con el mismo esquema que `ketamine-cost data show`); predeterminado: $KETAMINE_COST_DATA, si no, la lista incluida',
  noColor: 'nunca usa colores (también se respetan NO_COLOR y FORCE_COLOR)',
  plain: 'sin recuadros y nada que se diga solo con colores: para lectores de pantalla y para copiar y pegar',
  lang: 'idioma: en (inglés) o es (español); predeterminado: KETAMINE_COST_LANG, si no, LC_ALL, LC_MESSAGES o LANG; si no, en',
  debug: 'muestra el detalle técnico (stack trace) de los errores inesperados',
  output: 'escribe en este archivo (por medio de un archivo temporal que se renombra al final) en lugar de la salida estándar',
  estimate: {
    explain: 'muestra las cuentas paso a paso, cada cifra con su fuente',
    brief: 'solo la respuesta: lo que probablemente pagará y lo que no incluye',
    interactive: 'hace preguntas sobre lo que no se indicó con una opción (necesita una terminal)',
    noInteractive: 'nunca hace preguntas, ni siquiera en una terminal',
    after: (routes) => `
Vías: ${routes}.

Ejemplos:
  $ ketamine-cost --route iv --sessions 6
  $ ketamine-cost --route oral --format json
  $ ketamine-cost -r esketamine --dose 84 -s 8 --format markdown
  $ ketamine-cost -r iv -s 4 -i in-network --covered yes --deductible 500 --coinsurance 20 --oop-max 2000
  $ ketamine-cost -r iv -s 6 --format html --output handout.html

Sin opciones, en una terminal, hace unas preguntas (--no-interactive nunca pregunta).

Códigos de salida: 0 correcto, 1 error al ejecutar o en los datos, 2 error de uso, 3 lote terminado con filas con error, 130 cancelado.
Esta herramienta calcula costos a partir de rangos de precios publicados. No da consejos médicos.`,
  },
  compare: {
    description: 'todas las vías y proveedores, una opción junto a otra, primero la más barata para usted (o solo las opciones indicadas)',
    routes:
      'qué comparar: vía[@proveedor][:sesiones] o vía:<semanas>w, p. ej. iv:6 esketamine:8w (predeterminado: todas las vías y proveedores)',
    quoteFor:
      'la opción a la que corresponde su cotización (--price, --package o --item-price), p. ej. iv (las demás usan los precios publicados)',
    ascii: 'dibuja las barras solo con caracteres ASCII (también si TERM=dumb)',
    after: `
Ejemplos:
  $ ketamine-cost compare --sessions 6
  $ ketamine-cost compare iv:6 esketamine:8w --insurance in-network --deductible 1200 --coinsurance 20
  $ ketamine-cost compare --sessions 6 --price 450 --quote-for iv`,
  },
  plan: {
    description: 'cuándo hay que pagar: cada sesión en orden, lo que usted paga, el total acumulado, los años del plan y el pago a plazos',
    explain: 'muestra las cuentas de cada sesión',
    ascii: 'dibuja la gráfica solo con caracteres ASCII (también si TERM=dumb)',
    start: 'fecha de la primera sesión; sin ella, el plan solo cuenta semanas',
    every: 'una sesión cada <n>d (días) o <n>w (semanas) (necesario para las vías sin calendario de dosis: iv, im)',
    boostersEvery: 'con --weeks más allá del programa: una sesión de refuerzo cada tantas semanas (ninguna fuente lo indica)',
    planYearStart: 'primer día del año de su plan (predeterminado: 01-01; sin --start, años de 52 semanas)',
    annualDeductible: 'el deducible completo del próximo año del plan (predeterminado: el deducible indicado para este año)',
    annualOopMax: 'el límite de gastos de bolsillo del próximo año del plan (predeterminado: el indicado para este año)',
    months: 'pagar en esta cantidad de meses (de 1 a 120)',
    apr: 'la tasa de interés anual (APR) del pago a plazos (predeterminado: 0)',
    after: `
Ejemplos:
  $ ketamine-cost plan -r esketamine --weeks 52 -i in-network --deductible 1500 --coinsurance 20
  $ ketamine-cost plan -r iv -s 6 --every 4d --start 2027-01-04 --months 12 --apr 18`,
  },
  routes: { description: 'la lista de precios, fácil de leer: cada vía, proveedor, rango de precios, programa típico y fuente' },
  batch: {
    description: 'calcula muchos casos desde un archivo CSV (con encabezado) o JSON Lines, un resultado por fila, en orden',
    file: 'el archivo de entrada, o - para la entrada estándar',
    output:
      'escribe aquí (por medio de un archivo temporal que se renombra al final) en lugar de la salida estándar; - es la salida estándar',
    detail: 'filas JSON: summary (datos usados, totales, lo que paga el paciente) o full (el estimado completo)',
    keepColumns:
      'pasa a la salida las columnas que la herramienta no conoce (nombre, notas, un número de expediente) (así es de forma predeterminada; se acepta para scripts)',
    delimiter: 'lo que separa las celdas de un archivo CSV (las exportaciones europeas usan ;)',
    encoding: 'la codificación del texto de entrada ("Guardar como CSV" de Excel usa windows-1252)',
    bom: 'empieza la salida CSV con una marca de orden de bytes UTF-8, para que Excel muestre bien los nombres con acentos',
    after: (columns) => `
Columnas (sin distinguir mayúsculas ni espacios; también en camelCase; solo route es obligatoria):
  ${columns}

Las filas JSON son compactas de forma predeterminada (--detail summary: id, fila, línea, estado, los datos usados y cuáles se supusieron, por sesión, programa, total, lo que paga el paciente, la lista de precios); --detail full pone el estimado completo en cada fila. \`ketamine-cost schema batch\` muestra las dos formas.

Códigos de salida: 0 se calcularon todas las filas; 3 terminado, todas las filas escritas, algunas con error; 1 no se pudo leer el archivo; 2 error de uso.

Ejemplos:
  $ ketamine-cost batch patients.csv --format csv --output estimates.csv
  $ printf 'route,sessions\\niv,6\\noral,4\\n' | ketamine-cost batch - --format jsonl`,
  },
  dataCommand: {
    description: 'muestra o revisa una lista de precios',
    show: 'muestra en JSON la lista de precios que se usa (la incluida, o --data): el punto de partida para la suya',
    showData: 'muestra esta lista de precios en lugar de la incluida',
    validate: 'revisa una lista de precios: "valid" (válida), o cada problema con su ruta JSON (salida 1)',
    validateFile: 'la lista de precios (JSON)',
    init: 'la lista de precios propia de una clínica a partir de sus cifras (de primera mano, con la fecha de hoy): la muestra, o la escribe con -o',
    route: 'la vía a la que la clínica le pone precio, como iv',
    provider: 'tipo de proveedor: clinic o at-home (predeterminado: el primero de esa vía)',
    price: 'el precio de una sesión, en dólares',
    intro: 'una primera sesión de introducción (con la consulta, por ejemplo), en dólares',
    package: 'paquetes que vende la clínica, p. ej. 6:3025,8:3925',
    itemPrice: 'precios de otros cargos, p. ej. intake=0,observation=180',
    clinicName: 'el nombre de la clínica (la fuente de su lista de precios)',
    initData: 'parte de esta lista de precios en lugar de la incluida',
    after: `
Ejemplo:
  $ ketamine-cost data init -r iv --price 550 --intro 375 --package 6:3025,8:3925 --clinic-name "Example Clinic" -o clinic-prices.json
  $ KETAMINE_COST_DATA=clinic-prices.json ketamine-cost -r iv -s 6`,
  },
  gfe: {
    description:
      'un borrador de estimado de buena fe para un paciente que paga por cuenta propia (Ley Sin Sorpresas): clínica, paciente, cargos detallados, derechos',
    clinic: 'el perfil de la clínica (JSON): nombre, NPI, TIN, dirección; `ketamine-cost clinic init` muestra uno',
    patientName: 'el nombre completo del paciente (se pregunta en una terminal; solo aparece en el documento)',
    patientDob: 'la fecha de nacimiento del paciente (se pregunta en una terminal)',
    diagnosis: 'códigos de diagnóstico ICD-10-CM, separados por comas, como F33.2',
    start: 'la fecha programada de la primera sesión',
    issued: 'la fecha en que se entrega el estimado (si no, queda en blanco para llenarla a mano)',
    output: 'escribe en este archivo, creado como privado (modo 0600), en lugar de la salida estándar',
    data: 'usa esta lista de precios (la de la clínica, con sus códigos de servicio); predeterminado: $KETAMINE_COST_DATA, si no, la lista incluida',
    after: `
Ejemplos:
  $ ketamine-cost clinic init > clinic.json    # luego llénelo
  $ ketamine-cost gfe -r iv -s 6 --clinic clinic.json --patient-name "Ana Pérez" --patient-dob 1980-04-23 --format html -o gfe.html`,
  },
  clinic: {
    description: 'el perfil de la clínica que aparece en un estimado de buena fe',
    init: 'muestra un perfil de clínica vacío (JSON) para llenar: nombre, NPI, TIN, dirección',
  },
  schema: {
    description:
      'muestra el esquema JSON de una salida (estimate, una fila de batch, compare, plan, un estimado de buena fe) o de una lista de precios (dataset)',
    which: 'estimate, batch, compare, plan, gfe o dataset',
  },
  help: { description: 'muestra la ayuda del programa o de un comando', command: 'el comando del que se quiere ver la ayuda' },
  usage: {
    notAllowed: (flag, value, allowed) => `${flag} ${JSON.stringify(value)} no es un valor válido; valores válidos: ${choiceList(allowed)}`,
    notAllowedFor: (flag, value, command, allowed) =>
      `${flag} ${JSON.stringify(value)} no es un valor válido para "${command}"; valores válidos: ${choiceList(allowed)}`,
    needsValue: (flag) => `${flag} necesita un valor después; vea --help para saber cuál`,
    formatOfOutput: (extension, format, command, allowed) =>
      `--output indica un archivo ${extension} (${format}), que "${command}" no escribe; indique --format: ${allowed.join(', ')}`,
    unknownOption: (flag, close) =>
      `la opción '${flag}' no existe${close.length === 0 ? '' : ` (¿quiso decir ${close.join(' o ')}?)`}; vea --help para las opciones de este comando`,
    optionOfCommand: (flag, command) =>
      `este comando no tiene la opción '${flag}'; la tiene ${command} (ketamine-cost ${command} ... ${flag}); vea ketamine-cost ${command} --help`,
    routeInCompare: "este comando no tiene la opción '--route'; vea --help (compare recibe las vías como palabras: compare iv oral)",
    unknownCommand: (name, close, commands) =>
      `el comando ${name} no existe${close === undefined ? '' : ` (¿quiso decir "${close}"?)`}; comandos: ${commands.join(', ')}; o solo opciones, como --route iv`,
    missingArgument: (name) => `falta el argumento obligatorio '${name}'`,
    requiredOption: (flag) => `falta la opción obligatoria '${flag}'`,
    tooManyArguments: (command, takes, extra) =>
      `${extra.map((word) => `"${word}"`).join(', ')} ${extra.length === 1 ? 'es un argumento de más' : `son ${extra.length} argumentos de más`}: ${command} solo acepta ${takes.length === 0 ? 'opciones, como --route iv' : `${takes.map((name) => `<${name}>`).join(' ')} y opciones`}; vea --help`,
    commandNotFirst: (word, command) =>
      `"${word}" no es un argumento que acepte el cálculo; si quiso usar el comando "${command}", va primero: ketamine-cost ${command} [opciones]`,
    beforeSubcommand: (flag, command) => `${flag} se indicó antes de "${command}", que no la acepta; vea ketamine-cost ${command} --help`,
    needsSubcommand: (command, subcommands) =>
      `${command} necesita un subcomando: ${subcommands.length > 1 ? `${subcommands.slice(0, -1).join(', ')} o ${subcommands.at(-1)}` : subcommands[0]} (vea ketamine-cost ${command} --help)`,
    noSuchCommand: (name, commands) => `el comando "${name}" no existe; comandos: ${commands.join(', ')}`,
  },
};
