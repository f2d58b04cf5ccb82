/**
 * Field → JSON Schema, following the shared type map:
 *
 * | kind      | schema                                                                                     |
 * |-----------|--------------------------------------------------------------------------------------------|
 * | string    | `string`                                                                                   |
 * | number    | `integer` + `int64` (TOP's Number is a Java Long); `number` when the doc's example or range |
 * |           | has a fractional part; a single `byte` is `integer` + `int32`                              |
 * | boolean   | `boolean`                                                                                  |
 * | date      | `string`; request side adds the `yyyy-MM-dd HH:mm:ss` pattern the runtime sends. Response   |
 * |           | docs show both that and epoch milliseconds, so responses get no pattern                    |
 * | price     | `string` with a decimal pattern (TOP sends prices as decimal strings)                      |
 * | json      | `string` + `contentMediaType: application/json`                                            |
 * | file      | `string` + `format: binary` (a multipart part) as a request parameter, `string` elsewhere  |
 * | fieldList | `string` (comma-joined field names)                                                        |
 * | map       | `object`                                                                                   |
 * | struct    | `$ref` to a per-API component                                                              |
 * | unknown   | `{}` (any value), saying so in the description                                             |
 *
 * `X[]` wraps the element in `array`. Top-level request parameters travel in a form, not in JSON: structs,
 * maps and lists of structs are JSON text there (`string` + `contentMediaType` + `contentSchema`), lists of
 * primitives are comma-joined (`array` + the `form`/`explode: false` encoding), see `formParamSchema`.
 */
import type { Constraints, Field, TypeKind } from '../model/types.js';
import { DATE_TIME_PATTERN } from './common-params.js';
import { schemaRef, type ComponentRegistry } from './names.js';
import type { EncodingObject, SchemaObject } from './types.js';
import { typedValue } from './values.js';

export type Side = 'request' | 'response';

/** What a schema builder needs: where struct components go and under which per-API prefix. */
export interface SchemaScope {
  readonly components: ComponentRegistry;
  readonly prefix: string;
}

const DECIMAL_PATTERN = '^-?\\d+(\\.\\d+)?$';
const FRACTION = /^\s*-?\d*\.\d+\s*$/;

/** The doc's type as written, list marker included: `String`, `ExcludeDevice[]`. */
function typeLabel(field: Field): string {
  return field.array ? `${field.type}[]` : field.type;
}

/** A list of separate values; `byte[]` is one file, not a list. */
function isList(field: Field, kind: TypeKind): boolean {
  return field.array && kind !== 'file';
}

function isFractional(value: number | undefined): boolean {
  return value !== undefined && !Number.isInteger(value);
}

function numberSchema(field: Field): SchemaObject {
  if (field.type === 'byte') return { type: 'integer', format: 'int32' };
  const exampleParts = field.example?.split(',') ?? [];
  const fractional =
    exampleParts.some((part) => FRACTION.test(part)) ||
    isFractional(field.constraints?.minValue) ||
    isFractional(field.constraints?.maxValue);
  return fractional ? { type: 'number' } : { type: 'integer', format: 'int64' };
}

/** One value of the field's element type, as it appears inside JSON. */
function elementSchema(field: Field, kind: TypeKind, side: Side, scope: SchemaScope): SchemaObject {
  switch (kind) {
    case 'string':
    case 'fieldList':
    case 'file':
      return { type: 'string' };
    case 'number':
    case 'byte':
      return numberSchema(field);
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return side === 'request' ? { type: 'string', pattern: DATE_TIME_PATTERN } : { type: 'string' };
    case 'price':
      return { type: 'string', pattern: DECIMAL_PATTERN };
    case 'json':
      return { type: 'string', contentMediaType: 'application/json' };
    case 'map':
      return { type: 'object' };
    case 'struct':
      return schemaRef(structComponent(field, side, scope));
    case 'unknown':
      return {};
  }
}

/**
 * Constraints go where JSON Schema gives them meaning (`maxLength` on strings, `minimum`/`maximum` on
 * numbers); a constraint the doc puts on another type (`maxLength` on a Number) is kept as `x-top-*`.
 */
function constrainElement(element: SchemaObject, limits: Constraints): SchemaObject {
  const numeric = element.type === 'integer' || element.type === 'number';
  const text = element.type === 'string';
  const out: Record<string, unknown> = { ...element };
  if (limits.maxLength !== undefined) out[text ? 'maxLength' : 'x-top-maxLength'] = limits.maxLength;
  if (limits.minValue !== undefined) out[numeric ? 'minimum' : 'x-top-minValue'] = limits.minValue;
  if (limits.maxValue !== undefined) out[numeric ? 'maximum' : 'x-top-maxValue'] = limits.maxValue;
  // Keys written above are SchemaObject keywords with values of their declared types.
  return out as SchemaObject;
}

/** The value's shape (type, list, constraints) without the doc's words. */
function valueShape(field: Field, kind: TypeKind, side: Side, scope: SchemaScope): SchemaObject {
  const limits = field.constraints ?? {};
  const element = constrainElement(elementSchema(field, kind, side, scope), limits);
  if (!isList(field, kind)) {
    return limits.maxListSize === undefined
      ? element
      : { ...element, 'x-top-maxListSize': limits.maxListSize };
  }
  return {
    type: 'array',
    items: element,
    ...(limits.maxListSize === undefined ? {} : { maxItems: limits.maxListSize }),
  };
}

/** Adds the doc's description, example and default, and the doc type as `x-top-type`. */
function annotate(shape: SchemaObject, field: Field, kind: TypeKind): SchemaObject {
  const out: Record<string, unknown> = { ...shape };
  const notes: string[] = [];
  if (field.description !== undefined && field.description !== '') notes.push(field.description);
  if (kind === 'unknown') notes.push(`Unrecognised doc type ${JSON.stringify(field.type)}: any value.`);
  if (notes.length > 0) out['description'] = notes.join('\n\n');
  const fallback = field.constraints?.default;
  if (fallback !== undefined) {
    const value = typedValue(fallback, shape);
    if (value === undefined) out['x-top-default'] = fallback;
    else out['default'] = value;
  }
  if (field.example !== undefined) {
    const value = typedValue(field.example, shape);
    if (value === undefined) out['x-top-example'] = field.example;
    else out['examples'] = [value];
  }
  if (field.deprecated === true) out['deprecated'] = true;
  out['x-top-type'] = typeLabel(field);
  // Only SchemaObject keywords (with values of their declared types) and `x-top-*` keys are added above.
  return out as SchemaObject;
}

/** A field inside JSON: a response field or a member of a struct. */
export function jsonFieldSchema(field: Field, side: Side, scope: SchemaScope): SchemaObject {
  const kind = field.kind;
  return annotate(valueShape(field, kind, side, scope), field, kind);
}

export interface FormParam {
  readonly schema: SchemaObject;
  /** The part's encoding, when the default for its schema would be wrong. */
  readonly encoding?: EncodingObject;
}

const JSON_PART: EncodingObject = { contentType: 'application/json' };

/** A top-level request parameter: one form field (or multipart part). */
export function formParamSchema(field: Field, scope: SchemaScope): FormParam {
  const kind = field.kind;
  if (kind === 'struct' || kind === 'map') {
    const asText: SchemaObject = {
      type: 'string',
      contentMediaType: 'application/json',
      contentSchema: valueShape(field, kind, 'request', scope),
    };
    return { schema: annotate(asText, field, kind), encoding: JSON_PART };
  }
  if (kind === 'file') {
    const part: SchemaObject = {
      type: 'string',
      format: 'binary',
      contentMediaType: 'application/octet-stream',
    };
    return { schema: annotate(part, field, kind), encoding: { contentType: 'application/octet-stream' } };
  }
  const schema = annotate(valueShape(field, kind, 'request', scope), field, kind);
  if (kind === 'json') return { schema, encoding: JSON_PART };
  // `form` without explode joins list items with commas in one field, which is exactly TOP's list format.
  if (isList(field, kind)) return { schema, encoding: { style: 'form', explode: false } };
  return { schema };
}

export interface PropertySet {
  readonly properties: { readonly [name: string]: SchemaObject };
  readonly required: readonly string[];
  /** Names documented more than once at this level; the first one is described. */
  readonly duplicates: readonly string[];
}

/** Properties from fields in document order; a repeated name keeps its first definition and is listed. */
export function propertySet(
  fields: readonly Field[],
  schemaOf: (field: Field) => SchemaObject,
  withRequired: boolean,
): PropertySet {
  const entries: [string, SchemaObject][] = [];
  const seen = new Set<string>();
  const required: string[] = [];
  const duplicates: string[] = [];
  for (const field of fields) {
    if (seen.has(field.name)) {
      if (!duplicates.includes(field.name)) duplicates.push(field.name);
      continue;
    }
    seen.add(field.name);
    // `Object.fromEntries` below defines own properties, so even `__proto__` stays a plain key.
    entries.push([field.name, schemaOf(field)]);
    if (withRequired && field.required) required.push(field.name);
  }
  return { properties: Object.fromEntries(entries), required, duplicates };
}

/** The object schema for a property set: `required` and `x-top-duplicate-fields` only when non-empty. */
export function objectSchema(set: PropertySet, head: SchemaObject = {}): SchemaObject {
  return {
    type: 'object',
    ...head,
    properties: set.properties,
    ...(set.required.length > 0 ? { required: set.required } : {}),
    ...(set.duplicates.length > 0 ? { 'x-top-duplicate-fields': set.duplicates } : {}),
  };
}

/** Registers the struct's schema (children first) and returns its component key. */
function structComponent(field: Field, side: Side, scope: SchemaScope): string {
  const set = propertySet(field.children, (child) => jsonFieldSchema(child, side, scope), side === 'request');
  return scope.components.struct(scope.prefix, field.type, objectSchema(set, { title: field.type }));
}
