import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BIN, ROOT, writeClinicProfile } from '../helpers.js';

// Drives the built command in a real terminal (tmux), as a patient would. CI installs tmux
// (.ci/run); on a machine without it these tests are skipped, but never under CI.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && process.env.CI) throw new Error('tmux is required under CI (.ci/run installs it)');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// One tmux server per session: reusing one socket right after `kill-server` races with the dying
// server ("server exited unexpectedly", seen in CI).
const servers: string[] = [];
let sessions = 0;

interface TerminalSession {
  /** Waits until `question` is on screen, then types the keys (tmux key names). */
  answer: (question: string, ...keys: string[]) => Promise<void>;
  screen: () => string;
  joined: () => string;
  visibleNow: () => string;
  /** Types keys now, without waiting for a question. */
  send: (...keys: string[]) => Promise<void>;
  exitCode: () => Promise<number>;
  /** Whether the terminal shows its cursor now. */
  cursorShown: () => boolean;
  /** Sends a signal to the command, as `kill` from another shell would. */
  kill: (signal: NodeJS.Signals) => void;
}

const patiently = { timeout: 10_000, interval: 25 };

interface SessionOptions {
  width?: number;
  height?: number;
  /** Flags after the command. */
  args?: string;
  /** Extra environment, e.g. npm_command=exec as npx sets it. */
  env?: string;
}

async function startSession(name: string, options: SessionOptions = {}): Promise<TerminalSession> {
  const { width = 200, height = 60, args = '', env = '' } = options;
  const socket = `ketamine-cost-test-${process.pid}-${++sessions}`;
  servers.push(socket);
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-tmux-'));
  const codeFile = join(dir, 'code');
  const command = `cd ${ROOT} && env -u NO_COLOR -u FORCE_COLOR -u npm_command TERM=xterm-256color ${env} ${process.execPath} ${BIN} ${args}; echo $? > ${codeFile}; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', String(width), '-y', String(height), command);
  const screen = () => tmux('capture-pane', '-p', '-S', '-200', '-t', name);
  // -J joins lines the terminal wrapped, so a line too wide for the window shows as one long line.
  const joined = () => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', name);
  // Only what is in the window now, without scrollback: what the eye sees when the command ends.
  const visibleNow = () => tmux('capture-pane', '-p', '-t', name);
  const send = async (...keys: string[]) => {
    for (const key of keys) {
      tmux('send-keys', '-t', name, key);
      await sleep(60);
    }
  };
  return {
    screen,
    joined,
    visibleNow,
    send,
    cursorShown: () => tmux('display', '-p', '-t', name, '#{cursor_flag}').trim() === '1',
    kill: (signal) => {
      // The pane runs sh, whose child is the command (env execs node).
      const shell = tmux('display', '-p', '-t', name, '#{pane_pid}').trim();
      const child = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0];
      process.kill(Number(child), signal);
    },
    answer: async (question, ...keys) => {
      await vi.waitFor(() => {
        if (!screen().includes(question)) throw new Error(`"${question}" is not on screen:\n${screen()}`);
      }, patiently);
      await send(...keys);
    },
    exitCode: () =>
      vi.waitFor(() => {
        const text = existsSync(codeFile) ? readFileSync(codeFile, 'utf8') : '';
        if (!text.endsWith('\n')) throw new Error(`no exit code yet; screen:\n${screen()}`);
        return Number(text.trim());
      }, patiently),
  };
}

afterEach(() => {
  for (const socket of servers.splice(0)) spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe.skipIf(!hasTmux)('in a real terminal', () => {
  it('Enter through every prompt gives an estimate and exit 0', async () => {
    const s = await startSession('enter');
    await s.answer('How would the ketamine be given?', 'Enter');
    await s.answer('How many sessions?', 'Enter');
    await s.answer('price quote from the clinic', 'Enter'); // no quote: the published ranges
    await s.answer('Will insurance pay for part of it?', 'Enter');
    await s.answer('eligibility notes', 'Enter');
    expect(await s.exitCode()).toBe(0);
    const screen = s.screen();
    expect(screen).toContain('IV infusion at a clinic, 3-6 sessions (the typical program)');
    // On a terminal the markers are short ("[1]"); the sources list says where each is cited.
    expect(screen).toMatch(/Treatment, 3-6 sessions \[1\] +│ +\$675 │ +\$4,800 │/);
    expect(screen).toMatch(/Cited at: L160/);
    expect(screen).toContain('To run this again: ketamine-cost --route iv');
  });

  it('oral with in-network insurance gives the right figures', async () => {
    const s = await startSession('oral');
    await s.answer('How would the ketamine be given?', 'Down', 'Down', 'Down', 'Enter'); // oral
    await s.answer('How many sessions?', '4', 'Enter');
    await s.answer('price quote from the clinic', 'Enter'); // no quote: the published ranges
    await s.answer('Will insurance pay for part of it?', 'Down', 'Enter'); // in network
    await s.answer('Does your plan cover', 'Down', 'Enter'); // yes
    await s.answer('How much of your deductible is left', 'BSpace', '100', 'Enter');
    await s.answer('how does your plan share the cost?', 'Enter'); // coinsurance
    await s.answer('Your coinsurance, in percent?', 'Enter'); // 20%
    await s.answer('out-of-pocket maximum', 'Enter'); // no cap
    await s.answer('eligibility notes', 'Enter'); // no
    expect(await s.exitCode()).toBe(0);
    const screen = s.screen();
    // 4 x $75 = $300: $100 deductible + 20% of $200 = $140; 4 x $200 = $800: $100 + 20% of $700 = $240.
    expect(screen).toMatch(/If your plan covers it: you pay +│ +\$140 │ +\$240 │/);
    expect(screen).toContain(
      'To run this again: ketamine-cost --route oral --sessions 4 --insurance in-network --covered yes --deductible 100 --coinsurance 20',
    );
  });

  it('Ctrl-C at the first prompt: "Cancelled", exit 130, no stack trace', async () => {
    const s = await startSession('cancel');
    await s.answer('How would the ketamine be given?', 'C-c');
    expect(await s.exitCode()).toBe(130);
    const screen = s.screen();
    expect(screen).toContain('Cancelled');
    expect(screen).not.toMatch(/\bat .*\(.*:\d+:\d+\)|ExitPromptError/);
  });
  it('Ctrl-C in a long batch ends its progress line with "Cancelled" (the shell\'s prompt came on the same line), exit 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-tmux-batch-'));
    // 1,000,000 rows: seconds of work, so Ctrl-C comes while the progress line counts.
    writeFileSync(join(dir, 'rows.csv'), `route,sessions\n${'iv,6\n'.repeat(1_000_000)}`);
    const s = await startSession('batch-cancel', { args: `batch ${join(dir, 'rows.csv')} -f csv -o ${join(dir, 'out.csv')}` });
    // The line is written over as it counts: any count, while it still counts.
    await vi.waitFor(() => {
      if (!/ketamine-cost: \d+ rows *$/m.test(s.screen())) throw new Error(`no progress line yet:\n${s.screen()}`);
    }, patiently);
    await s.send('C-c');
    expect(await s.exitCode()).toBe(130);
    // The terminal echoes ^C where the count stopped; "Cancelled" is then a line of its own.
    expect(s.screen()).toMatch(/ketamine-cost: \d+ rows(\^C)?\nCancelled\n/);
    // Nor half a file: the temp file went with the run.
    expect(readdirSync(dir)).toEqual(['rows.csv']);
  });
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s at a prompt leaves the cursor shown (it stayed hidden), exit %i', async (signal, code) => {
    const s = await startSession(`signal-${signal}`);
    await s.answer('How would the ketamine be given?');
    // Inquirer hides the cursor while it asks.
    expect(s.cursorShown()).toBe(false);
    s.kill(signal);
    expect(await s.exitCode()).toBe(code);
    expect(s.cursorShown()).toBe(true);
  });

  // Spanish (#26): LANG=es_US.UTF-8 is all a patient sets; at 60 and 80 columns no line is wider.
  for (const width of [60, 80]) {
    it(`in Spanish from LANG, ${width} columns: the questions, the answer and the rerun line`, async () => {
      const s = await startSession(`es${width}`, { width, height: 40, env: 'LANG=es_US.UTF-8' });
      await s.answer('¿Cómo le darían la ketamina?', 'Enter');
      await s.answer('¿Cuántas sesiones?', 'Enter');
      await s.answer('cotización de precio', 'Enter'); // No, the default
      await s.answer('¿El seguro pagará una parte?', 'Enter');
      await s.answer('Opcional:', 'Enter');
      expect(await s.exitCode()).toBe(0);
      const screen = s.joined();
      const widest = Math.max(...screen.split('\n').map((l) => [...l.trimEnd()].length));
      expect(widest).toBeLessThanOrEqual(width);
      // IV, 3-6 sessions, self-pay: 3 x $225 + $0 = $675 to 6 x $800 + $350 = $5,150.
      expect(screen.replace(/\s+/g, ' ')).toContain('Si paga por cuenta propia, usted pagaría entre $675 y $5,150 en total');
      expect(screen.replace(/\s+/g, ' ')).toMatch(/Para repetir este cálculo: ?\\? ?ketamine-cost --route iv --lang es/);
      expect(screen).not.toMatch(/How many|Will insurance|navigate|\(y\/N\)/);
    });
  }

  it('Ctrl-C at the first question in Spanish: "Cancelado" (it said "Cancelled"), exit 130', async () => {
    const s = await startSession('es-cancel', { env: 'LANG=es_US.UTF-8' });
    await s.answer('¿Cómo le darían la ketamina?', 'C-c');
    expect(await s.exitCode()).toBe(130);
    expect(s.screen()).toContain('Cancelado');
    expect(s.screen()).not.toContain('Cancelled');
  });

  // The sizes patients have: a laptop's default 80x24 and a larger 100x40 window.
  for (const [width, height] of [
    [80, 24],
    [100, 40],
  ] as const) {
    it(`${width}x${height}: no line wider than the window, and the answer on the last screen`, async () => {
      const s = await startSession(`size${width}`, { width, height });
      await s.answer('How would the ketamine be given?', 'Enter');
      await s.answer('How many sessions?', 'Enter');
      await s.answer('price quote from the clinic', 'Enter'); // no quote: the published ranges
      await s.answer('Will insurance pay for part of it?', 'Enter');
      await s.answer('eligibility notes', 'Enter');
      expect(await s.exitCode()).toBe(0);
      const lines = s.joined().split('\n');
      const widest = Math.max(...lines.map((l) => [...l.trimEnd()].length));
      expect(widest).toBeLessThanOrEqual(width);
      // All in: low 3 x $225 + $0 intake = $675; high 6 x $800 + $350 intake = $5,150 (IV $225-$800
      // a session, 3-6 sessions, intake $0-$350 as a third-party figure).
      expect(s.visibleNow()).toMatch(
        /In short: From\s+the\s+lowest\s+to\s+the\s+highest\s+published\s+price,\s+you\s+would\s+pay\s+\$675-\$5,150\s+in\s+all/,
      );
    });
  }

  it('at 50 columns the questions are broken at words: no line goes on with the space it broke at', async () => {
    // Inquirer breaks a long line where it falls and keeps the space (" range) 3-6", the new-user
    // try); the questions now come to it broken at words to the terminal's width.
    const s = await startSession('fit50', { width: 50, height: 60 });
    await s.answer('How would the ketamine be given?', 'Enter');
    await s.answer('How many sessions?', 'Enter');
    await s.answer('price quote from', 'Enter');
    await s.answer('Will insurance pay', 'Down', 'Enter');
    await s.answer('Does your plan cover', 'Enter');
    const screen = s.visibleNow();
    expect(screen).toContain('Does your plan cover IV infusion?');
    expect(screen.split('\n').filter((l) => /^ \S/.test(l))).toEqual([]);
    expect(Math.max(...screen.split('\n').map((l) => [...l.trimEnd()].length))).toBeLessThanOrEqual(50);
    s.kill('SIGINT');
  });

  for (const width of [60, 80]) {
    it(`a batch table at ${width} columns: no line wider than the window, a long id on a line of its own`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-batch-'));
      const file = join(dir, 'rows.csv');
      writeFileSync(
        file,
        'id,route,sessions,insurance,deductible,coinsurance\npatient-with-a-very-long-identifier-0001,oral,4,in-network,500,20\nB,nope,1,,,\n',
      );
      const s = await startSession(`batch${width}`, { width, height: 40, args: `batch ${file}` });
      expect(await s.exitCode()).toBe(3);
      const lines = s.joined().split('\n');
      expect(Math.max(...lines.map((l) => [...l.trimEnd()].length))).toBeLessThanOrEqual(width);
      expect(lines).toContain('patient-with-a-very-long-identifier-0001');
      // The row goes on under the route column (the id column is 12 wide, then 2 spaces).
      expect(lines.some((l) => /^ {14}oral {10}4 /.test(l))).toBe(true);
    });
  }

  it('through npx, with --insurance but no terms: asks only for the terms, reruns with npx', async () => {
    const s = await startSession('terms', {
      width: 100,
      height: 40,
      args: '--route oral --sessions 4 --insurance in-network',
      env: 'npm_command=exec',
    });
    await s.answer('Does your plan cover', 'Down', 'Enter'); // yes
    await s.answer('How much of your deductible is left', 'BSpace', '100', 'Enter');
    await s.answer('how does your plan share the cost?', 'Enter'); // coinsurance
    await s.answer('Your coinsurance, in percent?', 'Enter'); // 20%
    await s.answer('out-of-pocket maximum', 'Enter'); // no cap
    expect(await s.exitCode()).toBe(0);
    const screen = s.joined();
    expect(screen).not.toContain('How would the ketamine be given?');
    // 4 x $75 = $300: $100 deductible + 20% of $200 = $140; 4 x $200 = $800: $100 + 20% of $700 = $240.
    expect(screen).toMatch(/you pay +│ +\$140 │ +\$240 │/);
    // Longer than the terminal, the command starts on its own line and breaks between flags with
    // a trailing backslash (#25), so every line copies; joined, it is the one command.
    expect(screen).toContain('To run this again:\nnpx ketamine-cost --route oral');
    expect(screen).not.toMatch(/--[a-z-]*\n/);
    expect(screen.replace(/ \\\n {2}/g, ' ')).toContain(
      'npx ketamine-cost --route oral --sessions 4 --insurance in-network --covered yes --deductible 100 --coinsurance 20',
    );
  });
  it('gfe asks for the patient details it was not given, and prints them only in the document', async () => {
    const clinic = writeClinicProfile(join(mkdtempSync(join(tmpdir(), 'ketamine-cost-gfe-tmux-')), 'clinic.json'));
    const s = await startSession('gfe', {
      width: 100,
      height: 40,
      args: `gfe -r iv -s 6 --price 450 --item-price intake=200 --clinic ${clinic}`,
    });
    await s.answer("Patient's full name", 'Alex Doe', 'Enter');
    await s.answer("Patient's date of birth", '1980-02-30', 'Enter'); // not a date: asked again
    await vi.waitFor(() => {
      if (!s.screen().includes('it is not a date as YYYY-MM-DD')) throw new Error(s.screen());
    }, patiently);
    await s.send('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', '1980-04-23', 'Enter');
    expect(await s.exitCode()).toBe(0);
    const screen = s.joined();
    expect(screen).toContain('**Patient:** Alex Doe, born 1980-04-23');
    // 6 x $450 = $2,700 + the $200 intake = $2,900.
    expect(screen).toContain('**Total expected charges:** $2,900');
  });

  it('a Good Faith Estimate in Spanish: the questions, a refused answer and the document (#26)', async () => {
    const clinic = writeClinicProfile(join(mkdtempSync(join(tmpdir(), 'ketamine-cost-tty-')), 'clinic.json'));
    const s = await startSession('gfe-es', {
      width: 80,
      height: 40,
      env: 'LANG=es_US.UTF-8',
      args: `gfe -r iv -s 6 --price 450 --item-price intake=200 --clinic ${clinic}`,
    });
    await s.answer('Nombre completo del paciente', 'Ana Pérez', 'Enter');
    await s.answer('Fecha de nacimiento del paciente', '1980-02-30', 'Enter'); // not a date: asked again, in Spanish
    await vi.waitFor(() => {
      if (!s.screen().includes('no es una fecha como AAAA-MM-DD')) throw new Error(s.screen());
    }, patiently);
    await s.send('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', '1980-04-23', 'Enter');
    expect(await s.exitCode()).toBe(0);
    const screen = s.joined();
    expect(screen).toContain('**Paciente:** Ana Pérez, fecha de nacimiento: 23 de abril de 1980');
    // 6 x $450 = $2,700 + the $200 intake = $2,900.
    expect(screen).toContain('**Total de cargos esperados:** $2,900');
  });
});
