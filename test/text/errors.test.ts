// The tool's own errors in both languages (#20, #26): thrown as a key and its parameters, said at
// the error boundary in the run's language, with the same exit code.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { EN_ERRORS } from '../../src/text/errors-en.js';
import { ES_ERRORS } from '../../src/text/errors-es.js';
import { runCli, runInProcess } from '../helpers.js';

describe('the error catalogs', () => {
  it('have the same keys (the type checks it; this checks the objects)', () => {
    expect(Object.keys(ES_ERRORS).sort()).toEqual(Object.keys(EN_ERRORS).sort());
  });

  it('an error thrown as a key keeps English words as its message (the API and --debug read it)', () => {
    const error = new UsageError({ key: 'aprNeedsMonths', params: {} });
    expect(error.message).toBe('--apr needs --months: the number of monthly payments');
    expect(error.said).toEqual({ key: 'aprNeedsMonths', params: {} });
  });
});

// [argv, stdin, exit code, English, Spanish]: the whole line after "error: ".
const CASES: [string[], string | undefined, number, string, string][] = [
  [
    ['-r', 'iv', '--data', '/no/such.json'],
    undefined,
    1,
    'cannot read price list /no/such.json: no such file',
    'no se puede leer la lista de precios /no/such.json: el archivo no existe',
  ],
  [
    ['plan', '-r', 'iv', '-s', '3', '--every', '9x'],
    undefined,
    2,
    '--every "9x" is not an interval; use days or weeks such as 4d or 1w (1 day to 52 weeks)',
    '--every "9x" no es un intervalo; use días o semanas, como 4d o 1w (de 1 día a 52 semanas)',
  ],
  [
    ['-r', 'iv', '-f', 'csv', '--explain'],
    undefined,
    2,
    '--explain does not fit CSV, one row of figures; use --format table, markdown or json (whose "explanation" holds it)',
    '--explain no cabe en CSV, que es una sola fila de cifras; use --format table, markdown o json (cuyo "explanation" lo contiene)',
  ],
  [
    ['batch', '-'],
    'rout,sessions\niv,3\n',
    1,
    'column "rout" is not one the tool knows; did you mean "route"? Rename it (other columns it does not know pass through)',
    'la herramienta no conoce la columna "rout"; ¿quiso decir "route"? Cámbiele el nombre (las demás columnas que no conoce pasan tal cual)',
  ],
  [
    ['batch', '-'],
    '',
    1,
    'the batch file is empty; it needs a header row (route, sessions, ...) and one row per scenario',
    'el archivo del lote está vacío; necesita una fila de encabezado (route, sessions, ...) y una fila por caso',
  ],
  [
    ['gfe', '-r', 'iv', '-s', '6', '--price', '400', '-i', 'in-network'],
    undefined,
    2,
    'a Good Faith Estimate is for patients paying themselves: leave out --insurance, or add --covered no when the plan does not cover it or is not used',
    'el estimado de buena fe es para pacientes que pagan por cuenta propia: quite --insurance, o agregue --covered no si el plan no lo cubre o no se usa',
  ],
  [
    ['compare', 'iv:x'],
    undefined,
    2,
    'option "iv:x" is not understood; write route[@provider][:sessions] or route:<weeks>w, e.g. iv:6 or esketamine:8w',
    'no se entiende la opción "iv:x"; escriba vía[@proveedor][:sesiones] o vía:<semanas>w, por ejemplo iv:6 o esketamine:8w',
  ],
  [
    ['batch', '-'],
    'route\n"iv\n',
    1,
    'cannot read the CSV: a quoted cell that starts on line 2 is never closed',
    'no se puede leer el CSV: una celda entre comillas que empieza en la línea 2 nunca se cierra',
  ],
  [
    // --output naming a folder (the new-user try found the reason left in English).
    ['-r', 'iv', '-o', '/'],
    undefined,
    1,
    'cannot write /: it is a directory',
    'no se puede escribir /: es una carpeta',
  ],
  [
    // Where a refused compare option is, in the run's language too (the new-user try).
    ['compare', 'nosuch'],
    undefined,
    2,
    'option "nosuch": route "nosuch" is not a route; allowed: iv, im, esketamine, oral',
    'opción "nosuch": route "nosuch" no es un tipo de tratamiento válido; valores válidos: iv, im, esketamine, oral',
  ],
];

describe('errors on the command line', () => {
  it.each(CASES)('%j', async (argv, input, code, english, spanish) => {
    const en = runCli(argv, { input });
    expect([en.code, en.stderr]).toEqual([code, `error: ${english}\n`]);
    const es = runCli(['--lang', 'es', ...argv], { input });
    expect([es.code, es.stderr]).toEqual([code, `error: ${spanish}\n`]);
  });

  it('a price list named by KETAMINE_COST_DATA says where its name came from, in both languages', async () => {
    const env = { KETAMINE_COST_DATA: '/no/such.json' };
    expect((await runInProcess(['-r', 'iv'], { env })).stderr).toBe(
      'error: KETAMINE_COST_DATA: cannot read price list /no/such.json: no such file\n',
    );
    expect((await runInProcess(['--lang', 'es', '-r', 'iv'], { env })).stderr).toBe(
      'error: KETAMINE_COST_DATA: no se puede leer la lista de precios /no/such.json: el archivo no existe\n',
    );
  });

  it("a batch row the reader refuses is said in the batch's language", () => {
    const input = '{"route":"iv","route ":1}\n[1]\n';
    const es = runCli(['batch', '-', '--lang', 'es', '-f', 'csv'], { input });
    expect(es.code).toBe(3);
    expect(es.stdout).toContain('las claves ""route"" y ""route "" nombran la misma columna; indíquela una sola vez');
    expect(es.stdout).toContain('no es un objeto JSON; escriba un objeto {""route"": ...} por línea');
  });
});

describe("a clinic profile's problems (#26)", () => {
  it('are said in the run language, the field named by its JSON path', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'ketamine-cost-clinic-')), 'clinic.json');
    // Three problems: the NPI has 5 digits (so its check digit fails too), the state is spelt out.
    writeFileSync(
      file,
      JSON.stringify({ name: 'C', npi: '12345', tin: '12-3456789', location: { street: 'a', city: 'b', state: 'Illinois', zip: '62701' } }),
    );
    const args = ['gfe', '-r', 'iv', '-s', '6', '--price', '450', '--exclude', 'intake', '--clinic', file];
    const person = ['--patient-name', 'Ana', '--patient-dob', '1980-01-01'];
    const en = runCli([...args, ...person]);
    expect([en.code, en.stderr]).toEqual([
      1,
      `error: clinic profile ${file} is not valid: npi: must be the 10-digit National Provider Identifier (and 2 more)\n`,
    ]);
    const es = runCli(['--lang', 'es', ...args, ...person]);
    expect([es.code, es.stderr]).toEqual([
      1,
      `error: el perfil de la clínica ${file} no es válido: npi: debe ser el Identificador Nacional de Proveedor (NPI) de 10 dígitos (y 2 problemas más)\n`,
    ]);
    // Never the patient's name in a message.
    expect(es.stderr).not.toContain('Ana');
  });
});
