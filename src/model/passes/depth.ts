/**
 * Bounds how deep an API's fields nest. Real TOP docs nest a handful of levels; a hostile page can nest
 * thousands, and every pass after parsing (emit, the mock, OpenAPI, diff) as well as `tsc` on the generated
 * types grows with depth. Fields at MAX_FIELD_DEPTH keep their name and documentation, but their nested
 * fields are dropped and they are typed as a JSON object (`Map`): what the value still is on the wire.
 */
import { diagnostic } from '../diagnostics.js';
import type { DocApi, Diagnostic, DocField } from '../types.js';

/** Top-level parameters and response fields are at depth 1. Documented in docs/model.md. */
export const MAX_FIELD_DEPTH = 16;

/** The API with every field deeper than `maxDepth` cut, and one warning per side that was cut. */
export function limitFieldDepth(
  api: DocApi,
  maxDepth = MAX_FIELD_DEPTH,
): { api: DocApi; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const cutSide = (side: 'request' | 'response', fields: readonly DocField[]): readonly DocField[] => {
    const cuts: string[] = [];
    const result = cutFields(fields, 1, side, maxDepth, cuts);
    if (cuts.length > 0)
      diagnostics.push(
        diagnostic(
          'warning',
          'nesting-too-deep',
          `${side} nests deeper than ${maxDepth} levels; ${cuts.length === 1 ? 'the field at that depth keeps its name but is typed as a JSON object' : `${cuts.length} fields at that depth (the first is named below) keep their names but are typed as JSON objects`}, without the fields nested below.`,
          {
            file: api.source.file,
            field: cuts[0],
            expected: `at most ${maxDepth} levels of nested fields`,
            found: 'deeper nesting',
          },
        ),
      );
    return result;
  };
  const request = cutSide('request', api.request);
  const response = cutSide('response', api.response);
  if (diagnostics.length === 0) return { api, diagnostics };
  return {
    api: { ...api, request, response, diagnostics: [...api.diagnostics, ...diagnostics] },
    diagnostics,
  };
}

/** Recursion is bounded by `maxDepth`: nothing below the cut is visited. Unchanged lists are returned as is. */
function cutFields(
  fields: readonly DocField[],
  depth: number,
  path: string,
  maxDepth: number,
  cuts: string[],
): readonly DocField[] {
  let changed = false;
  const out = fields.map((field) => {
    if (field.children.length === 0) return field;
    const fieldPath = `${path}.${field.name}`;
    if (depth >= maxDepth) {
      changed = true;
      cuts.push(fieldPath);
      return { ...field, type: 'Map', children: [] };
    }
    const children = cutFields(field.children, depth + 1, fieldPath, maxDepth, cuts);
    if (children === field.children) return field;
    changed = true;
    return { ...field, children };
  });
  return changed ? out : fields;
}
