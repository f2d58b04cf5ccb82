import { describe, expect, it } from 'vitest';
import { stringifyOpenApi, toOpenApi } from '../../src/openapi/index.js';
import { HAS_CORPUS, loadCorpus } from '../diff/corpus.js';
import { expectValid } from './check.js';

describe.skipIf(!HAS_CORPUS)('OpenAPI for the doc JSON corpus (399 real APIs)', () => {
  const { files, apis } = loadCorpus();

  it('reads every file into an API', () => {
    expect(files).toHaveLength(399);
    expect(apis).toHaveLength(399);
  });

  it('gives a valid document with one operation per API', async () => {
    const doc = toOpenApi(apis, { title: 'corpus', version: '1.0.0' });
    await expectValid(doc);
    expect(Object.keys(doc.paths)).toHaveLength(new Set(apis.map((a) => a.api)).size);
  });

  it('gives the same bytes whatever the input order', () => {
    expect(stringifyOpenApi(toOpenApi([...apis].reverse()))).toBe(stringifyOpenApi(toOpenApi(apis)));
  });
});
