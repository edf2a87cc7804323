import { estimateCost } from '../core/estimate.js';
import { isCalendarDate } from '../core/fields.js';
import { type GfePatient, goodFaithEstimate } from '../core/gfe.js';
import { insuranceStatusOf } from '../core/scenario.js';
import type { RawScenario } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { GfeFormat } from '../formats.js';
import type { Io } from '../io.js';
import type { Language } from '../text/catalog.js';
import { type Said, sayError } from '../text/error-words.js';
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
  if (insurance !== undefined && insurance !== 'none' && !notUsed) throw new UsageError({ key: 'gfeInsurance', params: {} });
  // Insurance terms are not the clinic's charges: the estimate is of what the clinic expects to charge.
  const raw: RawScenario = { ...options.raw };
  if (notUsed) for (const key of ['insurance', 'covered'] as const) delete raw[key];
  if (options.clinic === undefined) throw new UsageError({ key: 'gfeClinic', params: {} });

  const dataset = await selectDataset(options.data, io);
  const scenario = scenarioFromFlags(raw, dataset, options.text);
  const clinic = (await import('../catalog/read.js')).loadClinicProfile(options.clinic, io.cwd);
  // Whether a Good Faith Estimate can be made at all, before anyone is asked for personal data.
  const estimate = estimateCost(scenario, dataset);
  const check = goodFaithEstimate(estimate, dataset, clinic, { name: '', dateOfBirth: '', diagnosisCodes: [] }, null);
  if ('flag' in check) throw new UsageError(options.text.issueAfter(check.flag, check.message));
  const patient = await patientDetails(options, io);
  const start = options.start === undefined ? null : checkedDate(options.start, '--start', 'firstSession', '2027-01-15');

  const issued = options.issued === undefined ? null : checkedDate(options.issued, '--issued', 'issued', '2026-12-01');
  const document = goodFaithEstimate(estimate, dataset, clinic, patient, start, issued);
  // Refused with the flag to give; the message never names the patient.
  if ('flag' in document) throw new UsageError(options.text.issueAfter(document.flag, document.message));
  const shown = visibleDeep(sayGfe(document, options.text.say));
  const { GFE_RENDERERS } = await import('../format/gfe.js');
  const text = GFE_RENDERERS[options.format](shown, options.text.view);
  // The file holds personal data: private to its owner.
  await emit(text, options.output, io, { private: true, words: options.text });
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
    // An answer refused at the question, in the run's language.
    const say = (said: Said) => sayError(options.text.errors, said);
    const nameAnswer = (v: string) => {
      const problem = nameProblem(v);
      return problem === null ? null : say({ key: 'answerName', params: { problem } });
    };
    const dobAnswer = (v: string) =>
      !isDate(v)
        ? say({ key: 'answerDob', params: { problem: 'notDate' } })
        : v.trim() <= today
          ? null
          : say({ key: 'answerDob', params: { problem: 'later' } });
    const words = await promptWordsFor(options.text);
    ({ name, dob } = await withPrompts(io, () => askPatient({ name, dob }, { name: nameAnswer, dob: dobAnswer }, undefined, words)));
  }
  if (name === undefined) throw new UsageError({ key: 'patientRequired', params: { flag: '--patient-name' } });
  if (dob === undefined) throw new UsageError({ key: 'patientRequired', params: { flag: '--patient-dob' } });
  const nameIssue = nameProblem(name);
  if (nameIssue) throw new UsageError({ key: 'patientName', params: { problem: nameIssue } });
  const dateOfBirth = checkedDate(dob, '--patient-dob', 'dateOfBirth', '1970-01-31');
  if (dateOfBirth > today || (options.start !== undefined && dateOfBirth > options.start.trim()))
    throw new UsageError({ key: 'dobLater', params: {} });
  const diagnosisCodes = (options.diagnosis ?? '')
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
  // A code is not personal on its own, but next to a name it is: say which position, not the value.
  diagnosisCodes.forEach((code, i) => {
    if (!ICD10.test(code)) throw new UsageError({ key: 'diagnosis', params: { n: i + 1 } });
  });
  return { name: name.trim(), dateOfBirth, diagnosisCodes };
}

function nameProblem(name: string): 'empty' | 'long' | 'control' | null {
  if (name.trim() === '') return 'empty';
  if (name.length > 200) return 'long';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'control';
  return null;
}

/** Whether a typed date is a calendar date as YYYY-MM-DD from 1900 on. */
function isDate(text: string): boolean {
  const s = text.trim();
  return isCalendarDate(s) && s >= '1900-01-01';
}

function checkedDate(text: string, flag: string, what: 'firstSession' | 'dateOfBirth' | 'issued', example: string): string {
  // Never the value: a date of birth is personal data.
  if (!isDate(text)) throw new UsageError({ key: 'notADate', params: { flag, what, example } });
  return text.trim();
}
