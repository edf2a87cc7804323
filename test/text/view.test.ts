import { describe, expect, it } from 'vitest';
import { inSentence } from '../../src/text/view.js';

describe('a price-list name inside an English sentence', () => {
  it.each([
    ['Oral or sublingual ketamine', 'oral or sublingual ketamine'],
    ['Esketamine nasal spray (Spravato)', 'esketamine nasal spray (Spravato)'],
    // An acronym keeps its capitals.
    ['IV infusion', 'IV infusion'],
    ['IM injection', 'IM injection'],
    ['at a clinic', 'at a clinic'],
  ])('%j reads %j', (name, expected) => expect(inSentence(name)).toBe(expected));
});
