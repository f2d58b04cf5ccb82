// The doc-JSON reader's fast path (JSON.parse, no positions) must give exactly what the scanner path gives, or
// step aside: for every text, it returns nothing or the scanner's result with no diagnostics.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCleanDoc } from '../../../src/parse/json/fast.js';
import { parseJsonDoc, readWithPositions } from '../../../src/parse/json/index.js';
import { HAS_SHARED, ROOT, SHARED } from '../../helpers/paths.js';

function expectSameAsScanner(text: string): boolean {
  const fast = readCleanDoc(text, 'doc.json');
  const full = readWithPositions(text, 'doc.json');
  if (fast === undefined) return false;
  expect(full.diagnostics).toEqual([]);
  expect(fast).toEqual(full);
  expect(fast.api?.diagnostics).toBe(fast.diagnostics);
  return true;
}

const base = {
  name: 'taobao.demo.get',
  apiChineseName: '演示',
  description: '演示<br/>接口',
  requestParams: [
    { name: 'q', type: 'String', required: true, description: '查询', maxLength: 64 },
    {
      name: 'filter',
      type: 'Filter',
      subParams: [{ name: 'ids', type: 'Number []', maxListSize: '20' }],
    },
  ],
  responseParams: [{ name: 'total', type: 'Number', required: true }],
};

describe('readCleanDoc (the fast path of the doc-JSON reader)', () => {
  it('reads a clean doc, bare or in its envelope, exactly as the scanner path does', () => {
    expect(expectSameAsScanner(JSON.stringify(base, null, 2))).toBe(true);
    expect(expectSameAsScanner(JSON.stringify({ data: base, success: true }))).toBe(true);
  });

  it('reads member names written with space before the colon, and values that hold colons', () => {
    const spaced = JSON.stringify(base, null, 2).replace(/": /g, '" :\t').replace('"查询"', '"a: \\": b"');
    expect(spaced).toContain('"name" :\t"q"');
    expect(expectSameAsScanner(spaced)).toBe(true);
  });

  it.each([
    ['a syntax error', JSON.stringify(base).slice(0, -1)],
    ['a duplicate key', JSON.stringify(base).replace('"q",', '"q", "name": "q",')],
    [
      'a duplicate key written with space before its colon',
      JSON.stringify(base).replace('"q",', '"q", "name"\n : "q",'),
    ],
    [
      'a value that starts with a colon',
      JSON.stringify(base).replace('"查询"', '":查询"').replace('"q",', '"q", "name": "q",'),
    ],
    [
      'an escaped quote before a duplicate key',
      JSON.stringify(base).replace('"查询"', '"a\\\\\\"b", "name": "q"'),
    ],
    ['a missing title', JSON.stringify({ ...base, apiChineseName: undefined })],
    ['an unusual field name', JSON.stringify(base).replace('"q"', '"q-1"')],
    ['an unknown type', JSON.stringify(base).replace('"String"', '"long"')],
    ['a bad constraint', JSON.stringify(base).replace('64', '"many"')],
    ['a failed doc-site answer', JSON.stringify({ data: base, success: false })],
    ['no parameter lists', JSON.stringify({ ...base, requestParams: undefined, responseParams: undefined })],
    [
      'nesting deeper than the scanner allows',
      JSON.stringify({ ...base, x: JSON.parse('['.repeat(600) + ']'.repeat(600)) }),
    ],
  ])('steps aside for %s, and the scanner path reports it', (_label, text) => {
    expect(readCleanDoc(text, 'doc.json')).toBeUndefined();
    expect(parseJsonDoc(text, 'doc.json').diagnostics).not.toEqual([]);
  });

  it('agrees with the scanner path on generated docs', () => {
    const name = fc.oneof(
      fc.constantFrom('a', 'b', 'a_b', 'constructor', '__proto__', 'x-y', ' a', ''),
      fc.string(),
    );
    const type = fc.constantFrom(
      'String',
      'Number',
      'Number []',
      'Price',
      'Vo',
      'Vo[]',
      'long',
      '',
      'Field  List',
    );
    const leaf = fc.record(
      {
        name,
        type,
        required: fc.oneof(fc.boolean(), fc.constant(null), fc.constant('yes')),
        description: fc.oneof(fc.string(), fc.constant('a<br/>b &amp; c'), fc.constant(null), fc.constant(3)),
        maxLength: fc.oneof(fc.integer(), fc.constant('12'), fc.constant('x')),
      },
      { requiredKeys: [] },
    );
    const param = fc.letrec((tie) => ({
      param: fc.record(
        { name, type, subParams: fc.array(fc.oneof(leaf, tie('param')), { maxLength: 3 }) },
        { requiredKeys: ['name'] },
      ),
    })).param;
    const doc = fc.record(
      {
        name: fc.constantFrom('taobao.a.get', ' taobao.b.get ', 'Bad Name', 'x.Y-z'),
        apiChineseName: fc.constantFrom('标题', 'T'),
        description: fc.constantFrom('d', ''),
        requestParams: fc.array(fc.oneof(leaf, param), { maxLength: 4 }),
        responseParams: fc.array(fc.oneof(leaf, param), { maxLength: 4 }),
      },
      { requiredKeys: ['name'] },
    );
    let fast = 0;
    fc.assert(
      fc.property(doc, fc.boolean(), (value, wrapped) => {
        const text = JSON.stringify(wrapped ? { data: value, success: true } : value, null, 1);
        if (expectSameAsScanner(text)) fast++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
    // Not vacuous: clean docs do take the fast path.
    expect(fast).toBeGreaterThan(0);
  });

  it.skipIf(!HAS_SHARED)('reads every corpus doc without diagnostics through the fast path', () => {
    const dir = join(SHARED, 'corpus', 'json');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    let clean = 0;
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      const full = readWithPositions(text, 'doc.json');
      if (full.diagnostics.length > 0) continue;
      clean++;
      expect(expectSameAsScanner(text), file).toBe(true);
    }
    expect(clean).toBeGreaterThan(300);
  });

  it('reads the bundled doc JSON fixtures as the scanner path does', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'json');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      if (readWithPositions(text, 'doc.json').diagnostics.length === 0) expectSameAsScanner(text);
    }
  });
});
