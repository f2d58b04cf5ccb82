import { describe, expect, it } from 'vitest';
import { resolveKinds } from '../../../src/model/passes/kinds.js';
import { buildModel, type ParsedDoc } from '../../../src/model/passes/select.js';
import type { Diagnostic } from '../../../src/model/types.js';
import { docApi } from './support.js';

const warning: Diagnostic = { severity: 'warning', code: 'w', message: 'm' };
const parsed = (file: string, api: string, diagnostics: Diagnostic[] = []): ParsedDoc => ({
  file,
  api: resolveKinds(docApi(api, { diagnostics })),
  diagnostics,
});

describe('the select pass', () => {
  it('keeps one doc per API name (the first by path, ignoring case), sorted by name in code unit order', () => {
    const model = buildModel([parsed('z.txt', 'b.get'), parsed('y.txt', 'B.get'), parsed('x.txt', 'a.get')]);
    expect(model.apis.map((a) => a.api)).toEqual(['B.get', 'a.get']); // code unit order
    expect(model.failedFiles).toEqual(['z.txt']);
    expect(model.diagnostics.map((d) => [d.code, d.file])).toEqual([['duplicate-api', 'z.txt']]);
  });

  it('leaves out docs with errors, invalid API names and, under strict, warnings', () => {
    const docs = [
      parsed('a.txt', 'a.get', [warning]),
      parsed('b.txt', 'b/../x'),
      { file: 'c.txt', diagnostics: [] },
    ];
    expect(buildModel(docs).apis.map((a) => a.api)).toEqual(['a.get']);
    expect(buildModel(docs).failedFiles).toEqual(['b.txt', 'c.txt']);
    expect(buildModel(docs, { strict: true }).apis).toEqual([]);
  });

  it('applies the config file’s read/write classes and reports an entry that names no API', () => {
    const model = buildModel([parsed('a.txt', 'a.get')], {
      access: { 'a.get': 'write', 'a.nothing': 'read' },
      configFile: 'topgen.config.json',
    });
    expect(model.apis[0]?.access).toBe('write');
    expect(model.diagnostics.map((d) => [d.code, d.file, d.field])).toEqual([
      ['access-unused', 'topgen.config.json', 'access.a.nothing'],
    ]);
  });
});
