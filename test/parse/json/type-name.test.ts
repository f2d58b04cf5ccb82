import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRecognisedType, normaliseTypeName } from '../../../src/parse/json/type-name.js';

describe('normaliseTypeName', () => {
  it.each([
    ['String', 'String', false],
    ['String[]', 'String', true],
    ['String []', 'String', true],
    ['  Item  [ ] ', 'Item', true],
    ['byte[]', 'byte', true],
    ['Field List', 'Field List', false],
    ['Field  List', 'Field List', false],
    ['Field List[]', 'Field List', true],
    ['X[][]', 'X[]', true],
    ['[]', '[]', false],
  ])('%j → %j, array %j', (raw, type, array) => {
    expect(normaliseTypeName(raw)).toEqual({ type, array });
  });

  it('gives one-word names (its quick path) exactly what the general rule gives', () => {
    // The general rule: trim, collapse whitespace, then one trailing `[]` (spaces allowed) is the array flag.
    const general = (raw: string): { type: string; array: boolean } => {
      const collapsed = raw.trim().replace(/\s+/g, ' ');
      const m = /^(.*?)\s*\[\s*\]$/s.exec(collapsed);
      return m?.[1] ? { type: m[1], array: true } : { type: collapsed, array: false };
    };
    const raw = fc.string({ unit: fc.constantFrom('A', 'b', '[', ']', ' ', '\t', '\u3000', '<', '>') });
    fc.assert(
      fc.property(raw, (text) => {
        expect(normaliseTypeName(text)).toEqual(general(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isRecognisedType', () => {
  it('knows the TOP primitives, struct names and anything with sub-fields', () => {
    for (const t of [
      'String',
      'Number',
      'Boolean',
      'Date',
      'Price',
      'BigDecimal',
      'Json',
      'Field List',
      'Map',
      'byte',
      'UserRegisterVo',
    ]) {
      expect(isRecognisedType({ type: t, array: false }, false), t).toBe(true);
    }
    expect(isRecognisedType({ type: 'byte', array: true }, false)).toBe(true);
    expect(isRecognisedType({ type: 'resultData', array: false }, true)).toBe(true);
  });

  it('does not know lowercase Java types, generics or nested arrays', () => {
    for (const t of ['long', 'string', 'int', 'List<Item>', 'X[]', '[]', '']) {
      expect(isRecognisedType({ type: t, array: false }, false), t).toBe(false);
    }
  });
});
