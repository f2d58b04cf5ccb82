import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyOpenApi, toOpenApi } from '../../src/openapi/index.js';
import { arbApi } from '../diff/arbitrary.js';
import { structuralProblems, swaggerValidate } from './check.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 100);

describe('toOpenApi on generated APIs with hostile names and types', () => {
  it('always gives a structurally sound document, the same for any input order', () => {
    fc.assert(
      fc.property(fc.array(arbApi, { maxLength: 4 }), (apis) => {
        const doc = toOpenApi(apis);
        expect(structuralProblems(doc)).toEqual([]);
        const text = stringifyOpenApi(doc);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
        expect(Object.keys(doc.paths)).toHaveLength(apis.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('passes the OpenAPI validator', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbApi, { maxLength: 3 }), async (apis) => {
        await swaggerValidate(toOpenApi(apis));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
