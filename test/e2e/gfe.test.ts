import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasBrowser, printInBrowser, runCli, writeClinicProfile } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-gfe-'));
const clinicFile = writeClinicProfile(join(dir, 'clinic.json'));
const NAME = 'Alexandra Quinlan-Doe';
const DOB = '1980-04-23';
const patient = ['--clinic', clinicFile, '--patient-name', NAME, '--patient-dob', DOB];
/** A scenario a Good Faith Estimate can be made for: single prices, a set number of sessions. */
const priced = ['-r', 'iv', '-s', '6', '--price', '450', '--exclude', 'intake'];

/** Every element 45 CFR 149.610(c)(1) asks of a Good Faith Estimate, as the printed text says it. */
const REQUIRED = [
  NAME, // the patient's name
  DOB, // and date of birth
  'IV infusion at a clinic, 6 sessions', // the primary service
  '2027-01-04', // its scheduled date
  'F33.2', // diagnosis code
  'Example Ketamine Clinic', // provider or facility
  'NPI 1234567893',
  'TIN 12-3456789',
  '1 Main St, Springfield, IL 62701', // where care is given
  '6 sessions, as the clinic schedules them; this estimate covers at most 12 months', // recurring care
  '$2,900', // the total: $2,700 + $200
  'Not included', // the optional items not priced, with the right to a new estimate
  'you have the right to a new Good Faith Estimate',
  'not a contract',
  'at least $400 more for any provider or facility',
  'within 120 calendar days',
  'There is a $25 fee to use the dispute process.',
  'https://www.cms.gov/nosurprises/consumers',
  'not adversely affect the quality',
  'Signed for the provider or facility:',
];

describe('gfe', () => {
  const args = [
    'gfe',
    '-r',
    'iv',
    '-s',
    '6',
    '--price',
    '450',
    '--item-price',
    'intake=200',
    ...patient,
    '--diagnosis',
    'f33.2',
    '--start',
    '2027-01-04',
    '--issued',
    '2026-12-01',
  ];

  it('markdown and JSON hold every required element, single charges whose lines multiply', () => {
    const md = runCli(args);
    expect([md.code, md.stderr]).toEqual([0, '']);
    const flat = md.stdout.replace(/[ \t]+/g, ' ');
    for (const part of REQUIRED) expect(flat).toContain(part);
    // The lines, each quantity x each = its total: 6 x $450 = $2,700; the intake 1 x $200.
    for (const row of ['| IV infusion at a clinic [', '| 6 | $450 | $2,700 |', '| 1 | $200 | $200 |']) expect(flat).toContain(row);
    expect(md.stdout).toContain('**Date of this estimate:** 2026-12-01');
    // Nothing is promised that will not come: no separate estimates are announced.
    expect(md.stdout).not.toContain('separate Good Faith Estimates will be issued');
    const json = runCli([...args, '--format', 'json']);
    const doc = JSON.parse(json.stdout) as {
      schemaVersion: number;
      document: string;
      total: { lowCents: number; highCents: number };
      providers: { items: { quantity: { low: number }; unit: { lowCents: number }; expected: { lowCents: number } }[] }[];
    };
    expect([doc.schemaVersion, doc.document]).toEqual([2, 'good-faith-estimate']);
    // 6 x 45,000 + 20,000 = 290,000 cents, one amount.
    expect(doc.total).toEqual({ lowCents: 290_000, highCents: 290_000 });
    for (const i of doc.providers[0]?.items ?? []) expect(i.quantity.low * i.unit.lowCents).toBe(i.expected.lowCents);
  });

  it('esketamine: the observation visit every session requires is its own line, counted in the total', () => {
    const r = runCli([
      'gfe',
      '-r',
      'esketamine',
      '-s',
      '8',
      '--dose',
      '84',
      '--price',
      '900',
      '--item-price',
      'observation=180,intake=0',
      ...patient,
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // 8 x $900 = $7,200; 8 x $180 = $1,440; intake $0: $8,640.
    expect(doc.total).toEqual({ lowCents: 864_000, highCents: 864_000 });
    expect(doc.providers[0].items.map((i: { codes: { code: string }[] }) => i.codes.map((c) => c.code).join(','))).toContain('G2082,G2083');
  });

  it.each([
    [['-r', 'iv', '-s', '6'], '--price is needed: a Good Faith Estimate gives one expected charge'],
    [
      ['-r', 'iv', '--price', '450'],
      '--sessions is needed: a Good Faith Estimate gives one expected charge, and the typical program is 3-6 sessions',
    ],
    [['-r', 'esketamine', '-s', '8', '--price', '900'], '--item-price is needed for observation: every session includes it'],
    [
      ['-r', 'esketamine', '--weeks', '60', '--price', '900', '--item-price', 'observation=180'],
      '--weeks is 60: one Good Faith Estimate covers at most 12 months',
    ],
  ])('%j is refused, without the patient in the message', (flags, message) => {
    const r = runCli(['gfe', ...flags, ...patient]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain(NAME);
    expect(r.stderr).not.toContain(DOB);
  });

  it('is given to a patient not using a plan (--covered no), and refused to one who is', () => {
    expect(runCli([...args, '-i', 'oon', '--covered', 'no']).code).toBe(0);
    expect(runCli([...args, '-i', 'oon']).code).toBe(2);
  });

  it('--output creates the file private (0600), also over an existing readable file', () => {
    const file = join(dir, 'gfe.html');
    writeFileSync(file, 'old');
    chmodSync(file, 0o644);
    const r = runCli([...args, '--format', 'html', '--output', file]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const fresh = join(dir, 'fresh.md');
    expect(runCli([...args, '-o', fresh]).code).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    expect(readFileSync(fresh, 'utf8')).toContain(NAME);
  });

  it.each([
    [['--patient-dob', '1980-02-30'], '--patient-dob is not a date as YYYY-MM-DD (a date of birth), such as 1970-01-31'],
    [
      ['--diagnosis', 'F33.2,depression'],
      '--diagnosis: code 2 is not an ICD-10-CM code; use codes such as F32.A or F33.2, comma-separated',
    ],
    [['--patient-name', 'Alexandra\u0007Doe'], '--patient-name contains control characters; type the name as plain text'],
    [
      ['-i', 'in-network'],
      'a Good Faith Estimate is for patients paying themselves: leave out --insurance, or add --covered no when the plan does not cover it or is not used',
    ],
    [['--patient-dob', '2099-01-01'], '--patient-dob is later than today or than --start; give the date of birth'],
    [['--patient-dob', '2027-02-01', '--start', '2027-01-04'], '--patient-dob is later than today or than --start; give the date of birth'],
  ])('bad input %j: one line, exit 2, and no personal data in it', (extra, message) => {
    const r = runCli(['gfe', ...priced, ...patient, ...extra]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `error: ${message}\n`]);
    for (const secret of [NAME, DOB, '1980-02-30', 'Alexandra']) expect(r.stderr).not.toContain(secret);
  });

  it('takes every name for paying yourself that the estimate takes', () => {
    for (const status of ['none', 'self-pay', 'SelfPay', 'uninsured', 'cash']) expect(runCli([...args, '-i', status]).code).toBe(0);
    expect(runCli([...args, '-i', 'OON']).code).toBe(2);
  });

  it('a missing or wrong clinic profile is a data error naming the path, without the patient', () => {
    const broken = join(dir, 'broken-clinic.json');
    writeFileSync(
      broken,
      JSON.stringify({ name: 'X', npi: '1234567890', tin: '12-3456789', location: { street: 'a', city: 'b', state: 'IL', zip: '62701' } }),
    );
    const r = runCli(['gfe', ...priced, '--clinic', broken, '--patient-name', NAME, '--patient-dob', DOB]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: clinic profile .*broken-clinic\.json is not valid: npi: has a wrong check digit/);
    expect(r.stderr).not.toContain(NAME);
    const none = runCli(['gfe', ...priced, '--patient-name', NAME, '--patient-dob', DOB]);
    expect([none.code, none.stderr]).toEqual([
      2,
      'error: --clinic is required: the clinic profile (JSON) with its name, NPI, TIN and location; `ketamine-cost clinic init` prints one\n',
    ]);
    const noName = runCli(['gfe', ...priced, '--clinic', clinicFile, '--patient-dob', DOB]);
    expect([noName.code, noName.stderr]).toEqual([2, 'error: --patient-name is required (in a terminal it is asked)\n']);
  });

  it('Markdown keeps a typed name as text: no HTML, no emphasis, no link', () => {
    const hostile = '<img src=x onerror=alert(1)> **b** [l](http://e.vil)';
    const r = runCli(['gfe', ...priced, '--clinic', clinicFile, '--patient-name', hostile, '--patient-dob', DOB]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('**Patient:** &lt;img src=x onerror=alert(1)&gt; \\*\\*b\\*\\* \\[l\\](http://e.vil), born 1980-04-23');
    expect(r.stdout).not.toContain('<img');
    // No --start: the service is not yet scheduled, said once ("scheduled not yet scheduled" before).
    expect(r.stdout).toContain('**Primary service:** IV infusion at a clinic, 6 sessions; not yet scheduled\n');
  });

  it('clinic init prints a template that is refused until filled in', () => {
    const template = runCli(['clinic', 'init']);
    expect(template.code).toBe(0);
    const file = join(dir, 'template.json');
    writeFileSync(file, template.stdout);
    const r = runCli(['gfe', ...priced, '--clinic', file, '--patient-name', NAME, '--patient-dob', DOB]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: clinic profile .*template\.json is not valid: name: is empty; fill it in \(and \d+ more\)\n$/);
  });

  it.skipIf(!hasBrowser())(
    'the HTML prints in a real browser with every required element',
    () => {
      const r = runCli([...args, '--format', 'html']);
      expect(r.code).toBe(0);
      const { text } = printInBrowser(r.stdout, { layout: false });
      for (const part of [...REQUIRED, 'Date of this estimate: 2026-12-01']) expect(text).toContain(part);
    },
    90_000,
  );
});
