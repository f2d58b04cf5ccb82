/**
 * The kinds pass: every field's value kind (`string`, `number`, `struct`, `file`, …) resolved once, from its
 * doc type, array flag and children, and stored on the field. Writers read `field.kind` and never look at
 * the type name again, so the emitter, the mock gateway, OpenAPI and diff cannot disagree about a field.
 */
import { typeKind } from '../type-kind.js';
import type { Api, DocApi, DocField, Field } from '../types.js';

/**
 * A field and its nested fields with their kinds, in the key order of docs/model.md (`kind` after `type`). Every
 * model field gets every key, a missing value as `undefined` (which JSON leaves out, so `topgen parse --json`
 * shows only the keys with a value): all fields then share one object shape, which the writers' loops over
 * hundreds of thousands of fields read fastest. A saved model's `kind` is not copied: kinds are always resolved
 * again, never trusted.
 */
export function resolveFieldKinds(field: DocField): Field {
  return {
    name: field.name,
    type: field.type,
    kind: typeKind(field),
    array: field.array,
    required: field.required,
    example: field.example,
    description: field.description,
    constraints: field.constraints,
    children: field.children.length === 0 ? [] : field.children.map(resolveFieldKinds),
    deprecated: field.deprecated,
  };
}

/** The API with every field's kind resolved. A pure function: the input is not changed. */
export function resolveKinds(api: DocApi): Api {
  return {
    ...api,
    request: api.request.map(resolveFieldKinds),
    response: api.response.map(resolveFieldKinds),
  };
}
