import { describe, expect, it } from 'vitest';
import { modelDoc, runDocPasses } from '../../../src/model/passes/index.js';
import { MAX_FIELD_DEPTH } from '../../../src/model/passes/depth.js';
import type { DocField } from '../../../src/model/types.js';
import { docApi as apiOf, docField } from './support.js';

const doc = (name: string, type: string, children: DocField[] = []): DocField =>
  docField(name, type, { children });
const docApi = (request: DocField[]) => apiOf('a.b', { request, source: { file: 'a.txt', format: 'text' } });

describe('the per-doc passes', () => {
  it('resolve kinds after the depth cut: a struct cut at the limit is a map', () => {
    let deep = doc('leaf', 'String');
    for (let i = 0; i < MAX_FIELD_DEPTH + 2; i++) deep = doc(`l${i}`, `L${i}`, [deep]);
    const { api, added } = runDocPasses(docApi([deep]));
    let cut = api.request[0];
    for (let depth = 1; depth < MAX_FIELD_DEPTH; depth++) cut = cut?.children[0];
    expect(cut).toMatchObject({ type: 'Map', kind: 'map', children: [] });
    expect(added.map((d) => d.code)).toEqual(['nesting-too-deep']);
    expect(api.diagnostics.map((d) => d.code)).toEqual(['nesting-too-deep']);
  });

  it('report parameters named like common parameters, after the reader’s diagnostics', () => {
    const read = {
      file: 'a.txt',
      api: docApi([doc('sign', 'String')]),
      diagnostics: [{ severity: 'info' as const, code: 'from-reader', message: 'm' }],
    };
    const parsed = modelDoc(read);
    expect(parsed.api?.request[0]?.kind).toBe('string');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['from-reader', 'reserved-param-name']);
  });

  it('leave a doc that is no API as it was read', () => {
    const read = {
      file: 'notes.txt',
      diagnostics: [{ severity: 'error' as const, code: 'x', message: 'm' }],
    };
    expect(modelDoc(read)).toEqual(read);
  });
});
