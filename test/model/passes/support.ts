/** Hand-made reader output for the pass tests: only the parts a case cares about are spelled out. */
import type { DocApi, DocField } from '../../../src/model/types.js';

export function docField(name: string, type: string, extra: Partial<DocField> = {}): DocField {
  return { name, type, array: false, required: false, children: [], ...extra };
}

export function docApi(api: string, parts: Partial<DocApi> = {}): DocApi {
  return {
    api,
    title: 't',
    description: '',
    request: [],
    response: [],
    source: { file: `${api}.txt`, format: 'text' },
    diagnostics: [],
    ...parts,
  };
}
