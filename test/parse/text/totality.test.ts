import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTextDoc } from '../../../src/parse/text/index.js';
import type { DocField as Field, ParseResult } from '../../../src/model/types.js';
import { FIXTURES, SEEDS, readText } from './support.js';

/** Parsing is total: any string gives a result and diagnostics, never an exception or an internal failure. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);

const pages: string[] = [
  ...SEEDS.map((name) => readText(`${FIXTURES}pages/${name}.txt`)),
  ...readdirSync(new URL('./fixtures/', import.meta.url))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readText(new URL(`./fixtures/${f}`, import.meta.url))),
];

function checkFields(fields: readonly Field[], side: 'request' | 'response'): void {
  for (const f of fields) {
    expect(typeof f.name).toBe('string');
    expect(Array.isArray(f.children)).toBe(true);
    if (side === 'response') expect(f.required).toBe(false);
    checkFields(f.children, side);
  }
}

function check(text: string): ParseResult {
  const result = parseTextDoc(text, 'fuzz.txt');
  expect(result.diagnostics.filter((d) => d.code === 'parser-bug')).toEqual([]);
  const lineCount = text.split('\n').length;
  for (const d of result.diagnostics) {
    expect(d.message.length).toBeGreaterThan(0);
    if (d.file === 'fuzz.txt' && d.line !== undefined) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(lineCount);
    }
  }
  if (result.api !== undefined) {
    checkFields(result.api.request, 'request');
    checkFields(result.api.response, 'response');
    expect(JSON.parse(JSON.stringify(result.api))).toEqual(result.api);
  }
  return result;
}

const pageArb = fc.constantFrom(...pages);

describe('totality', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        check(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on strings made of page vocabulary', () => {
    const word = fc.constantFrom(
      '\n',
      ' ',
      '  • ',
      '└ ',
      '请求参数',
      '响应参数',
      '请求示例',
      '响应示例',
      '验签示例',
      'FAQ',
      '返回',
      '顶部',
      '名称 类型 是否必须 示例值 更多限制 描述',
      '名称 类型 示例值 描述',
      'a String 必须 1 x',
      'o Obj []',
      'String',
      '必须',
      '<a>',
      '</a>',
      '<x_response>',
      '{',
      '}',
      '[',
      ']',
      '"k":',
      'obj1.setA(obj1);',
      'X.Y obj1 = new X.Y();',
      'req.setA(obj1);',
      'taobao.a.b (c)',
      '默认值:1',
      '最大长度:x',
      '&quot;',
      'List<X.Y> list2 = new ArrayList<X.Y>();',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 200 }), (words) => {
        check(words.join(''));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on real pages cut at any UTF-8 byte, as the corpus pages were', () => {
    fc.assert(
      fc.property(pageArb, fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        const bytes = new TextEncoder().encode(text);
        const cut = new TextDecoder().decode(bytes.slice(0, Math.floor(bytes.length * at)));
        const result = check(cut);
        if (result.api !== undefined && cut.length < text.length - 12) {
          expect(result.diagnostics.some((d) => d.code === 'truncated-page')).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on real pages with lines dropped, repeated, swapped or replaced', () => {
    fc.assert(
      fc.property(
        pageArb,
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat(),
            fc.constantFrom('drop', 'repeat', 'swap', 'replace'),
            fc.string({ maxLength: 30 }),
          ),
          { maxLength: 12 },
        ),
        (text, edits) => {
          const lines = text.split('\n');
          for (const [a, c, op, junk] of edits) {
            const i = a % lines.length;
            const j = c % lines.length;
            if (op === 'drop') lines.splice(i, 1);
            else if (op === 'repeat') lines.splice(i, 0, lines[i] ?? '');
            else if (op === 'swap') [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
            else lines[i] = junk;
            if (lines.length === 0) lines.push('');
          }
          check(lines.join('\n'));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('stays linear on long hostile lines', () => {
    const long = `${'a'.repeat(200_000)} (${'('.repeat(50_000)}`;
    // Quadratic work on these lines would run far past the test's time limit.
    check(
      `taobao.a.b (${'x'.repeat(100_000)})\n${long}\n  • ${'└ '.repeat(20_000)}\n<${'a'.repeat(100_000)}`,
    );
    check(`请求示例\n\n${'"'.repeat(100_000)};${'obj1.setA(obj1);'.repeat(5_000)}`);
  });
});
