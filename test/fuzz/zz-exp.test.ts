import fc from 'fast-check';
import { it } from 'vitest';
import { arbDoc } from '../../test/fuzz/support/doc-arbitrary.js';
import { renderText } from '../../test/fuzz/support/render-text.js';
import { renderJson } from '../../test/fuzz/support/render-json.js';
import { docShape, TEXT_CARRIES, JSON_CARRIES } from '../../test/fuzz/support/expected.js';
import { parseTextDoc } from '../../src/parse/text/index.js';
import { parseJsonDoc } from '../../src/parse/json/index.js';
import { isDeepStrictEqual } from 'node:util';
import { writeFileSync } from 'node:fs';

it('text', () => {
  const samples = fc.sample(arbDoc({ profile: 'text' }), { numRuns: 200, seed: 1 });
  let ok = 0; const fails: string[] = [];
  for (const doc of samples) {
    const text = renderText(doc);
    const r = parseTextDoc(text, 'x.txt');
    const got = r.api ? docShape(r.api, TEXT_CARRIES) : undefined;
    const want = docShape(doc, TEXT_CARRIES);
    if (isDeepStrictEqual(got, want)) ok++; else fails.push(JSON.stringify({text, want, got, diags: r.diagnostics}, null, 1));
  }
  console.log('text ok', ok, '/', samples.length);
  writeFileSync('/tmp/fz/text-fails.txt', fails.join('\n=========\n'));
});
it('json', () => {
  const samples = fc.sample(arbDoc({ profile: 'json' }), { numRuns: 200, seed: 1 });
  let ok = 0; const fails: string[] = [];
  for (const doc of samples) {
    const text = renderJson(doc);
    const r = parseJsonDoc(text, 'x.json');
    const got = r.api ? docShape(r.api, JSON_CARRIES) : undefined;
    const want = docShape(doc, JSON_CARRIES);
    if (isDeepStrictEqual(got, want)) ok++; else fails.push(JSON.stringify({text, want, got, diags: r.diagnostics}, null, 1));
  }
  console.log('json ok', ok, '/', samples.length);
  writeFileSync('/tmp/fz/json-fails.txt', fails.join('\n=========\n'));
});
