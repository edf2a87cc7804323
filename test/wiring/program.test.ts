import { describe, expect, it } from 'vitest';
import { needsSubcommands, SUBCOMMANDS } from '../../src/main.js';
import { defineProgram } from '../../src/program.js';
import { runInProcess } from '../helpers.js';

const io = { stdout: () => undefined, stderr: () => {}, env: {}, cwd: '.' } as unknown as Parameters<typeof defineProgram>[0];

describe('the fast start-up path', () => {
  it('knows exactly the subcommands the program defines', () => {
    const { program } = defineProgram(io, { subcommands: true });
    const defined = program.commands.map((c) => c.name());
    expect([...defined].sort()).toEqual([...SUBCOMMANDS].sort());
  });

  it.each([
    [['--route', 'iv', '-s', '6'], false],
    [['-r', 'oral', '--format', 'json'], false],
    [['compare'], true],
    [['-f', 'json', 'routes'], true],
    [['batch', '-'], true],
    [['--help'], true],
    [['help'], true],
    [['nonsense'], true],
  ])('%j defines subcommands: %s', (argv, expected) => expect(needsSubcommands(argv)).toBe(expected));

  it('every subcommand it knows is reachable from the command line', async () => {
    for (const name of SUBCOMMANDS) {
      const r = await runInProcess([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toContain(`Usage: ketamine-cost ${name}`);
    }
  });
});
