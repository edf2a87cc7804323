/** Returns the candidate closest to `input` when it is a plausible typo (edit distance <= 2), else undefined. */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  return closestNames(input, candidates)[0];
}

/**
 * Every candidate at the smallest edit distance from `input` when that is a plausible typo
 * (under half its length, at most 2), in the candidates' order; [] when none is that close.
 */
export function closestNames(input: string, candidates: readonly string[]): string[] {
  const word = input.toLowerCase();
  let best: string[] = [];
  let bestDistance = Math.min(3, Math.ceil(word.length / 2));
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = [candidate];
      bestDistance = d;
    } else if (d === bestDistance && best.length > 0) best.push(candidate);
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Normalises a typed name: trimmed, lower-case, inner spaces and underscores as dashes ("In Network" -> "in-network"). */
export function normaliseName(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** Returns a camelCase field name as the flags and batch columns spell it (`oopMax` -> `oop-max`). */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Orders two price-list ids (`^[a-z0-9][a-z0-9-]*$`, enforced by the catalog schema) as
 * `a.localeCompare(b, 'en')` does: negative, 0 or positive. For that alphabet the English
 * collation order is code-unit order ('-' < digits < letters, a prefix first), so no ICU collator
 * is needed: the first one a run builds loads ICU's collation data, 8 to 12 ms of every compare
 * start on Node 20 (#27). `test/core/names.test.ts` checks the two orders agree.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
