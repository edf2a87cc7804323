import checkbox from '@inquirer/checkbox';
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import select from '@inquirer/select';
import type { Cited } from '../core/estimate.js';
import { formatRange } from '../core/fields.js';
import type { Message } from '../core/message.js';
import { formatUsd } from '../core/money.js';
import { type InsuranceTerm, PAYER_TERMS } from '../core/payer-terms.js';
import { PAYERS } from '../core/payers.js';
import { INSURANCE_STATUSES, insuranceStatusOf, parseScenario, type RawScenario, type ScenarioField } from '../core/scenario.js';
import type { Dataset, Route } from '../core/types.js';
import { CancelledError } from '../errors.js';
import * as en from '../text/en.js';
import { PAYER_WORDS } from '../text/en-words.js';
import { citeText } from '../text/localize.js';
import type { PromptWords } from '../text/prompt-words.js';
import { EN_PROMPTS } from './words-en.js';

/** The Inquirer prompts the flow uses, passed in so tests can script them. */
export type Prompts = { select: typeof select; input: typeof input; confirm: typeof confirm; checkbox: typeof checkbox };

export type AskResult = { raw: RawScenario; eligibilityNotes: Cited[] };

/**
 * Asks the missing questions with the real Inquirer prompts on the terminal. Ctrl-C or the end of
 * input at any prompt becomes a CancelledError (exit 130) instead of Inquirer's stack trace.
 */
export async function askInTerminal(
  given: RawScenario,
  dataset: Dataset,
  prompts: Prompts = { select, input, confirm, checkbox },
  words: Words = ENGLISH,
): Promise<AskResult> {
  return cancellable(() => askMissingInputs(given, dataset, prompts, words));
}

/**
 * The prompts with each question and each choice's description broken at words to the terminal's
 * `width` before Inquirer draws them: Inquirer breaks a long line where it falls and keeps the space
 * it broke at, so a continued line began with a space (" range) 3-6"). The question's first line
 * leaves room for the "? " before it. `wrap` is the table module's word wrap.
 */
export function fitted(
  width: number,
  wrap: (text: string, width: number, first: string, rest: string) => string[],
  prompts: Prompts = { select, input, confirm, checkbox },
): Prompts {
  const atWords = (text: string) => wrap(text, width, '  ', '').join('\n').slice(2);
  const described = (choices: readonly unknown[]) =>
    choices.map((c) =>
      typeof c === 'object' && c !== null && 'description' in c && typeof c.description === 'string'
        ? { ...c, description: wrap(c.description, width, '', '').join('\n') }
        : c,
    );
  return {
    select: ((config, context) =>
      prompts.select(
        { ...config, message: atWords(config.message), choices: described(config.choices as readonly unknown[]) as typeof config.choices },
        context,
      )) as typeof select,
    input: ((config, context) => prompts.input({ ...config, message: atWords(config.message) }, context)) as typeof input,
    confirm: ((config, context) => prompts.confirm({ ...config, message: atWords(config.message) }, context)) as typeof confirm,
    checkbox: ((config, context) =>
      prompts.checkbox(
        { ...config, message: atWords(config.message), choices: described(config.choices as readonly unknown[]) as typeof config.choices },
        context,
      )) as typeof checkbox,
  };
}

/** The questions' words and the price list's prose in the reader's language (English by default). */
export type Words = { ask: PromptWords; data: (text: string) => string; say: (m: Message) => string; payer: typeof PAYER_WORDS };
const ENGLISH: Words = { ask: EN_PROMPTS, data: (text) => text, say: en.say, payer: PAYER_WORDS };

/** Inquirer's key hints in the reader's language, where the words have them. */
const themed = (words: Words) =>
  words.ask.keys === null
    ? {}
    : {
        theme: {
          style: {
            keysHelpTip: (keys: [string, string][]) =>
              keys.map(([key, action]) => `${words.ask.keys?.[key] ?? key} ${words.ask.keys?.[action] ?? action}`).join(' • '),
          },
        },
      };

/** Runs questions; Ctrl-C or the end of input at any prompt becomes a CancelledError (exit 130). */
async function cancellable<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError'))
      throw new CancelledError('Cancelled');
    throw error;
  }
}

/**
 * Validates one answer with the same rules as the flags: the answer is put into the scenario
 * gathered so far and run through parseScenario, and only this field's problem is reported.
 */
export function checkAnswer(raw: RawScenario, field: ScenarioField, answer: string, dataset: Dataset, say = en.say): true | string {
  const parsed = parseScenario({ ...raw, [field]: answer }, dataset);
  if (parsed.ok) return true;
  const issue = parsed.issues.find((i) => i.field === field);
  return issue ? say(issue.message) : true;
}

/**
 * Asks only for the insurance terms that change the answer (deductible, coinsurance or copay,
 * out-of-pocket maximum; out of network, the payback and the allowed amount) when the rest came as
 * flags: a patient in a terminal who gave --insurance is asked rather than assumed about.
 */
export async function askInsuranceDetails(
  given: RawScenario,
  dataset: Dataset,
  prompts: Prompts = { select, input, confirm, checkbox },
  words: Words = ENGLISH,
): Promise<RawScenario> {
  const raw = { ...given };
  const name = String(raw.route).trim().toLowerCase();
  const route = dataset.routes.find((r) => r.id === name || r.aliases.includes(name));
  if (!route) return raw;
  await cancellable(() => askInsuranceTerms(raw, route, dataset, prompts, words));
  return raw;
}

/**
 * Asks for the patient's name and date of birth where no flag gave them (a Good Faith Estimate).
 * `check` says what is wrong with an answer without repeating it.
 */
export async function askPatient(
  given: { name: string | undefined; dob: string | undefined },
  check: { name: (v: string) => string | null; dob: (v: string) => string | null },
  prompts: Pick<Prompts, 'input'> = { input },
  words: Words = ENGLISH,
): Promise<{ name: string; dob: string }> {
  return cancellable(async () => {
    const name = given.name ?? (await prompts.input({ message: words.ask.patientName, validate: (v) => check.name(v) ?? true }));
    const dob = given.dob ?? (await prompts.input({ message: words.ask.patientDob, validate: (v) => check.dob(v) ?? true }));
    return { name, dob };
  });
}

/** Reads a sessions answer: blank or the shown default is the typical program, "8w" is 8 weeks, else a count. */
export function readSessionsAnswer(answer: string, typical: string): Pick<RawScenario, 'sessions' | 'weeks'> {
  const text = answer.trim().toLowerCase();
  if (text === '' || text === typical) return {};
  // "8w" or "8 weeks"; in Spanish "8s" or "8 semanas".
  const weeks = /^(\d+)\s*(?:w(?:eeks?)?|s(?:emanas?)?)$/.exec(text);
  return weeks ? { weeks: weeks[1] ?? '' } : { sessions: answer.trim() };
}

/**
 * Asks, in plain words, only for what the flags left out: route, provider (when there is a
 * choice), dose (esketamine), sessions or weeks, insurance and the terms that status needs, then
 * the optional eligibility notes. Every question has a default, so Enter all the way through works.
 */
export async function askMissingInputs(given: RawScenario, dataset: Dataset, prompts: Prompts, words: Words = ENGLISH): Promise<AskResult> {
  const raw: RawScenario = { ...given };
  const w = words.ask;
  const t = words.data;

  // 1. How the ketamine would be given.
  if (raw.route === undefined) {
    raw.route = await prompts.select({
      message: w.route,
      choices: dataset.routes.map((r) => ({ name: t(r.label), value: r.id, description: `${t(r.description)}.` })),
      default: dataset.routes[0]?.id,
      ...themed(words),
    });
  }
  const route = dataset.routes.find((r) => r.id === raw.route || r.aliases.includes(String(raw.route).toLowerCase())) as Route;

  // 2. Provider type, only when the route has more than one; dose, only where priced by dose.
  if (raw.provider === undefined && route.offers.length > 1) {
    raw.provider = await prompts.select({
      message: w.provider,
      choices: route.offers.map((o) => ({
        name: t(dataset.providers.find((p) => p.id === o.provider)?.label ?? o.provider),
        value: o.provider,
      })),
      ...themed(words),
    });
  }
  if (raw.dose === undefined && route.doses) {
    raw.dose = String(
      await prompts.select({
        message: w.dose,
        choices: route.doses.map((d) => ({ name: `${d.mg} mg`, value: d.mg, description: w.devicesPerSession(d.devices) })),
        default: route.defaultDoseMg,
        ...themed(words),
      }),
    );
  }

  // 3. How many sessions (or weeks, where the route has a schedule).
  if (raw.sessions === undefined && raw.weeks === undefined) {
    const typical = formatRange(route.program.lowSessions, route.program.highSessions);
    const answer = await prompts.input({
      message: w.sessions({
        description: t(route.program.description),
        typical,
        single: route.program.lowSessions === route.program.highSessions,
        weeks: route.schedule !== undefined,
      }),
      default: typical,
      validate: (value) => {
        const parsed = readSessionsAnswer(value, typical);
        const field: ScenarioField = parsed.weeks !== undefined ? 'weeks' : 'sessions';
        const text = parsed.weeks ?? parsed.sessions;
        const checked = text === undefined ? true : checkAnswer(raw, field, String(text), dataset, words.say);
        // Say every form an answer may take: a count, a range's default, or weeks where there is a schedule.
        return checked === true ? true : w.sessionsRetry({ problem: checked, typical, weeks: route.schedule !== undefined });
      },
    });
    Object.assign(raw, readSessionsAnswer(answer, typical));
  }

  // 3b. A quote from the clinic, if the patient has one (#23): it replaces the published prices.
  if (raw.price === undefined && raw.package === undefined) {
    const has = await yesNo(prompts, words, w.hasQuote, false);
    if (has) {
      const check = (field: ScenarioField) => (value: string) =>
        value.trim() === '' ? true : checkAnswer(raw, field, value, dataset, words.say);
      const price = await prompts.input({
        message: w.quotePrice,
        default: '',
        validate: check('price'),
      });
      if (price.trim() !== '') raw.price = price;
      const offered = await prompts.input({
        message: w.quotePackages,
        default: '',
        validate: check('package'),
      });
      if (offered.trim() !== '') raw.package = offered;
    }
  }

  // 4. Insurance, then only the terms that status uses.
  if (raw.insurance === undefined) {
    raw.insurance = await prompts.select({
      message: w.insurance,
      choices: INSURANCE_STATUSES.map((value) => ({ name: words.payer[value].answer, value, description: words.payer[value].answerHelp })),
      default: 'none',
      ...themed(words),
    });
  }
  const status = insuranceStatusOf(String(raw.insurance));
  if (status !== undefined && PAYER_TERMS[status].paysOnTheDay !== null) await askInsuranceTerms(raw, route, dataset, prompts, words);

  // 5. Optional eligibility notes: never block the estimate, only add things to discuss.
  const eligibilityNotes = await askEligibility(route, dataset, prompts, words);
  return { raw, eligibilityNotes };
}

/**
 * Asks for the insurance terms the payer takes (PAYER_TERMS), in the order a plan document gives
 * them, and only those not given as flags: Medicare asks about a Medigap plan, not a coinsurance.
 */
async function askInsuranceTerms(raw: RawScenario, route: Route, dataset: Dataset, prompts: Prompts, words: Words): Promise<void> {
  const status = insuranceStatusOf(String(raw.insurance));
  if (status === undefined) return;
  const w = words.ask;
  const label = words.data(route.label);
  const takes = (term: InsuranceTerm) => PAYER_TERMS[status].terms.includes(term);
  const validator = (field: ScenarioField) => (value: string) =>
    value.trim() === '' ? true : checkAnswer(raw, field, value, dataset, words.say);
  const optional = async (field: ScenarioField, message: string) => {
    const answer = await prompts.input({ message, default: '', validate: validator(field) });
    if (answer.trim() !== '') raw[field] = answer;
  };
  const typicallyCovered = PAYERS[status].plan?.typicallyCovers(route, dataset) ?? false;
  const usual = w.usually(typicallyCovered);
  if (raw.covered === undefined && takes('covered')) {
    raw.covered = await prompts.select({
      message: w.covered(label, usual),
      choices: [
        { name: w.coveredUnknown, value: 'auto', description: w.coveredUnknownHelp(label, usual) },
        { name: w.yes, value: 'yes' },
        { name: w.no, value: 'no' },
      ],
      default: 'auto',
      ...themed(words),
    });
  }
  if (raw.medigap === undefined && takes('medigap')) {
    const letters = (dataset.payers?.medigap?.plans ?? []).map((p) => p.letter).sort();
    const medigap = await prompts.select({
      message: w.medigap,
      choices: [{ name: w.noMedigap, value: '' }, ...letters.map((letter) => ({ name: w.medigapPlan(letter), value: letter }))],
      default: '',
      ...themed(words),
    });
    if (medigap !== '') raw.medigap = medigap;
  }
  if (raw.deductible === undefined && takes('deductible')) {
    // No optimistic default: blank means "I don't know", and the estimate then spans both cases.
    const partB = status === 'medicare' ? dataset.payers?.medicare : undefined;
    const full =
      partB?.deductibleCents ??
      (status === 'in-network' || status === 'out-of-network' ? dataset.insurance.typicalDeductible?.cents : undefined);
    await optional(
      'deductible',
      w.deductible({
        partB: partB !== undefined,
        fullCents: full ?? null,
        fullText: full === undefined ? '' : formatUsd(full),
        year: partB?.year ?? null,
      }),
    );
  }
  if (takes('reimbursement')) {
    if (raw.reimbursement === undefined) {
      raw.reimbursement = await prompts.input({
        message: w.reimbursement,
        default: '0',
        validate: validator('reimbursement'),
      });
    }
    if (raw.allowed === undefined) await optional('allowed', w.allowed);
    return;
  }
  if (raw.coinsurance === undefined && raw.copay === undefined && takes('coinsurance')) {
    const kind = await prompts.select({
      message: w.shareKind,
      choices: [
        { name: w.coinsuranceChoice, value: 'coinsurance', description: w.coinsuranceHelp },
        { name: w.copayChoice, value: 'copay', description: w.copayHelp },
      ],
      default: 'coinsurance',
      ...themed(words),
    });
    if (kind === 'copay') {
      raw.copay = await prompts.input({ message: w.copay, default: '0', validate: validator('copay') });
    } else {
      raw.coinsurance = await prompts.input({
        message: w.coinsurance,
        default: String(dataset.insurance.defaultCoinsurancePercent),
        validate: validator('coinsurance'),
      });
    }
  } else if (raw.copay === undefined && !takes('coinsurance') && takes('copay')) {
    await optional('copay', w.medicaidCopay);
  }
  if (raw.oopMax === undefined && takes('oopMax')) {
    const limit = status === 'medicare-advantage' ? dataset.payers?.medicareAdvantage : undefined;
    await optional('oopMax', w.oopMax(limit ? { year: limit.year, text: formatUsd(limit.oopMaxCents) } : null));
  }
}

async function askEligibility(route: Route, dataset: Dataset, prompts: Prompts, words: Words): Promise<Cited[]> {
  const e = dataset.eligibility;
  const t = words.data;
  const check = await yesNo(prompts, words, words.ask.eligibility, false);
  if (!check) return [];
  const notes: Cited[] = [];
  const adult = await yesNo(prompts, words, t(e.ageQuestion.text), true);
  if (!adult) notes.push(citeText(t(e.ageQuestion.note), e.ageQuestion.ref));
  const chosen = await prompts.checkbox({
    message: words.ask.conditions(t(e.intro)),
    choices: e.conditions.map((c) => ({ name: t(c.label), value: c.id })),
    ...themed(words),
  });
  for (const c of e.conditions) if (chosen.includes(c.id)) notes.push(citeText(t(c.note), c.ref));
  if (e.crisisNote.routes.includes(route.id)) notes.push(citeText(t(e.crisisNote.text), e.crisisNote.ref));
  return notes;
}

/**
 * A yes-or-no question: Inquirer's confirm in English (y/N); in another language a choice of its
 * own words, since confirm reads only "y" and "yes".
 */
async function yesNo(prompts: Prompts, words: Words, message: string, answer: boolean): Promise<boolean> {
  if (words.ask.keys === null) return prompts.confirm({ message, default: answer });
  return prompts.select({
    message,
    choices: [
      { name: words.ask.yes, value: true },
      { name: words.ask.no, value: false },
    ],
    default: answer,
    ...themed(words),
  });
}
