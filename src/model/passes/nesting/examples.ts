import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic } from '../../types.js';
import { isKnownPrimitive } from '../../type-kind.js';
import { CODES } from './codes.js';
import { nodeValues, type Evidence, type EvidenceNode } from './evidence.js';
import type { TableItem } from './page-content.js';
import { looseKey } from './names.js';

/**
 * Example value and description of one item. A row writes `[example] [description]` as one run of text and a
 * 3-line response block keeps only one of the two, so the boundary is taken from the sample (Java literal,
 * XML text, JSON value) whenever the sample shows the field (docs/text-format.md §3, §5.1). Without a sample
 * the split is a guess, reported as an `info` diagnostic.
 */
export interface ExampleAndDescription {
  readonly example?: string;
  readonly description?: string;
}

/** What the sample says about an item's example. */
export type ValueEvidence =
  | { readonly kind: 'values'; readonly values: readonly string[] }
  /** The field is in the sample with an empty value, or absent from a complete sample. */
  | { readonly kind: 'empty' }
  | { readonly kind: 'unknown' };

/**
 * `node` is the item's match in the sample, `parentNode` the match of its parent (the sample's root for a
 * top-level field). A complete sample leaves out fields without an example, so a field missing under its
 * parent, or missing from the whole sample, has an empty example.
 */
export function valueEvidence(
  item: TableItem,
  node: EvidenceNode | undefined,
  parentNode: EvidenceNode | undefined,
  sample: Evidence | undefined,
): ValueEvidence {
  if (sample === undefined) return { kind: 'unknown' };
  if (node !== undefined) {
    if (node.children.length > 0 && !item.array) return { kind: 'unknown' };
    const values = nodeValues(node).filter((v) => v !== '');
    if (values.length > 0) return { kind: 'values', values };
    // `<a></a>`, `<a/>`, `""`: shown empty. A Java argument that is not a literal (`new FileItem(…)`) says nothing.
    return node.value === '' ? { kind: 'empty' } : { kind: 'unknown' };
  }
  const holdsValue = item.kind === 'bullet' ? item.leaf : isKnownPrimitive(item.type);
  if (!sample.complete || !holdsValue) return { kind: 'unknown' };
  const key = looseKey(item.name);
  const keyString = `${key}string`;
  const matches = (n: EvidenceNode): boolean => {
    const name = looseKey(n.name);
    return name === key || name === keyString;
  };
  if (parentNode !== undefined) {
    const under = parentNode.children.some((c) => matches(c) || (c.wrapper && c.children.some(matches)));
    if (!under) return { kind: 'empty' };
  }
  const names = sample.looseNames();
  const present = names.has(key) || names.has(keyString);
  return present ? { kind: 'unknown' } : { kind: 'empty' };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?/;

/** A lone cell that is certainly a value for the field's type (a number for Number, true/false for Boolean). */
function looksLikeValue(type: string, text: string): boolean {
  switch (type) {
    case 'Number':
    case 'byte':
    case 'Price':
    case 'BigDecimal':
      return NUMBER.test(text);
    case 'Boolean':
      return text === 'true' || text === 'false';
    case 'Date':
      return DATE_TIME.test(text);
    default:
      return false;
  }
}

interface SplitContext {
  readonly file: string;
  readonly path: string;
  readonly out: Diagnostic[];
}

/** Splits a row's `rest` or a block's cells into example and description. */
export function exampleAndDescription(
  item: TableItem,
  evidence: ValueEvidence,
  ctx: SplitContext,
): ExampleAndDescription {
  if (item.kind === 'row') {
    if (item.constrained === true) {
      return compact(item.rest, item.descriptionBullet);
    }
    return splitRun(item, item.rest ?? '', evidence, ctx);
  }
  const cells = item.cells ?? [];
  if (cells.length >= 2) return compact(cells[0], cells[1]);
  const only = cells[0];
  if (only === undefined || only === '') return {};
  switch (evidence.kind) {
    case 'values':
      return evidence.values.some((v) => v === only || collapse(v) === collapse(only))
        ? { example: only }
        : { description: only };
    case 'empty':
      return { description: only };
    case 'unknown': {
      // A block cut by the end of a truncated page lost its later cells; the one left is its first: the example.
      const asExample = item.cut === true || looksLikeValue(item.type, only);
      const shape = item.cut === true ? 'the page is cut after its first cell' : 'the block has one cell';
      guessed(ctx, item, asExample ? `the example "${only}"` : `the description "${only}"`, shape);
      return asExample ? { example: only } : { description: only };
    }
  }
}

function splitRun(
  item: TableItem,
  rest: string,
  evidence: ValueEvidence,
  ctx: SplitContext,
): ExampleAndDescription {
  if (rest === '') return {};
  if (evidence.kind === 'empty') return { description: rest };
  if (evidence.kind === 'values') {
    const flat = collapse(rest);
    for (const value of evidence.values) {
      if (rest === value) return { example: rest };
      if (value !== '' && rest.startsWith(`${value} `))
        return compact(value, rest.slice(value.length + 1).trim());
      const v = collapse(value);
      if (v === '') continue;
      if (flat === v) return { example: rest };
      if (flat.startsWith(`${v} `)) return compact(flat.slice(0, v.length), flat.slice(v.length + 1));
    }
  }
  const space = rest.indexOf(' ');
  if (space === -1) {
    const asExample = looksLikeValue(item.type, rest);
    guessed(
      ctx,
      item,
      asExample ? `the example "${rest}"` : `the description "${rest}"`,
      'the row has one word after its type',
    );
    return asExample ? { example: rest } : { description: rest };
  }
  const [example, description] = guessSplit(item, rest, space);
  guessed(
    ctx,
    item,
    example === ''
      ? `the description "${description}"`
      : `example "${example}" and description "${description}"`,
    'the row has several words after its type',
  );
  return compact(example, description);
}

/**
 * The most likely split of a row's `rest` without a sample, in this order: two equal halves (`result result`,
 * `错误信息 错误信息`) are example and description; a leading date-time is the example; a struct row's first word
 * is an example only when it is the type name or `-` (struct examples are rare, and are written that way);
 * a Number/Boolean/Date row's first word only when it is such a value; otherwise the first word.
 */
function guessSplit(item: TableItem, rest: string, space: number): [string, string] {
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ' && rest.slice(0, half) === rest.slice(half + 1)) {
    return [rest.slice(0, half), rest.slice(half + 1)];
  }
  const stamp = DATE_TIME.exec(rest)?.[0];
  if (stamp !== undefined && stamp.includes(' ') && rest[stamp.length] === ' ') {
    return [stamp, rest.slice(stamp.length + 1).trim()];
  }
  const first = rest.slice(0, space);
  const tail = rest.slice(space + 1).trim();
  if (!isKnownPrimitive(item.type)) return first === item.type || first === '-' ? [first, tail] : ['', rest];
  if (VALUE_TYPES.has(item.type) && !item.array)
    return looksLikeValue(item.type, first) ? [first, tail] : ['', rest];
  return [first, tail];
}

/** Types whose examples have a recognisable shape. */
const VALUE_TYPES: ReadonlySet<string> = new Set([
  'Number',
  'byte',
  'Price',
  'BigDecimal',
  'Boolean',
  'Date',
]);

function compact(example: string | undefined, description: string | undefined): ExampleAndDescription {
  const out: { example?: string; description?: string } = {};
  if (example !== undefined && example !== '') out.example = example;
  if (description !== undefined && description !== '') out.description = description;
  return out;
}

function guessed(ctx: SplitContext, item: TableItem, taken: string, shape: string): void {
  ctx.out.push(
    diagnostic(
      'info',
      CODES.exampleGuessed,
      `No sample shows the example of "${item.name}" and ${shape}, so it was read as ${taken}.`,
      {
        file: ctx.file,
        line: item.line,
        field: ctx.path,
        expected: 'a sample value that separates the example from the description',
        found: 'no sample value for this field',
      },
    ),
  );
}
