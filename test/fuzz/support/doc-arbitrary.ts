/**
 * fast-check arbitraries for random API docs, as model values (`DocSpec`). Three profiles:
 *
 * - `model`: anything the model can hold — hostile names (`__proto__`, `1st_value`, `a-b`, a comment closer), hostile
 *   text everywhere, repeated sibling names, unknown and odd struct type names. Fed straight to the emitter.
 * - `json`: what a doc JSON can carry and its reader keeps as written: names and text without surrounding
 *   whitespace, unique sibling names, no examples and no `default` (doc JSON has neither).
 * - `text`: what a form-A page can carry without losing it (text-format.md §3–§5): single-line, NFKC-normalised,
 *   whitespace-collapsed text without bullets, every leaf with an example and a description (so no block
 *   shrinks and every field appears in the Java and XML samples), structs without examples and with at least
 *   one field, constraints only on top-level request rows, names that can be Java setters and XML elements.
 *
 * Struct type names come from a small pool so one name regularly stands for different shapes.
 */
import fc from 'fast-check';
import type { DocApi as Api, Constraints, DocField as Field } from '../../../src/model/types.js';
import { hostileText, trimmedText } from './hostile-text.js';

export type Profile = 'model' | 'json' | 'text';
export type Side = 'request' | 'response';

/** An API doc as the model holds it, minus where it came from. */
export type DocSpec = Omit<Api, 'source' | 'diagnostics'>;

/** The primitive doc types of the type map (text-format.md and the shared type table). */
const PRIMITIVES = [
  'String',
  'Number',
  'Boolean',
  'Date',
  'Price',
  'Json',
  'byte',
  'Field List',
  'Map',
] as const;
const JSON_ONLY_PRIMITIVES = ['BigDecimal'] as const;
/** Element types that may be written `X []` in a form-A page. */
const TEXT_ARRAY_ELEMENTS = ['String', 'Number', 'Boolean', 'Date', 'byte'] as const;

/**
 * Struct names: JavaScript and runtime globals (legal CamelCase struct names that must not shadow anything),
 * names close to the generated class names, and plain ones. None is a TOP primitive name.
 */
export const STRUCT_NAMES = [
  'Promise',
  'Function',
  'Object',
  'Array',
  'Error',
  'Symbol',
  'Record',
  'Partial',
  'Readonly',
  'Buffer',
  'Uint8Array',
  'BigInt',
  'JSON',
  'TopNumber',
  'TopNumberInput',
  'Int64String',
  'TopFile',
  'JsonValue',
  'ApiSpec',
  'TopRequestBase',
  'TopClient',
  'TaobaoItemGetRequest',
  'TaobaoItemGetResponse',
  'Result',
  'ResultData',
  'Item',
  'Foo_Bar',
] as const;

/** Type names only the model and doc JSON can hold: not identifiers, not ASCII, keywords, generics. */
const ODD_STRUCT_NAMES = ['List<Foo>', '结果', 'class', '1Foo', 'Some Odd Type', 'Dto$1'] as const;
/** Types no reader knows (unknown-type warning, typed `unknown`). */
const UNKNOWN_TYPES = ['long', 'List<String>', 'int64'] as const;

/** Field names that are awkward in TypeScript; the text profile keeps only those a page can carry. */
const AWKWARD_NAMES = [
  'class',
  'default',
  'then',
  'constructor',
  'toString',
  '__proto__',
  'prototype',
  'hasOwnProperty',
  'valueOf',
  'request_id',
  '__response',
  '$ref',
  'new',
  'await',
  'arguments',
  'eval',
  'undefined',
  'NaN',
] as const;
const MODEL_ONLY_NAMES = [
  '1st_value',
  'a-b',
  '名字',
  '*/',
  "it's",
  '${x}',
  'a.b',
  'a b',
  '\u202Eevil',
] as const;

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const snakeWord = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const snakeName = fc
  .array(snakeWord, { minLength: 1, maxLength: 3 })
  .map((words) => words.join('_'))
  .filter((name) => name.length <= 24);
const camelName = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(?:[A-Z][a-z0-9]{1,5}){1,2}$/);

function fieldName(profile: Profile): fc.Arbitrary<string> {
  const base = fc.oneof(
    { weight: 6, arbitrary: snakeName },
    { weight: 2, arbitrary: camelName },
    { weight: 3, arbitrary: fc.constantFrom(...AWKWARD_NAMES) },
  );
  if (profile === 'text') return base.filter((name) => PLAIN_NAME.test(name));
  const odd = fc.constantFrom(...MODEL_ONLY_NAMES);
  return fc.oneof({ weight: 10, arbitrary: base }, { weight: 2, arbitrary: odd });
}

/** The text reader's loose comparison of field names (case and `_` ignored), see src/model/passes/nesting/names.ts. */
export function looseName(name: string): string {
  return name.replaceAll('_', '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------
// Text that a form-A page can carry.

/** What the page renderer does to every text (text-format.md §0.2): NFKC, whitespace runs to one space. */
export function flatText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Lines a parser reads as structure: section headings, footer words, sample tabs. */
const STRUCTURAL_LINES: ReadonlySet<string> = new Set([
  '公共参数',
  '请求参数',
  '响应参数',
  '请求示例',
  '响应示例',
  '异常示例',
  '验签示例',
  '错误码解释',
  'API工具',
  '如何获得此API',
  'FAQ',
  '返回',
  '顶部',
  'JAVA',
  'XML示例',
  'JSON示例',
]);

/** Shapes a bullet cell cannot have without being read as another kind of line (§3, §5.1). */
function isAmbiguousCell(text: string): boolean {
  const first = text.split(' ')[0] ?? '';
  return (
    STRUCTURAL_LINES.has(text) ||
    /^[A-Za-z_$][A-Za-z0-9_$]*(?: ?\[\])?$/.test(text) || // a type line or a name line
    text === 'Field List' ||
    text.startsWith('Field List ') ||
    first === '必须' ||
    first === '可选' ||
    first === '[]' ||
    first.endsWith('[]') ||
    /^(?:默认值|最大长度|最大列表长度|最小值|最大值)\s*[:：]/.test(text) ||
    /^(?:请求参数|响应参数|名称 类型)/.test(text)
  );
}

/**
 * `w w`: a row whose example and description are equal reads like this, so without a sample the reader takes
 * the halves apart (src/model/passes/nesting/examples.ts); a description of this shape on a struct row is undecidable.
 */
function isDoubled(text: string): boolean {
  const half = (text.length - 1) / 2;
  return Number.isInteger(half) && text[half] === ' ' && text.slice(0, half) === text.slice(half + 1);
}

/** Pages are UTF-8 text, which cannot hold half a surrogate pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of page text: flattened, non-empty, no bullet or hook characters, not structure-like. */
const pageText: fc.Arbitrary<string> = hostileText
  .map((text) => flatText(text.replace(/[•└]/g, '').replace(LONE_SURROGATE, '')))
  .filter((text) => text !== '' && !isAmbiguousCell(text) && !isDoubled(text));

// ---------------------------------------------------------------------------------------------------------
// Examples by type.

const digits = fc.stringMatching(/^-?[1-9][0-9]{0,12}$|^0$/);
const decimal = fc
  .tuple(fc.stringMatching(/^[1-9][0-9]{0,6}$|^0$/), fc.stringMatching(/^[0-9]{1,2}$/))
  .map(([a, b]) => `${a}.${b}`);
const dateTime = fc
  .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2037, 0, 1)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 19).replace('T', ' '));

/** A leaf example a page would show for this type; the Java sample writes it as the matching literal. */
function textExample(type: string, array: boolean): fc.Arbitrary<string> {
  if (type === 'byte' && array) return fc.constantFrom('null', '/tmp/a.jpg', 'file'); // §3: `img byte[] 必须 null …`
  if (array) return pageText.filter((text) => !text.includes(','));
  switch (type) {
    case 'Number':
    case 'byte':
      return digits;
    case 'Boolean':
      return fc.constantFrom('true', 'false');
    case 'Date':
      return dateTime;
    case 'Price':
      return decimal;
    default:
      return pageText;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Constraints.

const constraintNumber = fc.integer({ min: 0, max: 100_000 });

function arbConstraints(profile: Profile): fc.Arbitrary<Constraints | undefined> {
  const numeric = {
    maxLength: constraintNumber,
    maxListSize: constraintNumber,
    minValue: fc.integer({ min: -1000, max: 1000 }),
    maxValue: constraintNumber,
  };
  const record =
    profile === 'json'
      ? fc.record(numeric, { requiredKeys: [] })
      : fc.record({ ...numeric, default: profile === 'text' ? pageText : hostileText }, { requiredKeys: [] });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: record.filter((c) => Object.keys(c).length > 0) },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Fields.

interface FieldContext {
  readonly profile: Profile;
  readonly side: Side;
  /** Levels of nesting still allowed below this field. */
  readonly depth: number;
  readonly topLevel: boolean;
}

type FieldDraft = { -readonly [K in keyof Field]: Field[K] };

function leafType(profile: Profile): fc.Arbitrary<{ type: string; array: boolean }> {
  if (profile === 'text') {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...PRIMITIVES).map((type) => ({ type, array: false })) },
      {
        weight: 3,
        arbitrary: fc.constantFrom(...TEXT_ARRAY_ELEMENTS).map((type) => ({ type, array: true })),
      },
    );
  }
  const types = [...PRIMITIVES, ...JSON_ONLY_PRIMITIVES];
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ type: fc.constantFrom(...types), array: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constantFrom(...UNKNOWN_TYPES), array: fc.boolean() }) },
    // A struct name without documented fields is still a struct (an empty interface).
    { weight: 1, arbitrary: fc.record({ type: fc.constantFrom(...STRUCT_NAMES), array: fc.boolean() }) },
  );
}

function structType(profile: Profile): fc.Arbitrary<string> {
  return profile === 'text'
    ? fc.constantFrom(...STRUCT_NAMES)
    : fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...STRUCT_NAMES) },
        fc.constantFrom(...ODD_STRUCT_NAMES),
      );
}

/**
 * A struct row has no example, so its whole `[example] [description]` run is the description; a run starting
 * with `-` or the type name reads as an example first (struct examples are written so; text-format.md §4).
 */
const structDescription: fc.Arbitrary<string> = pageText.filter((text) => {
  const first = text.split(' ')[0] ?? '';
  return first !== '-' && !(STRUCT_NAMES as readonly string[]).includes(first);
});

function optionalText(profile: Profile, struct = false): fc.Arbitrary<string | undefined> {
  if (profile === 'text') return struct ? structDescription : pageText;
  return fc.option(profile === 'json' ? trimmedText : hostileText, { nil: undefined, freq: 4 });
}

function leaf(ctx: FieldContext): fc.Arbitrary<FieldDraft> {
  return leafType(ctx.profile).chain(({ type, array }) =>
    fc.record({
      name: fieldName(ctx.profile),
      type: fc.constant(type),
      array: fc.constant(array),
      required: ctx.side === 'request' ? fc.boolean() : fc.constant(false),
      example:
        ctx.profile === 'text'
          ? textExample(type, array)
          : ctx.profile === 'model'
            ? fc.option(hostileText, { nil: undefined })
            : fc.constant(undefined),
      description: optionalText(ctx.profile),
      constraints: constraintsFor(ctx),
      children: fc.constant([] as Field[]),
    }),
  );
}

function constraintsFor(ctx: FieldContext): fc.Arbitrary<Constraints | undefined> {
  if (ctx.profile === 'text' && !(ctx.topLevel && ctx.side === 'request')) return fc.constant(undefined);
  return arbConstraints(ctx.profile);
}

function struct(ctx: FieldContext): fc.Arbitrary<FieldDraft> {
  const inner: FieldContext = { ...ctx, depth: ctx.depth - 1, topLevel: false };
  return fc.record({
    name: fieldName(ctx.profile),
    type: structType(ctx.profile),
    array: fc.boolean(),
    required: ctx.side === 'request' ? fc.boolean() : fc.constant(false),
    example:
      ctx.profile === 'model' ? fc.option(hostileText, { nil: undefined, freq: 4 }) : fc.constant(undefined),
    description: optionalText(ctx.profile, true),
    constraints: constraintsFor(ctx),
    children: fieldList(inner, ctx.profile === 'text' ? 1 : 0, 4),
  });
}

function field(ctx: FieldContext): fc.Arbitrary<FieldDraft> {
  if (ctx.depth <= 0) return leaf(ctx);
  // Fewer structs deeper down keeps trees small while still reaching the maximum depth now and then.
  return fc.oneof({ weight: 3, arbitrary: leaf(ctx) }, { weight: 2, arbitrary: struct(ctx) });
}

/** Sibling fields; unique names per level except in the model profile, which also tests repeated names. */
function fieldList(ctx: FieldContext, minLength: number, maxLength: number): fc.Arbitrary<Field[]> {
  const item = field(ctx).map(clean);
  if (ctx.profile === 'model') return fc.array(item, { minLength, maxLength });
  const key = ctx.profile === 'text' ? (f: Field) => looseName(f.name) : (f: Field) => f.name;
  return fc.uniqueArray(item, { minLength, maxLength, selector: key });
}

/** Drops members that are `undefined`: the model never holds them. */
function clean(draft: FieldDraft): Field {
  const out: FieldDraft = {
    name: draft.name,
    type: draft.type,
    array: draft.array,
    required: draft.required,
    children: draft.children,
  };
  if (draft.example !== undefined) out.example = draft.example;
  if (draft.description !== undefined) out.description = draft.description;
  if (draft.constraints !== undefined) out.constraints = draft.constraints;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// APIs.

const SEGMENTS = ['get', 'query', 'update', 'add', 'list', 'sync', 'item', 'user', 'order'] as const;
const HOSTILE_SEGMENTS = ['constructor', 'prototype', '__proto__', 'then', 'toString', 'default', 'class'];

function apiName(profile: Profile): fc.Arbitrary<string> {
  const prefix =
    profile === 'text'
      ? fc.constantFrom('taobao', 'alibaba', 'tmall', 'cainiao', 'alitrip')
      : fc.constantFrom('taobao', 'alibaba', 'tmall', 'cainiao', 'alitrip', 'qimen');
  const segment = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SEGMENTS) },
    { weight: 3, arbitrary: snakeName },
    { weight: 1, arbitrary: camelName },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
  );
  return fc
    .tuple(prefix, fc.array(segment, { minLength: 1, maxLength: 4 }))
    .map(([head, rest]) => [head, ...rest].join('.'));
}

export interface DocOptions {
  readonly profile: Profile;
  /** Maximum nesting below a top-level field (4–6 levels of fields in all). */
  readonly maxDepth?: number;
}

export function arbDoc(options: DocOptions): fc.Arbitrary<DocSpec> {
  const { profile } = options;
  const depth = options.maxDepth ?? 4;
  const top = (side: Side) => fieldList({ profile, side, depth, topLevel: true }, 0, 5);
  const title = profile === 'text' ? pageText : profile === 'json' ? trimmedText : hostileText;
  const description =
    profile === 'text'
      ? fc.array(pageText, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'))
      : profile === 'json'
        ? fc.oneof(fc.constant(''), trimmedText)
        : hostileText;
  return fc.record({
    api: apiName(profile),
    title,
    description,
    request: top('request'),
    response: top('response'),
  });
}

/** Several docs with distinct API names (compared ignoring case, as module file names are). */
export function arbDocs(options: DocOptions & { readonly maxDocs: number }): fc.Arbitrary<DocSpec[]> {
  return fc.uniqueArray(arbDoc(options), {
    minLength: 1,
    maxLength: options.maxDocs,
    selector: (doc) => doc.api.toLowerCase(),
  });
}

/** Every field of a doc with its dotted path (`request.a.b`), parents before children. */
export function walkFields(doc: DocSpec): { path: string; field: Field }[] {
  const out: { path: string; field: Field }[] = [];
  const walk = (fields: readonly Field[], prefix: string): void => {
    for (const f of fields) {
      const path = `${prefix}.${f.name}`;
      out.push({ path, field: f });
      walk(f.children, path);
    }
  };
  walk(doc.request, 'request');
  walk(doc.response, 'response');
  return out;
}
