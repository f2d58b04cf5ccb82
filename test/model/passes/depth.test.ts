import { describe, expect, it } from 'vitest';
import { limitFieldDepth } from '../../../src/model/passes/depth.js';
import type { DocField } from '../../../src/model/types.js';
import { docApi, docField } from './support.js';

/** A chain of `levels` nested struct fields ending in a String leaf. */
function chain(levels: number): DocField {
  let field = docField('leaf', 'String');
  for (let i = levels - 1; i >= 1; i--) field = docField(`l${i}`, `L${i}`, { children: [field] });
  return field;
}

describe('the depth pass', () => {
  it('hands back the same API object when nothing is too deep', () => {
    const api = docApi('a.b', { request: [chain(4)] });
    expect(limitFieldDepth(api, 4)).toEqual({ api, diagnostics: [] });
    expect(limitFieldDepth(api, 4).api).toBe(api);
  });

  it('types a field at the limit with nested fields as Map, drops what is below, and warns once per side', () => {
    const api = docApi('a.b', { request: [chain(5)], response: [chain(6), chain(6)] });
    const { api: cut, diagnostics } = limitFieldDepth(api, 3);
    const third = cut.request[0]?.children[0]?.children[0];
    expect(third).toEqual(docField('l3', 'Map'));
    expect(diagnostics.map((d) => [d.code, d.field])).toEqual([
      ['nesting-too-deep', 'request.l1.l2.l3'],
      ['nesting-too-deep', 'response.l1.l2.l3'],
    ]);
    expect(diagnostics[1]?.message).toContain('2 fields at that depth');
    expect(cut.diagnostics).toEqual(diagnostics);
    // The input is not changed.
    expect(api.request[0]).toEqual(chain(5));
  });
});
