/**
 * Puts an executable payload into every text position of a doc: title, description, and each field's
 * description, example and default value (and, for the model profile, some field names). Payloads rotate
 * through PAYLOADS so every kind lands in every kind of position across a run.
 */
import type { Constraints, DocField as Field } from '../../../src/model/types.js';
import { flatText, type DocSpec } from './doc-arbitrary.js';
import { PAYLOADS } from './hostile-text.js';

export interface PayloadOptions {
  /** Shift the rotation so different cases put different payloads in the same position. */
  readonly offset: number;
  /** Flatten payloads to one line (form-A pages cannot hold line breaks inside a cell). */
  readonly flat: boolean;
  /** Also use payloads as field names (only the model can hold such names). */
  readonly names: boolean;
}

export function withPayloads(doc: DocSpec, options: PayloadOptions): DocSpec {
  let next = options.offset;
  const payload = (): string => {
    const text = PAYLOADS[next++ % PAYLOADS.length] ?? '';
    return options.flat ? flatText(text) : text;
  };
  const add = (text: string | undefined): string =>
    text === undefined || text === '' ? payload() : `${text} ${payload()}`;
  const field = (f: Field, index: number): Field => {
    const constraints: Constraints | undefined =
      f.constraints?.default === undefined
        ? f.constraints
        : { ...f.constraints, default: add(f.constraints.default) };
    const out: Field = {
      ...f,
      name: options.names && index % 3 === 2 ? payload() : f.name,
      description: add(f.description),
      ...(f.example === undefined ? {} : { example: add(f.example) }),
      ...(constraints === undefined ? {} : { constraints }),
      children: f.children.map(field),
    };
    return out;
  };
  return {
    ...doc,
    title: add(doc.title),
    description: add(doc.description),
    request: doc.request.map(field),
    response: doc.response.map(field),
  };
}
