// Los mensajes de error de la herramienta en español (see error-words.ts): qué estaba mal y qué se
// acepta. Flags, values typed and file names stay as they are.
import type { ClinicField, ErrorWords, FileKind, FsProblem, JsonProblem } from './error-words.js';

const FILE: Record<FileKind, string> = {
  priceList: 'la lista de precios',
  clinicProfile: 'el perfil de la clínica',
  batch: 'el archivo del lote',
};
const GIVE: Record<FileKind, string> = {
  priceList: 'un archivo JSON',
  clinicProfile: 'un archivo JSON',
  batch: 'un archivo CSV o JSON Lines',
};
/** "del archivo de ...": the file's name after "de". */
const OF: Record<FileKind, string> = { priceList: 'de la lista de precios', clinicProfile: 'del perfil de la clínica', batch: 'del lote' };
/** The ending that agrees with the file's noun: la lista (-a), el perfil, el archivo (-o). */
const end = (what: FileKind) => (what === 'priceList' ? 'a' : 'o');

/** Por qué no se pudo leer o escribir un archivo. */
function fsWords(p: FsProblem): string {
  switch (p.kind) {
    case 'noSuchFile':
      return 'el archivo no existe';
    case 'noFolder':
      return 'la carpeta no existe';
    case 'denied':
      return 'no tiene permiso';
    case 'isDirectory':
      return 'es una carpeta';
    case 'noSpace':
      return 'no queda espacio en el disco';
    case 'nameTooLong':
      return 'el nombre del archivo es demasiado largo';
    case 'notFolder':
      return 'una parte de la ruta no es una carpeta';
    case 'loop':
      return 'hay demasiados enlaces simbólicos en la ruta';
    case 'readerClosed':
      return 'el programa que lo leía se detuvo antes del final (tubería rota)';
    case 'other':
      return p.detail;
  }
}

const ES_CLINIC: Record<ClinicField, string> = {
  empty: 'está vacío; llénelo',
  npiDigits: 'debe ser el Identificador Nacional de Proveedor (NPI) de 10 dígitos',
  npiCheck: 'tiene un dígito de control equivocado: el último dígito no corresponde a los otros nueve; revise el NPI',
  tin: 'debe ser el Número de Identificación del Contribuyente (TIN) de 9 dígitos, como 12-3456789',
  state: 'debe ser el código de dos letras del estado, como CA',
  zip: 'debe ser un código postal (ZIP): 12345 o 12345-6789',
};
const json = (p: JsonProblem) => (p.line === null ? p.detail : `${p.detail} en la línea ${p.line}, columna ${p.column}`);
const NOT_UTF8 =
  'tiene bytes que no son UTF-8 ("Guardar como CSV" de Excel usa Windows-1252): indique --encoding windows-1252, o guárdelo como CSV UTF-8';
const tooLong = (mib: number) => `mide más de ${mib} MiB, mucho más de lo que necesita un caso`;
const DATE_WHAT = {
  firstSession: 'la fecha de la primera sesión',
  dateOfBirth: 'una fecha de nacimiento',
  issued: 'la fecha en que se entrega el estimado',
};

export const ES_ERRORS: ErrorWords = {
  fileNameEmpty: ({ what }) =>
    what === 'batch'
      ? 'falta el nombre del archivo del lote; indique un archivo CSV o JSON Lines, o - para la entrada estándar'
      : `falta el nombre del archivo ${OF[what]}; indique un archivo JSON (ketamine-cost data show muestra uno)`,
  fileUtf16: ({ what, name }) => `${FILE[what]} ${name} está en UTF-16; guárdel${end(what)} como JSON en UTF-8`,
  fileNotUtf8: ({ what, name }) => `${FILE[what]} ${name} tiene bytes que no son UTF-8; guárdel${end(what)} como JSON en UTF-8`,
  fileEmpty: ({ what, name }) => `${FILE[what]} ${name} está vací${end(what)}; empiece con \`ketamine-cost data show\``,
  fileTooDeep: ({ what, name }) => `${FILE[what]} ${name} tiene demasiados niveles anidados`,
  fileNotJson: ({ what, name, problem }) => `${FILE[what]} ${name} no es JSON válido: ${json(problem)}`,
  fileDuplicateKey: ({ what, name, key }) => `${FILE[what]} ${name} tiene la clave "${key}" dos veces en un mismo objeto`,
  fileTooBig: ({ what, name, bytes, max }) =>
    `${FILE[what]} ${name} mide ${bytes === null ? `más de ${max}` : bytes} bytes; el máximo es ${max} bytes`,
  cannotRead: ({ what, name, problem }) =>
    `no se puede leer ${name === null ? 'la entrada estándar' : `${FILE[what]} ${name}`}: ${
      problem.kind === 'directoryGiven'
        ? `es una carpeta; indique ${GIVE[what]}`
        : problem.kind === 'special'
          ? `es ${problem.special === 'fifo' ? 'una FIFO (tubería con nombre)' : problem.special === 'socket' ? 'un socket' : 'un dispositivo'}, no un archivo; indique ${GIVE[what]}`
          : fsWords(problem)
    }`,
  cannotWrite: ({ name, problem }) => `no se puede escribir ${name}: ${fsWords(problem)}`,
  cannotWriteOutput: ({ problem }) => `no se puede escribir la salida: ${fsWords(problem)}`,
  clinicInvalid: ({ name, path, problem, detail, more }) =>
    `el perfil de la clínica ${name} no es válido: ${path}: ${problem === null ? detail : ES_CLINIC[problem]}${
      more === 0 ? '' : ` (y ${more} ${more === 1 ? 'problema más' : 'problemas más'})`
    }`,
  clinicField: ({ problem }) => ES_CLINIC[problem],
  protoKey: ({ key }) => `la clave "${key}" no se acepta en un archivo JSON que lee la herramienta`,
  invalid: ({ what, name, first, more }) =>
    `${FILE[what]} ${name} no es válid${end(what)}: ${first}${
      more === 0
        ? ''
        : what === 'priceList'
          ? ` (y ${more} ${more === 1 ? 'problema más' : 'problemas más'}; use \`ketamine-cost data validate ${name}\`)`
          : ` (y ${more} ${more === 1 ? 'problema más' : 'problemas más'})`
    }`,
  outputEmpty: () => 'falta el nombre en --output; indique un nombre de archivo, o - para la salida estándar',
  batchEmpty: () => 'el archivo del lote está vacío; necesita una fila de encabezado (route, sessions, ...) y una fila por caso',
  batchNoRows: () => 'el archivo del lote no tiene filas que calcular (solo el encabezado, o líneas en blanco)',
  batchUtf16: ({ order }) =>
    `el archivo del lote está en UTF-16; indique --encoding ${order}${order === 'utf-16le' ? ' (o utf-16be)' : ''}, o guárdelo como UTF-8 (CSV UTF-8 en una hoja de cálculo)`,
  batchUnreadable: ({ csv, detail }) => `no se puede leer el ${csv ? 'CSV' : 'JSON Lines'}: ${detail}`,
  headerTooLong: ({ mib }) => `la fila de encabezado ${tooLong(mib)}`,
  headerNotUtf8: () => `la fila de encabezado ${NOT_UTF8}`,
  headerSemicolons: () =>
    'parece que el encabezado usa punto y coma (;) entre columnas; indique --delimiter ";" (o guarde el archivo como CSV separado por comas)',
  headerEmptyName: () => 'el encabezado tiene una columna sin nombre',
  columnTwice: ({ name }) => `la columna "${name}" aparece dos veces en el encabezado`,
  columnMisspelt: ({ name, close }) =>
    `la herramienta no conoce la columna "${name}"; ¿quiso decir "${close}"? Cámbiele el nombre (las demás columnas que no conoce pasan tal cual)`,
  headerNoRoute: ({ columns }) => `el encabezado no tiene la columna "route"; columnas: ${columns.join(', ')} (solo route es obligatoria)`,
  bomNotCsv: ({ format }) => `--bom es para la salida CSV, la que abre Excel; no para ${format}`,
  rowTooLong: ({ mib, line }) => `${line ? 'la línea ' : ''}${tooLong(mib)}; se omitió`,
  rowNotUtf8: ({ line }) => `${line ? 'la línea ' : ''}${NOT_UTF8}`,
  rowUnderEmptyColumn: () =>
    'tiene un valor debajo de la última columna del encabezado, que no tiene nombre; póngale nombre a la columna o déjela vacía',
  rowCells: ({ cells, columns }) => `tiene ${cells} celdas, pero el encabezado tiene ${columns}; revise si falta o sobra una coma`,
  rowNotJson: ({ problem }) => `no es JSON válido: ${json(problem)}`,
  rowNotObject: () => 'no es un objeto JSON; escriba un objeto {"route": ...} por línea',
  rowKeyTwice: ({ key }) => `la clave "${key}" aparece dos veces; indíquela una sola vez`,
  rowKeptTooDeep: () => 'tiene demasiados niveles para pasar tal cual; escríbalo como texto',
  rowSameColumn: ({ other, key }) => `las claves "${other}" y "${key}" nombran la misma columna; indíquela una sola vez`,
  rowNotText: ({ type }) =>
    `debe ser texto o un número, no ${type === 'array' ? 'una lista' : type === 'object' ? 'un objeto' : type === 'boolean' ? 'un valor true/false' : type}`,
  compareSpec: ({ spec }) =>
    `no se entiende la opción "${spec}"; escriba vía[@proveedor][:sesiones] o vía:<semanas>w, por ejemplo iv:6 o esketamine:8w`,
  batchQuoteOpen: ({ line }) => `no se puede leer el CSV: una celda entre comillas que empieza en la línea ${line} nunca se cierra`,
  unexpected: ({ detail }) => `error inesperado: ${detail} (vuelva a ejecutarlo con --debug para ver el detalle)`,
  weeksWithSessions: () => '--weeks no se puede usar junto con --sessions; indique solo una de las dos',
  briefFormat: ({ format }) =>
    `--brief es para la pantalla: úselo con --format table o markdown (no con ${format}${format === 'html' ? ', que es un documento completo' : ''})`,
  explainCsv: () =>
    '--explain no cabe en CSV, que es una sola fila de cifras; use --format table, markdown o json (cuyo "explanation" lo contiene)',
  interactiveNoTerminal: () =>
    '--interactive necesita una terminal (entrada y salida estándar); en un script, indique --route y las demás opciones',
  routeRequired: ({ routes }) =>
    `--route es obligatoria cuando no se hacen preguntas (sin terminal, o con --no-interactive); valores válidos: ${routes.join(', ')}`,
  routesHtml: () => '--format html es para un estimado, compare y plan; routes muestra table, json, csv o markdown',
  schemaUnknown: ({ which, allowed }) => `el esquema "${which}" no existe; valores válidos: ${allowed.join(', ')}`,
  initNeeds: ({ flag }) =>
    flag === '--route'
      ? 'data init necesita --route: la vía a la que la clínica le pone precio, como iv'
      : 'data init necesita --price: el precio de la clínica por una sesión, en dólares',
  introNotPrice: ({ value }) => `--intro ${JSON.stringify(value)} no es un precio; use dólares, más de 0, como 375`,
  noOffer: ({ route, provider }) => `--route ${route} no tiene una oferta ${provider} en la lista de precios`,
  gfeInsurance: () =>
    'el estimado de buena fe es para pacientes que pagan por cuenta propia: quite --insurance, o agregue --covered no si el plan no lo cubre o no se usa',
  gfeClinic: () =>
    '--clinic es obligatoria: el perfil de la clínica (JSON) con su nombre, NPI, TIN y dirección; `ketamine-cost clinic init` muestra uno',
  patientRequired: ({ flag }) =>
    flag === '--patient-name'
      ? '--patient-name es obligatoria (en una terminal se pregunta)'
      : '--patient-dob es obligatoria, como AAAA-MM-DD (en una terminal se pregunta)',
  patientName: ({ problem }) =>
    `--patient-name ${
      problem === 'empty'
        ? 'está vacía; escriba el nombre como debe aparecer en el estimado'
        : problem === 'long'
          ? 'tiene más de 200 caracteres'
          : 'tiene caracteres de control; escriba el nombre como texto normal'
    }`,
  notADate: ({ flag, what, example }) => `${flag} no es una fecha como AAAA-MM-DD (${DATE_WHAT[what]}), por ejemplo ${example}`,
  answerName: ({ problem }) =>
    problem === 'empty'
      ? 'está vacío; escriba el nombre como debe aparecer en el estimado'
      : problem === 'long'
        ? 'tiene más de 200 caracteres'
        : 'tiene caracteres de control; escriba el nombre como texto normal',
  answerDob: ({ problem }) =>
    problem === 'notDate'
      ? 'no es una fecha como AAAA-MM-DD, por ejemplo 1980-04-23'
      : 'es posterior a hoy; escriba la fecha de nacimiento',
  dobLater: () => '--patient-dob es posterior a hoy o a --start; indique la fecha de nacimiento',
  diagnosis: ({ n }) => `--diagnosis: el código ${n} no es un código ICD-10-CM; use códigos como F32.A o F33.2, separados por comas`,
  wholeNumber: ({ flag, value, min, max }) =>
    `${flag} ${JSON.stringify(value)} no es un valor válido; use un número entero de ${min} a ${max}`,
  notMoney: ({ flag, value }) => `${flag} ${JSON.stringify(value)} no es una cantidad de dinero; use dólares, como 1500 o $1,500.00`,
  startNotDate: ({ value }) => `--start ${JSON.stringify(value)} no es una fecha; use AAAA-MM-DD, por ejemplo 2027-01-15`,
  startRange: ({ value }) => `--start ${JSON.stringify(value)} está fuera de rango; use una fecha de 1900-01-01 a 2199-12-31`,
  everyNotInterval: ({ value }) =>
    `--every ${JSON.stringify(value)} no es un intervalo; use días o semanas, como 4d o 1w (de 1 día a 52 semanas)`,
  planYearStart: ({ value }) => `--plan-year-start ${JSON.stringify(value)} no es un día del año; use MM-DD, por ejemplo 07-01`,
  aprNotPercent: ({ value }) => `--apr ${JSON.stringify(value)} no es un porcentaje; use un número de 0 a 100, por ejemplo 18 o 9.99`,
  aprNeedsMonths: () => '--apr necesita --months: la cantidad de pagos mensuales',
  planYearNeedsStart: () =>
    '--plan-year-start necesita --start: sin una primera fecha, el plan no tiene un calendario para dividir en años del plan',
  boostersNeedWeeks: () => '--boosters-every necesita --weeks: las sesiones de refuerzo siguen al programa hasta las semanas que indique',
  termNotApplicable: ({ flag, status }) =>
    `${flag} no se aplica con --insurance ${status}: no tiene ${flag === '--annual-deductible' ? 'deducible' : 'límite de gastos de bolsillo'}`,
};
