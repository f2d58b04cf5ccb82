/**
 * The kinds pass: every field's value kind (`string`, `number`, `struct`, `file`, …) resolved once, from its
 * doc type, array flag and children, and stored on the field. Writers read `field.kind` and never look at
 * the type name again, so the emitter, the mock gateway, OpenAPI and diff cannot disagree about a field.
 */
import { typeKind } from '../type-kind.js';
import type { Api, DocApi, DocField, Field } from '../types.js';

type WritableField = { -readonly [K in keyof Field]: Field[K] };

/**
 * A field and its nested fields with their kinds. Built key by key rather than with spreads (this runs for every
 * field of every doc), in the key order of docs/model.md, `kind` after `type`; keys without a value stay out.
 * A saved model's `kind` is not copied: kinds are always resolved again, never trusted.
 */
export function resolveFieldKinds(field: DocField): Field {
  const out = {
    name: field.name,
    type: field.type,
    kind: typeKind(field),
    array: field.array,
    required: field.required,
  } as WritableField;
  if (field.example !== undefined) out.example = field.example;
  if (field.description !== undefined) out.description = field.description;
  if (field.constraints !== undefined) out.constraints = field.constraints;
  out.children = field.children.length === 0 ? [] : field.children.map(resolveFieldKinds);
  if (field.deprecated !== undefined) out.deprecated = field.deprecated;
  return out;
}

/** The API with every field's kind resolved. A pure function: the input is not changed. */
export function resolveKinds(api: DocApi): Api {
  return {
    ...api,
    request: api.request.map(resolveFieldKinds),
    response: api.response.map(resolveFieldKinds),
  };
}
