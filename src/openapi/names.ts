/**
 * Every name the OpenAPI document derives from doc data: component keys, operation ids, path keys.
 *
 * Component keys must match `^[a-zA-Z0-9._-]+$`. They are built as
 *   `<ApiPascal>Request`, `<ApiPascal>Response`  (per API, like the official SDKs' class names)
 *   `<ApiPascal>.<StructName>`                     (struct types, per API: one struct name can mean different
 *                                                   shapes in different APIs)
 * where both parts keep only `[A-Za-z0-9_]`. A dot appears only in struct keys and only between the two
 * parts, so struct keys never collide with the per-API keys or with each other across APIs; the remaining
 * collisions (two API names with one Pascal form, two shapes under one struct name) get `_2`, `_3`, … in the
 * order the caller defines them, which is fixed.
 */
import type { SchemaObject } from './types.js';

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export function schemaRef(name: string): SchemaObject {
  return { $ref: `${SCHEMA_REF_PREFIX}${name}` };
}

/** `alibaba.damai.maizuo.openapi.user.register.byauthcode` → `AlibabaDamaiMaizuoOpenapiUserRegisterByauthcode`. */
export function apiPascal(apiName: string): string {
  const words = apiName.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return pascal === '' ? 'Api' : pascal;
}

/** A struct type name as a key part: unsafe characters become `_`; nothing usable left → `Struct`. */
export function structPart(typeName: string): string {
  const safe = typeName.replace(/[^A-Za-z0-9_]/g, '_');
  return /[A-Za-z0-9]/.test(safe) ? safe : 'Struct';
}

/** `TaobaoUserSellerGet` → `taobaoUserSellerGet`. */
export function operationIdOf(prefix: string): string {
  return prefix.charAt(0).toLowerCase() + prefix.slice(1);
}

const UNRESERVED = /^[A-Za-z0-9._-]$/;
const UTF8 = new TextEncoder();

/**
 * `/` + the API name with every byte outside `[A-Za-z0-9._-]` percent-encoded (UTF-8), so no doc text can
 * open a path template (`{`), start a query (`?`) or fragment (`#`), or add a segment (`/`). `~` is encoded
 * too: it marks the suffix of a repeated API name.
 */
export function pathKeyOf(apiName: string): string {
  let out = '/';
  for (const char of apiName) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    for (const byte of UTF8.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

interface Entry {
  readonly schema: SchemaObject;
  /** Serialised form, to recognise a struct seen again with the same shape. */
  readonly text: string;
}

/** The `components.schemas` map under construction, with the naming rules above. */
export class ComponentRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly prefixes = new Set<string>();

  /** A fixed name (`TopErrorResponse`). Defining one twice is a bug in topgen, not bad input. */
  define(name: string, schema: SchemaObject): void {
    if (this.entries.has(name)) throw new Error(`component schema ${name} is defined twice`);
    this.entries.set(name, { schema, text: JSON.stringify(schema) });
  }

  /** A prefix for one API whose derived keys are all still free. */
  prefixFor(apiName: string): string {
    const base = apiPascal(apiName);
    for (let n = 1; ; n++) {
      const prefix = n === 1 ? base : `${base}_${n}`;
      const free =
        !this.prefixes.has(prefix) &&
        !this.entries.has(`${prefix}Request`) &&
        !this.entries.has(`${prefix}Response`);
      if (free) {
        this.prefixes.add(prefix);
        return prefix;
      }
    }
  }

  /** Registers a struct schema of one API; the same shape under the same name shares one key. */
  struct(prefix: string, typeName: string, schema: SchemaObject): string {
    const text = JSON.stringify(schema);
    const base = `${prefix}.${structPart(typeName)}`;
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : `${base}_${n}`;
      const existing = this.entries.get(name);
      if (existing === undefined) {
        this.entries.set(name, { schema, text });
        return name;
      }
      if (existing.text === text) return name;
    }
  }

  /** Sorted by key (code units), independent of definition order. */
  toObject(): { readonly [name: string]: SchemaObject } {
    const names = [...this.entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(names.map((name) => [name, this.entries.get(name)?.schema ?? {}]));
  }
}
