import { describe, expect, it } from 'vitest';
import { namedSubcommand, needsSubcommands, SUBCOMMANDS } from '../../src/main.js';
import { defineProgram } from '../../src/program.js';
import { runInProcess } from '../helpers.js';

const io = { stdout: () => undefined, stderr: () => {}, env: {}, cwd: '.' } as unknown as Parameters<typeof defineProgram>[0];

describe('the fast start-up path', () => {
  it('knows exactly the subcommands the program defines', () => {
    const { program } = defineProgram(io, { subcommands: true });
    const defined = program.commands.map((c) => c.name());
    expect([...defined].sort()).toEqual([...SUBCOMMANDS].sort());
  });

  it('names the command of every flag only one subcommand takes, as the program defines them', async () => {
    const { SUBCOMMAND_FLAGS } = await import('../../src/program-command.js');
    const { program } = defineProgram(io, { subcommands: true });
    const longs = (c: (typeof program.commands)[number]) => c.options.flatMap((o) => (o.long ? [o.long] : []));
    const root = new Set(longs(program));
    const owners = new Map<string, string[]>();
    for (const command of program.commands)
      for (const flag of [...longs(command), ...command.commands.flatMap(longs)])
        if (!root.has(flag)) owners.set(flag, [...new Set([...(owners.get(flag) ?? []), command.name()])]);
    // Flags of exactly one subcommand that the estimate lacks; clinic is gfe's own (its profile flags).
    const only = Object.fromEntries(
      [...owners]
        .filter(([, names]) => names.length === 1 && names[0] !== 'clinic' && names[0] !== 'data')
        .map(([flag, [name]]) => [flag, name]),
    );
    expect(SUBCOMMAND_FLAGS).toEqual(only);
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

  it.each([
    [['compare', '-s', '6'], 'compare'],
    [['clinic', 'init'], 'clinic'],
    [['help', 'compare'], undefined],
    [['-f', 'json', 'routes'], undefined],
    [['--route', 'compare'], undefined],
  ])('%j defines only the subcommand %s (undefined: all of them)', (argv, expected) => expect(namedSubcommand(argv)).toBe(expected));

  it.each(SUBCOMMANDS.filter((name) => name !== 'help'))(
    '`%s --help` and a wrong flag read the same whether the other subcommands are defined or not',
    async (name) => {
      // What commander writes for [name, ...args] with the given program: help, or the refusal.
      const said = async (args: string[], only: string | undefined) => {
        const parts: string[] = [];
        const capture = { ...io, stdout: (t: string) => void parts.push(t), stderr: (t: string) => void parts.push(t) };
        const { program } = defineProgram(capture, { subcommands: true, only });
        try {
          await program.parseAsync([name, ...args], { from: 'user' });
        } catch (error) {
          parts.push(`\n${(error as Error).message}`);
        }
        return parts.join('');
      };
      for (const args of [['--help'], ['--no-such-flag']]) {
        const all = await said(args, undefined);
        expect(all.length).toBeGreaterThan(20);
        expect(await said(args, name)).toBe(all);
      }
    },
  );

  it.each([['en'], ['es']])('`schema --help` (%s) names every schema the command prints', async (lang) => {
    const { SCHEMAS } = await import('../../src/format/contract.js');
    const r = await runInProcess(['--lang', lang, 'schema', '--help']);
    expect(r.code).toBe(0);
    for (const name of SCHEMAS) expect(r.stdout).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it.each([['en'], ['es']])('on a 60-column terminal (%s), the options and arguments of every --help fit it', async (lang) => {
    // Commander left a description unwrapped when under 40 columns were left for it, and the
    // terminal broke it mid-word (the new-user try); the examples after it are command lines.
    for (const command of [[], ...SUBCOMMANDS.filter((c) => c !== 'help').map((c) => [c])]) {
      const r = await runInProcess(['--lang', lang, ...command, '--help'], { tty: true, columns: 60 });
      expect(r.code).toBe(0);
      const sections = r.stdout.split(/\n\n/).filter((block) => /^(Options|Opciones|Arguments|Argumentos|Commands|Comandos):/.test(block));
      expect(sections.length, command.join(' ')).toBeGreaterThan(0);
      // A line may run over only when it is one word longer than the room (it cannot be broken).
      for (const line of sections.flatMap((block) => block.split('\n')))
        if (line.length > 60)
          expect(
            line
              .trim()
              .split(/\s+/)
              .slice(line.startsWith('  -') ? 2 : 0),
            line,
          ).toHaveLength(1);
    }
  });

  it.each([
    ['en', 60],
    ['es', 60],
    ['en', 80],
    ['es', 80],
  ])('every line of every --help (%s, %i columns) fits, but an example command line', async (lang, columns) => {
    // The prose after the options (routes, exit codes, what JSON rows hold) ran on past the
    // terminal's edge, and the terminal broke it mid-word (#27's try). 80 is the width when piped.
    for (const command of [[], ...SUBCOMMANDS.filter((c) => c !== 'help').map((c) => [c]), ['data', 'init'], ['clinic', 'init']]) {
      const r = await runInProcess(['--lang', lang, ...command, '--help'], columns === 80 ? {} : { tty: true, columns });
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n'))
        if (line.length > columns && !/^\s*\$ /.test(line))
          // Only a word longer than the room may run over.
          expect(
            line
              .trim()
              .split(/\s+/)
              .slice(line.startsWith('  -') ? 2 : 0),
            `${command.join(' ')}: ${line}`,
          ).toHaveLength(1);
    }
  });

  it('every subcommand it knows is reachable from the command line', async () => {
    for (const name of SUBCOMMANDS) {
      const r = await runInProcess([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toContain(`Usage: ketamine-cost ${name}`);
    }
  });
});
