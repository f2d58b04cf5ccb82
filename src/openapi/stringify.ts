/**
 * The document as text: 2-space JSON with a trailing newline. Key order is the builder's, which is fixed
 * (keywords in a set order, properties in document order); the two maps whose keys are names, `paths` and
 * `components.schemas`, are re-sorted here by code units so the text stays the same however the document
 * object was assembled.
 */
import type { OpenApiDocument } from './types.js';

function sortedByKey<T>(map: { readonly [key: string]: T }): { readonly [key: string]: T } {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function stringifyOpenApi(doc: OpenApiDocument): string {
  const stable: OpenApiDocument = {
    ...doc,
    paths: sortedByKey(doc.paths),
    components: { ...doc.components, schemas: sortedByKey(doc.components.schemas) },
  };
  return `${JSON.stringify(stable, null, 2)}\n`;
}
