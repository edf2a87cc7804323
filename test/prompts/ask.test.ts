import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it, vi } from 'vitest';
import { parseScenario, type RawScenario } from '../../src/core/scenario.js';
import { CancelledError } from '../../src/errors.js';
import { equivalentCommand } from '../../src/format/command-line.js';
import { askInTerminal, askMissingInputs, type Prompts, readSessionsAnswer } from '../../src/prompts/ask.js';
import { estimateFrom, readDataset } from '../helpers.js';

const dataset = readDataset();
type Config = { message: string; default?: unknown; validate?: (value: string) => true | string | Promise<true | string> };

/**
 * Scripted prompts: each question is recorded, and answered from `answers` (matched by a word of
 * its message) or else with its default, as pressing Enter would.
 */
function scripted(answers: [RegExp, unknown][] = []) {
  const asked: Config[] = [];
  const answer = async (config: Config) => {
    asked.push(config);
    const found = answers.find(([pattern]) => pattern.test(config.message));
    const value = found ? found[1] : config.default;
    if (config.validate && typeof value === 'string') {
      const verdict = await config.validate(value);
      if (verdict !== true) throw new Error(`refused: ${verdict}`);
    }
    return value;
  };
  const prompts = {
    select: answer,
    input: answer,
    confirm: answer,
    checkbox: async (c: Config) => {
      asked.push(c);
      return answers.find(([p]) => p.test(c.message))?.[1] ?? [];
    },
  } as unknown as Prompts;
  return { prompts, asked };
}

describe('the question flow', () => {
  it("esketamine's sessions question offers its one typical count, not a range such as (8-8)", async () => {
    const { prompts, asked } = scripted();
    await askMissingInputs({ route: 'esketamine' }, dataset, prompts);
    const sessions = asked.find((q) => q.message.startsWith('How many sessions?'));
    // The label's induction phase: twice a week for weeks 1-4 = 8 sessions.
    expect(sessions?.message).toContain('press Enter for 8, or a number of weeks such as 8w');
    expect(sessions?.message).not.toMatch(/8-8|that range/);
    expect(sessions?.default).toBe('8');
  });

  it('the coverage question names the route as people do, not by its flag value (#25 C)', async () => {
    const { prompts, asked } = scripted([[/Will insurance pay/, 'in-network']]);
    await askMissingInputs({ route: 'iv', sessions: '4' }, dataset, prompts);
    const covered = asked.find((q) => /Does your plan cover/.test(q.message)) as unknown as { choices: { description?: string }[] };
    const descriptions = covered.choices.map((c) => c.description ?? '').join('\n');
    // Before: "for iv it is usually not covered".
    expect(descriptions).toContain('IV infusion is usually not covered');
    expect(descriptions).not.toMatch(/for iv\b/);
  });

  it('Enter all the way through gives an estimate: IV, the typical program, self-pay', async () => {
    const { prompts, asked } = scripted();
    const { raw, eligibilityNotes } = await askMissingInputs({}, dataset, prompts);
    expect(asked.map((q) => q.message.split('?')[0])).toEqual([
      'How would the ketamine be given',
      'How many sessions',
      'Do you have a price quote from the clinic',
      'Will insurance pay for part of it',
      'Optional: would you like to check the common eligibility notes (reasons a provider may say ketamine is not right for someone, to raise with them)',
    ]);
    expect(eligibilityNotes).toEqual([]);
    const e = estimateFrom(raw);
    expect([e.route.id, e.sessions.low, e.sessions.high, e.program.lowCents, e.program.highCents]).toEqual(['iv', 3, 6, 67500, 480000]);
  });

  it('says the typical program in the sessions question', async () => {
    const { prompts, asked } = scripted([[/How would/, 'iv']]);
    await askMissingInputs({}, dataset, prompts);
    expect(asked[1]?.message).toContain('most IV programs are 3-6 infusions');
    expect(asked[1]?.default).toBe('3-6');
  });

  it('asks the dose only for esketamine, and offers weeks where there is a schedule', async () => {
    const { prompts, asked } = scripted([
      [/How would/, 'esketamine'],
      [/How many sessions/, '8w'],
    ]);
    const { raw } = await askMissingInputs({}, dataset, prompts);
    expect(asked.some((q) => q.message.startsWith('Which dose'))).toBe(true);
    expect(asked.find((q) => q.message.startsWith('How many'))?.message).toContain('8w');
    expect(raw).toMatchObject({ route: 'esketamine', dose: '56', weeks: '8' });
    expect(estimateFrom(raw).sessions).toMatchObject({ low: 12, high: 12 });
  });

  it('does not ask what the flags gave', async () => {
    const { prompts, asked } = scripted();
    await askMissingInputs(
      { route: 'oral', sessions: '4', insurance: 'in-network', deductible: '100', coinsurance: '20', oopMax: '900', covered: 'yes' },
      dataset,
      prompts,
    );
    // The quote is the one thing no flag gave (#23): asked, optional.
    expect(asked.map((q) => q.message.split('?')[0])).toEqual([
      'Do you have a price quote from the clinic',
      'Optional: would you like to check the common eligibility notes (reasons a provider may say ketamine is not right for someone, to raise with them)',
    ]);
  });

  it('asks only the in-network terms, with defaults, and gives the right figures for oral', async () => {
    const { prompts, asked } = scripted([
      [/How would/, 'oral'],
      [/How many sessions/, '4'],
      [/insurance pay/, 'in-network'],
      [/Does your plan cover/, 'yes'],
      [/How much of your deductible/, '100'],
    ]);
    const { raw } = await askMissingInputs({}, dataset, prompts);
    const messages = asked.map((q) => q.message);
    expect(messages.some((m) => /reimburse|pay back/.test(m))).toBe(false);
    expect(asked.find((q) => q.message.startsWith('Your coinsurance'))?.default).toBe('20');
    // 4 x $75 = $300; $100 to the deductible, then 20% of $200 = $40: $140.
    const e = estimateFrom(raw);
    expect(e.patient.cases[0]?.patient).toEqual({ lowCents: 14000, highCents: 10000 + (80000 - 10000) / 5 });
  });

  it('asks the reimbursement out of network, and not coinsurance', async () => {
    const { prompts, asked } = scripted([
      [/insurance pay/, 'out-of-network'],
      [/pay back/, '70'],
    ]);
    const { raw } = await askMissingInputs({ route: 'iv', sessions: '4' }, dataset, prompts);
    expect(asked.some((q) => q.message.includes('coinsurance'))).toBe(false);
    expect(raw).toMatchObject({ insurance: 'out-of-network', reimbursement: '70' });
    // Blank answers (the defaults) mean "I don't know": no deductible or allowed amount is assumed.
    expect(raw.deductible).toBeUndefined();
    expect(raw.allowed).toBeUndefined();
    const deductible = asked.find((q) => q.message.includes('deductible'));
    expect(deductible?.default).toBe('');
    expect(deductible?.message).toContain(
      "leave blank if you don't know: the estimate then runs from already met ($0) to a typical full deductible ($1,886)",
    );
    expect(asked.some((q) => q.message.includes('allowed amount'))).toBe(true);
  });

  it('adds eligibility notes, and the 988 note for esketamine, without changing the estimate', async () => {
    const { prompts } = scripted([
      [/eligibility/, true],
      [/18 or older/, false],
      [/apply to you/, ['pregnancy', 'medicines']],
    ]);
    const { raw, eligibilityNotes } = await askMissingInputs({ route: 'esketamine' }, dataset, prompts);
    expect(eligibilityNotes.map((n) => n.at)).toEqual(['L238', 'L190', 'L200-L203', 'L183']);
    expect(eligibilityNotes.map((n) => n.text).join(' ')).toContain('988');
    expect(estimateFrom(raw).program).toEqual(estimateFrom({ route: 'esketamine' }).program);
  });

  it('reads sessions answers', () => {
    expect(readSessionsAnswer('', '3-6')).toEqual({});
    expect(readSessionsAnswer('3-6', '3-6')).toEqual({});
    expect(readSessionsAnswer(' 6 ', '3-6')).toEqual({ sessions: '6' });
    expect(readSessionsAnswer('8w', '3-6')).toEqual({ weeks: '8' });
    expect(readSessionsAnswer('8 weeks', '3-6')).toEqual({ weeks: '8' });
  });

  it('prints the equivalent command line', async () => {
    const { prompts } = scripted([
      [/How would/, 'iv'],
      [/How many/, '6'],
      [/insurance pay/, 'in-network'],
      [/How much of your deductible/, '$1,200.50'],
    ]);
    const { raw } = await askMissingInputs({}, dataset, prompts);
    const parsed = parseScenario(raw, dataset);
    if (!parsed.ok) throw new Error('invalid');
    expect(equivalentCommand(parsed.scenario, raw, false)).toBe(
      'ketamine-cost --route iv --sessions 6 --insurance in-network --deductible 1200.50 --coinsurance 20',
    );
    // At 40 columns it breaks between flags, never inside one or between a flag and its value
    // (#25: at 60 columns a terminal's own wrap split "--c" / "oinsurance 30"). Each broken line
    // ends " \\" and fits, each line leaving room for it: "ketamine-cost --route iv --sessions 6"
    // is 37 + 2 = 39 columns; "  --deductible 1200.50 --coinsurance 20" would be 39 + 2 = 41.
    const wrapped = equivalentCommand(parsed.scenario, raw, false, { width: 40 });
    expect(wrapped).toBe(
      ['ketamine-cost --route iv --sessions 6 \\', '  --insurance in-network \\', '  --deductible 1200.50 \\', '  --coinsurance 20'].join(
        '\n',
      ),
    );
    for (const line of wrapped.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    // Joined again as a shell would read the backslash-newlines, it is the one-line command.
    expect(wrapped.replace(/ \\\n {2}/g, ' ')).toBe(equivalentCommand(parsed.scenario, raw, false));
  });

  it("the rerun keeps the patient's own quote (a new user's rerun priced the published range instead)", () => {
    const raw = { route: 'oral', sessions: '6', price: '1,200', package: '4:129/month,6:2400', itemPrice: 'intake=0' };
    const parsed = parseScenario(raw, dataset);
    if (!parsed.ok) throw new Error('invalid');
    const command = equivalentCommand(parsed.scenario, raw, false);
    expect(command).toBe('ketamine-cost --route oral --sessions 6 --price 1200 --package 4:129/month,6:2400 --item-price intake=0');
    // Run again, it is the same scenario.
    const again = parseScenario(
      { route: 'oral', sessions: '6', price: '1200', package: '4:129/month,6:2400', itemPrice: 'intake=0' },
      dataset,
    );
    expect(again.ok && again.scenario.quote).toEqual({ ...parsed.scenario.quote });
  });
});

describe('real prompts (rendered with @inquirer/testing)', () => {
  /** Captures the config the flow gives one prompt, answering the rest with defaults. */
  async function configOf(pattern: RegExp, given: RawScenario = {}): Promise<Config> {
    const { prompts, asked } = scripted();
    await askMissingInputs(given, dataset, prompts);
    const found = asked.find((q) => pattern.test(q.message));
    if (!found) throw new Error(`no question matches ${pattern}`);
    return found;
  }

  it('refuses 0 sessions at the prompt with the flag’s own message', async () => {
    const { answer, events, getScreen } = await render(
      input,
      (await configOf(/How many sessions/, { route: 'iv' })) as Parameters<typeof input>[0],
    );
    events.keypress('backspace');
    events.type('0');
    events.keypress('enter');
    await vi.waitFor(() => expect(getScreen()).toContain('"0" is not allowed; use a whole number from 1 to 365'));
    events.keypress('backspace');
    events.type('6');
    events.keypress('enter');
    await expect(answer).resolves.toBe('6');
  });

  it('refuses 150% coinsurance at the prompt', async () => {
    const config = await configOf(/Your coinsurance/, { route: 'iv', sessions: '4', insurance: 'in-network' });
    const { answer, events, getScreen } = await render(input, config as Parameters<typeof input>[0]);
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    events.type('150');
    events.keypress('enter');
    await vi.waitFor(() => expect(getScreen()).toContain('"150" is not a percentage; use a number from 0 to 100'));
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('shows the routes with one-line descriptions and takes Enter as the default', async () => {
    const config = await configOf(/How would/);
    const { answer, events, getScreen } = await render(select, config as unknown as Parameters<typeof select<string>>[0]);
    expect(getScreen()).toContain('Esketamine nasal spray (Spravato)');
    expect(getScreen()).toContain('ketamine given through a drip in a vein, at a clinic.');
    events.keypress('enter');
    await expect(answer).resolves.toBe('iv');
  });

  it('Ctrl-C at a prompt becomes "Cancelled" (exit 130), not a stack trace', async () => {
    const { answer, events } = await render(confirm, { message: 'Go on?' });
    events.keypress({ name: 'c', ctrl: true });
    const error = await answer.catch((e: unknown) => e);
    expect((error as Error).name).toBe('ExitPromptError');
    const throwing = { select: () => Promise.reject(error), input, confirm, checkbox } as unknown as Prompts;
    await expect(askInTerminal({}, dataset, throwing)).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('the questions follow the payer (#22)', () => {
  const questions = async (insurance: string, answers: [RegExp, unknown][] = []) => {
    const { prompts, asked } = scripted(answers);
    const { raw } = await askMissingInputs({ route: 'esketamine', sessions: '8', dose: '56', insurance }, dataset, prompts);
    return {
      raw,
      asked: asked
        .map((q) => q.message.split('?')[0] ?? '')
        .filter((m) => !m.startsWith('Optional') && !m.startsWith('Do you have a price quote')),
    };
  };
  it('Medicare asks about a Medigap plan and the Part B deductible, not a coinsurance', async () => {
    const { raw, asked } = await questions('medicare', [[/Medigap/, 'G']]);
    expect(asked).toEqual([
      // The name inside a sentence starts in lower case (an acronym such as IV stays).
      'Does your plan cover esketamine nasal spray (Spravato)',
      'Do you have a Medigap (Medicare Supplement) plan',
      'How much of your Part B deductible is left this year, in dollars',
    ]);
    expect(raw).toMatchObject({ insurance: 'medicare', medigap: 'G' });
    expect(parseScenario(raw, dataset).ok).toBe(true);
  });
  it('Medicare Advantage asks for its own terms and names the federal limit', async () => {
    const { prompts, asked } = scripted();
    await askMissingInputs({ route: 'esketamine', sessions: '8', insurance: 'ma' }, dataset, prompts);
    const cap = asked.find((q) => q.message.startsWith('How much is left of your out-of-pocket maximum'));
    expect(cap?.message).toContain('the 2026 federal limit, $9,250, is used');
  });
  it('Medicaid asks only whether it is covered and the copay', async () => {
    const { raw, asked } = await questions('medicaid', [[/copay/, '4']]);
    expect(asked).toEqual(['Does your plan cover esketamine nasal spray (Spravato)', 'Your copay per visit, in dollars']);
    expect(parseScenario(raw, dataset).ok).toBe(true);
  });
  it('the insurance question offers every payer', async () => {
    const { prompts, asked } = scripted();
    await askMissingInputs({ route: 'iv', sessions: '6' }, dataset, prompts);
    const question = asked.find((q) => q.message.startsWith('Will insurance pay')) as Config & { choices?: { value: string }[] };
    expect(question.choices?.map((c) => c.value)).toEqual([
      'none',
      'in-network',
      'out-of-network',
      'medicare',
      'medicare-advantage',
      'medicaid',
    ]);
  });
});

describe('a quote from the clinic (#23)', () => {
  it('asks for it, and the answers price the program', async () => {
    const { prompts } = scripted([
      [/price quote/, true],
      [/one session/, '450'],
      [/Packages/, '6:2400'],
    ]);
    const { raw } = await askMissingInputs({ route: 'iv', sessions: '8', insurance: 'none' }, dataset, prompts);
    expect(raw).toMatchObject({ price: '450', package: '6:2400' });
    // 8 sessions: one 6-session package at $2,400 and 2 single sessions at $450 = $3,300.
    expect(estimateFrom({ ...raw, exclude: 'intake' }).program).toEqual({ lowCents: 330_000, highCents: 330_000 });
  });
});

describe('the notes to discuss with a provider', () => {
  it("name each note's source by its title, in the run's language", async () => {
    const { formatEligibilityNotes } = await import('../../src/format/command-line.js');
    const { ES_VIEW } = await import('../../src/text/es-view.js');
    const notes = [{ text: 'A note.', source: 'seed', at: 'L192', quote: null, asOf: null }];
    const title = dataset.sources.find((s) => s.id === 'seed')?.title ?? '';
    expect(formatEligibilityNotes(notes, dataset.sources)).toBe(
      `To discuss with your provider (not medical advice; the estimate above does not change):\n  - A note. (source: ${title}, L192)\n`,
    );
    expect(formatEligibilityNotes(notes, dataset.sources, ES_VIEW)).toBe(
      `Para hablar con su proveedor (no es un consejo médico; el estimado de arriba no cambia):\n  - A note. (fuente: ${title}, L192)\n`,
    );
    expect(formatEligibilityNotes([], dataset.sources)).toBe('');
  });
});
