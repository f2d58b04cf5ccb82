/**
 * Names every symbol of one API module before anything is printed. Struct interfaces keep the doc's type name
 * where it is free; occurrences with the same name and the same shape share one interface; a different shape
 * under a taken name gets a path-derived name (`<Parent><Name>`, then a number). Claims happen in document
 * order (request side, then response side, depth first), so names depend on this API alone.
 */
import { typeKind } from '../model/type-kind.js';
import type { Api, Field } from '../model/types.js';
import { apiNames, type ApiNames, type Naming } from './names.js';
import {
  DEFAULT_NUMBER_OPTIONS,
  responseNumberForm,
  type NumberForm,
  type NumberOptions,
} from './numbers.js';
import { typeNameFromDoc } from './safe.js';
import { GLOBAL_NAMES, NameScope, PLATFORM_GLOBAL_NAMES } from './scope.js';

export type Side = 'request' | 'response';

/** Runtime names a generated API module imports (always reserved, used or not, so names stay stable). */
export const MODULE_RUNTIME_IMPORTS = [
  'API_SPEC',
  'ApiSpec',
  'Int64String',
  'apiSpecFromJson',
  'JsonValue',
  'TopFile',
  'TopNumber',
  'TopNumberInput',
];

/** The shared base class every request class extends (generated into src/request-base.ts). */
export const REQUEST_BASE = 'TopRequestBase';

/** Fields of one level with repeated wire names removed (the first definition wins, as on the wire). */
export interface FieldList {
  readonly fields: readonly Field[];
  /** Wire names the doc lists more than once at this level. */
  readonly repeated: readonly string[];
}

export interface StructDecl {
  readonly name: string;
  readonly side: Side;
  /** The field that first uses the struct: its description and doc type document the interface. */
  readonly firstUse: Field;
  /** Dotted path of that field below the side (`param0`, `result.data`). */
  readonly path: string;
  readonly members: FieldList;
}

export interface ModulePlan {
  readonly names: ApiNames;
  readonly params: FieldList;
  readonly responseFields: FieldList;
  /** In order of first use: request side first, then response side. */
  readonly structs: readonly StructDecl[];
  /** Interface name for a struct-kind field on the given side. */
  structName(side: Side, field: Field): string;
  /** A struct field's children without repeated wire names. */
  members(field: Field): FieldList;
  /** How a response field of kind `number` is delivered (undefined for other kinds). */
  numberForm(field: Field): NumberForm | undefined;
}

export function isStruct(field: Field): boolean {
  return typeKind(field) === 'struct';
}

export function uniqueFields(fields: readonly Field[]): FieldList {
  const seen = new Set<string>();
  for (const field of fields) seen.add(field.name);
  // The common case: no repeated name, so the list is used as it is.
  if (seen.size === fields.length) return { fields, repeated: [] };
  seen.clear();
  const kept: Field[] = [];
  const repeated: string[] = [];
  for (const field of fields) {
    if (seen.has(field.name)) {
      if (!repeated.includes(field.name)) repeated.push(field.name);
    } else {
      seen.add(field.name);
      kept.push(field);
    }
  }
  return { fields: kept, repeated };
}

/** Per-module memo of deduplicated children and structural keys. */
class Shapes {
  constructor(private readonly numberForm: (field: Field) => NumberForm | undefined) {}

  readonly #members = new Map<Field, FieldList>();
  readonly #keys: Record<Side, Map<Field, string>> = { request: new Map(), response: new Map() };
  /** Shape description → short id, so a parent's description names a nested shape by id, not by its text. */
  readonly #ids: Record<Side, Map<string, string>> = { request: new Map(), response: new Map() };

  members(field: Field): FieldList {
    let list = this.#members.get(field);
    if (list === undefined) {
      list = uniqueFields(field.children);
      this.#members.set(field, list);
    }
    return list;
  }

  /**
   * Structural identity of the struct a field refers to: doc type plus, per member in any order, wire name, doc
   * type, array flag, (request side only) required flag, (response side) Number form and nested shape. Docs and
   * member order are not part of it: two uses that differ only in descriptions or field order share one
   * interface (its members follow the first use).
   */
  key(field: Field, side: Side): string {
    const memo = this.#keys[side];
    let key = memo.get(field);
    if (key === undefined) {
      // Length-prefixed texts keep the description unambiguous whatever characters names and types contain.
      // Members are sorted: the same fields in another order are the same TypeScript type.
      const members = this.members(field).fields.map((m) => {
        // Response Numbers delivered in different forms have different types: not one shape.
        const form = side === 'response' ? (this.numberForm(m) ?? '') : '';
        const flags = `${m.array ? '[]' : ''}${side === 'request' && m.required ? '!' : ''}${form}`;
        return `${m.name.length}:${m.name}${m.type.length}:${m.type}${flags}${isStruct(m) ? this.key(m, side) : ';'}`;
      });
      const description = `${field.type.length}:${field.type}{${members.sort().join('')}`;
      const ids = this.#ids[side];
      key = ids.get(description);
      if (key === undefined) {
        key = `#${ids.size}`;
        ids.set(description, key);
      }
      memo.set(field, key);
    }
    return key;
  }
}

/** Names no module's structs may take: globals and what a module imports. */
const MODULE_RESERVED: ReadonlySet<string> = new Set([
  ...GLOBAL_NAMES,
  ...PLATFORM_GLOBAL_NAMES,
  ...MODULE_RUNTIME_IMPORTS,
  REQUEST_BASE,
]);

/** The names a module's structs must avoid: the reserved ones and the API's own symbols. */
function moduleScope(names: ApiNames): NameScope {
  return new NameScope(MODULE_RESERVED, [names.request, names.requestInit, names.response, names.spec]);
}

export function planModule(
  api: Api,
  naming: Naming,
  numbers: NumberOptions = DEFAULT_NUMBER_OPTIONS,
): ModulePlan {
  const names = apiNames(api.api, naming);
  const scope = moduleScope(names);
  const numberForm = (field: Field): NumberForm | undefined => responseNumberForm(api.api, field, numbers);
  const shapes = new Shapes(numberForm);
  const byKey: Record<Side, Map<string, string>> = { request: new Map(), response: new Map() };
  const structs: StructDecl[] = [];

  const visit = (fields: readonly Field[], side: Side, parentName: string, parentPath: string): void => {
    for (const field of fields) {
      if (!isStruct(field)) continue;
      const key = shapes.key(field, side);
      if (byKey[side].has(key)) continue;
      const docName = typeNameFromDoc(field.type) || typeNameFromDoc(field.name) || 'Struct';
      const own = PLATFORM_GLOBAL_NAMES.has(docName) ? `${docName}Data` : docName;
      const name = scope.claim([own, `${parentName}${own}`]);
      byKey[side].set(key, name);
      const path = parentPath === '' ? field.name : `${parentPath}.${field.name}`;
      const members = shapes.members(field);
      structs.push({ name, side, firstUse: field, path, members });
      visit(members.fields, side, name, path);
    }
  };

  const params = uniqueFields(api.request);
  const responseFields = uniqueFields(api.response);
  visit(params.fields, 'request', 'Request', '');
  visit(responseFields.fields, 'response', 'Response', '');

  return {
    names,
    params,
    responseFields,
    structs,
    structName(side, field) {
      const name = byKey[side].get(shapes.key(field, side));
      if (name === undefined) throw new Error(`No interface planned for ${side} field ${field.name}`);
      return name;
    },
    members: (field) => shapes.members(field),
    numberForm,
  };
}
