// Property: reading is total. Detection and all three readers take any bytes or string — random, or a real or
// rendered doc mutated at the byte or line level — and answer with well-formed diagnostics, never an exception
// and never the catch-all internal-error / parser-bug diagnostic.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, DocField as Field, ParseResult } from '../../src/model/types.js';
import { detectFormat, parseDocument, parseHtmlDoc, parseJsonDoc } from '../../src/parse/index.js';
import { parseTextDoc } from '../../src/parse/text/index.js';
import { DOCS_INPUT, ROOT } from '../helpers/paths.js';
import { arbDoc } from './support/doc-arbitrary.js';
import { renderJson } from './support/render-json.js';
import { renderText } from './support/render-text.js';
import { params, timeoutFor } from './support/runs.js';

const FILE = 'fuzz/input';
const SEVERITIES = new Set(['error', 'warning', 'info']);
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Diagnostics that mean a reader threw and was caught: a defect, never an answer to bad input. */
const DEFECT_CODES = new Set(['internal-error', 'parser-bug']);

function checkDiagnostic(d: Diagnostic, lineCount: number): void {
  expect(SEVERITIES.has(d.severity), d.severity).toBe(true);
  expect(d.code).toMatch(KEBAB);
  expect(DEFECT_CODES.has(d.code), `${d.code}: ${d.message}`).toBe(false);
  expect(d.message.trim()).not.toBe('');
  if (d.file === FILE && d.line !== undefined) {
    expect(Number.isInteger(d.line)).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lineCount);
  }
}

function checkFields(fields: readonly Field[], side: 'request' | 'response'): void {
  for (const f of fields) {
    expect(typeof f.name).toBe('string');
    expect(typeof f.type).toBe('string');
    if (side === 'response') expect(f.required).toBe(false);
    checkFields(f.children, side);
  }
}

function checkResult(result: ParseResult, lineCount: number): void {
  expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const d of result.diagnostics) checkDiagnostic(d, lineCount);
  const api = result.api;
  if (api === undefined) {
    // No API: the reader must say why.
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    return;
  }
  expect(api.diagnostics).toEqual(result.diagnostics);
  checkFields(api.request, 'request');
  checkFields(api.response, 'response');
  // The model is plain data (`topgen parse --json` prints it as it is).
  expect(JSON.parse(JSON.stringify(api))).toEqual(api);
}

/** Lines as editors count them: `\r\n`, `\n` and a lone `\r` each end one (the JSON scanner does the same). */
const lineCountOf = (text: string): number => text.split(/\r\n?|\n/).length;

/** Every reader on one input: detection, the dispatcher (bytes and string) and each reader directly. */
function readAll(bytes: Uint8Array): void {
  const text = new TextDecoder().decode(bytes);
  const lines = Math.max(lineCountOf(text), lineCountOf(new TextDecoder('latin1').decode(bytes)));
  const detected = detectFormat(bytes);
  expect(['text', 'html', 'json', 'unknown', 'binary']).toContain(detected.format);
  expect(detectFormat(text).format).toEqual(expect.any(String));
  checkResult(parseDocument(bytes, FILE), lines);
  checkResult(parseDocument(text, FILE), lines);
  checkResult(parseTextDoc(text, FILE), lines);
  checkResult(parseJsonDoc(text, FILE), lines);
  checkResult(parseHtmlDoc(text, FILE), lines);
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Real inputs to mutate: the seed pages, the HTML and JSON fixtures. */
function seedInputs(): Uint8Array[] {
  const dirs = [DOCS_INPUT, join(ROOT, 'test/fixtures/html'), join(ROOT, 'test/fixtures/json')];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => new Uint8Array(readFileSync(join(dir, name)))),
  );
}

type Edit = readonly [
  op: 'insert' | 'delete' | 'replace' | 'cut' | 'swap-lines',
  at: number,
  bytes: Uint8Array,
];

function applyEdits(input: Uint8Array, edits: readonly Edit[]): Uint8Array {
  let bytes = input;
  for (const [op, at, junk] of edits) {
    const i = bytes.length === 0 ? 0 : at % bytes.length;
    if (op === 'insert') bytes = new Uint8Array([...bytes.subarray(0, i), ...junk, ...bytes.subarray(i)]);
    else if (op === 'delete')
      bytes = new Uint8Array([...bytes.subarray(0, i), ...bytes.subarray(i + junk.length + 1)]);
    else if (op === 'replace')
      bytes = new Uint8Array([...bytes.subarray(0, i), ...junk, ...bytes.subarray(i + junk.length)]);
    else if (op === 'cut') bytes = bytes.subarray(0, i);
    else {
      const lines = new TextDecoder().decode(bytes).split('\n');
      const a = at % lines.length;
      const b = (at * 7 + junk.length) % lines.length;
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      bytes = encode(lines.join('\n'));
    }
  }
  return bytes;
}

const arbEdits: fc.Arbitrary<Edit[]> = fc.array(
  fc.tuple(
    fc.constantFrom(
      'insert' as const,
      'delete' as const,
      'replace' as const,
      'cut' as const,
      'swap-lines' as const,
    ),
    fc.nat(),
    fc.oneof(
      fc.uint8Array({ maxLength: 8 }),
      fc.constantFrom('\n', '  • ', '└ ', '<', '</td>', '"', '{', '[]', '\u0000', '\uFEFF').map(encode),
    ),
  ),
  { minLength: 1, maxLength: 8 },
);

/** HTML-ish tag soup, sometimes very deep. */
const arbTagSoup: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(
          '<table>',
          '</table>',
          '<tr>',
          '</tr>',
          '<td>',
          '</td>',
          '<ul>',
          '<li>',
          '<div class="x">',
          '</div>',
          '<br>',
          '<!--',
          '-->',
          '<script>',
          '</script>',
          '<pre>',
          '&lt;',
          '&#x0;',
          '&amp;',
        ),
        fc.constantFrom(
          'taobao.a.b (标题)',
          '请求参数',
          '响应参数',
          '名称',
          '类型',
          'String',
          '必须',
          '└ a',
          'a String 必须',
        ),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 60 },
    ),
    fc.nat({ max: 3000 }),
  )
  .map(([parts, depth]) => `<html><body>${'<div>'.repeat(depth)}${parts.join('')}</body></html>`);

describe('reading is total', () => {
  it(
    'on random bytes and strings',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.uint8Array({ maxLength: 600 }),
            fc.string({ unit: 'binary', maxLength: 600 }).map(encode),
            fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => encode(`{${s}`)),
            fc
              .string({ unit: 'grapheme', maxLength: 200 })
              .map((s) => encode(`taobao.a.b (t)\n\n${s}\n请求参数\n${s}`)),
          ),
          (bytes) => readAll(bytes),
        ),
        params(),
      );
    },
    timeoutFor(1, 60),
  );

  it(
    'on real docs mutated at the byte and line level',
    () => {
      const seeds = seedInputs();
      fc.assert(
        fc.property(fc.constantFrom(...seeds), arbEdits, (seed, edits) => readAll(applyEdits(seed, edits))),
        params(),
      );
    },
    timeoutFor(1, 150),
  );

  it(
    'on rendered random docs (text and JSON) mutated the same way',
    () => {
      fc.assert(
        fc.property(arbDoc({ profile: 'text', maxDepth: 3 }), fc.boolean(), arbEdits, (doc, asJson, edits) =>
          readAll(applyEdits(encode(asJson ? renderJson(doc) : renderText(doc)), edits)),
        ),
        params(),
      );
    },
    timeoutFor(1, 150),
  );

  it(
    'on HTML tag soup, deep nesting included',
    () => {
      fc.assert(
        fc.property(arbTagSoup, (html) => readAll(encode(html))),
        params(0.5),
      );
    },
    timeoutFor(0.5, 200),
  );
});
