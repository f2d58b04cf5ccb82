/** Small constructors for model values in tests: only the parts a case cares about are spelled out. */
import { resolveFieldKinds } from '../../src/model/passes/kinds.js';
import type { Api, DocField, Field } from '../../src/model/types.js';

/** A model field; its kind comes from the kinds pass, like a parsed one's. */
export function field(name: string, type: string, extra: Partial<DocField> = {}): Field {
  return resolveFieldKinds({ name, type, array: false, required: false, children: [], ...extra });
}

export function api(name: string, parts: Partial<Api> = {}): Api {
  return {
    api: name,
    title: '',
    description: '',
    request: [],
    response: [],
    source: { file: `${name}.json`, format: 'json' },
    diagnostics: [],
    ...parts,
  };
}
