/** fast-check generators for model values with hostile names and types. */
import fc from 'fast-check';
import { resolveFieldKinds } from '../../src/model/passes/kinds.js';
import type { Api, DocField, Field } from '../../src/model/types.js';

const TYPES = [
  'String',
  'Number',
  'Boolean',
  'Date',
  'Price',
  'Json',
  'byte',
  'Field List',
  'Map',
  'Item',
  'a b',
];

/** Names mixing ordinary identifiers with the characters that break naive code. */
export const arbName = fc.oneof(
  fc.constantFrom(
    'id',
    'name',
    '__proto__',
    'constructor',
    'toString',
    '$ref',
    'type',
    'required',
    '',
    '*/',
    'a.b',
  ),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.string({ unit: 'binary-ascii', maxLength: 4 }),
  fc.constantFrom('a\nb', 'x\u2028y', '\ud800'),
);

const arbConstraints = fc.record(
  {
    maxLength: fc.nat(100),
    maxListSize: fc.nat(50),
    minValue: fc.integer({ min: -10, max: 10 }),
    maxValue: fc.integer({ min: 0, max: 1000 }),
    default: fc.oneof(fc.constantFrom('0', 'true', 'x'), fc.string({ maxLength: 5 })),
  },
  { requiredKeys: [] },
);

/** Fields nested at most `depth` levels below this one. */
function arbField(depth: number): fc.Arbitrary<DocField> {
  return fc.record({
    name: arbName,
    type: fc.oneof(fc.constantFrom(...TYPES), fc.string({ maxLength: 5 })),
    array: fc.boolean(),
    required: fc.boolean(),
    example: fc.option(fc.oneof(fc.constantFrom('1', '1.5', '1,2', '2020-01-01 00:00:00'), fc.string()), {
      nil: undefined,
    }),
    description: fc.option(fc.string(), { nil: undefined }),
    constraints: fc.option(arbConstraints, { nil: undefined }),
    children: depth === 0 ? fc.constant([]) : fc.array(arbField(depth - 1), { maxLength: 3 }),
  });
}

/** Drops `undefined` members, as the model never holds them. */
function clean(field: DocField): DocField {
  const out = Object.fromEntries(
    Object.entries(field).filter(([, value]) => value !== undefined),
  ) as unknown as DocField;
  return { ...out, children: field.children.map(clean) };
}

/** Model fields: their kinds come from the kinds pass, like a parsed doc's. */
export const arbFields: fc.Arbitrary<Field[]> = fc.array(
  arbField(3).map((field) => resolveFieldKinds(clean(field))),
  { maxLength: 4 },
);

export const arbApi: fc.Arbitrary<Api> = fc.record({
  api: fc.oneof(
    fc.constantFrom('taobao.item.get', 'a.b_c', 'a.b.c', 'top.error', '中文.接口'),
    fc.string({ maxLength: 8 }),
    arbName,
  ),
  title: arbName,
  description: fc.string({ maxLength: 5 }),
  request: arbFields,
  response: arbFields,
  source: fc.constant({ file: 'x.json', format: 'json' as const }),
  diagnostics: fc.constant([]),
});
