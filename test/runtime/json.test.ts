import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/runtime/json.js';
import { jsonText } from '../../src/runtime/json-write.js';

describe('parseJson: unsafe integers become decimal strings', () => {
  it.each([
    ['largest safe integer stays a number', '9007199254740991', 9007199254740991],
    ['2^53 becomes text', '9007199254740992', '9007199254740992'],
    ['2^53 + 1 keeps its last digit', '9007199254740993', '9007199254740993'],
    ['smallest safe integer stays a number', '-9007199254740991', -9007199254740991],
    ['negative beyond the range', '-9007199254740993', '-9007199254740993'],
    ['int64 max', '9223372036854775807', '9223372036854775807'],
    ['int64 min', '-9223372036854775808', '-9223372036854775808'],
    ['uint64 max', '18446744073709551615', '18446744073709551615'],
    ['beyond 64 bits', '123456789012345678901234567890', '123456789012345678901234567890'],
    ['16 digits below 2^53', '1000000000000000', 1000000000000000],
    ['a fraction stays a number', '12345678901234567890.5', Number('12345678901234567890.5')],
    ['an exponent stays a number', '1e400', Infinity],
    [
      'a big mantissa with exponent stays a number',
      '12345678901234567890e2',
      Number('12345678901234567890e2'),
    ],
    ['a negative exponent', '-1234567890123456789E-3', -1234567890123456.8],
    ['zero', '0', 0],
    ['negative zero', '-0', -0],
  ] as const)('%s', (_name, input, expected) => {
    expect(parseJson(input)).toStrictEqual(expected);
  });

  it('converts inside objects and arrays, at any depth', () => {
    const text =
      '{"trade":{"tid":4051234567890123456,"num_iid":620000000000,"orders":[{"oid":4051234567890123457},' +
      '-12345678901234567890, 9007199254740993 ,[18446744073709551615]]},"ok":true,"n":null}';
    expect(parseJson(text)).toStrictEqual({
      trade: {
        tid: '4051234567890123456',
        num_iid: 620000000000,
        orders: [
          { oid: '4051234567890123457' },
          '-12345678901234567890',
          '9007199254740993',
          ['18446744073709551615'],
        ],
      },
      ok: true,
      n: null,
    });
  });

  it('leaves digits inside strings alone, escapes included', () => {
    const text = String.raw`{"a":"12345678901234567890","b":"x\"12345678901234567890\"","c":"\\","d":12345678901234567890,"e":"\\\"","f":"\u0031\u0032"}`;
    expect(parseJson(text)).toStrictEqual({
      a: '12345678901234567890',
      b: 'x"12345678901234567890"',
      c: '\\',
      d: '12345678901234567890',
      e: '\\"',
      f: '12',
    });
  });

  it('keeps keys that look like numbers, and unicode', () => {
    const text = '{"12345678901234567890":12345678901234567890,"名称":"女装 👗","\\ud83d\\ude00":1}';
    expect(parseJson(text)).toStrictEqual({
      '12345678901234567890': '12345678901234567890',
      名称: '女装 👗',
      '😀': 1,
    });
  });

  it('makes `__proto__` an own key, like JSON.parse', () => {
    const value = parseJson('{"__proto__":{"x":12345678901234567890}}') as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value['__proto__']).toStrictEqual({ x: '12345678901234567890' });
  });

  it.each([
    ['number as key', '{12345678901234567890:1}'],
    ['number as key after a comma', '{"a":1,12345678901234567890:2}'],
    ['leading zero', '[012345678901234567890]'],
    ['number after a value', '[1 12345678901234567890]'],
    ['string then number', '["a"12345678901234567890]'],
    ['trailing garbage', '12345678901234567890x'],
    ['unterminated string', '{"a":"12345678901234567890'],
    ['bare minus', '[-]'],
    ['empty', ''],
  ])('rejects invalid JSON (%s) exactly like JSON.parse', (_name, input) => {
    expect(() => JSON.parse(input)).toThrow(SyntaxError);
    expect(() => parseJson(input)).toThrow(SyntaxError);
  });
});

/** What parseJson must return for text made by JSON.stringify: JSON.parse with unsafe integers as their digits. */
function expectedOf(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Number.isSafeInteger(value) && Math.abs(value) < 1e21
      ? String(value)
      : value;
  }
  if (Array.isArray(value)) return value.map(expectedOf);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, {
        value: expectedOf(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}

describe('parseJson: properties', () => {
  it('equals JSON.parse on any JSON text, unsafe integers aside', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseJson(text)).toStrictEqual(expectedOf(JSON.parse(text)));
      }),
      { seed: 1123, numRuns: 3000 },
    );
  });

  it('round-trips bigints exactly', () => {
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
        fc.string(),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    const normalise = (v: unknown): unknown => {
      if (typeof v === 'bigint')
        return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v.toString();
      if (Array.isArray(v)) return v.map(normalise);
      if (typeof v === 'object' && v !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v))
          Object.defineProperty(out, k, {
            value: normalise(x),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        return out;
      }
      return v;
    };
    fc.assert(
      fc.property(tree, (value) => {
        expect(parseJson(jsonText(value))).toStrictEqual(normalise(value));
      }),
      { seed: 99, numRuns: 2000 },
    );
  });

  it('accepts and rejects exactly what JSON.parse does', () => {
    const noisy = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .array(
          fc.constantFrom(
            '{',
            '}',
            '[',
            ']',
            ':',
            ',',
            '"',
            '\\',
            '-',
            '12345678901234567890',
            '0',
            'e',
            '.',
            ' ',
            'true',
            '"a"',
          ),
          {
            maxLength: 12,
          },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(noisy, (text) => {
        let expected: unknown;
        let threw = false;
        try {
          expected = JSON.parse(text);
        } catch {
          threw = true;
        }
        if (threw) expect(() => parseJson(text)).toThrow(SyntaxError);
        else if (!/\d{16}/.test(text)) expect(parseJson(text)).toStrictEqual(expected);
        else expect(() => parseJson(text)).not.toThrow();
      }),
      { seed: 5, numRuns: 5000 },
    );
  });
});
