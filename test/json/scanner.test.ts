import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, member, scanJson, scanJsonTolerant, type JsonNode } from '../../src/json/scanner.js';

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

describe('scanJsonTolerant', () => {
  const read = (text: string, maxDepth = MAX_JSON_DEPTH) => scanJsonTolerant(text, { maxDepth });
  const partial = (text: string, maxDepth?: number): unknown => {
    const r = read(text, maxDepth);
    if (r.error === undefined) throw new Error('expected a syntax error');
    return r.value === undefined ? undefined : plain(r.value);
  };

  it('keeps the tree read before a cut: finished values and the containers still open', () => {
    expect(partial('{"a":1,"b":{"c":[1,2')).toEqual({ a: 1, b: { c: [1, 2] } });
    // A scalar the cut falls into is left out; the member it belonged to goes with it.
    expect(partial('{"a":1,"b":{"c":"x')).toEqual({ a: 1, b: {} });
    expect(partial('{"a":1,"b":tr')).toEqual({ a: 1 });
    expect(partial('{"a":1,"b"')).toEqual({ a: 1 });
    expect(partial('[1,[2,[3,')).toEqual([1, [2, [3]]]);
    expect(partial('')).toBeUndefined();
    expect(partial('  ')).toBeUndefined();
    expect(partial('"abc')).toBeUndefined();
  });

  it('keeps positions in the partial tree and reports where it stopped', () => {
    const r = read('{\n  "a": [\n    {"b": 1},\n    {"c": x}');
    expect(r.error).toMatchObject({ line: 4, column: 11, found: "'x'" });
    if (r.value?.kind !== 'object') throw new Error('object expected');
    const list = member(r.value, 'a');
    if (list?.kind !== 'array') throw new Error('array expected');
    expect(list.items.map((item) => item.line)).toEqual([3, 4]);
    expect(list).toMatchObject({ line: 2, column: 8 });
  });

  it('keeps the whole value when only trailing garbage follows it', () => {
    const r = read('{"a":[1]} trailing');
    expect(r.error).toMatchObject({ line: 1, column: 11 });
    expect(r.value === undefined ? undefined : plain(r.value)).toEqual({ a: [1] });
  });

  it('stops at an unclosed string, keeping the members before it', () => {
    expect(partial('{"a":"ok","b":"never closed}\n')).toEqual({ a: 'ok' });
    expect(partial('{"a":"ok","unclosed key')).toEqual({ a: 'ok' });
    expect(partial('["a","\\u12"]')).toEqual(['a']);
  });

  it('reads sloppy hand-written samples: raw control characters, unknown escapes, leading zeros', () => {
    const r = read('{"a":"two\nlines\there","b":"\\q","c":007,\n"d":1}');
    expect(r.error).toBeUndefined();
    expect(plain(r.value!)).toEqual({ a: 'two\nlines\there', b: 'q', c: 7, d: 1 });
    if (r.value?.kind !== 'object') throw new Error('object expected');
    // The raw line break inside "a" counts, so "d" is on line 3.
    expect(member(r.value, 'd')).toMatchObject({ line: 3, column: 5 });
    expect(member(r.value, 'c')).toMatchObject({ raw: '007' });
    // An escaped raw line break (a backslash at the end of a line) is one line break too.
    const escaped = read('["a\\\nb",\n1]');
    if (escaped.value?.kind !== 'array') throw new Error('array expected');
    expect(escaped.value.items.map((item) => item.line)).toEqual([1, 3]);
  });

  it('treats a word glued to a scalar as one bad word, not the scalar and garbage', () => {
    expect(partial('{"a":1,"b":truex}')).toEqual({ a: 1 });
    expect(partial('[1-2]')).toEqual([]);
    expect(partial('[nul]')).toEqual([]);
  });

  it('stops at the depth limit, keeping the levels above it, without overflowing the stack', () => {
    expect(partial('[[[[1]]]]', 3)).toEqual([[[]]]);
    expect(read('[[[1]]]', 3).error).toBeUndefined();
    const hostile = read('['.repeat(1_000_000), 200);
    expect(hostile.error?.message).toMatch(/nested more than 200 levels/);
    let depth = 0;
    for (let node = hostile.value; node?.kind === 'array'; node = node.items[0]) depth++;
    expect(depth).toBe(200);
  });

  it('reads valid JSON exactly as the strict scanner does', () => {
    const spaced = fc
      .tuple(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 0, 1, 2, '\t'))
      .map(([value, indent]) => JSON.stringify(value, null, indent));
    fc.assert(
      fc.property(spaced, (text) => {
        const strict = scanJson(text);
        if (!strict.ok) throw new Error(strict.error.message);
        expect(read(text)).toEqual({ value: strict.value });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, and keeps a partial tree only as deep as the text went', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.jsonValue({ maxDepth: 3 }).chain((v) => {
        const text = JSON.stringify(v);
        return fc.nat(text.length).map((k) => text.slice(0, k));
      }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const r = read(text, 50);
        if (r.error !== undefined) expect(r.error.line).toBeGreaterThanOrEqual(1);
        else expect(r.value).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });
});
