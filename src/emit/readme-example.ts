/**
 * The README's one full example: a call of the first API with the doc's example values, typed as the request
 * side of the type map says (numbers as numbers, 64-bit ids as decimal strings, dates as strings).
 */
import { typeKind } from '../model/type-kind.js';
import type { Field } from '../model/types.js';
import { uniqueFields } from './plan-module.js';
import type { PackageEntry } from './plan-package.js';
import { propertyKey, stringLiteral } from './safe.js';
import { isList } from './type-map.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;
const TOP_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function numberLiteral(example: string | undefined): string {
  const text = example?.trim() ?? '';
  if (!DECIMAL.test(text)) return '1';
  if (INTEGER.test(text)) {
    const value = BigInt(text);
    const safe = value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER);
    return safe ? value.toString() : stringLiteral(value.toString());
  }
  return String(Number(text));
}

/** One element's literal (a list's elements are the comma-separated parts of the example). */
function scalarLiteral(field: Field, example: string | undefined, indent: string): string {
  switch (typeKind(field)) {
    case 'number':
    case 'byte':
      return numberLiteral(example);
    case 'boolean':
      return example?.trim() === 'true' ? 'true' : 'false';
    case 'date':
      return stringLiteral(
        example !== undefined && TOP_DATE.test(example.trim()) ? example.trim() : '2024-01-01 00:00:00',
      );
    case 'price':
      return stringLiteral(example !== undefined && DECIMAL.test(example.trim()) ? example.trim() : '0.00');
    case 'file':
      return 'new Uint8Array([1, 2, 3])';
    case 'map':
      return '{}';
    case 'struct':
      return objectLiteral(field.children, indent) ?? '{}';
    case 'json':
      return stringLiteral(example ?? '{}');
    case 'string':
    case 'fieldList':
    case 'unknown':
      return stringLiteral(example ?? '');
  }
}

function valueLiteral(field: Field, indent: string): string {
  if (!isList(field)) return scalarLiteral(field, field.example, indent);
  if (typeKind(field) === 'struct') return `[${scalarLiteral(field, undefined, indent)}]`;
  const parts = field.example === undefined || field.example === '' ? [undefined] : field.example.split(',');
  return `[${parts.map((part) => scalarLiteral(field, part, indent)).join(', ')}]`;
}

/** Shown: required fields, fields with an example, and structs holding any shown field. */
function shown(field: Field): boolean {
  if (field.required || (field.example !== undefined && field.example !== '')) return true;
  return typeKind(field) === 'struct' && field.children.some(shown);
}

/** `{ … }` over several lines at `indent`, or undefined when no field is shown. */
function objectLiteral(fields: readonly Field[], indent: string): string | undefined {
  const inner = `${indent}  `;
  const entries = uniqueFields(fields)
    .fields.filter(shown)
    .map((field) => `${inner}${propertyKey(field.name)}: ${valueLiteral(field, inner)},\n`);
  return entries.length === 0 ? undefined : `{\n${entries.join('')}${indent}}`;
}

/** The argument of an example call: the example init, `{}` when one is required but shows nothing, or none. */
function exampleArgs({ api, module }: PackageEntry): string {
  return objectLiteral(api.request, '') ?? (module.requiresRequest ? '{}' : '');
}

/** The README's code: build a client, call the first API by method and by request object. */
export function readmeExampleCode(packageName: string, first: PackageEntry | undefined): string {
  const from = stringLiteral(packageName);
  const client = "const client = new TopClient({ appKey: 'your-app-key', appSecret: 'your-app-secret' });\n";
  if (first === undefined) {
    return `import { TopClient } from ${from};\n\n${client}\nconsole.log(await client.execute('taobao.time.get'));\n`;
  }
  const { exports } = first;
  const args = exampleArgs(first);
  return (
    `import { TopClient, ${exports.request} } from ${from};\n\n` +
    client +
    '\n// One method per API, taking the params as a plain object with wire-named fields…\n' +
    `const response = await client.${exports.method}(${args});\n` +
    'console.log(response.request_id);\n\n' +
    '// …or a request object, sent with the generic execute().\n' +
    `const request = new ${exports.request}(${args});\n` +
    'console.log(await client.execute(request));\n'
  );
}

/**
 * The README's setup for importing APIs one by one: the runtime's client base alone, which `execute` any
 * request object with. The gateway is spelled out because the base class does not know the package's default.
 */
export function runtimeExampleCode(packageName: string, gateway: string | undefined): string {
  const gatewayOption = gateway === undefined ? '' : `,\n  gateway: ${stringLiteral(gateway)}`;
  return (
    `import { TopClientBase } from ${stringLiteral(`${packageName}/runtime`)};\n\n` +
    `const client = new TopClientBase({\n  appKey: 'your-app-key',\n  appSecret: 'your-app-secret'${gatewayOption},\n});\n`
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
