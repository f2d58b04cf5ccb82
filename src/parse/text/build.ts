import { diagnostic } from '../../model/diagnostics.js';
import { typeKind } from '../../model/type-kind.js';
import type { Diagnostic, Field } from '../../model/types.js';
import { CODES } from './codes.js';
import type { Evidence } from './evidence.js';
import { exampleAndDescription, valueEvidence } from './examples.js';
import type { Nesting } from './nesting.js';
import type { Side } from './rows.js';
import type { TableItem } from './table.js';

/**
 * Builds the model fields of one side from its items and their decided parents. Keys without a value are left
 * out (`example`, `description`, `constraints`), leaves get `children: []`, response fields are never required.
 */
export function buildFields(
  side: Side,
  items: readonly TableItem[],
  nesting: Nesting,
  sample: Evidence | undefined,
  file: string,
  out: Diagnostic[],
): Field[] {
  const children: Field[][] = items.map(() => []);
  const top: Field[] = [];
  // Children come after their parents, so build from the end: every item's children are complete when it is built.
  for (let k = items.length - 1; k >= 0; k--) {
    const item = items[k];
    if (item === undefined) continue;
    const path = `${side}.${nesting.paths[k] ?? item.name}`;
    const own = (children[k] ?? []).reverse();
    const evidence = valueEvidence(item, nesting.sampleNode[k], sample);
    const text = exampleAndDescription(item, evidence, { file, path, out });
    const field: Field = {
      name: item.name,
      type: item.type,
      array: item.array,
      required: side === 'request' ? item.required : false,
      ...text,
      ...(item.constraints === undefined ? {} : { constraints: item.constraints }),
      children: own,
    };
    if (typeKind(field) === 'unknown') {
      out.push(
        diagnostic('warning', CODES.unknownType, `The type "${item.type}" of "${item.name}" is not a TOP type; it is treated as unknown.`, {
          file,
          line: item.line,
          field: path,
          expected: 'String, Number, Boolean, Date, Price, Json, byte, Field List, Map or a struct name',
          found: `"${item.type}"`,
        }),
      );
    }
    const parent = nesting.parents[k] ?? -1;
    if (parent >= 0) children[parent]?.push(field);
    else top.push(field);
  }
  return top.reverse();
}
