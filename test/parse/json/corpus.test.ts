import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Constraints, DocField as Field } from '../../../src/model/types.js';
import { parseJsonDoc } from '../../../src/parse/json/index.js';
import { HAS_SHARED, SHARED } from '../../helpers/paths.js';

/** The real doc JSON of 399 TOP APIs (see ../shared/corpus/README.md). */
const CORPUS = join(SHARED, 'corpus', 'json');

interface SourceParam {
  readonly name: string;
  readonly type?: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly maxListSize?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly subParams?: readonly SourceParam[];
}

interface SourceDoc {
  readonly name: string;
  readonly apiChineseName: string;
  readonly requestParams?: readonly SourceParam[];
  readonly responseParams?: readonly SourceParam[];
}

function corpusFiles(): string[] {
  return readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(CORPUS, f));
}

/**
 * Checks one level of fields against the source params, recursively; returns how many source params were
 * repeated names at their level (the reader keeps the first and warns).
 */
function compare(
  fields: readonly Field[],
  params: readonly SourceParam[] | undefined,
  side: 'request' | 'response',
  path: string,
): number {
  const seen = new Set<string>();
  const unique = (params ?? []).filter((p) => (seen.has(p.name) ? false : (seen.add(p.name), true)));
  let duplicates = (params ?? []).length - unique.length;
  expect(
    fields.map((f) => f.name),
    path,
  ).toEqual(unique.map((p) => p.name));
  unique.forEach((p, i) => {
    const f = fields[i] as Field;
    const where = `${path}.${p.name}`;
    const rawType = (p.type ?? 'String').trim();
    const array = /\[\]$/.test(rawType);
    expect(f.type, where).toBe(array ? rawType.replace(/\s*\[\]$/, '') : rawType);
    expect(f.type, where).not.toMatch(/\[|\]|^\s|\s$/);
    expect(f.array, where).toBe(array);
    expect(f.required, where).toBe(side === 'request' && p.required === true);
    const constraints: Constraints = {
      ...(p.maxLength === undefined ? {} : { maxLength: p.maxLength }),
      ...(p.maxListSize === undefined ? {} : { maxListSize: p.maxListSize }),
      ...(p.minValue === undefined ? {} : { minValue: p.minValue }),
      ...(p.maxValue === undefined ? {} : { maxValue: p.maxValue }),
    };
    expect(f.constraints ?? {}, where).toEqual(constraints);
    expect(f.example, where).toBeUndefined();
    const description = p.description ?? '';
    if (/[<&]/.test(description)) expect(f.description ?? '', where).not.toMatch(/<br\s*\/?>/i);
    else expect(f.description, where).toBe(description.trim() === '' ? undefined : description.trim());
    duplicates += compare(f.children, p.subParams, side, where);
  });
  return duplicates;
}

describe.skipIf(!HAS_SHARED)('doc JSON corpus', () => {
  const files = HAS_SHARED ? corpusFiles() : [];
  const texts = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('holds the 399 documented APIs', () => {
    expect(files).toHaveLength(399);
  });

  it('reads every file with no errors and round-trips every field, type, flag, constraint and nesting', () => {
    let warnings = 0;
    for (const { file, text } of texts) {
      const r = parseJsonDoc(text, file);
      expect(
        r.diagnostics.filter((d) => d.severity === 'error'),
        file,
      ).toEqual([]);
      for (const d of r.diagnostics) {
        expect(d.file, file).toBe(file);
        expect(d.line, `${file}: ${d.message}`).toBeGreaterThan(0);
      }
      warnings += r.diagnostics.length;
      const source = JSON.parse(text) as SourceDoc;
      const api = r.api;
      if (api === undefined) throw new Error(`${file}: no api`);
      expect(api.api).toBe(source.name);
      expect(api.title).toBe(source.apiChineseName);
      expect(api.source).toEqual({ file, format: 'json' });
      const duplicates =
        compare(api.request, source.requestParams, 'request', 'request') +
        compare(api.response, source.responseParams, 'response', 'response');
      expect(r.diagnostics.filter((d) => d.code === 'duplicate-field')).toHaveLength(duplicates);
    }
    // The corpus has 2 params without a type, 1 duplicated name, 3 primitives with sub-fields, 1 odd API name.
    expect(warnings).toBe(7);
  });
});
