import checkbox from '@inquirer/checkbox';
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import select from '@inquirer/select';
import type { Cited } from '../core/estimate.js';
import { formatRange } from '../core/fields.js';
import { formatUsd } from '../core/money.js';
import { type InsuranceTerm, PAYER_TERMS } from '../core/payer-terms.js';
import { PAYERS } from '../core/payers.js';
import { INSURANCE_STATUSES, insuranceStatusOf, parseScenario, type RawScenario, type ScenarioField } from '../core/scenario.js';
import type { Dataset, Route } from '../core/types.js';
import { CancelledError } from '../errors.js';
import * as en from '../text/en.js';
import { PAYER_WORDS } from '../text/en-words.js';
import { citeText } from '../text/localize.js';

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
): Promise<AskResult> {
  return cancellable(() => askMissingInputs(given, dataset, prompts));
}

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
export function checkAnswer(raw: RawScenario, field: ScenarioField, answer: string, dataset: Dataset): true | string {
  const parsed = parseScenario({ ...raw, [field]: answer }, dataset);
  if (parsed.ok) return true;
  const issue = parsed.issues.find((i) => i.field === field);
  return issue ? en.say(issue.message) : true;
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
): Promise<RawScenario> {
  const raw = { ...given };
  const name = String(raw.route).trim().toLowerCase();
  const route = dataset.routes.find((r) => r.id === name || r.aliases.includes(name));
  if (!route) return raw;
  await cancellable(() => askInsuranceTerms(raw, route, dataset, prompts));
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
): Promise<{ name: string; dob: string }> {
  return cancellable(async () => {
    const name =
      given.name ??
      (await prompts.input({ message: "Patient's full name (printed on the estimate only)", validate: (v) => check.name(v) ?? true }));
    const dob =
      given.dob ?? (await prompts.input({ message: "Patient's date of birth (YYYY-MM-DD)", validate: (v) => check.dob(v) ?? true }));
    return { name, dob };
  });
}

/** Reads a sessions answer: blank or the shown default is the typical program, "8w" is 8 weeks, else a count. */
export function readSessionsAnswer(answer: string, typical: string): Pick<RawScenario, 'sessions' | 'weeks'> {
  const text = answer.trim().toLowerCase();
  if (text === '' || text === typical) return {};
  const weeks = /^(\d+)\s*w(?:eeks?)?$/.exec(text);
  return weeks ? { weeks: weeks[1] ?? '' } : { sessions: answer.trim() };
}

/**
 * Asks, in plain words, only for what the flags left out: route, provider (when there is a
 * choice), dose (esketamine), sessions or weeks, insurance and the terms that status needs, then
 * the optional eligibility notes. Every question has a default, so Enter all the way through works.
 */
export async function askMissingInputs(given: RawScenario, dataset: Dataset, prompts: Prompts): Promise<AskResult> {
  const raw: RawScenario = { ...given };

  // 1. How the ketamine would be given.
  if (raw.route === undefined) {
    raw.route = await prompts.select({
      message: 'How would the ketamine be given?',
      choices: dataset.routes.map((r) => ({ name: r.label, value: r.id, description: `${r.description}.` })),
      default: dataset.routes[0]?.id,
    });
  }
  const route = dataset.routes.find((r) => r.id === raw.route || r.aliases.includes(String(raw.route).toLowerCase())) as Route;

  // 2. Provider type, only when the route has more than one; dose, only where priced by dose.
  if (raw.provider === undefined && route.offers.length > 1) {
    raw.provider = await prompts.select({
      message: 'Where would you have it?',
      choices: route.offers.map((o) => ({
        name: dataset.providers.find((p) => p.id === o.provider)?.label ?? o.provider,
        value: o.provider,
      })),
    });
  }
  if (raw.dose === undefined && route.doses) {
    raw.dose = String(
      await prompts.select({
        message: 'Which dose? (your prescriber decides; it changes the price)',
        choices: route.doses.map((d) => ({ name: `${d.mg} mg`, value: d.mg, description: `${d.devices} nasal spray devices per session` })),
        default: route.defaultDoseMg,
      }),
    );
  }

  // 3. How many sessions (or weeks, where the route has a schedule).
  if (raw.sessions === undefined && raw.weeks === undefined) {
    const typical = formatRange(route.program.lowSessions, route.program.highSessions);
    const weeksHint = route.schedule ? ', or a number of weeks such as 8w' : '';
    const answer = await prompts.input({
      message: `How many sessions? (${route.program.description}; press Enter for ${route.program.lowSessions === route.program.highSessions ? typical : 'that range'}${weeksHint})`,
      default: typical,
      validate: (value) => {
        const parsed = readSessionsAnswer(value, typical);
        const field: ScenarioField = parsed.weeks !== undefined ? 'weeks' : 'sessions';
        const text = parsed.weeks ?? parsed.sessions;
        const checked = text === undefined ? true : checkAnswer(raw, field, String(text), dataset);
        // Say every form an answer may take: a count, a range's default, or weeks where there is a schedule.
        return checked === true ? true : `${checked}${route.schedule ? '; or a number of weeks such as 8w' : ''}; Enter for ${typical}`;
      },
    });
    Object.assign(raw, readSessionsAnswer(answer, typical));
  }

  // 3b. A quote from the clinic, if the patient has one (#23): it replaces the published prices.
  if (raw.price === undefined && raw.package === undefined) {
    const has = await prompts.confirm({
      message: 'Do you have a price quote from the clinic? (Enter for no: the published price ranges are used)',
      default: false,
    });
    if (has) {
      const check = (field: ScenarioField) => (value: string) => (value.trim() === '' ? true : checkAnswer(raw, field, value, dataset));
      const price = await prompts.input({
        message: 'Its price for one session, in dollars? (leave blank if it quoted only packages)',
        default: '',
        validate: check('price'),
      });
      if (price.trim() !== '') raw.price = price;
      const offered = await prompts.input({
        message: 'Packages it offers, as sessions:dollars? (e.g. 6:2400, or 6:2400,8:3000; leave blank for none)',
        default: '',
        validate: check('package'),
      });
      if (offered.trim() !== '') raw.package = offered;
    }
  }

  // 4. Insurance, then only the terms that status uses.
  if (raw.insurance === undefined) {
    raw.insurance = await prompts.select({
      message: 'Will insurance pay for part of it?',
      choices: INSURANCE_STATUSES.map((value) => ({ name: PAYER_WORDS[value].answer, value, description: PAYER_WORDS[value].answerHelp })),
      default: 'none',
    });
  }
  const status = insuranceStatusOf(String(raw.insurance));
  if (status !== undefined && PAYER_TERMS[status].paysOnTheDay !== null) await askInsuranceTerms(raw, route, dataset, prompts);

  // 5. Optional eligibility notes: never block the estimate, only add things to discuss.
  const eligibilityNotes = await askEligibility(route, dataset, prompts);
  return { raw, eligibilityNotes };
}

/**
 * Asks for the insurance terms the payer takes (PAYER_TERMS), in the order a plan document gives
 * them, and only those not given as flags: Medicare asks about a Medigap plan, not a coinsurance.
 */
async function askInsuranceTerms(raw: RawScenario, route: Route, dataset: Dataset, prompts: Prompts): Promise<void> {
  const status = insuranceStatusOf(String(raw.insurance));
  if (status === undefined) return;
  const takes = (term: InsuranceTerm) => PAYER_TERMS[status].terms.includes(term);
  const validator = (field: ScenarioField) => (value: string) => (value.trim() === '' ? true : checkAnswer(raw, field, value, dataset));
  const optional = async (field: ScenarioField, message: string) => {
    const answer = await prompts.input({ message, default: '', validate: validator(field) });
    if (answer.trim() !== '') raw[field] = answer;
  };
  const typicallyCovered = PAYERS[status].plan?.typicallyCovers(route, dataset) ?? false;
  const usual = typicallyCovered ? 'usually covered' : 'usually not covered';
  if (raw.covered === undefined && takes('covered')) {
    raw.covered = await prompts.select({
      message: `Does your plan cover ${route.label}? (${usual})`,
      choices: [
        {
          name: 'I don’t know: show both',
          value: 'auto',
          description: `Shows the cost if covered and if not; ${route.label} is ${usual}. Call your insurer to be sure.`,
        },
        { name: 'Yes', value: 'yes' },
        { name: 'No', value: 'no' },
      ],
      default: 'auto',
    });
  }
  if (raw.medigap === undefined && takes('medigap')) {
    const letters = (dataset.payers?.medigap?.plans ?? []).map((p) => p.letter).sort();
    const medigap = await prompts.select({
      message: 'Do you have a Medigap (Medicare Supplement) plan? It may pay some of what Medicare leaves you.',
      choices: [{ name: 'No Medigap plan', value: '' }, ...letters.map((letter) => ({ name: `Plan ${letter}`, value: letter }))],
      default: '',
    });
    if (medigap !== '') raw.medigap = medigap;
  }
  if (raw.deductible === undefined && takes('deductible')) {
    // No optimistic default: blank means "I don't know", and the estimate then spans both cases.
    const partB = status === 'medicare' ? dataset.payers?.medicare : undefined;
    const full =
      partB?.deductibleCents ??
      (status === 'in-network' || status === 'out-of-network' ? dataset.insurance.typicalDeductible?.cents : undefined);
    const unknown =
      full === undefined
        ? "leave blank if you don't know: the estimate then assumes it is met"
        : `leave blank if you don't know: the estimate then runs from already met ($0) to ${partB ? `the full ${partB.year} Part B deductible` : 'a typical full deductible'} (${formatUsd(full)})`;
    await optional(
      'deductible',
      `How much of your ${partB ? 'Part B ' : ''}deductible is left this year, in dollars? (the amount you pay in full before the plan starts sharing costs; ${unknown})`,
    );
  }
  if (takes('reimbursement')) {
    if (raw.reimbursement === undefined) {
      raw.reimbursement = await prompts.input({
        message: 'What share does your plan pay back for out-of-network care, in percent? (often 50-70%; 0 if none)',
        default: '0',
        validate: validator('reimbursement'),
      });
    }
    if (raw.allowed === undefined)
      await optional(
        'allowed',
        "What does your plan allow for one session, in dollars? (its 'allowed amount'; the clinic may bill you what it charges above it; leave blank if you don't know, and the payback shown is the most it could be)",
      );
    return;
  }
  if (raw.coinsurance === undefined && raw.copay === undefined && takes('coinsurance')) {
    const kind = await prompts.select({
      message: 'After the deductible, how does your plan share the cost?',
      choices: [
        { name: 'A percentage (coinsurance)', value: 'coinsurance', description: 'You pay a share of each bill, for example 20%.' },
        { name: 'A flat amount per session (copay)', value: 'copay', description: 'You pay the same amount at every session.' },
      ],
      default: 'coinsurance',
    });
    if (kind === 'copay') {
      raw.copay = await prompts.input({ message: 'Copay per session, in dollars?', default: '0', validate: validator('copay') });
    } else {
      raw.coinsurance = await prompts.input({
        message: 'Your coinsurance, in percent? (your share of each bill after the deductible)',
        default: String(dataset.insurance.defaultCoinsurancePercent),
        validate: validator('coinsurance'),
      });
    }
  } else if (raw.copay === undefined && !takes('coinsurance') && takes('copay')) {
    await optional(
      'copay',
      "Your copay per visit, in dollars? (Medicaid copays are small and set by your state; leave blank if you don't know)",
    );
  }
  if (raw.oopMax === undefined && takes('oopMax')) {
    const limit = status === 'medicare-advantage' ? dataset.payers?.medicareAdvantage : undefined;
    await optional(
      'oopMax',
      `How much is left of your out-of-pocket maximum this year, in dollars? (the most you pay in a year; leave blank if you don’t know${limit ? `: the ${limit.year} federal limit, ${formatUsd(limit.oopMaxCents)}, is used` : ''})`,
    );
  }
}

async function askEligibility(route: Route, dataset: Dataset, prompts: Prompts): Promise<Cited[]> {
  const e = dataset.eligibility;
  const check = await prompts.confirm({
    message:
      'Optional: would you like to check the common eligibility notes (reasons a provider may say ketamine is not right for someone, to raise with them)? Not medical advice; nothing you answer changes the estimate.',
    default: false,
  });
  if (!check) return [];
  const notes: Cited[] = [];
  const adult = await prompts.confirm({ message: e.ageQuestion.text, default: true });
  if (!adult) notes.push(citeText(e.ageQuestion.note, e.ageQuestion.ref));
  const chosen = await prompts.checkbox({
    message: `${e.intro} Do any of these apply to you? (space to select, Enter when done)`,
    choices: e.conditions.map((c) => ({ name: c.label, value: c.id })),
  });
  for (const c of e.conditions) if (chosen.includes(c.id)) notes.push(citeText(c.note, c.ref));
  if (e.crisisNote.routes.includes(route.id)) notes.push(citeText(e.crisisNote.text, e.crisisNote.ref));
  return notes;
}
