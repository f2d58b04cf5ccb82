// Property: a random doc rendered as doc JSON reads back into the same model (names, types, arrays, required,
// nesting, descriptions, constraints), with exactly the warnings its odd names and types call for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typeKind } from '../../src/model/type-kind.js';
import type { Diagnostic } from '../../src/model/types.js';
import { parseDocument } from '../../src/parse/index.js';
import { arbDoc, walkFields, type DocSpec } from './support/doc-arbitrary.js';
import { docShape, JSON_CARRIES } from './support/expected.js';
import { renderJson, type JsonStyle } from './support/render-json.js';
import { params, timeoutFor } from './support/runs.js';

const arbStyle: fc.Arbitrary<JsonStyle> = fc.record({
  envelope: fc.boolean(),
  spacedArrays: fc.boolean(),
  stringConstraints: fc.boolean(),
  responseRequired: fc.boolean(),
  nulls: fc.boolean(),
  indent: fc.constantFrom(0 as const, 2 as const),
});

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The diagnostics a doc's content calls for: odd field names and types nobody knows. */
function expectedDiagnostics(doc: DocSpec): string[] {
  const out: string[] = [];
  for (const { path, field } of walkFields(doc)) {
    if (!PLAIN_NAME.test(field.name)) out.push(`warning unusual-field-name ${path}`);
    if (typeKind(field) === 'unknown') out.push(`warning unknown-type ${path}`);
  }
  return out.sort();
}

const summary = (d: Diagnostic): string => `${d.severity} ${d.code} ${d.field ?? ''}`.trim();

describe('doc JSON round trip', () => {
  it(
    'reads back the structure, text and constraints of any doc',
    () => {
      fc.assert(
        fc.property(
          arbDoc({ profile: 'json', maxDepth: 5 }),
          arbStyle,
          fc.boolean(),
          (doc, style, asBytes) => {
            const json = renderJson(doc, style);
            const result = parseDocument(asBytes ? new TextEncoder().encode(json) : json, 'fuzz/doc.json');
            const api = result.api;
            if (api === undefined) throw new Error(`no API: ${JSON.stringify(result.diagnostics)}`);
            expect(api.source).toEqual({ file: 'fuzz/doc.json', format: 'json' });
            expect(docShape(api, JSON_CARRIES)).toEqual(docShape(doc, JSON_CARRIES));
            expect(result.diagnostics.map(summary).sort()).toEqual(expectedDiagnostics(doc));
            // Every diagnostic points at the member it is about (one member per line when indented).
            const lines = json.split('\n');
            for (const d of result.diagnostics) {
              expect(d.file).toBe('fuzz/doc.json');
              expect(d.expected).toEqual(expect.any(String));
              expect(d.found).toEqual(expect.any(String));
              const line = lines[(d.line ?? 0) - 1];
              expect(line).toBeDefined();
              if (style.indent === 2) expect(line).toContain(d.code === 'unknown-type' ? '"type"' : '"name"');
            }
          },
        ),
        params(),
      );
    },
    timeoutFor(1, 50),
  );

  it(
    'never lets example values or defaults appear: doc JSON has neither',
    () => {
      fc.assert(
        fc.property(arbDoc({ profile: 'json' }), (doc) => {
          const api = parseDocument(renderJson(doc), 'doc.json').api;
          const fields = api === undefined ? [] : walkFields(api);
          expect(fields.filter(({ field }) => field.example !== undefined)).toEqual([]);
          expect(fields.filter(({ field }) => field.constraints?.default !== undefined)).toEqual([]);
          expect(fields.filter(({ path, field }) => path.startsWith('response.') && field.required)).toEqual(
            [],
          );
        }),
        params(0.5),
      );
    },
    timeoutFor(0.5, 50),
  );
});
