/** Small constructors for model values in tests: only the parts a case cares about are spelled out. */
import type { Api, Field } from '../../src/model/types.js';

export function field(name: string, type: string, extra: Partial<Field> = {}): Field {
  return { name, type, array: false, required: false, children: [], ...extra };
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
