// The Spanish glossary (#26): the catalogs use its terms, never a variant it lists to avoid, and
// each term has its public source with a sentence that uses it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY_ES } from '../../src/text/glossary-es.js';
import { ROOT } from '../helpers.js';

// Every Spanish text the tool says: the catalogs' source files and the price list's Spanish prose.
const FILES = [
  'src/text/es.ts',
  'src/text/es-view.ts',
  'src/text/es-words.ts',
  'src/text/help-es.ts',
  'src/text/errors-es.ts',
  'src/prompts/words-es.ts',
  'data/prices.es.json',
];
const spanish = FILES.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');

describe('the Spanish glossary', () => {
  it.each(Object.entries(GLOSSARY_ES))('%s: the catalogs say "%s" and no variant', (_key, term) => {
    expect(spanish.toLowerCase()).toContain(term.es.toLowerCase());
    for (const variant of term.avoid) expect(spanish.toLowerCase(), variant).not.toContain(variant.toLowerCase());
  });

  it.each(Object.entries(GLOSSARY_ES))('%s: a public source uses the term, in a sentence quoted from it', (key, term) => {
    expect(term.source.url).toMatch(/^https:\/\//);
    // The out-of-pocket limit is the wording; its glossary page names it in its title.
    const said = key === 'oopMax' ? term.source.title : term.source.quote;
    const head = term.es.split(' ')[0] ?? '';
    expect(said.toLowerCase()).toContain(key === 'oopMax' ? 'bolsillo' : head.toLowerCase());
  });
});
