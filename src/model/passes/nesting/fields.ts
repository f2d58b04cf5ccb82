import { diagnostic } from '../../diagnostics.js';
import { typeKind } from '../../type-kind.js';
import type { Diagnostic, DocField as Field } from '../../types.js';
import { CODES } from './codes.js';
import type { Evidence } from './evidence.js';
import { exampleAndDescription, valueEvidence } from './examples.js';
import type { Nesting } from './parents.js';
import type { Side } from './page-content.js';
import type { TableItem } from './page-content.js';

type WritableField = { -readonly [K in keyof Field]: Field[K] };

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
  const duplicates = findDuplicates(side, items, nesting, file, out);
  const children: Field[][] = items.map(() => []);
  const top: Field[] = [];
  // Children come after their parents, so build from the end: every item's children are complete when it is built.
  for (let k = items.length - 1; k >= 0; k--) {
    const item = items[k];
    if (item === undefined || duplicates.has(k)) continue;
    const path = `${side}.${nesting.paths[k] ?? item.name}`;
    const own = (children[k] ?? []).reverse();
    const parent = nesting.parents[k] ?? -1;
    const parentNode = parent >= 0 ? nesting.sampleNode[parent] : sample?.root;
    const evidence = valueEvidence(item, nesting.sampleNode[k], parentNode, sample);
    const text = exampleAndDescription(item, evidence, { file, path, out });
    // Built key by key rather than with spreads (this runs for every field of every page), in the key order of
    // docs/model.md; `children` is assigned last, right below, so the cast never leaves it unset.
    const field = {
      name: item.name,
      type: item.type,
      array: item.array,
      required: side === 'request' ? item.required : false,
    } as WritableField;
    if (text.example !== undefined) field.example = text.example;
    if (text.description !== undefined) field.description = text.description;
    if (item.constraints !== undefined) field.constraints = item.constraints;
    field.children = own;
    if (typeKind(field) === 'unknown') {
      out.push(
        diagnostic(
          'warning',
          CODES.unknownType,
          `The type "${item.type}" of "${item.name}" is not a TOP type; it is treated as unknown.`,
          {
            file,
            line: item.line,
            field: path,
            expected: 'String, Number, Boolean, Date, Price, Json, byte, Field List, Map or a struct name',
            found: `"${item.type}"`,
          },
        ),
      );
    }
    if (parent >= 0) children[parent]?.push(field);
    else top.push(field);
  }
  return top.reverse();
}

/**
 * A second field with the same name under the same parent is left out with its own fields (the first one is
 * kept, as the JSON and HTML readers do): two properties with one wire name cannot both be sent.
 */
function findDuplicates(
  side: Side,
  items: readonly TableItem[],
  nesting: Nesting,
  file: string,
  out: Diagnostic[],
): Set<number> {
  const skipped = new Set<number>();
  const first = new Map<string, number>();
  // A field whose parent is a guess (it has an ambiguous-nesting warning) may truly sit elsewhere: it is kept.
  const guessed = new Set(
    out
      .filter((d) => d.code === CODES.ambiguousNesting && d.field?.startsWith(`${side}.`))
      .map((d) => d.line),
  );
  items.forEach((item, k) => {
    const parent = nesting.parents[k] ?? -1;
    if (parent >= 0 && skipped.has(parent)) {
      skipped.add(k);
      return;
    }
    if (guessed.has(item.line)) return;
    const key = `${parent}\u0000${item.name}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, k);
      return;
    }
    skipped.add(k);
    out.push(
      diagnostic(
        'warning',
        CODES.duplicateField,
        `"${item.name}" is documented twice at one level; the first one (line ${items[earlier]?.line}) is kept.`,
        {
          file,
          line: item.line,
          field: `${side}.${nesting.paths[k] ?? item.name}`,
          expected: 'unique field names at one level',
          found: `a second "${item.name}"`,
        },
      ),
    );
  });
  return skipped;
}
