// Doc files as fetch writes them: the served doc, byte for byte the same whenever the site serves the same doc.
import { compareCodeUnits } from '../diff/order.js';
import type { JsonNode, JsonObjectNode } from '../json/scanner.js';

/** Keys that read best first, in this order; the API's name leads, parameter lists come last. */
const LEADING_KEYS = [
  'name',
  'apiChineseName',
  'id',
  'type',
  'required',
  'description',
  'maxLength',
  'maxListSize',
  'minValue',
  'maxValue',
] as const;
const TRAILING_KEYS = ['requestParams', 'responseParams', 'subParams'] as const;

const rank = new Map<string, number>([
  ...LEADING_KEYS.map((key, i): [string, number] => [key, i - LEADING_KEYS.length]),
  ...TRAILING_KEYS.map((key, i): [string, number] => [key, i + 1]),
]);

/** Known keys in a fixed order, every other key by code unit: the site's own (possibly shuffled) order never shows. */
function compareKeys(a: string, b: string): number {
  const byRank = (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  if (byRank !== 0) return byRank;
  return compareCodeUnits(a, b);
}

/** Later duplicates win, as with `JSON.parse`; the result has each key once. */
function lastOfEachKey(node: JsonObjectNode): JsonObjectNode['members'] {
  const byKey = new Map(node.members.map((m) => [m.key, m]));
  return [...byKey.values()].sort((a, b) => compareKeys(a.key, b.key));
}

function write(node: JsonNode, indent: string, out: string[]): void {
  switch (node.kind) {
    case 'object': {
      const members = lastOfEachKey(node);
      if (members.length === 0) return void out.push('{}');
      const inner = `${indent}  `;
      out.push('{\n');
      members.forEach((m, i) => {
        out.push(`${inner}${JSON.stringify(m.key)}: `);
        write(m.value, inner, out);
        out.push(i < members.length - 1 ? ',\n' : '\n');
      });
      return void out.push(`${indent}}`);
    }
    case 'array': {
      if (node.items.length === 0) return void out.push('[]');
      const inner = `${indent}  `;
      out.push('[\n');
      node.items.forEach((item, i) => {
        out.push(inner);
        write(item, inner, out);
        out.push(i < node.items.length - 1 ? ',\n' : '\n');
      });
      return void out.push(`${indent}]`);
    }
    case 'string':
      return void out.push(JSON.stringify(node.value));
    // As served: a 64-bit limit such as 9223372036854775807 must not be rounded by a trip through a double.
    case 'number':
      return void out.push(node.raw);
    case 'boolean':
      return void out.push(node.value ? 'true' : 'false');
    case 'null':
      return void out.push('null');
  }
}

/** Stable text of a JSON tree: two-space indent, known keys first, numbers as written, a final newline. */
export function stableJson(node: JsonNode): string {
  const out: string[] = [];
  write(node, '', out);
  out.push('\n');
  return out.join('');
}

const AT = { line: 0, column: 0 } as const;

/**
 * The file saved for one API: the served doc with its catalogue id and name filled in when the doc lacks them
 * (the doc-JSON reader needs the name; the id ties the file to the catalogue, as in saved corpora).
 */
export function docFileText(
  doc: JsonObjectNode,
  entry: { readonly id: number; readonly name: string },
): string {
  const members = [...doc.members];
  const has = (key: string): boolean => members.some((m) => m.key === key);
  if (!has('name'))
    members.push({ key: 'name', keyPos: AT, value: { kind: 'string', value: entry.name, ...AT } });
  if (!has('id'))
    members.push({
      key: 'id',
      keyPos: AT,
      value: { kind: 'number', value: entry.id, raw: String(entry.id), ...AT },
    });
  return stableJson({ ...doc, members });
}
