// Spanish (#26): choosing the language, the catalog and the price list's prose, and output in
// Spanish with no English words of the interface.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { EN_VIEW } from '../../src/text/en-view.js';
import { pickLanguage } from '../../src/text/language.js';
import { ROOT, runCli, runInProcess, writeClinicProfile } from '../helpers.js';

describe('choosing the language', () => {
  it.each([
    // [argv, env, expected]: --lang first, then KETAMINE_COST_LANG, then LC_ALL, LC_MESSAGES, LANG.
    [['-r', 'iv'], {}, 'en'],
    [['--lang', 'es', '-r', 'iv'], {}, 'es'],
    [['--lang=es'], { KETAMINE_COST_LANG: 'en' }, 'es'],
    [['--lang', 'en'], { LANG: 'es_US.UTF-8' }, 'en'],
    [[], { KETAMINE_COST_LANG: 'es' }, 'es'],
    [[], { LANG: 'es_US.UTF-8' }, 'es'],
    [[], { LANG: 'es_PR' }, 'es'],
    [[], { LANG: 'es' }, 'es'],
    [[], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'es_MX.UTF-8' }, 'es'],
    [[], { LANG: 'es_US.UTF-8', LC_ALL: 'C' }, 'en'],
    [[], { LANG: 'C.UTF-8' }, 'en'],
    [[], { LANG: 'estonian' }, 'en'],
    [['--', '--lang', 'es'], {}, 'en'],
  ] as const)('%j with %j is %s', (argv, env, code) => {
    expect(pickLanguage(argv, env).code).toBe(code);
  });
  it('takes --lang out of argv, so every command accepts it', () => {
    expect(pickLanguage(['batch', '--lang', 'es', 'f.csv', '--lang=en'], {}).argv).toEqual(['batch', 'f.csv']);
  });
  it.each([
    [['--lang', 'fr'], {}, '--lang "fr" is not a language this tool speaks; allowed: en, es'],
    [['--lang'], {}, '--lang needs a language; allowed: en, es'],
    [[], { KETAMINE_COST_LANG: 'de' }, 'KETAMINE_COST_LANG "de" is not a language this tool speaks; allowed: en, es'],
  ] as const)('%j %j is a usage error', (argv, env, message) => {
    expect(() => pickLanguage(argv, env)).toThrow(new UsageError(message));
  });
  it('an unknown --lang exits 2 with one line, on every command', () => {
    for (const args of [['-r', 'iv'], ['compare'], ['batch', '-'], ['routes']]) {
      const r = runCli([...args, '--lang', 'fr']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('error: --lang "fr" is not a language this tool speaks; allowed: en, es\n');
    }
  });
});

describe("the price list's prose in Spanish", () => {
  it('data/prices.es.json has every prose string of data/prices.json, for its version', () => {
    const en = JSON.parse(readFileSync(join(ROOT, 'data', 'prices.json'), 'utf8'));
    const es = JSON.parse(readFileSync(join(ROOT, 'data', 'prices.es.json'), 'utf8'));
    const skip = new Set([
      'quote',
      'ref',
      'highRef',
      'title',
      'url',
      'locator',
      'at',
      'id',
      'source',
      'asOf',
      'date',
      'version',
      'aliases',
      'code',
      'system',
    ]);
    const prose = new Set<string>();
    // Every text of more than one word, under keys that are not skipped.
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        if (/\s/.test(v)) prose.add(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (!skip.has(k)) walk(x);
    };
    walk(en);
    // The walk reaches the prose it must: a route label, a note, a publisher and a date note.
    for (const t of ['IV infusion', 'Medicare Rights Center', 'undated; read 2026-11-30']) expect(prose).toContain(t);
    const missing = [...prose].filter((t) => typeof es.text[t] !== 'string' || es.text[t] === '');
    expect(missing).toEqual([]);
    expect(es.version).toBe(en.version);
  });
});

describe('an estimate in Spanish', () => {
  const run = (args: string[], env: Record<string, string> = {}) => runCli([...args, '--no-color', '--plain'], { env });
  // The English view words as they print; none may appear in the Spanish output outside the
  // sources list (titles and publishers of English sources are citations, left as they are).
  const englishWords = [
    EN_VIEW.disclaimer,
    EN_VIEW.low,
    EN_VIEW.high,
    ...Object.values(EN_VIEW.sections),
    'Per session',
    'paying yourself',
    'you would pay',
    'sessions',
    'not priced',
    'ask the clinic',
    'typical program',
    'If your plan',
  ];
  // The quoted sentences of English sources stay in English (their title says so), as do sources.
  const beforeSources = (text: string) =>
    text.split(/\n(?:\*\*)?(?:Fuentes|Qué dicen las fuentes \(citas en inglés\))(?:\*\*|:)\n/)[0] ?? '';

  it.each([
    [['-r', 'iv']],
    [['-r', 'iv', '-i', 'in-network']],
    [['-r', 'esketamine', '-i', 'medicare', '--medigap', 'G', '--explain']],
    [['-r', 'oral', '-s', '6', '--package', '4:129/month']],
    [['-r', 'im', '-s', '4', '-i', 'out-of-network', '--covered', 'yes', '--reimbursement', '60']],
    [['-r', 'iv', '-s', '6', '--price', '450', '-f', 'markdown']],
  ])('%j: Spanish, no English words of the interface', (args) => {
    const r = run(['--lang', 'es', ...args]);
    expect(r.code).toBe(0);
    const body = beforeSources(r.stdout);
    for (const word of englishWords) expect(body).not.toContain(word);
    expect(r.stdout).toContain('usted');
    // Whose prices: published ranges, or (with --price, --package) the patient's own first.
    expect(r.stdout).toMatch(/Esto es un estimado a partir de (rangos de precios publicados|los precios que usted dio)/);
    expect(r.stdout).not.toContain('This is an estimate');
  });

  it('the same input and language give the same bytes; LANG=es_US.UTF-8 is the same as --lang es', () => {
    const a = run(['--lang', 'es', '-r', 'iv', '-i', 'in-network']).stdout;
    expect(run(['--lang', 'es', '-r', 'iv', '-i', 'in-network']).stdout).toBe(a);
    expect(run(['-r', 'iv', '-i', 'in-network'], { LANG: 'es_US.UTF-8' }).stdout).toBe(a);
    // And English stays English under LC_ALL=C whatever LANG says.
    expect(run(['-r', 'iv', '-i', 'in-network'], { LANG: 'es_US.UTF-8', LC_ALL: 'C' }).stdout).toBe(
      run(['-r', 'iv', '-i', 'in-network']).stdout,
    );
  });

  it('money is written as US Spanish writes it ($1,234.50), never "USD 1,234.50" or "1234,50 US$"', () => {
    // 4 x $200 = $800 at the high end; 20% coinsurance after a $100 deductible: $100 + 20% of $700 = $240.
    const r = run([
      '--lang',
      'es',
      '-r',
      'oral',
      '-s',
      '4',
      '-i',
      'in-network',
      '--covered',
      'yes',
      '--deductible',
      '100',
      '--coinsurance',
      '20',
    ]);
    expect(r.stdout).toMatch(/Si su plan lo cubre: usted paga +\$140 +\$240/);
    expect(r.stdout).not.toMatch(/USD|US\$|\d,\d{2} /);
  });

  it('JSON keeps its keys and figures in both languages; only the words change', () => {
    const en = JSON.parse(runCli(['-r', 'iv', '-s', '6', '-f', 'json']).stdout);
    const es = JSON.parse(runCli(['--lang', 'es', '-r', 'iv', '-s', '6', '-f', 'json']).stdout);
    const keys = (v: unknown): string[] =>
      Array.isArray(v)
        ? v.flatMap(keys)
        : v !== null && typeof v === 'object'
          ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)])
          : [];
    expect(keys(es)).toEqual(keys(en));
    expect(es.program).toEqual(en.program);
    expect(es.route.label).toBe('Infusión intravenosa (IV)');
    // The one addition: which language the words are in.
    expect([en.language, es.language]).toEqual(['en', 'es']);
    const compareEs = JSON.parse(runCli(['compare', '--lang', 'es', '-s', '6', '-f', 'json']).stdout);
    expect(compareEs.language).toBe('es');
  });

  it('errors are in Spanish, with the same exit codes', () => {
    const r = runCli(['--lang', 'es', '-r', 'iv', '--sessions', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --sessions "0" /);
    expect(r.stderr).not.toMatch(/is not allowed|use a whole number/);
  });
});

describe('a batch in Spanish (#26)', () => {
  const input = 'id,route,sessions\na,iv,6\nb,nope,1\n';
  it('the table and the messages are Spanish; exit 3 as in English', () => {
    const r = runCli(['batch', '-', '--lang', 'es', '--plain', '--no-color'], { input });
    expect(r.code).toBe(3);
    expect(r.stdout.split('\n')[0]).toMatch(/^id +vía +sesiones +programa +usted paga$/);
    expect(r.stdout).toContain('error fila 2 (línea 3), columna route: "nope" no es un tipo de tratamiento válido');
    expect(r.stdout).toContain('1 fila calculada, 1 fila con error.');
  });
  it('CSV keeps its column names (the contract); the error text is Spanish', () => {
    const en = runCli(['batch', '-', '-f', 'csv'], { input }).stdout.split('\r\n');
    const es = runCli(['batch', '-', '-f', 'csv', '--lang', 'es'], { input }).stdout.split('\r\n');
    expect(es[0]).toBe(en[0]);
    expect(es[1]).toBe(en[1]);
    expect(es[2]).toMatch(/^b,2,error,route,"fila 2 \(línea 3\), columna route: /);
  });
  it('the progress line on a terminal is Spanish too (it said "rows done")', async () => {
    const input = `route\n${'iv\n'.repeat(10_000)}`;
    const r = await runInProcess(['--lang', 'es', 'batch', '-', '-f', 'csv'], { input, tty: true });
    expect(r.code).toBe(0);
    // Every 10,000 rows, then once all are done.
    expect(r.stderr).toBe('\rketamine-cost: 10000 filas\rketamine-cost: 10000 filas listas\n');
  });
  it('the line after --output agrees with its count: one row is "se escribió", more "se escribieron"', () => {
    // "Se escribieron 1 fila" was the plural verb with a singular noun (found writing one row, #27).
    const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-es-'));
    const one = runCli(['batch', '-', '-f', 'csv', '--lang', 'es', '-o', join(dir, 'uno.csv')], { input: 'route\niv\n' });
    expect(one.stderr).toBe(`Se escribió 1 fila en ${join(dir, 'uno.csv')}: 1 fila calculada, 0 filas con error.\n`);
    const two = runCli(['batch', '-', '-f', 'csv', '--lang', 'es', '-o', join(dir, 'dos.csv')], { input });
    expect(two.stderr).toBe(`Se escribieron 2 filas en ${join(dir, 'dos.csv')}: 1 fila calculada, 1 fila con error.\n`);
  });
});

describe('compare in Spanish (#26)', () => {
  it.each(['table', 'markdown'])('%s: the words are Spanish; the figures are the English run’s', (format) => {
    const es = runCli(['compare', '--lang', 'es', '-s', '6', '--price', '450', '--quote-for', 'iv', '-f', format, '--plain', '--no-color']);
    expect(es.code).toBe(0);
    for (const word of [
      EN_VIEW.compare.ranking,
      'Per session',
      'You pay',
      'your quote',
      'Not priced',
      EN_VIEW.compare.hint,
      EN_VIEW.disclaimer,
    ])
      expect(es.stdout).not.toContain(word);
    expect(es.stdout).toContain('su cotización');
    // IV at the quote: 6 x $450 = $2,700, plus the intake's $0-$350 = $2,700-$3,050, as in English.
    expect(es.stdout).toContain('$2,700-$3,050');
  });
  it('JSON: the ranking in Spanish, the keys and figures as in English', () => {
    const en = JSON.parse(runCli(['compare', '-s', '6', '-f', 'json']).stdout);
    const es = JSON.parse(runCli(['compare', '--lang', 'es', '-s', '6', '-f', 'json']).stdout);
    expect(es.ranking).not.toBe(en.ranking);
    expect(es.options.map((o: { allIn: unknown }) => o.allIn)).toEqual(en.options.map((o: { allIn: unknown }) => o.allIn));
  });
});

describe('plan in Spanish (#26)', () => {
  it.each(['table', 'markdown'])('%s: when the money is due, in Spanish; the figures as in English', (format) => {
    const args = ['plan', '-r', 'iv', '-s', '4', '--every', '1w', '--start', '2027-01-04', '-f', format, '--plain', '--no-color'];
    const es = runCli([...args, '--lang', 'es']).stdout;
    for (const word of ['When', 'Billed', 'Paid so far', 'month subtotal', 'In all', 'Due before', 'intake visit', EN_VIEW.disclaimer])
      expect(es).not.toContain(word);
    // 4 sessions at $225-$800 and the intake at $0-$350: $900-$3,550 in all; the first on 4 January 2027.
    expect(es).toContain('4 de enero de 2027 (semana 1)');
    expect(es).toContain('En total: se factura entre $900 y $3,550');
  });
});

describe('routes in Spanish (#26)', () => {
  // The routes view's own English words; none may appear before the quoted sentences.
  const english = ['Route', 'Provider', 'Typical program', 'per session', 'usually', 'not priced', 'Other line items', 'for scale'];
  it.each(['table', 'markdown'])('%s: the price list as a Spanish reader reads it', (format) => {
    const r = runCli(['routes', '--lang', 'es', '-f', format, '--plain', '--no-color']);
    expect(r.code).toBe(0);
    const body = r.stdout.split(/\n(?:\*\*)?Qué dicen las fuentes/)[0] ?? '';
    for (const word of english) expect(body).not.toContain(word);
    expect(body).toContain('$225-$800 por sesión, consultado el 1 de noviembre de 2026');
    expect(body).toContain('Infusión intravenosa (IV)');
    expect(body).toContain('el seguro suele cubrirlo');
    // The sources: the title as published, the publisher and date note in Spanish, a date as Spanish writes it.
    expect(r.stdout).toContain('Medicaid de Delaware');
    expect(r.stdout).toContain('13 de diciembre de 2024');
    expect(r.stdout).toContain('página sin fecha; consultada el 27 de noviembre de 2026');
    expect(r.stdout).not.toContain('undated');
  });
  it('JSON and CSV: the same keys and figures as in English', () => {
    const en = JSON.parse(runCli(['routes', '-f', 'json']).stdout);
    const es = JSON.parse(runCli(['routes', '--lang', 'es', '-f', 'json']).stdout);
    expect(es.routes.map((r: { lowCents: number }) => r.lowCents)).toEqual(en.routes.map((r: { lowCents: number }) => r.lowCents));
    expect(Object.keys(es.routes[0])).toEqual(Object.keys(en.routes[0]));
    expect(es.routes[0].label).toBe('Infusión intravenosa (IV)');
    expect(runCli(['routes', '--lang', 'es', '-f', 'csv']).stdout).toBe(runCli(['routes', '-f', 'csv']).stdout);
  });
});

describe('the handout and the Good Faith Estimate in Spanish (#26)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-es-'));
  const clinic = writeClinicProfile(join(dir, 'clinic.json'));
  // The English words of the pages' own frame: none may appear in the Spanish page.
  const englishFrame = [
    ...Object.values(EN_VIEW.html).filter((v): v is string => typeof v === 'string' && v.length > 2),
    ...EN_VIEW.html.questions.forClinic,
    ...Object.values(EN_VIEW.gfe).filter((v): v is string => typeof v === 'string' && /[a-z]{3}/.test(v)),
    ...EN_VIEW.gfe.signature,
  ];
  it.each([
    [['-r', 'iv', '-s', '6', '-i', 'in-network']],
    [['compare', 'iv', 'oral', '-s', '6']],
    [['plan', '-r', 'oral', '-s', '4', '--every', '1w', '--start', '2027-01-04']],
  ])('%j: <html lang="es">, the frame in Spanish', (args) => {
    const r = runCli(['--lang', 'es', ...args, '-f', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<html lang="es">');
    // The quoted sentences of English sources stay English, under a heading that says so.
    const [frame = '', sources = ''] = r.stdout.split('Fuentes y lo que dicen (citas en inglés)');
    for (const word of englishFrame) expect(frame).not.toContain(word);
    expect(sources).toContain('Sin enlace en internet');
    expect(r.stdout).toContain('Preguntas que puede hacer');
    expect(r.stdout).toContain('no es una cotización ni un consejo médico');
  });
  it('a Good Faith Estimate: every element of the rule, in Spanish; the dates as Spanish writes them', () => {
    const args = ['gfe', '--lang', 'es', '-r', 'iv', '-s', '6', '--price', '450', '--item-price', 'intake=200', '--clinic', clinic];
    const person = ['--patient-name', 'Ana Pérez', '--patient-dob', '1980-04-23', '--diagnosis', 'F33.2', '--start', '2027-01-04'];
    for (const format of ['markdown', 'html']) {
      const r = runCli([...args, ...person, '--issued', '2026-12-01', '-f', format]);
      expect(r.code).toBe(0);
      for (const part of [
        'Estimado de buena fe (borrador)',
        'Ana Pérez',
        '23 de abril de 1980', // date of birth
        '4 de enero de 2027', // the scheduled date
        '1 de diciembre de 2026', // the date of the estimate
        'Infusión intravenosa (IV) en una clínica, 6 sesiones', // the primary service
        'F33.2',
        'NPI 1234567893',
        '6 sesiones, según el calendario de la clínica; este estimado cubre 12 meses como máximo',
        '$2,900', // 6 x $450 = $2,700, + $200 intake
        'Total de cargos esperados',
        'No incluido',
        'Sus derechos',
        'Firma en nombre del proveedor o centro',
      ])
        expect(r.stdout).toContain(part);
      const frame = r.stdout.split(/## Fuentes|Fuentes y lo que dicen/)[0] ?? '';
      for (const word of englishFrame) expect(frame).not.toContain(word);
    }
    // JSON: the same keys in both languages.
    const en = JSON.parse(runCli([...args.filter((a) => a !== '--lang' && a !== 'es'), ...person, '-f', 'json']).stdout);
    const es = JSON.parse(runCli([...args, ...person, '-f', 'json']).stdout);
    expect(Object.keys(es)).toEqual(Object.keys(en));
    expect(es.total).toEqual(en.total);
  });
});

describe('the same Spanish bytes on every Node version (#26)', () => {
  // CI runs the suite under Node 20, 22 and 24 (.ci/run) against these files: money, percentages
  // and dates are written by the tool's own code (es-US pinned, no Intl data that differs).
  it.each([
    ['estimate', ['-r', 'iv', '-s', '6', '-i', 'in-network', '--covered', 'yes', '--deductible', '500', '--coinsurance', '20']],
    ['plan', ['plan', '-r', 'oral', '-s', '4', '--every', '1w', '--start', '2027-01-04', '--months', '6', '--apr', '12']],
    ['compare', ['compare', '-s', '6', '-f', 'markdown']],
  ])('%s', async (name, args) => {
    const r = runCli(['--lang', 'es', ...args, '--plain', '--no-color']);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/es-${name}.txt`);
  });
});
