/**
 * What a reader must give back for a rendered DocSpec, as comparable plain values. Each form carries a
 * different subset of the model (doc JSON: no examples, no defaults; form A: constraints only on top-level
 * request rows), so `shape` keeps exactly what the form carries and drops the rest on both sides.
 */
import type { Constraints, DocField as Field } from '../../../src/model/types.js';
import type { DocSpec } from './doc-arbitrary.js';

export interface Carried {
  readonly examples: boolean;
  readonly descriptions: boolean;
  /** Which constraint keys the form carries. */
  readonly constraintKeys: readonly (keyof Constraints)[];
}

export const JSON_CARRIES: Carried = {
  examples: false,
  descriptions: true,
  constraintKeys: ['maxLength', 'maxListSize', 'minValue', 'maxValue'],
};

export const TEXT_CARRIES: Carried = {
  examples: true,
  descriptions: true,
  constraintKeys: ['default', 'maxLength', 'maxListSize', 'minValue', 'maxValue'],
};

export interface FieldShape {
  name: string;
  type: string;
  array: boolean;
  required: boolean;
  example?: string;
  description?: string;
  constraints?: Record<string, string | number>;
  children: FieldShape[];
}

export interface DocShape {
  api: string;
  title: string;
  description: string;
  request: FieldShape[];
  response: FieldShape[];
}

function constraintShape(
  c: Constraints | undefined,
  carried: Carried,
): Record<string, string | number> | undefined {
  if (c === undefined) return undefined;
  const out: Record<string, string | number> = {};
  for (const key of carried.constraintKeys) {
    const value = c[key];
    if (value !== undefined) out[key] = value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

export function fieldShape(f: Field, carried: Carried): FieldShape {
  const out: FieldShape = { name: f.name, type: f.type, array: f.array, required: f.required, children: [] };
  if (carried.examples && f.example !== undefined) out.example = f.example;
  if (carried.descriptions && f.description !== undefined) out.description = f.description;
  const constraints = constraintShape(f.constraints, carried);
  if (constraints !== undefined) out.constraints = constraints;
  out.children = f.children.map((child) => fieldShape(child, carried));
  return out;
}

export function docShape(doc: DocSpec, carried: Carried): DocShape {
  return {
    api: doc.api,
    title: doc.title,
    description: doc.description,
    request: doc.request.map((f) => fieldShape(f, carried)),
    response: doc.response.map((f) => fieldShape(f, carried)),
  };
}
