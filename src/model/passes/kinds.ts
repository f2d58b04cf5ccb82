/**
 * The kinds pass: every field's value kind (`string`, `number`, `struct`, `file`, …) resolved once, from its
 * doc type, array flag and children, and stored on the field. Writers read `field.kind` and never look at
 * the type name again, so the emitter, the mock gateway, OpenAPI and diff cannot disagree about a field.
 */
import { typeKind } from '../type-kind.js';
import type { Api, DocApi, DocField, Field } from '../types.js';

/** A field and its nested fields with their kinds. `kind` follows `type` in the key order (docs/model.md). */
export function resolveFieldKinds(field: DocField): Field {
  const kind = typeKind(field);
  const children = field.children.length === 0 ? [] : field.children.map(resolveFieldKinds);
  const { name, type, ...rest } = field;
  const resolved = { name, type, kind, ...rest, children };
  // A saved model (`topgen parse --json`) carries kinds already: they are resolved again, never trusted.
  return resolved.kind === kind ? resolved : { ...resolved, kind };
}

/** The API with every field's kind resolved. A pure function: the input is not changed. */
export function resolveKinds(api: DocApi): Api {
  return {
    ...api,
    request: api.request.map(resolveFieldKinds),
    response: api.response.map(resolveFieldKinds),
  };
}
