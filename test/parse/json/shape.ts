import type { DocField as Field } from '../../../src/model/types.js';

/** The structural part of a field: what every reader must agree on for the same API. */
export interface Shape {
  readonly name: string;
  readonly type: string;
  readonly array: boolean;
  readonly required: boolean;
  readonly children: readonly Shape[];
}

export function shapeOf(fields: readonly Field[]): Shape[] {
  return fields.map((f) => ({
    name: f.name,
    type: f.type,
    array: f.array,
    required: f.required,
    children: shapeOf(f.children),
  }));
}

/** A param as it appears in doc JSON / the expected-nesting files. */
export interface JsonParam {
  readonly name: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly subParams?: readonly JsonParam[];
}

/**
 * The shape a doc-JSON param list must read as, computed independently of the reader: `X[]` / `X []` split into
 * type and array flag, response fields never required.
 */
export function expectedShape(
  params: readonly JsonParam[] | undefined,
  side: 'request' | 'response',
): Shape[] {
  return (params ?? []).map((p) => {
    const raw = (p.type ?? 'String').trim();
    const array = raw.endsWith('[]');
    return {
      name: p.name,
      type: array ? raw.slice(0, -2).trimEnd() : raw,
      array,
      required: side === 'request' && p.required === true,
      children: expectedShape(p.subParams, side),
    };
  });
}
