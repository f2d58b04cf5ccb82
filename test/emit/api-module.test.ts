import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../src/model/types.js';
import { api, field } from './support/build.js';
import { MODULE_CONTEXT, emitModule } from '../helpers/templates.js';

const emit = (given: Api): string => emitModule(given).text;

/**
 * The spec constant `name` as the runtime decodes it, read with TypeScript's parser: its initializer must be
 * one call of apiSpecFromJson with one string literal, whatever the wire names hold.
 */
function specOf(text: string, name: string): unknown {
  const file = ts.createSourceFile('module.ts', text, ts.ScriptTarget.Latest);
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const [decl] = statement.declarationList.declarations;
    if (decl === undefined || !ts.isIdentifier(decl.name) || decl.name.text !== name) continue;
    const call = decl.initializer;
    if (
      call === undefined ||
      !ts.isCallExpression(call) ||
      call.expression.getText(file) !== 'apiSpecFromJson'
    )
      throw new Error(`${name} is not an apiSpecFromJson call`);
    const [literal, ...rest] = call.arguments;
    if (literal === undefined || rest.length > 0 || !ts.isStringLiteral(literal))
      throw new Error(`${name} does not decode one string literal`);
    return JSON.parse(literal.text);
  }
  throw new Error(`no spec ${name}`);
}

/** The declaration starting at `start` up to its closing line (`}` or `};`). */
function declaration(text: string, start: string): string {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`not found: ${start}`);
  const end = text.indexOf('\n', text.indexOf('\n}', from) + 1);
  return text.slice(from, end);
}

describe('request side', () => {
  const given = api('taobao.item.add', {
    title: '添加商品',
    description: '添加一个商品',
    request: [
      field('num_iid', 'Number', {
        required: true,
        description: '商品ID',
        example: '520',
        constraints: { minValue: 1 },
      }),
      field('title', 'String', { constraints: { maxLength: 60, default: '无' } }),
      field('tags', 'String', { array: true, constraints: { maxListSize: 5 } }),
      field('when', 'Date'),
      field('price', 'Price'),
      field('extra', 'Json'),
      field('image', 'byte', { array: true }),
      field('fields', 'Field List'),
      field('props', 'Map'),
      field('odd', 'Some Type'),
      field('flag', 'Boolean'),
      field('level', 'byte'),
      field('skus', 'Sku', { array: true, children: [field('sku_id', 'Number', { required: true })] }),
    ],
  });
  const text = emit(given);

  it('types every kind as request input, readonly, required as documented', () => {
    expect(declaration(text, 'export interface ItemAddRequestInit').replace(/^\s*\/?\*.*\n/gm, '')).toBe(
      [
        'export interface ItemAddRequestInit {',
        '  readonly num_iid: TopNumberInput;',
        '  readonly title?: string | undefined;',
        '  readonly tags?: readonly string[] | undefined;',
        '  readonly when?: Date | string | undefined;',
        '  readonly price?: string | number | undefined;',
        '  readonly extra?: string | JsonValue | undefined;',
        '  readonly image?: TopFile | undefined;',
        '  readonly fields?: string | readonly string[] | undefined;',
        '  readonly props?: Readonly<Record<string, JsonValue>> | undefined;',
        '  readonly odd?: unknown | undefined;',
        '  readonly flag?: boolean | undefined;',
        '  readonly level?: TopNumberInput | undefined;',
        '  readonly skus?: readonly Sku[] | undefined;',
        '}',
      ].join('\n'),
    );
  });

  it('documents each param with its doc text, type, constraints and example', () => {
    expect(text).toContain(
      [
        '  /**',
        '   * 商品ID',
        '   *',
        '   * Doc type: Number.',
        '   *',
        '   * @minValue 1',
        '   * @example 520',
        '   */',
        '  readonly num_iid: TopNumberInput;',
      ].join('\n'),
    );
    expect(text).toContain(
      '   * @maxLength 60\n   * @defaultValue 无\n   */\n  readonly title?: string | undefined;',
    );
  });

  it('gives the doc type only where the TypeScript type does not read as it', () => {
    // String is `string` and Sku keeps its name: no `Doc type` line; Number is TopNumberInput: one.
    expect(text).not.toContain('Doc type: String');
    expect(text).not.toContain('Doc type: Sku');
    expect(text).toContain('   * Doc type: Number.\n   *\n   * @minValue 1');
    expect(text).not.toContain(', required.');
  });

  it('emits the request class over the spec, with a required init when a param is required', () => {
    expect(declaration(text, 'export class ItemAddRequest')).toBe(
      [
        'export class ItemAddRequest extends TopRequestBase<ItemAddRequestInit, ItemAddResponse> {',
        '  override get [API_SPEC](): ApiSpec {',
        '    return itemAddSpec;',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(text).toContain(
      '/**\n * 添加商品 (taobao.item.add)\n *\n * 添加一个商品\n */\nexport class ItemAddRequest',
    );
    expect(text).toContain('export interface ItemAddRequest extends ItemAddRequestInit {}');
  });

  it('emits the spec with kinds, flags and constraints', () => {
    expect(specOf(text, 'itemAddSpec')).toEqual({
      method: 'taobao.item.add',
      responseKey: 'item_add_response',
      access: 'write',
      params: [
        { name: 'num_iid', kind: 'number', required: true, minValue: 1 },
        { name: 'title', kind: 'string', maxLength: 60 },
        { name: 'tags', kind: 'string', array: true, maxListSize: 5 },
        { name: 'when', kind: 'date' },
        { name: 'price', kind: 'price' },
        { name: 'extra', kind: 'json' },
        { name: 'image', kind: 'file' },
        { name: 'fields', kind: 'fieldList' },
        { name: 'props', kind: 'map' },
        { name: 'odd', kind: 'unknown' },
        { name: 'flag', kind: 'boolean' },
        { name: 'level', kind: 'number' },
        {
          name: 'skus',
          kind: 'struct',
          array: true,
          children: [{ name: 'sku_id', kind: 'number', required: true }],
        },
      ],
    });
  });

  it('imports exactly the runtime names it uses', () => {
    expect(text.split('\n').slice(0, 4)).toEqual([
      '// Generated by topgen from taobao.item.add.txt. Do not edit.',
      '// @ts-nocheck (generated code: `topgen check --typecheck` checks it)',
      "import { API_SPEC, type ApiSpec, type JsonValue, type TopFile, type TopNumberInput, apiSpecFromJson } from '../runtime/index.js';",
      "import { TopRequestBase } from '../request-base.js';",
    ]);
  });
});

describe('APIs without required or without any params', () => {
  it('makes the init optional when every param is optional', () => {
    const text = emit(api('a.b', { request: [field('x', 'String')] }));
    expect(text).toContain('  constructor(init: ABRequestInit = {}) {');
  });

  it('rejects every key when there is no param at all', () => {
    const text = emit(api('a.b'));
    expect(declaration(text, 'export interface ABRequestInit')).toBe(
      'export interface ABRequestInit {\n  readonly [key: string]: never;\n}',
    );
    expect(text).not.toContain('export interface ABRequest extends');
    expect(specOf(text, 'aBSpec')).toMatchObject({ params: [] });
  });
});

describe('response side', () => {
  it('makes every field optional and mutable, adds request_id, and names structs separately from the request', () => {
    const text = emit(
      api('a.b', {
        request: [field('result', 'Result', { children: [field('x', 'String', { required: true })] })],
        response: [
          field('result', 'Result', { children: [field('x', 'String')] }),
          field('total', 'Number'),
          field('tid', 'Number'),
          field('data', 'Number', { description: '商品id', array: true }),
          field('when', 'Date'),
          field('items', 'Item', { array: true, children: [field('price', 'Price')] }),
          field('props', 'Map'),
          field('names', 'Field List'),
          field('file', 'byte', { array: true }),
        ],
      }),
    );
    const strip = (s: string): string => s.replace(/^\s*\/?\*.*\n/gm, '');
    expect(strip(declaration(text, 'export interface ABResponse'))).toBe(
      [
        'export interface ABResponse {',
        '  result?: ResponseResult;',
        '  total?: number;',
        '  tid?: Int64String;',
        '  data?: Int64String[];',
        '  when?: string;',
        '  items?: Item[];',
        '  props?: Record<string, unknown>;',
        '  names?: string;',
        '  file?: string;',
        '  request_id?: string;',
        '}',
      ].join('\n'),
    );
    expect(strip(declaration(text, 'export interface Result '))).toBe(
      'export interface Result {\n  readonly x: string;\n}',
    );
    expect(strip(declaration(text, 'export interface ResponseResult '))).toBe(
      'export interface ResponseResult {\n  x?: string;\n}',
    );
  });

  it('keeps a documented request_id instead of adding a second one', () => {
    const text = emit(api('a.b', { response: [field('request_id', 'String', { description: 'doc id' })] }));
    expect(text.match(/request_id\?/g)).toHaveLength(1);
  });

  it('keeps the first of repeated wire names and says so', () => {
    const text = emit(api('a.b', { response: [field('x', 'String'), field('x', 'Number')] }));
    expect(text).toContain(
      ' * The doc lists x more than once; the first definition is used.\n */\nexport interface ABResponse',
    );
    expect(text).toContain('  x?: string;');
    expect(text).not.toContain('  x?: number;');
  });
});

describe('response lists and Numbers in the spec', () => {
  it('describes the lists, the Numbers and the structs that lead to them, nothing else, in document order', () => {
    const text = emit(
      api('taobao.trades.sold.get', {
        response: [
          field('total_results', 'Number'),
          field('trades', 'Trade', {
            array: true,
            children: [
              field('tid', 'Number'),
              field('orders', 'Order', { array: true, children: [field('oid', 'Number')] }),
              field('buyer', 'Buyer', {
                children: [field('nick', 'String'), field('tags', 'String', { array: true })],
              }),
              field('seller', 'Seller', { children: [field('nick', 'String')] }),
            ],
          }),
          field('topics', 'String', { array: true }),
          field('image', 'byte', { array: true }),
          field('fields', 'Field List', { array: true }),
          field('has_next', 'Boolean'),
        ],
      }),
    );
    expect(specOf(text, 'tradesSoldGetSpec')).toEqual({
      method: 'taobao.trades.sold.get',
      responseKey: 'trades_sold_get_response',
      access: 'read',
      params: [],
      response: [
        { name: 'total_results', number: 'number' },
        {
          name: 'trades',
          array: true,
          children: [
            { name: 'tid', number: 'string' },
            { name: 'orders', array: true, children: [{ name: 'oid', number: 'string' }] },
            { name: 'buyer', children: [{ name: 'tags', array: true }] },
          ],
        },
        { name: 'topics', array: true },
      ],
    });
  });

  it('delivers ids as bigints when asked to, and follows per-field overrides', () => {
    const given = api('a.b', {
      response: [field('tid', 'Number'), field('count', 'Number'), field('level', 'byte')],
    });
    const numbers = {
      int64: 'bigint' as const,
      fields: { 'a.b': { tid: 'number' as const, count: 'id' as const } },
    };
    const text = emitModule(given, { ...MODULE_CONTEXT, numbers }).text;
    expect(text).toContain('  tid?: number;');
    expect(text).toContain('  count?: bigint;');
    expect(text).toContain('  level?: number;');
    expect((specOf(text, 'aBSpec') as { response: unknown[] }).response).toContainEqual({
      name: 'count',
      number: 'bigint',
    });
  });

  it('leaves the description out when the response has no list and no Number', () => {
    const text = emit(
      api('a.b', {
        response: [field('r', 'R', { children: [field('x', 'String')] }), field('n', 'Boolean')],
      }),
    );
    expect(specOf(text, 'aBSpec')).not.toHaveProperty('response');
  });

  it('keeps hostile wire names inside string literals', () => {
    const text = emit(api('a.b', { response: [field("x'}];\nevil()", 'String', { array: true })] }));
    expect(specOf(text, 'aBSpec')).toMatchObject({ response: [{ name: "x'}];\nevil()", array: true }] });
    expect(text).not.toMatch(/^evil/m);
  });
});

describe('hostile names', () => {
  const text = emit(
    api('a.b', {
      request: [
        field('constructor', 'String'),
        field('toString', 'Number', { required: true }),
        field('__response', 'String'),
      ],
    }),
  );

  it('accepts the inherited Object member where a param shares its name', () => {
    expect(text).toContain("  readonly 'constructor'?: string | Object['constructor'] | undefined;");
    expect(text).toContain("  readonly toString: TopNumberInput | Object['toString'];");
  });

  it('leaves a `__response` param off the instance type, where the phantom response member lives', () => {
    expect(text).toContain("export interface ABRequest extends Omit<ABRequestInit, '__response'> {}");
  });
});
