import { describe, expect, it } from 'vitest';
import { jsonProblem } from '../../src/errors.js';
import { EN_ERRORS } from '../../src/text/errors-en.js';

// The same words on Node 20, 22 and 24 (V8's messages differ between them), and never the input.
const parse = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    // Said as a batch row says it, after "is not valid JSON: ".
    return EN_ERRORS.rowNotJson({ problem: jsonProblem(error, text) }).replace(/^is not valid JSON: /, '');
  }
  throw new Error('parsed');
};

describe('JSON parse errors', () => {
  it.each([
    ['{', "Expected property name or '}' at line 1, column 2"],
    ['{"a":1,}', 'Expected double-quoted property name at line 1, column 8'],
    // Position 10: after "{\n\n" (3 characters) come 7 of `"a": 1 `, so the quote of "b" is line 3, column 8.
    ['{\n\n"a": 1 "b": 2}', "Expected ',' or '}' after property value at line 3, column 8"],
    ['Alex Doe', "Unexpected token 'A'"],
    ['', 'Unexpected end of JSON input'],
  ])('%j -> %s', (text, message) => {
    expect(parse(text)).toBe(message);
  });
});
