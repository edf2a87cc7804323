/** What decides colour, gathered by the shell so this stays a pure function. */
export type ColorContext = { colorFlag: boolean | undefined; env: Record<string, string | undefined>; isTTY: boolean };

/**
 * Decides once whether output is coloured: --no-color/--color, then NO_COLOR (non-empty), then
 * FORCE_COLOR, then TERM=dumb, then whether stdout is a terminal. chalk alone would ignore NO_COLOR.
 */
export function shouldColor({ colorFlag, env, isTTY }: ColorContext): boolean {
  if (colorFlag !== undefined) return colorFlag;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
