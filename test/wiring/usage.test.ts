// A refused command line, said by the tool's catalog in each language (#20, #26): every case
// commander refuses, each with exit 2 and one line. Commander's own English sentences are no longer
// reworded by regular expressions; the program's Command class says them (src/program-command.ts).
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { EN_HELP } from '../../src/text/help-en.js';
import { ES_HELP } from '../../src/text/help-es.js';
import { runInProcess } from '../helpers.js';

// [argv, English, Spanish]: the whole line on stderr.
const CASES: [string[], string, string][] = [
  [
    ['--sesions', '3'],
    "unknown option '--sesions' (did you mean --sessions?); see --help for the options this command takes",
    "la opción '--sesions' no existe (¿quiso decir --sessions?); vea --help para las opciones de este comando",
  ],
  [
    // "sesion" is 2 edits from both: both are named.
    ['--sesion'],
    "unknown option '--sesion' (did you mean one of --sessions, --version?); see --help for the options this command takes",
    "la opción '--sesion' no existe (¿quiso decir --sessions o --version?); vea --help para las opciones de este comando",
  ],
  [
    // What follows "=" may be personal data: never echoed.
    ['--dob=1980-04-23'],
    "unknown option '--dob'; see --help for the options this command takes",
    "la opción '--dob' no existe; vea --help para las opciones de este comando",
  ],
  [
    ['-f', 'xml'],
    '--format "xml" is not allowed; allowed: table, json, csv, markdown, html',
    '--format "xml" no es un valor válido; valores válidos: table, json, csv, markdown, html',
  ],
  [['-r'], '--route needs a value after it; see --help for what it takes', '--route necesita un valor después; vea --help para saber cuál'],
  [
    ['compare', '--route', 'iv'],
    "unknown option '--route' for this command; see --help (compare takes routes as words: compare iv oral)",
    "este comando no tiene la opción '--route'; vea --help (compare recibe las vías como palabras: compare iv oral)",
  ],
  [['batch'], "missing required argument 'file'", "falta el argumento obligatorio 'archivo'"],
  [
    ['batch', 'a', 'b'],
    // The word that is one too many, and what the command takes (the new-user try: "extra" went unnamed).
    '"b" is one argument too many: batch takes <file> and options; see --help',
    '"b" es un argumento de más: batch solo acepta <archivo> y opciones; vea --help',
  ],
  [
    // A command word after the flags, misspelt: named, with where commands go (the new-user try).
    ['-r', 'iv', 'comapre'],
    '"comapre" is not an argument the estimate takes; if you meant the command "compare", it comes first: ketamine-cost compare [options]',
    '"comapre" no es un argumento que acepte el cálculo; si quiso usar el comando "compare", va primero: ketamine-cost compare [opciones]',
  ],
  [
    // The flag as given, not its positive twin (the new-user try).
    ['--no-interactive', 'compare'],
    '--no-interactive was given before "compare", which does not take it; see ketamine-cost compare --help',
    '--no-interactive se indicó antes de "compare", que no la acepta; vea ketamine-cost compare --help',
  ],
  [
    ['-r', 'iv', 'banana'],
    '"banana" is one argument too many: ketamine-cost takes options only, such as --route iv; see --help',
    '"banana" es un argumento de más: ketamine-cost solo acepta opciones, como --route iv; vea --help',
  ],
  [
    ['data', 'init', '--price', '5'],
    "required option '-r, --route <route>' not specified",
    "falta la opción obligatoria '-r, --route <route>'",
  ],
  [
    ['comapre'],
    'unknown command "comapre" (did you mean "compare"?); commands: compare, plan, routes, batch, gfe, clinic, data, schema, help; or flags only, such as --route iv',
    'el comando "comapre" no existe (¿quiso decir "compare"?); comandos: compare, plan, routes, batch, gfe, clinic, data, schema, help; o solo opciones, como --route iv',
  ],
  [
    ['data'],
    'data needs a subcommand: show, validate or init (see ketamine-cost data --help)',
    'data necesita un subcomando: show, validate o init (vea ketamine-cost data --help)',
  ],
  [
    ['-s', '3', 'routes'],
    '--sessions was given before "routes", which does not take it; see ketamine-cost routes --help',
    '--sessions se indicó antes de "routes", que no la acepta; vea ketamine-cost routes --help',
  ],
  [
    ['-f', 'html', 'batch', '-'],
    '--format "html" is not allowed for "batch"; allowed: table, json, jsonl, csv, markdown',
    '--format "html" no es un valor válido para "batch"; valores válidos: table, json, jsonl, csv, markdown',
  ],
  [
    ['batch', '-', '--delimiter', 'x'],
    // Punctuation in quotes: a bare list read ",, ;, tab" (the new-user try).
    '--delimiter "x" is not allowed; allowed: ",", ";", tab',
    '--delimiter "x" no es un valor válido; valores válidos: ",", ";", tab',
  ],
  [
    ['help', 'nope'],
    'there is no command "nope"; commands: compare, plan, routes, batch, data, gfe, clinic, schema, help',
    'el comando "nope" no existe; comandos: compare, plan, routes, batch, data, gfe, clinic, schema, help',
  ],
  [
    // A flag only another command takes names that command (the new-user try), never the value after "=".
    ['--route', 'iv', '--every', '1w'],
    "unknown option '--every' for this command; plan takes it (ketamine-cost plan ... --every); see ketamine-cost plan --help",
    "este comando no tiene la opción '--every'; la tiene plan (ketamine-cost plan ... --every); vea ketamine-cost plan --help",
  ],
  [
    ['batch', 'x.csv', '--patient-name=Alex Doe'],
    "unknown option '--patient-name' for this command; gfe takes it (ketamine-cost gfe ... --patient-name); see ketamine-cost gfe --help",
    "este comando no tiene la opción '--patient-name'; la tiene gfe (ketamine-cost gfe ... --patient-name); vea ketamine-cost gfe --help",
  ],
];

describe('a refused command line', () => {
  it.each(CASES)('%j', async (argv, english, spanish) => {
    const en = await runInProcess(argv);
    expect([en.code, en.stderr]).toEqual([2, `error: ${english}\n`]);
    const es = await runInProcess(['--lang', 'es', ...argv]);
    expect([es.code, es.stderr]).toEqual([2, `error: ${spanish}\n`]);
  });

  it("commander still calls the methods the program's Command replaces (an upgrade that renames one fails here)", () => {
    const proto = Command.prototype as unknown as Record<string, unknown>;
    for (const name of [
      'unknownOption',
      'optionMissingArgument',
      'missingArgument',
      'missingMandatoryOptionValue',
      '_excessArguments',
      'unknownCommand',
    ])
      expect(typeof proto[name], name).toBe('function');
  });
});

describe('help in Spanish (#26)', () => {
  // Every English help text of more than two words; none may appear in the Spanish help.
  const english: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const line of v.split('\n').map((l) => l.trim())) if (line.split(' ').length > 2 && !line.startsWith('$ ')) english.push(line);
    } else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  // The texts made by functions too (the estimate's and the batch's text after the options).
  walk({ ...EN_HELP, usage: undefined, estimateAfter: EN_HELP.estimate.after('-'), batchAfter: EN_HELP.batch.after('-') });

  it.each([[[]], [['compare']], [['plan']], [['routes']], [['batch']], [['data', 'init']], [['gfe']], [['schema']], [['clinic']]])(
    '%j --help: Spanish headings and words; flags and examples as typed',
    async (argv) => {
      const r = await runInProcess(['--lang', 'es', ...argv, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Uso: ketamine-cost/);
      expect(r.stdout).toContain('Opciones:');
      expect(r.stdout).not.toMatch(/\b(Usage|Options|Commands|Arguments|choices|default):/);
      expect(r.stdout).not.toContain('[options]');
      for (const text of english.filter((t) => t.length > 0)) expect(r.stdout, text).not.toContain(text);
      expect(r.stdout).toContain(ES_HELP.helpFlag);
    },
  );

  it('the Spanish help names the routes in Spanish', async () => {
    const r = await runInProcess(['--lang', 'es', '--help']);
    expect(r.stdout).toContain('iv = Infusión intravenosa (IV)');
  });
});
