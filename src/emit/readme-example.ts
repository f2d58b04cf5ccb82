/**
 * The README's examples: calls with the doc's example values where they are valid and placeholders that pass
 * validation elsewhere (example-values.ts), typed as the request side of the type map says (numbers as
 * numbers, 64-bit ids as decimal strings, dates as TOP date strings).
 */
import type { Field } from '../model/types.js';
import {
  EXAMPLE_DATE,
  placeholderFieldList,
  placeholderNumber,
  placeholderText,
  validElementExample,
  validExample,
} from './example-values.js';
import { uniqueFields } from '../model/passes/structs.js';
import type { PackageEntry } from './plan-package.js';
import { propertyKey, stringLiteral } from './safe.js';
import { isList } from './type-map.js';

/** A Number literal: a JS number when it is exact, else its decimal text (an `Int64String`). */
function numberLiteral(text: string): string {
  const value = BigInt(text);
  const safe = value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER);
  return safe ? value.toString() : stringLiteral(value.toString());
}

/** What the example of one API needs besides the field: the API's response, for `fields` lists. */
interface ExampleScope {
  readonly response: readonly Field[];
}

/** One element's literal: the doc's example when it is valid, else a placeholder that is. */
function scalarLiteral(
  field: Field,
  example: string | undefined,
  indent: string,
  scope: ExampleScope,
): string {
  const valid = validElementExample(field, example);
  switch (field.kind) {
    case 'number':
    case 'byte':
      return valid === undefined ? String(placeholderNumber(field.constraints)) : numberLiteral(valid);
    case 'boolean':
      return valid ?? 'false';
    case 'date':
      return stringLiteral(valid ?? EXAMPLE_DATE);
    case 'price':
      return stringLiteral(valid ?? placeholderNumber(field.constraints).toFixed(2));
    case 'file':
      return 'new Uint8Array([1, 2, 3])';
    case 'map':
      return '{}';
    case 'struct':
      return objectLiteral(field.children, indent, scope) ?? '{}';
    case 'json':
      return stringLiteral(valid ?? '{}');
    case 'fieldList':
      return stringLiteral(valid ?? placeholderFieldList(field, scope.response));
    case 'string':
    case 'unknown':
      return stringLiteral(valid ?? placeholderText(field));
  }
}

function valueLiteral(field: Field, indent: string, scope: ExampleScope): string {
  if (!isList(field)) return scalarLiteral(field, field.example, indent, scope);
  if (field.kind === 'struct') return `[${scalarLiteral(field, undefined, indent, scope)}]`;
  // A list shows the doc's elements only when all of them are valid, else one placeholder element.
  const parts = validExample(field)?.split(',') ?? [undefined];
  return `[${parts.map((part) => scalarLiteral(field, part, indent, scope)).join(', ')}]`;
}

/** Shown: required fields, fields with a valid example, and structs holding any shown field. */
function shown(field: Field): boolean {
  if (field.required || validExample(field) !== undefined) return true;
  return field.kind === 'struct' && field.children.some(shown);
}

/** `{ … }` over several lines at `indent`, or undefined when no field is shown. */
function objectLiteral(fields: readonly Field[], indent: string, scope: ExampleScope): string | undefined {
  const inner = `${indent}  `;
  const entries = uniqueFields(fields)
    .fields.filter(shown)
    .map((field) => `${inner}${propertyKey(field.name)}: ${valueLiteral(field, inner, scope)},\n`);
  return entries.length === 0 ? undefined : `{\n${entries.join('')}${indent}}`;
}

/** The argument of an example call: the example init, `{}` when one is required but shows nothing, or none. */
export function exampleArgs({ api, module }: Pick<PackageEntry, 'api' | 'module'>): string {
  return objectLiteral(api.request, '', { response: api.response }) ?? (module.requiresRequest ? '{}' : '');
}

const CLIENT_SETUP =
  "const client = new TopClient({ appKey: 'your-app-key', appSecret: 'your-app-secret' });\n";

/** The README's code: the root's client sends the first API's request object, imported from its subpath. */
export function readmeExampleCode(packageName: string, first: PackageEntry | undefined): string {
  const from = stringLiteral(packageName);
  if (first === undefined) {
    return `import { TopClient } from ${from};\n\n${CLIENT_SETUP}\nconsole.log(await client.execute('taobao.time.get'));\n`;
  }
  const { request } = first.module.names;
  return (
    `import { TopClient } from ${from};\n` +
    `import { ${request} } from ${stringLiteral(`${packageName}/apis/${first.api.api}`)};\n\n` +
    CLIENT_SETUP +
    '\n// Each API is imported from its own entry point; execute() validates, signs and sends the request.\n' +
    `const response = await client.execute(new ${request}(${exampleArgs(first)}));\n` +
    'console.log(response.request_id);\n'
  );
}

/** The README's code for `<package>/all`: its client calls the first API by method, with a plain init. */
export function allExampleCode(packageName: string, first: PackageEntry | undefined): string {
  const from = stringLiteral(`${packageName}/all`);
  const setup = `import { TopClient } from ${from};\n\n${CLIENT_SETUP}`;
  if (first === undefined) return setup;
  return (
    `${setup}\nconst response = await client.${first.exports.method}(${exampleArgs(first)});\n` +
    'console.log(response.request_id);\n'
  );
}

/** One API's README example: its module imported alone, a request built from the doc's examples, `execute`. */
export function apiExampleCode(packageName: string, entry: PackageEntry): string {
  const { request } = entry.module.names;
  const from = stringLiteral(`${packageName}/apis/${entry.api.api}`);
  return (
    `import { ${request} } from ${from};\n\n` +
    `const request = new ${request}(${exampleArgs(entry)});\n` +
    'const response = await client.execute(request);\n'
  );
}
