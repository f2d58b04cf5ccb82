import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonValue, writeJson } from '../../src/mock/json-tree.js';

describe('parseJsonValue / writeJson', () => {
  it.each([
    ['{"id":12345678901234567890,"n":-0.5e-3}', '{"id":12345678901234567890,"n":-0.5e-3}'],
    [' [ 1 , true , null , "a\\"b\\u00e9" ] ', '[1,true,null,"a\\"bé"]'],
    ['{"a":{"b":[{}]},"a":2}', '{"a":{"b":[{}]},"a":2}'],
    ['"认证"', '"认证"'],
  ])('keeps %s exact', (input, output) => {
    expect(writeJson(parseJsonValue(input))).toBe(output);
  });

  it.each([
    '',
    '{',
    '{"a"}',
    '{"a":1,}',
    '[1 2]',
    '01',
    '+1',
    '1.',
    '.5',
    "{'a':1}",
    '"a\nb"',
    'tru',
    '1 2',
    '"abc',
  ])('refuses %j', (input) => {
    expect(() => parseJsonValue(input)).toThrow(JsonSyntaxError);
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    expect(() => parseJsonValue('['.repeat(100_000))).toThrow(/nested more than/);
  });

  it('agrees with JSON.parse on any JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const written = writeJson(parseJsonValue(text));
        expect(JSON.parse(written)).toEqual(JSON.parse(text));
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 200) },
    );
  });
});
