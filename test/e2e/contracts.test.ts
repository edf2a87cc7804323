import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { EstimateDocumentSchema, jsonSchemaOf, SCHEMAS } from '../../src/format/contract.js';
import { bundledDataset, compare, estimate, InvalidScenarioError, loadDataset } from '../../src/index.js';
import { BIN, priceOf, ROOT, readDataset, runCli, writeClinicProfile } from '../helpers.js';

const dataset = readDataset();
const temp = mkdtempSync(join(tmpdir(), 'ketamine-cost-contract-'));
const ajv = new Ajv2020({ strict: false, allErrors: true });

describe('schema', () => {
  const estimateSchema = JSON.parse(runCli(['schema', 'estimate']).stdout);
  const datasetSchema = JSON.parse(runCli(['schema', 'dataset']).stdout);
  const validEstimate = ajv.compile(estimateSchema);
  const validDataset = ajv.compile(datasetSchema);

  it.each([
    [['-r', 'iv', '-s', '6']],
    [['-r', 'esketamine', '--dose', '84', '-i', 'in-network', '--explain']],
    [['-r', 'oral', '--weeks', '6', '-i', 'oon', '--reimbursement', '70', '--deductible', '100']],
    [['-r', 'im', '-i', 'in-network', '--copay', '40', '--oop-max', '500']],
  ])('real JSON output of %j validates against `schema estimate` and the strict zod contract', (args) => {
    const doc = JSON.parse(runCli([...args, '-f', 'json']).stdout);
    expect(validEstimate(doc) ? [] : validEstimate.errors).toEqual([]);
    expect(EstimateDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it.each(SCHEMAS)('the built `schema %s` prints, byte for byte, what the zod contract writes', (which) => {
    // The build writes the schemas once and ships only their texts (#27); nothing may change on the way.
    const r = runCli(['schema', which]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(jsonSchemaOf(which));
  });

  it('a Good Faith Estimate validates against `schema gfe`', () => {
    const clinic = writeClinicProfile(join(temp, 'gfe-clinic.json'));
    const doc = JSON.parse(
      runCli([
        'gfe',
        '-r',
        'iv',
        '-s',
        '6',
        '--price',
        '450',
        '--package',
        '4:1600',
        '--exclude',
        'intake',
        '--clinic',
        clinic,
        '--patient-name',
        'A B',
        '--patient-dob',
        '1980-01-01',
        '-f',
        'json',
      ]).stdout,
    );
    const validGfe = ajv.compile(JSON.parse(runCli(['schema', 'gfe']).stdout));
    expect(validGfe(doc) ? [] : validGfe.errors).toEqual([]);
  });

  it('compare and batch rows (summary and full) validate against `schema compare` and `schema batch`', () => {
    const compareDoc = JSON.parse(runCli(['compare', '-f', 'json']).stdout);
    const validCompare = ajv.compile(JSON.parse(runCli(['schema', 'compare']).stdout));
    expect(validCompare(compareDoc) ? [] : validCompare.errors).toEqual([]);
    for (const option of compareDoc.options) expect(validEstimate(option)).toBe(true);
    const validBatch = ajv.compile(JSON.parse(runCli(['schema', 'batch']).stdout));
    const input = 'id,route,insurance,name\na,iv,,Jane\nb,oral,oon,Joe\nc,nope,,Ann\n';
    for (const detail of ['summary', 'full']) {
      for (const [rows, keep] of [
        [input.replace(',name', '').replace(/,(Jane|Joe|Ann)/g, ''), []],
        [input, ['--keep-columns']],
      ] as const) {
        const items = JSON.parse(runCli(['batch', '-', '-f', 'json', '--detail', detail, ...keep], { input: rows }).stdout);
        expect(items).toHaveLength(3);
        for (const item of items) expect(validBatch(item) ? [] : validBatch.errors).toEqual([]);
        if (detail === 'full') expect(validEstimate(items[0].estimate)).toBe(true);
      }
    }
    // Since #25 a column the tool does not know passes through without the flag too.
    expect(JSON.parse(runCli(['batch', '-', '-f', 'json'], { input }).stdout)[0].extra).toEqual({ name: 'Jane' });
  });

  it('the bundled dataset validates against `schema dataset`, and a broken one does not', () => {
    expect(validDataset(dataset) ? [] : validDataset.errors).toEqual([]);
    expect(validDataset({ ...dataset, extra: 1 })).toBe(false);
  });

  it('refuses an unknown schema name', () => {
    const r = runCli(['schema', 'prices']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/schema "prices" is not known; allowed: estimate, batch, compare, plan, dataset, gfe/);
  });
});

describe('custom price lists', () => {
  it('data show prints the bundled dataset, byte for byte the shipped file', () => {
    const r = runCli(['data', 'show']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'data', 'prices.json'), 'utf8'));
  });

  it('a clinic changes its fees, validates them and uses them', () => {
    const clinic = JSON.parse(runCli(['data', 'show']).stdout);
    clinic.id = 'my-clinic';
    clinic.routes[0].offers[0].price.lowCents = 45000;
    clinic.routes[0].offers[0].price.highCents = 55000;
    const file = join(temp, 'clinic.json');
    writeFileSync(file, JSON.stringify(clinic));
    const check = runCli(['data', 'validate', file]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`valid (my-clinic ${clinic.version}`);
    const doc = JSON.parse(runCli(['-r', 'iv', '-s', '6', '-f', 'json', '--data', file]).stdout);
    expect(doc.program).toEqual({ lowCents: 45000 * 6, highCents: 55000 * 6 });
    expect(doc.dataset.id).toBe('my-clinic');
    expect(runCli(['compare', '-s', '1', '-f', 'csv', '--data', file]).stdout).toContain('iv,clinic,,1,1,given,450.00,550.00');
    expect(runCli(['batch', '-', '-f', 'csv', '--data', file], { input: 'route\niv\n' }).stdout).toContain(
      'iv,clinic,,3,6,typical,450.00,550.00',
    );
  });

  it('data validate lists every problem with its JSON path, exit 1', () => {
    const broken = JSON.parse(JSON.stringify(dataset));
    broken.routes[0].offers[0].price.lowCents = -1;
    broken.routes[1].id = 'iv';
    broken.routes[2].offers[0].price.ref.source = 'nowhere';
    broken.routes[3].surprise = true;
    const file = join(temp, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const r = runCli(['data', 'validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // Renaming im to iv also leaves the Medicare section naming a route that is gone.
    expect(r.stderr).toMatch(/^.*broken\.json: 5 problems\n/);
    expect(r.stderr).toContain('✖ names route "im", which is not in "routes"\n  → at payers.medicare.notCovered.routes[1]');
    expect(r.stderr).toContain('✖ must be zero or more cents\n  → at routes[0].offers[0].price.lowCents');
    expect(r.stderr).toContain('✖ Unrecognized key: "surprise"\n  → at routes[3]');
    expect(r.stderr).toContain('✖ duplicate route id "iv" (also at index 0)\n  → at routes[1].id');
    expect(r.stderr).toContain('✖ refers to source "nowhere", which is not in "sources"\n  → at routes[2].offers[0].price.ref.source');
    const one = runCli(['-r', 'iv', '--data', file]);
    expect(one.code).toBe(1);
    expect(one.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    ['missing.json', /cannot read price list missing\.json: no such file/],
    ['test', /is a directory/],
  ])('--data %s: one line, exit 1', (file, message) => {
    const r = runCli(['-r', 'iv', '--data', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a file over the size limit before reading it', () => {
    const file = join(temp, 'huge.json');
    writeFileSync(file, Buffer.alloc(5 * 1024 * 1024, 32));
    const r = runCli(['data', 'validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a price list may be at most 4194304 bytes/);
  });
});

describe('programmatic API', () => {
  it('estimate and compare are the functions the CLI uses', () => {
    const iv = priceOf(dataset, 'iv');
    expect(estimate({ route: 'iv', sessions: 6 }).program).toEqual({ lowCents: iv.lowCents * 6, highCents: iv.highCents * 6 });
    const c = compare(
      { insurance: 'in-network', deductible: 1200 },
      {
        only: [
          { route: 'iv', sessions: 6 },
          { route: 'esketamine', weeks: 8 },
        ],
      },
    );
    // Ranked by the most the patient could pay: esketamine is usually covered (at most $2,950 after the
    // $1,200 deductible and 20%), IV usually not (up to 6 x $800 + $350 intake = $5,150).
    expect(c.options.map((o) => o.route.id)).toEqual(['esketamine', 'iv']);
    expect(c.options.map((o) => o.patient.cases[0]?.patient.highCents)).toEqual([295000, 515000]);
    expect(JSON.parse(runCli(['-r', 'iv', '-s', '6', '-f', 'json']).stdout).program).toEqual(
      estimate({ route: 'iv', sessions: '6' }).program,
    );
  });
  it('throws InvalidScenarioError naming the field', () => {
    expect(() => estimate({ route: 'iv', sessions: 0 })).toThrow(InvalidScenarioError);
    try {
      estimate({ route: 'iv', sessions: 0 });
    } catch (error) {
      expect((error as InvalidScenarioError).issues[0]?.field).toBe('sessions');
    }
  });
  it.each([
    [Object.create(null), 'is an object'],
    [{ toString: () => 'iv' }, 'is an object'],
    [['iv'], 'is a list'],
    [true, 'is true or false'],
    [Symbol('iv'), 'is a symbol'],
    [6n, 'is a BigInt'],
  ])("a value that is not text or a number (%s) is the API's own error, named once (#25 B12)", (value, kind) => {
    // Before, Object.create(null) threw a TypeError and ["iv"] was read as "iv".
    for (const run of [
      () => estimate({ route: value }),
      () => compare({ exclude: value }),
      () => compare({}, { only: [{ route: value }] }),
    ]) {
      let thrown: unknown;
      try {
        run();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidScenarioError);
      const issues = (thrown as InvalidScenarioError).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]?.message).toBe(`${kind}; give text or a number`);
    }
  });
  it('null is "not given", as in a batch row', () => {
    // The typical IV program, 3-6 sessions, as with no sessions at all.
    expect(estimate({ route: 'iv', sessions: null as unknown as string }).sessions).toEqual(estimate({ route: 'iv' }).sessions);
  });
  it('loads a dataset from a file', () => {
    expect(loadDataset(join(ROOT, 'data', 'prices.json'))).toEqual(bundledDataset);
  });
});

describe('pipes and write errors', () => {
  it('`| head -1` exits quietly, with no EPIPE stack trace', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" batch - -f csv < "${join(temp, 'many.csv')}" | head -1`], {
      encoding: 'utf8',
    });
    expect(r.stdout.startsWith('id,row,status')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('a pipe another process made non-blocking, read slowly, still gets every byte, in order', () => {
    // Node makes a pipe non-blocking when it opens it as a stream: here a preload opens stderr,
    // which shares its pipe with stdout (2>&1). The reader waits a second, so the pipe (64 KB)
    // fills and a write is refused (EAGAIN); the CLI must then go on through process.stdout.
    const preload = join(temp, 'open-stderr.cjs');
    writeFileSync(preload, 'process.stderr;\n');
    const many = join(temp, 'many.csv');
    const toFile = join(temp, 'many-out.csv');
    const plain = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" batch - -f csv < "${many}" > "${toFile}"`]);
    expect(plain.status).toBe(0);
    const piped = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" -r "${preload}" "${BIN}" batch - -f csv < "${many}" 2>&1 | (sleep 1; cat)`],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    expect(piped.status).toBe(0);
    // 20,000 rows of "iv,6": far more than a pipe holds, so the refusal happens.
    expect(piped.stdout.length).toBeGreaterThan(1024 * 1024);
    expect(piped.stdout.equals(readFileSync(toFile))).toBe(true);
  });

  it('writing to a full disk is one line on stderr, exit 1', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" routes > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('error: cannot write the output: no space left on the device\n');
  });
});

writeFileSync(join(temp, 'many.csv'), `route,sessions\n${'iv,6\n'.repeat(20000)}`);

describe("a clinic's own price list (#23)", () => {
  it('data init writes one that validates, and as the default it prices the published figures of one clinic', () => {
    const file = join(temp, 'clinic-prices.json');
    const init = runCli([
      'data',
      'init',
      '-r',
      'iv',
      '--price',
      '550',
      '--intro',
      '375',
      '--package',
      '6:3025,8:3925',
      '--clinic-name',
      'Example Clinic',
      '-o',
      file,
    ]);
    expect(init.code).toBe(0);
    expect(runCli(['data', 'validate', file]).stdout).toContain('valid (example-clinic 1.0.0');
    const env = { KETAMINE_COST_DATA: file };
    const program = (sessions: string) =>
      JSON.parse(runCli(['-r', 'iv', '-s', sessions, '-f', 'json', '--exclude', 'intake'], { env }).stdout).program;
    // An introductory infusion with consultation $375; 6 treatments $3,025; 8 treatments $3,925.
    expect(program('1')).toEqual({ lowCents: 37_500, highCents: 37_500 });
    expect(program('6')).toEqual({ lowCents: 302_500, highCents: 302_500 });
    expect(program('8')).toEqual({ lowCents: 392_500, highCents: 392_500 });
  });
  it('refuses data init without a price, and a quote that is not money', () => {
    expect(runCli(['data', 'init', '-r', 'iv']).code).toBe(2);
    const bad = runCli(['data', 'init', '-r', 'iv', '--price', 'cheap']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--price "cheap" is not an amount of money');
  });
  it('batch columns price, package and item-price hold each patient’s quote', () => {
    const r = runCli(['batch', '-', '-f', 'jsonl'], {
      input: 'id,route,sessions,price,package,item-price\na,iv,8,450,6:2400,intake=200\n',
    });
    // 8 sessions: $2,400 + 2 x $450 = $3,300; the $200 intake: $3,500 all in.
    expect(JSON.parse(r.stdout)).toMatchObject({
      program: { lowCents: 330_000, highCents: 330_000 },
      allIn: { lowCents: 350_000, highCents: 350_000 },
    });
  });
});
