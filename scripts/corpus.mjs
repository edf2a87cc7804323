// Output corpus: runs a broad, fixed set of commands against a built CLI and prints every
// command's exit code, stdout and stderr, so two builds can be compared byte for byte:
//   node scripts/corpus.mjs > after.txt
//   node scripts/corpus.mjs --bin /path/to/other/bin/ketamine-cost.cjs > before.txt
//   cmp before.txt after.txt
// Commands run in test/corpus/ (its fixtures: a clinic profile and a mixed batch file), with no
// colour, stdin closed and a fixed environment.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const binIndex = process.argv.indexOf('--bin');
const bin = binIndex > 0 ? resolve(process.argv[binIndex + 1]) : join(root, 'bin', 'ketamine-cost.cjs');
const cwd = join(root, 'test', 'corpus');

const FORMATS = ['table', 'json', 'csv', 'markdown', 'html'];
const PAYERS = [
  [],
  ['-i', 'none'],
  ['-i', 'in-network'],
  ['-i', 'in-network', '--covered', 'yes', '--deductible', '500', '--coinsurance', '20', '--oop-max', '2000'],
  ['-i', 'in-network', '--covered', 'no'],
  ['-i', 'in-network', '--copay', '40', '--deductible', '1200'],
  ['-i', 'oon'],
  ['-i', 'oon', '--covered', 'yes', '--reimbursement', '70', '--deductible', '1000', '--allowed', '300'],
  ['-i', 'oon', '--reimbursement', '60'],
];
const ROUTES = [
  ['-r', 'iv', '-s', '6'],
  ['-r', 'iv'],
  ['-r', 'im', '-s', '4'],
  ['-r', 'oral'],
  ['-r', 'oral', '-p', 'at-home', '-s', '8'],
  ['-r', 'esketamine'],
  ['-r', 'esketamine', '--dose', '84', '-s', '8'],
  ['-r', 'esketamine', '--weeks', '20'],
  ['-r', 'esketamine', '--weeks', '8', '--dose', '84'],
  ['-r', 'iv', '-s', '6', '--exclude', 'intake'],
];

const cases = [];
for (const route of ROUTES) for (const payer of PAYERS) cases.push([...route, ...payer, '--format', 'table']);
for (const route of ROUTES)
  for (const payer of [PAYERS[0], PAYERS[3], PAYERS[7]])
    for (const format of FORMATS) {
      cases.push([...route, ...payer, '--format', format]);
      if (format !== 'csv') cases.push([...route, ...payer, '--format', format, '--explain']);
    }
for (const route of ROUTES.slice(0, 6)) {
  cases.push([...route, '--brief'], [...route, '--plain'], [...route, '-i', 'in-network', '--brief']);
}
for (const f of ['table', 'json', 'csv', 'markdown', 'html']) {
  cases.push(
    ['compare', '--format', f],
    ['compare', 'iv:6', 'esketamine:8w', '-i', 'in-network', '--deductible', '1200', '--coinsurance', '20', '--format', f],
  );
  cases.push(['compare', '-i', 'oon', '--reimbursement', '70', '--format', f]);
}
for (const f of ['table', 'json', 'markdown']) cases.push(['routes', '--format', f]);
cases.push(['routes']);
const PLANS = [
  ['-r', 'iv', '-s', '6', '--every', '1w', '--start', '2027-01-04'],
  ['-r', 'iv', '-s', '6', '--every', '4d', '--start', '2027-01-04', '--months', '12', '--apr', '18'],
  ['-r', 'esketamine', '--weeks', '52', '-i', 'in-network', '--deductible', '1500', '--coinsurance', '20'],
  ['-r', 'esketamine', '--weeks', '20', '-i', 'in-network', '--deductible', '1500', '--coinsurance', '20', '--start', '2027-11-01'],
  ['-r', 'oral', '-s', '6', '-i', 'oon', '--covered', 'yes', '--reimbursement', '70', '--every', '1w', '--months', '6'],
  [
    '-r',
    'esketamine',
    '--weeks',
    '30',
    '--boosters-every',
    '4',
    '-i',
    'in-network',
    '--oop-max',
    '3000',
    '--start',
    '2027-06-01',
    '--plan-year-start',
    '07-01',
    '--annual-deductible',
    '2000',
  ],
  ['-r', 'im', '-s', '5', '--every', '2w', '--months', '12'],
];
for (const plan of PLANS)
  for (const f of FORMATS) cases.push(['plan', ...plan, '--format', f], ['plan', ...plan, '--format', f, '--explain']);
const GFE = [
  '--clinic',
  'clinic.json',
  '--patient-name',
  'Alex Doe',
  '--patient-dob',
  '1980-04-23',
  '--diagnosis',
  'F33.2',
  '--start',
  '2027-01-04',
  '--issued',
  '2026-12-01',
];
for (const route of [
  ['-r', 'iv', '-s', '6'],
  ['-r', 'esketamine', '-s', '8', '--dose', '84'],
  ['-r', 'oral'],
  ['-r', 'im', '-s', '3'],
])
  for (const f of ['markdown', 'html', 'json']) cases.push(['gfe', ...route, ...GFE, '--format', f]);
for (const f of ['table', 'json', 'jsonl', 'csv', 'markdown'])
  cases.push(['batch', 'mixed.csv', '--format', f], ['batch', 'mixed.csv', '--format', f, '--detail', 'full']);
for (const which of ['estimate', 'batch', 'compare', 'plan', 'dataset', 'gfe']) cases.push(['schema', which]);
cases.push(['clinic', 'init'], ['data', 'validate', 'clinic.json'], ['--version']);
for (const c of ['', 'plan', 'compare', 'routes', 'batch', 'gfe', 'data', 'schema', 'clinic']) cases.push(c ? [c, '--help'] : ['--help']);
// Errors: usage, data, rows.
cases.push(
  ['-r', 'ivv'],
  ['--route', 'iv', '--sesions', '6'],
  ['-r', 'iv', '-s', '0'],
  ['-r', 'iv', '--weeks', '4'],
  ['-r', 'iv', '-s', '6', '--weeks', '4'],
  ['-r', 'oral', '--dose', '56'],
  ['-r', 'esketamine', '--dose', '70'],
  ['-r', 'iv', '-i', 'medicare'],
  ['-r', 'iv', '--deductible', '500'],
  ['-r', 'iv', '-i', 'in-network', '--reimbursement', '50'],
  ['-r', 'iv', '-i', 'oon', '--coinsurance', '20'],
  ['-r', 'iv', '-i', 'in-network', '--coinsurance', '20', '--copay', '30'],
  ['-r', 'iv', '-i', 'in-network', '--coinsurance', '120'],
  ['-r', 'iv', '-i', 'in-network', '--deductible', '-5'],
  ['-r', 'iv', '-i', 'in-network', '--covered', 'maybe'],
  ['-r', 'iv', '--exclude', 'foo'],
  ['-r', 'iv', '-p', 'at-home'],
  ['-r', 'oral', '-p', 'spaceship'],
  ['-r', 'iv', '--format', 'xml'],
  ['-r', 'iv', '--format', 'csv', '--explain'],
  ['-r', 'iv', '--format', 'json', '--brief'],
  [],
  ['--data', 'missing.json', '-r', 'iv'],
  ['--data', 'clinic.json', '-r', 'iv'],
  ['plan', '-r', 'iv', '-s', '6'],
  ['plan', '-r', 'iv', '-s', '6', '--every', 'x'],
  ['plan', '-r', 'iv', '-s', '6', '--every', '1w', '--start', '2027-02-30'],
  ['plan', '-r', 'iv', '-s', '6', '--every', '1w', '--months', '12', '--apr', 'abc'],
  ['compare', 'iv:x'],
  ['compare', 'nothing'],
  ['gfe', '-r', 'iv', '-s', '6', '--clinic', 'clinic.json'],
  ['gfe', '-r', 'iv', '-s', '6', ...GFE.slice(0, 6), '--diagnosis', 'nope'],
  ['gfe', '-r', 'iv', '-s', '6', '-i', 'in-network', ...GFE],
  ['batch', 'missing.csv'],
  ['schema', 'nothing'],
  ['frobnicate'],
  ['data'],
);

function run(args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'C', TZ: 'UTC', COLUMNS: '100' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('close', (code) => done({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

const results = new Array(cases.length);
let next = 0;
async function worker() {
  while (next < cases.length) {
    const i = next++;
    results[i] = await run(cases[i]);
  }
}
await Promise.all([worker(), worker(), worker(), worker()]);
for (let i = 0; i < cases.length; i++) {
  const r = results[i];
  process.stdout.write(`### ${cases[i].join(' ')}\nexit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n`);
}
process.stderr.write(`${cases.length} commands\n`);
