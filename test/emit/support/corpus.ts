// Reads the doc JSON corpus in ../shared (when present) into model APIs, for whole-corpus emitter tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveKinds } from '../../../src/model/passes/kinds.js';
import type { Api, DocField } from '../../../src/model/types.js';

export const CORPUS_JSON = fileURLToPath(new URL('../../../../shared/corpus/json/', import.meta.url));
export const HAS_CORPUS = existsSync(CORPUS_JSON);

interface DocParam {
  readonly name: string;
  readonly type?: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly maxListSize?: number;
  readonly subParams?: readonly DocParam[];
}

interface DocJson {
  readonly name: string;
  readonly apiChineseName?: string;
  readonly description?: string;
  readonly requestParams?: readonly DocParam[];
  readonly responseParams?: readonly DocParam[];
}

function toField(param: DocParam, side: 'request' | 'response'): DocField {
  const raw = param.type ?? 'String';
  const array = /\s*\[\]$/.test(raw);
  const constraints = {
    ...(param.maxLength === undefined ? {} : { maxLength: param.maxLength }),
    ...(param.maxListSize === undefined ? {} : { maxListSize: param.maxListSize }),
  };
  return {
    name: param.name,
    type: raw.replace(/\s*\[\]$/, ''),
    array,
    required: side === 'request' && param.required === true,
    ...(param.description === undefined ? {} : { description: param.description }),
    ...(Object.keys(constraints).length === 0 ? {} : { constraints }),
    children: (param.subParams ?? []).map((p) => toField(p, side)),
  };
}

/** Every API of the corpus, in file path order. */
export function corpusApis(): Api[] {
  const apis: Api[] = [];
  for (const category of readdirSync(CORPUS_JSON).sort()) {
    for (const file of readdirSync(`${CORPUS_JSON}${category}`).sort()) {
      const doc = JSON.parse(readFileSync(`${CORPUS_JSON}${category}/${file}`, 'utf8')) as DocJson;
      apis.push(
        resolveKinds({
          api: doc.name,
          title: doc.apiChineseName ?? '',
          description: doc.description ?? '',
          request: (doc.requestParams ?? []).map((p) => toField(p, 'request')),
          response: (doc.responseParams ?? []).map((p) => toField(p, 'response')),
          source: { file: `corpus/json/${category}/${file}`, format: 'json' },
          diagnostics: [],
        }),
      );
    }
  }
  return apis;
}
