import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

// Drives the built command in a real terminal (tmux), as a patient would. CI installs tmux
// (.ci/run); on a machine without it these tests are skipped, but never under CI.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && process.env.CI) throw new Error('tmux is required under CI (.ci/run installs it)');

const socket = `ketamine-cost-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startSession(name: string): Promise<{ send: (...keys: string[]) => Promise<void>; screen: () => string; exitCode: () => Promise<number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-tmux-'));
  const codeFile = join(dir, 'code');
  const command = `cd ${ROOT} && env -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color ${process.execPath} ${BIN}; echo $? > ${codeFile}; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '200', '-y', '60', command);
  const screen = () => tmux('capture-pane', '-p', '-S', '-200', '-t', name);
  // Wait for the first question before typing.
  for (let i = 0; i < 100 && !screen().includes('How would the ketamine be given?'); i++) await sleep(50);
  return {
    screen,
    send: async (...keys: string[]) => {
      for (const key of keys) {
        tmux('send-keys', '-t', name, key);
        await sleep(150);
      }
    },
    exitCode: async () => {
      for (let i = 0; i < 100; i++) {
        try {
          return Number(readFileSync(codeFile, 'utf8').trim());
        } catch {
          await sleep(50);
        }
      }
      throw new Error(`no exit code; screen:\n${screen()}`);
    },
  };
}

afterEach(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe.skipIf(!hasTmux)('in a real terminal', () => {
  it('Enter through every prompt gives an estimate and exit 0', async () => {
    const s = await startSession('enter');
    await s.send('Enter', 'Enter', 'Enter', 'Enter');
    expect(await s.exitCode()).toBe(0);
    const screen = s.screen();
    expect(screen).toContain('IV infusion at a clinic, 3-6 sessions (the typical program)');
    expect(screen).toMatch(/Program, 3-6 sessions \[1: L160\] │ \$675 │ \$4,800 │/);
    expect(screen).toContain('To run this again: ketamine-cost --route iv');
  });

  it('oral with in-network insurance gives the right figures', async () => {
    const s = await startSession('oral');
    await s.send('Down', 'Down', 'Down', 'Enter'); // oral
    await s.send('4', 'Enter'); // sessions
    await s.send('Down', 'Enter'); // in network
    await s.send('Down', 'Enter'); // covered: yes
    await s.send('BSpace', '100', 'Enter'); // deductible
    await s.send('Enter'); // coinsurance
    await s.send('Enter'); // 20%
    await s.send('Enter'); // no cap
    await s.send('Enter'); // no eligibility notes
    expect(await s.exitCode()).toBe(0);
    const screen = s.screen();
    // 4 x $75 = $300: $100 deductible + 20% of $200 = $140; 4 x $200 = $800: $100 + 20% of $700 = $240.
    expect(screen).toMatch(/If your plan covers it: you pay +│ \$140 │ \$240 │/);
    expect(screen).toContain('To run this again: ketamine-cost --route oral --sessions 4 --insurance in-network --covered yes --deductible 100 --coinsurance 20');
  });

  it('Ctrl-C at the first prompt: "Cancelled", exit 130, no stack trace', async () => {
    const s = await startSession('cancel');
    await s.send('C-c');
    expect(await s.exitCode()).toBe(130);
    const screen = s.screen();
    expect(screen).toContain('Cancelled');
    expect(screen).not.toMatch(/\bat .*\(.*:\d+:\d+\)|ExitPromptError/);
  });
});
