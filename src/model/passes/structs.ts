/**
 * The struct pass: which struct fields of one API share a TypeScript interface, and each interface's name.
 *
 * Identity: two struct fields on one side share an interface when their shapes are equal (doc type plus, per
 * member in any order, wire name, doc type, array flag, required flag on the request side, Number form on the
 * response side, nested shape); descriptions and member order do not count.
 * Naming: an interface keeps the doc's type name where it is free; a name that is a platform global
 * (`Response`, `Request`, `Location`) becomes `<Name>Data`; a different shape under a taken name gets a
 * path-derived name (`<Parent><Name>`, then a number). Names are claimed in document order (request side,
 * then response side, depth first) against this API's own symbols and the globals only, so they depend on
 * this API alone: a per-API module never changes because another API was added (watch mode caches them).
 */
import { apiSymbolNames, type ApiSymbolNames, type Naming } from '../../naming/api-names.js';
import { responseNumberForm, type NumberForm, type NumberOptions } from '../numbers.js';
import { typeNameFromDoc } from '../../naming/identifiers.js';
import {
  GLOBAL_NAMES,
  MODULE_RUNTIME_IMPORTS,
  NameScope,
  PLATFORM_GLOBAL_NAMES,
  REQUEST_BASE,
} from '../../naming/scope.js';
import type { Api, Field } from '../types.js';

export type Side = 'request' | 'response';

/** Fields of one level with repeated wire names removed (the first definition wins, as on the wire). */
export interface FieldList {
  readonly fields: readonly Field[];
  /** Wire names the doc lists more than once at this level. */
  readonly repeated: readonly string[];
}

/** One interface to declare. */
export interface StructDecl {
  readonly name: string;
  readonly side: Side;
  /** The field that first uses the struct: its description and doc type document the interface. */
  readonly firstUse: Field;
  /** Dotted path of that field below the side (`param0`, `result.data`). */
  readonly path: string;
  readonly members: FieldList;
}

/** The struct plan of one API: what the emitter declares and how it refers to each struct field. */
export interface StructPlan {
  /** Top-level request parameters without repeated wire names. */
  readonly params: FieldList;
  /** Top-level response fields without repeated wire names. */
  readonly responseFields: FieldList;
  /** In order of first use: request side first, then response side. */
  readonly structs: readonly StructDecl[];
  /** Interface name for a struct-kind field on the given side (a field of this API). */
  structName(side: Side, field: Field): string;
  /** A struct field's children without repeated wire names. */
  members(field: Field): FieldList;
  /** The API's own symbols, which the struct names were chosen to avoid. */
  readonly symbols: ApiSymbolNames;
  /**
   * How a response field of kind `number` is delivered (undefined for other kinds): the form the shapes were
   * told apart by, worked out once per field for the pass and the printers alike.
   */
  numberForm(field: Field): NumberForm | undefined;
}

/** What the names and shapes depend on besides the API: the naming patterns and how Numbers are delivered. */
export interface StructPassOptions {
  readonly naming: Naming;
  readonly numbers: NumberOptions;
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

/**
 * Per-API memo of deduplicated children and structural keys.
 *
 * Most struct fields of an API have a shape no other field of its side shares, and writing out a shape's full
 * description (every member, sorted, nested shapes included) is the pass's main cost. So the fields reachable
 * from the API's lists are first counted under a cheap summary of their shape (doc type, member count, total
 * length of the member names): equal shapes have equal summaries, so a field alone under its summary has a
 * shape of its own and gets a key of its own without its description being written.
 */
class Shapes {
  constructor(
    private readonly numberForm: (field: Field) => NumberForm | undefined,
    request: readonly Field[],
    response: readonly Field[],
  ) {
    this.#count(request, 'request');
    this.#count(response, 'response');
  }

  readonly #members = new Map<Field, FieldList>();
  readonly #keys: Record<Side, Map<Field, string>> = { request: new Map(), response: new Map() };
  /** Shape description → short id, so a parent's description names a nested shape by id, not by its text. */
  readonly #ids: Record<Side, Map<string, string>> = { request: new Map(), response: new Map() };
  /** Cheap shape summary → how many reachable struct fields have it. */
  readonly #summaries: Record<Side, Map<string, number>> = { request: new Map(), response: new Map() };
  #lone = 0;

  members(field: Field): FieldList {
    let list = this.#members.get(field);
    if (list === undefined) {
      list = uniqueFields(field.children);
      this.#members.set(field, list);
    }
    return list;
  }

  #summary(field: Field): string {
    const members = this.members(field).fields;
    let names = 0;
    for (const member of members) names += member.name.length;
    return `${members.length}/${names}/${field.type}`;
  }

  #count(fields: readonly Field[], side: Side): void {
    const counts = this.#summaries[side];
    for (const field of fields) {
      if (field.kind !== 'struct') continue;
      const summary = this.#summary(field);
      counts.set(summary, (counts.get(summary) ?? 0) + 1);
      this.#count(this.members(field).fields, side);
    }
  }

  /** Structural identity of the struct a field refers to (see the file comment). */
  key(field: Field, side: Side): string {
    const memo = this.#keys[side];
    let key = memo.get(field);
    if (key === undefined) {
      key =
        this.#summaries[side].get(this.#summary(field)) === 1
          ? `~${this.#lone++}` // cannot equal a described shape's `#<id>`
          : this.#describedKey(field, side);
      memo.set(field, key);
    }
    return key;
  }

  #describedKey(field: Field, side: Side): string {
    // Length-prefixed texts keep the description unambiguous whatever characters names and types contain.
    // Members are sorted: the same fields in another order are the same TypeScript type.
    const members = this.members(field).fields.map((m) => {
      // Response Numbers delivered in different forms have different types: not one shape.
      const form = side === 'response' ? (this.numberForm(m) ?? '') : '';
      const flags = `${m.array ? '[]' : ''}${side === 'request' && m.required ? '!' : ''}${form}`;
      const nested = m.kind === 'struct' ? `(${this.key(m, side)})` : '';
      return `${m.name.length}:${m.name}${m.type.length}:${m.type}${flags}${nested};`;
    });
    const description = `${field.type.length}:${field.type}{${members.sort().join('')}`;
    const ids = this.#ids[side];
    let key = ids.get(description);
    if (key === undefined) {
      key = `#${ids.size}`;
      ids.set(description, key);
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

/** The struct plan of one API. A pure function of the API and the options. */
export function planStructs(api: Api, options: StructPassOptions): StructPlan {
  const names = apiSymbolNames(api.api, options.naming);
  // A module's structs must avoid the reserved names and the API's own symbols.
  const scope = new NameScope(MODULE_RESERVED, [
    names.request,
    names.requestInit,
    names.response,
    names.spec,
  ]);
  const params = uniqueFields(api.request);
  const responseFields = uniqueFields(api.response);
  const forms = new Map<Field, NumberForm | undefined>();
  const numberForm = (field: Field): NumberForm | undefined => {
    if (field.kind !== 'number') return undefined;
    let form = forms.get(field);
    if (form === undefined) {
      form = responseNumberForm(api.api, field, options.numbers);
      forms.set(field, form);
    }
    return form;
  };
  const shapes = new Shapes(numberForm, params.fields, responseFields.fields);
  const byKey: Record<Side, Map<string, string>> = { request: new Map(), response: new Map() };
  const structs: StructDecl[] = [];

  const visit = (fields: readonly Field[], side: Side, parentName: string, parentPath: string): void => {
    for (const field of fields) {
      if (field.kind !== 'struct') continue;
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

  visit(params.fields, 'request', 'Request', '');
  visit(responseFields.fields, 'response', 'Response', '');

  return {
    params,
    responseFields,
    structs,
    structName(side, field) {
      const name = byKey[side].get(shapes.key(field, side));
      if (name === undefined) throw new Error(`No interface planned for ${side} field ${field.name}`);
      return name;
    },
    members: (field) => shapes.members(field),
    symbols: names,
    numberForm,
  };
}
