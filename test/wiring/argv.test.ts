// argv -> the options each command receives, one line a case (changesets' cli.test.ts): the
// commands are replaced by recorders, so only the program's parsing is under test.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { needsSubcommands } from '../../src/main.js';
import { defineProgram } from '../../src/program.js';

// Hoisted with the mocks, which run before the module's own top-level code.
const { calls, recorder } = vi.hoisted(() => {
  const calls: { command: string; options: Record<string, unknown> }[] = [];
  const recorder = (command: string) => async (options: Record<string, unknown>) => {
    calls.push({ command, options });
    return 0;
  };
  return { calls, recorder };
});
vi.mock('../../src/commands/estimate.js', () => ({ estimateCommand: recorder('estimate') }));
vi.mock('../../src/commands/compare.js', () => ({ compareCommand: recorder('compare') }));
vi.mock('../../src/commands/plan.js', () => ({ planCommand: recorder('plan') }));
vi.mock('../../src/commands/routes.js', () => ({ routesCommand: recorder('routes') }));
vi.mock('../../src/commands/batch.js', () => ({ batchCommand: recorder('batch') }));
vi.mock('../../src/commands/gfe.js', () => ({ gfeCommand: recorder('gfe') }));
vi.mock('../../src/commands/data.js', () => ({
  dataShowCommand: recorder('data show'),
  dataValidateCommand: recorder('data validate'),
  schemaCommand: recorder('schema'),
}));

const io = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: '.', stdoutIsTTY: false } as unknown as Parameters<
  typeof defineProgram
>[0];

/** Parses argv with the real program and returns what the one command it picked was given. */
async function parsed(argv: string[]): Promise<{ command: string; options: Record<string, unknown> }> {
  const { program, selection } = defineProgram(io, { subcommands: needsSubcommands(argv) });
  program.exitOverride();
  await program.parseAsync(argv, { from: 'user' });
  await selection.run?.();
  const call = calls.pop();
  if (!call) throw new Error(`no command ran for ${argv.join(' ')}`);
  return call;
}

const _ = (argv: string, command: string, options: Record<string, unknown>) => async () =>
  expect(await parsed(argv.split(' ').filter(Boolean))).toMatchObject({ command, options });

beforeEach(() => {
  calls.length = 0;
});

describe('argv -> options', () => {
  it('route and sessions', _('-r iv -s 6', 'estimate', { raw: { route: 'iv', sessions: '6' }, format: 'table', explain: false }));
  it(
    'insurance terms as typed',
    _('-r iv -i oon --reimbursement 70 --allowed 300', 'estimate', {
      raw: { route: 'iv', insurance: 'oon', reimbursement: '70', allowed: '300' },
    }),
  );
  it(
    'json, explained, to a file',
    _('-r oral -f json --explain -o out.json', 'estimate', { format: 'json', explain: true, output: 'out.json' }),
  );
  it('brief', _('-r oral --brief', 'estimate', { brief: true }));
  it('never interactive', _('-r oral --no-interactive', 'estimate', { interactive: false }));
  it('interactive left to the terminal', _('-r oral', 'estimate', { interactive: undefined }));
  it('plain: no colour, no box drawing', _('-r oral --plain', 'estimate', { style: { plain: true, color: false, ascii: true } }));
  it('a price list', _('-r iv --data mine.json', 'estimate', { data: { file: 'mine.json' } }));
  it(
    'compare: the options as words',
    _('compare iv:6 esketamine:8w -i in-network', 'compare', { specs: ['iv:6', 'esketamine:8w'], raw: { insurance: 'in-network' } }),
  );
  it('compare: csv to a file', _('compare -f csv -o c.csv', 'compare', { format: 'csv', output: 'c.csv', specs: [] }));
  it(
    'plan: its own flags',
    _('plan -r iv -s 6 --every 1w --start 2027-01-04 --months 12 --apr 18', 'plan', {
      raw: { route: 'iv', sessions: '6' },
      flags: { every: '1w', start: '2027-01-04', months: '12', apr: '18' },
    }),
  );
  it(
    'plan: plan years',
    _('plan -r esketamine --weeks 52 --plan-year-start 07-01 --annual-deductible 2000 --annual-oop-max 5000', 'plan', {
      raw: { weeks: '52' },
      flags: { planYearStart: '07-01', annualDeductible: '2000', annualOopMax: '5000' },
    }),
  );
  it('plan: explained, ascii', _('plan -r iv -s 2 --every 1w --explain --ascii', 'plan', { explain: true, style: { ascii: true } }));
  it('routes: markdown', _('routes -f markdown', 'routes', { format: 'markdown' }));
  it('batch: the file, summary rows by default', _('batch rows.csv', 'batch', { input: 'rows.csv', format: 'table', detail: 'summary' }));
  it('batch: --keep-columns is still accepted and changes nothing (columns pass through by default since #25)', async () => {
    expect(await parsed(['batch', 'rows.csv', '--keep-columns'])).toEqual(await parsed(['batch', 'rows.csv']));
  });
  it(
    'batch: full json lines, kept columns',
    _('batch - -f jsonl --detail full --keep-columns -o out.jsonl', 'batch', {
      input: '-',
      format: 'jsonl',
      detail: 'full',
      output: 'out.jsonl',
    }),
  );
  it(
    'gfe: clinic, patient and dates',
    _(
      'gfe -r iv -s 6 --clinic c.json --patient-name Alex --patient-dob 1980-04-23 --diagnosis F33.2 --start 2027-01-04 --issued 2026-12-01',
      'gfe',
      {
        raw: { route: 'iv', sessions: '6' },
        clinic: 'c.json',
        patientName: 'Alex',
        patientDob: '1980-04-23',
        diagnosis: 'F33.2',
        start: '2027-01-04',
        issued: '2026-12-01',
        format: 'markdown',
      },
    ),
  );
  it('gfe: html to a file', _('gfe -r iv -f html -o g.html', 'gfe', { format: 'html', output: 'g.html' }));
  it('data show', _('data show --data mine.json', 'data show', { data: { file: 'mine.json' } }));
  it('data validate', _('data validate mine.json', 'data validate', { file: 'mine.json' }));
  it('schema: estimate by default', _('schema', 'schema', { which: 'estimate' }));
  it('schema: plan', _('schema plan', 'schema', { which: 'plan' }));
  it(
    'an option before its subcommand is handed to it',
    _('--data mine.json batch rows.csv', 'batch', { input: 'rows.csv', data: { file: 'mine.json' } }),
  );
});
