import { describe, expect, it } from 'vitest';
import { resolveFieldKinds } from '../../src/model/passes/kinds.js';
import { diffApis, formatDiffText, hasBreaking } from '../../src/diff/index.js';
import type { Api, Field } from '../../src/model/types.js';
import { loadSeedApi, loadSeedApis } from './seeds.js';

/** A copy of `api` with the field at `path` (names below request/response) rewritten by `edit`. */
function editField(
  api: Api,
  side: 'request' | 'response',
  path: readonly string[],
  edit: (f: Field) => Field,
): Api {
  const walk = (fields: readonly Field[], rest: readonly string[]): Field[] =>
    fields.map((f) => {
      if (f.name !== rest[0]) return f;
      return rest.length === 1 ? edit(f) : { ...f, children: walk(f.children, rest.slice(1)) };
    });
  return { ...api, [side]: walk(api[side], path) };
}

describe('diff of the seed APIs', () => {
  it('finds nothing between a seed and itself', () => {
    const seeds = loadSeedApis();
    expect(hasBreaking(diffApis(seeds, structuredClone(seeds)))).toBe(false);
    expect(diffApis(seeds, structuredClone(seeds)).changed).toEqual([]);
  });

  it('flags a changed request field type as breaking and names the field', () => {
    const seed = loadSeedApi('alibaba_damai_maizuo_openapi_user_register_byauthcode.json');
    const edited = editField(seed, 'request', ['param0', 'code_type'], (f) =>
      resolveFieldKinds({ ...f, type: 'String' }),
    );
    const diff = diffApis([seed], [edited]);
    expect(hasBreaking(diff)).toBe(true);
    const text = formatDiffText(diff);
    expect(text).toContain(
      '  ✖ breaking    request.param0.code_type: type Number → String: calls must send the new type',
    );
    expect(text).toContain('Summary: 1 breaking, 0 compatible');
  });

  it('flags a changed response field type in the other seed', () => {
    const seed = loadSeedApi('alitrip_merchant_galaxy_member_login_derby.json');
    const edited = editField(seed, 'response', ['result', 'content'], (f) =>
      resolveFieldKinds({ ...f, type: 'String' }),
    );
    const diff = diffApis([seed], [edited]);
    expect(hasBreaking(diff)).toBe(true);
    expect(formatDiffText(diff)).toContain('response.result.content: type Boolean → String');
  });
});
