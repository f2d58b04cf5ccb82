import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, member, scanJson, type JsonNode } from '../../src/json/scanner.js';

/** Converts the syntax tree back to plain values, to compare with JSON.parse. */
function plain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      // Define, not assign: a member named "__proto__" is an own property in JSON.parse's result too.
      for (const m of node.members)
        Object.defineProperty(out, m.key, {
          value: plain(m.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    }
    case 'array':
      return node.items.map(plain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

function ok(text: string): JsonNode {
  const r = scanJson(text);
  if (!r.ok) throw new Error(`unexpected syntax error: ${r.error.message}`);
  return r.value;
}

function error(text: string) {
  const r = scanJson(text);
  if (r.ok) throw new Error('expected a syntax error');
  return r.error;
}

describe('scanJson', () => {
  it('reads every JSON value kind like JSON.parse does', () => {
    const text =
      '{"a": [1, -2.5e3, 0.25, true, false, null], "b": {"c": "x\\"y\\\\z\\/\\n\\t\\u00e9\\ud83d\\ude00"}, "d": ""}';
    expect(plain(ok(text))).toEqual(JSON.parse(text));
  });

  it('agrees with JSON.parse on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2);
        expect(plain(ok(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('records the line and column of each value', () => {
    const root = ok('{\n  "requestParams": [\n    {\n      "name": "a"\n    },\n\t{"name": "b"}\n  ]\n}');
    if (root.kind !== 'object') throw new Error('object expected');
    expect(root).toMatchObject({ line: 1, column: 1 });
    const params = member(root, 'requestParams');
    if (params?.kind !== 'array') throw new Error('array expected');
    expect(params).toMatchObject({ line: 2, column: 20 });
    expect(params.items.map((p) => [p.line, p.column])).toEqual([
      [3, 5],
      [6, 2],
    ]);
    expect(root.members[0]?.keyPos).toEqual({ line: 2, column: 3 });
  });

  it('counts CRLF and lone CR as one line break each', () => {
    const root = ok('{\r\n"a":\r1,\r\n"b": 2}');
    if (root.kind !== 'object') throw new Error('object expected');
    expect(root.members.map((m) => m.value.line)).toEqual([3, 4]);
  });

  it('gives the line and column of a syntax error, with what was expected and found', () => {
    expect(error('{\n  "a": 1,\n  "b" 2\n}')).toMatchObject({
      line: 3,
      column: 7,
      expected: `':' after member name "b"`,
      found: "'2'",
    });
    expect(error('{"a": [1, 2,]}')).toMatchObject({
      line: 1,
      column: 13,
      expected: 'a JSON value',
      found: "']'",
    });
    expect(error('{"a": 1}\n}')).toMatchObject({ line: 2, column: 1, found: "'}'" });
    expect(error('{"a": "x')).toMatchObject({ found: 'end of input' });
    expect(error('')).toMatchObject({ line: 1, column: 1, found: 'an empty document' });
    expect(error('{"a": tru}')).toMatchObject({ expected: "'true'" });
    expect(error('{"a": "\\x"}')).toMatchObject({ found: '\\x' });
    expect(error('{"a": "\\u12G4"}')).toMatchObject({ expected: 'four hex digits after \\u' });
  });

  it('rejects what JSON.parse rejects: raw control characters, comments, single quotes, leading zeros', () => {
    expect(error('{"a": "line\nbreak"}').message).toMatch(/raw control character U\+000A/);
    expect(error('{"a": 1 // no\n}').line).toBe(1);
    expect(error("{'a': 1}").found).toBe("'''");
    expect(error('[01]').found).toBe("'1'");
    expect(error('[-]').expected).toBe('a number');
  });

  it('reports duplicate keys (the last one wins, as in JSON.parse)', () => {
    const r = scanJson('{"name": "a",\n "name": "b"}');
    if (!r.ok) throw new Error('ok expected');
    expect(r.duplicateKeys).toEqual([{ key: 'name', line: 2, column: 2 }]);
    if (r.value.kind !== 'object') throw new Error('object expected');
    expect(member(r.value, 'name')).toMatchObject({ value: 'b' });
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(error(deep).message).toMatch(/nested more than/);
    const hostile = '['.repeat(1_000_000);
    expect(error(hostile).message).toMatch(/nested more than/);
    const fine = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(scanJson(fine).ok).toBe(true);
  });

  const acceptsLikeJsonParse = (text: string): void => {
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    expect(scanJson(text).ok).toBe(valid);
  };

  it('accepts and rejects exactly what JSON.parse does, never throwing', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), acceptsLikeJsonParse), {
      numRuns: 500,
    });
  });

  it('agrees with JSON.parse on near-valid JSON (one character deleted or inserted)', () => {
    const mutated = fc
      .tuple(
        fc.jsonValue({ maxDepth: 3 }),
        fc.nat(),
        fc.constantFrom('', ',', '"', '\\', '}', ']', '\n', '\u0001', ' ', '0', 'e'),
      )
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value);
        const i = at % (text.length + 1);
        return insert === ''
          ? text.slice(0, i) + text.slice(i + 1)
          : text.slice(0, i) + insert + text.slice(i);
      });
    fc.assert(fc.property(mutated, acceptsLikeJsonParse), { numRuns: 1000 });
  });
});
