import { estimateCost } from '../core/estimate.js';
import { isCalendarDate } from '../core/fields.js';
import { type GfePatient, goodFaithEstimate } from '../core/gfe.js';
import { insuranceStatusOf } from '../core/scenario.js';
import type { RawScenario } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { GfeFormat } from '../formats.js';
import type { Io } from '../io.js';
import type { Language } from '../text/catalog.js';
import { sayGfe } from '../text/localize.js';
import { visibleDeep } from '../text/visible.js';
import { type DatasetChoice, emit, promptWordsFor, scenarioFromFlags, selectDataset, withPrompts } from './shared.js';

export type GfeCommandOptions = {
  /** The language of the document and the messages. */
  text: Language;
  raw: RawScenario;
  clinic: string | undefined;
  patientName: string | undefined;
  patientDob: string | undefined;
  diagnosis: string | undefined;
  start: string | undefined;
  issued: string | undefined;
  format: GfeFormat;
  output: string | undefined;
  data: DatasetChoice;
};

// ICD-10-CM: a letter, two characters, then optionally a dot and up to four more (F32.A, F33.2).
const ICD10 = /^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/;

/**
 * A Good Faith Estimate draft for a self-pay patient. The patient's name and date of birth are
 * personal data: they go into the document only, and no message ever repeats them.
 */
export async function gfeCommand(options: GfeCommandOptions, io: Io): Promise<number> {
  const insurance = options.raw.insurance === undefined ? 'none' : insuranceStatusOf(String(options.raw.insurance));
  // Everyone paying cash: no insurance, or a plan that does not cover it or is not used (--covered no) (#24).
  // An unknown status falls through to the scenario's own message, which lists what is allowed.
  const notUsed =
    String(options.raw.covered ?? '')
      .trim()
      .toLowerCase() === 'no';
  if (insurance !== undefined && insurance !== 'none' && !notUsed)
    throw new UsageError(
      'a Good Faith Estimate is for patients paying themselves: leave out --insurance, or add --covered no when the plan does not cover it or is not used',
    );
  // Insurance terms are not the clinic's charges: the estimate is of what the clinic expects to charge.
  const raw: RawScenario = { ...options.raw };
  if (notUsed) for (const key of ['insurance', 'covered'] as const) delete raw[key];
  if (options.clinic === undefined)
    throw new UsageError(
      '--clinic is required: the clinic profile (JSON) with its name, NPI, TIN and location; `ketamine-cost clinic init` prints one',
    );

  const dataset = await selectDataset(options.data, io);
  const scenario = scenarioFromFlags(raw, dataset, options.text);
  const clinic = (await import('../catalog/read.js')).loadClinicProfile(options.clinic, io.cwd);
  // Whether a Good Faith Estimate can be made at all, before anyone is asked for personal data.
  const estimate = estimateCost(scenario, dataset);
  const check = goodFaithEstimate(estimate, dataset, clinic, { name: '', dateOfBirth: '', diagnosisCodes: [] }, null);
  if ('flag' in check) throw new UsageError(options.text.issueAfter(check.flag, check.message));
  const patient = await patientDetails(options, io);
  const start = options.start === undefined ? null : checkedDate(options.start, '--start', 'the date of the first session', '2027-01-15');

  const issued =
    options.issued === undefined ? null : checkedDate(options.issued, '--issued', 'the date the estimate is given', '2026-12-01');
  const document = goodFaithEstimate(estimate, dataset, clinic, patient, start, issued);
  // Refused with the flag to give; the message never names the patient.
  if ('flag' in document) throw new UsageError(options.text.issueAfter(document.flag, document.message));
  const shown = visibleDeep(sayGfe(document, options.text.say));
  const { GFE_RENDERERS } = await import('../format/gfe.js');
  const text = GFE_RENDERERS[options.format](shown, options.text.view);
  // The file holds personal data: private to its owner.
  await emit(text, options.output, io, { private: true });
  return 0;
}

/** The patient's details from flags or, in a terminal, from questions; refused without repeating them. */
async function patientDetails(options: GfeCommandOptions, io: Io): Promise<GfePatient> {
  let name = options.patientName;
  let dob = options.patientDob;
  const terminal = io.stdinIsTTY && io.stdoutIsTTY;
  // Today only refuses a date of birth still to come; it never reaches the document, which stays
  // the same for the same input.
  const today = new Date().toISOString().slice(0, 10);
  if ((name === undefined || dob === undefined) && terminal) {
    const { askPatient } = await import('../prompts/ask.js');
    const dobProblem = (v: string) => dateProblem(v, 'it') ?? (v.trim() <= today ? null : 'it is later than today; give the date of birth');
    const words = await promptWordsFor(options.text);
    ({ name, dob } = await withPrompts(io, () => askPatient({ name, dob }, { name: nameProblem, dob: dobProblem }, undefined, words)));
  }
  if (name === undefined) throw new UsageError('--patient-name is required (in a terminal it is asked)');
  if (dob === undefined) throw new UsageError('--patient-dob is required, as YYYY-MM-DD (in a terminal it is asked)');
  const nameIssue = nameProblem(name);
  if (nameIssue) throw new UsageError(`--patient-name ${nameIssue}`);
  const dateOfBirth = checkedDate(dob, '--patient-dob', 'a date of birth', '1970-01-31');
  if (dateOfBirth > today || (options.start !== undefined && dateOfBirth > options.start.trim()))
    throw new UsageError('--patient-dob is later than today or than --start; give the date of birth');
  const diagnosisCodes = (options.diagnosis ?? '')
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
  // A code is not personal on its own, but next to a name it is: say which position, not the value.
  diagnosisCodes.forEach((code, i) => {
    if (!ICD10.test(code))
      throw new UsageError(`--diagnosis: code ${i + 1} is not an ICD-10-CM code; use codes such as F32.A or F33.2, comma-separated`);
  });
  return { name: name.trim(), dateOfBirth, diagnosisCodes };
}

function nameProblem(name: string): string | null {
  if (name.trim() === '') return 'is empty; give the name as it should appear on the estimate';
  if (name.length > 200) return 'is longer than 200 characters';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'contains control characters; type the name as plain text';
  return null;
}

function dateProblem(text: string, what: string): string | null {
  const s = text.trim();
  if (!isCalendarDate(s) || s < '1900-01-01') return `${what} is not a date as YYYY-MM-DD, such as 1980-04-23`;
  return null;
}

function checkedDate(text: string, flag: string, what: string, example: string): string {
  // Never the value: a date of birth is personal data.
  if (dateProblem(text, what) !== null) throw new UsageError(`${flag} is not a date as YYYY-MM-DD (${what}), such as ${example}`);
  return text.trim();
}
