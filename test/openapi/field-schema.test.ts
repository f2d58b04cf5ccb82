import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/model/types.js';
import { formParamSchema, jsonFieldSchema, type SchemaScope } from '../../src/openapi/field-schema.js';
import { ComponentRegistry } from '../../src/openapi/names.js';
import type { SchemaObject } from '../../src/openapi/types.js';
import { field } from '../diff/builders.js';

const DATE = '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$';
const DECIMAL = '^-?\\d+(\\.\\d+)?$';

function scope(): SchemaScope {
  return { components: new ComponentRegistry(), prefix: 'TaobaoX' };
}

describe('jsonFieldSchema: the type map', () => {
  const cases: [string, Field, 'request' | 'response', SchemaObject][] = [
    ['String', field('s', 'String'), 'response', { type: 'string', 'x-top-type': 'String' }],
    [
      'Number is int64',
      field('n', 'Number'),
      'response',
      { type: 'integer', format: 'int64', 'x-top-type': 'Number' },
    ],
    [
      'Number with a decimal example is number',
      field('n', 'Number', { example: '12.50' }),
      'response',
      { type: 'number', examples: [12.5], 'x-top-type': 'Number' },
    ],
    [
      'Number with a fractional range is number',
      field('n', 'Number', { constraints: { minValue: 0.5 } }),
      'request',
      { type: 'number', minimum: 0.5, 'x-top-type': 'Number' },
    ],
    [
      'byte is int32',
      field('b', 'byte'),
      'response',
      { type: 'integer', format: 'int32', 'x-top-type': 'byte' },
    ],
    ['Boolean', field('b', 'Boolean'), 'response', { type: 'boolean', 'x-top-type': 'Boolean' }],
    [
      'Date in a request has the wire pattern',
      field('d', 'Date'),
      'request',
      { type: 'string', pattern: DATE, 'x-top-type': 'Date' },
    ],
    ['Date in a response does not', field('d', 'Date'), 'response', { type: 'string', 'x-top-type': 'Date' }],
    ['Price', field('p', 'Price'), 'response', { type: 'string', pattern: DECIMAL, 'x-top-type': 'Price' }],
    [
      'BigDecimal',
      field('p', 'BigDecimal'),
      'response',
      { type: 'string', pattern: DECIMAL, 'x-top-type': 'BigDecimal' },
    ],
    [
      'Json',
      field('j', 'Json'),
      'response',
      { type: 'string', contentMediaType: 'application/json', 'x-top-type': 'Json' },
    ],
    [
      'byte[] inside JSON',
      field('f', 'byte', { array: true }),
      'response',
      { type: 'string', 'x-top-type': 'byte[]' },
    ],
    ['Field List', field('f', 'Field List'), 'request', { type: 'string', 'x-top-type': 'Field List' }],
    ['Map', field('m', 'Map'), 'response', { type: 'object', 'x-top-type': 'Map' }],
    [
      'unknown type',
      field('u', 'weird type', { description: '说明' }),
      'response',
      { description: '说明\n\nUnrecognised doc type "weird type": any value.', 'x-top-type': 'weird type' },
    ],
    [
      'String[] with limits',
      field('l', 'String', { array: true, constraints: { maxLength: 8, maxListSize: 20 } }),
      'request',
      { type: 'array', items: { type: 'string', maxLength: 8 }, maxItems: 20, 'x-top-type': 'String[]' },
    ],
    [
      'Number bounds',
      field('n', 'Number', { constraints: { minValue: 1, maxValue: 100 } }),
      'request',
      { type: 'integer', format: 'int64', minimum: 1, maximum: 100, 'x-top-type': 'Number' },
    ],
    [
      'a limit that does not fit the type is kept as x-top-*',
      field('n', 'Number', { constraints: { maxLength: 19, maxListSize: 3 } }),
      'request',
      {
        type: 'integer',
        format: 'int64',
        'x-top-maxLength': 19,
        'x-top-maxListSize': 3,
        'x-top-type': 'Number',
      },
    ],
    [
      'examples and defaults are typed when they fit',
      field('n', 'Number', { example: '42', constraints: { default: '10' } }),
      'request',
      { type: 'integer', format: 'int64', default: 10, examples: [42], 'x-top-type': 'Number' },
    ],
    [
      'and kept verbatim when they do not',
      field('n', 'Number', { example: '约 42', constraints: { default: '99999999999999999999' } }),
      'request',
      {
        type: 'integer',
        format: 'int64',
        'x-top-default': '99999999999999999999',
        'x-top-example': '约 42',
        'x-top-type': 'Number',
      },
    ],
    [
      'a list example is split at commas',
      field('ids', 'Number', { array: true, example: '1,2, 3' }),
      'request',
      {
        type: 'array',
        items: { type: 'integer', format: 'int64' },
        examples: [[1, 2, 3]],
        'x-top-type': 'Number[]',
      },
    ],
    [
      'a Date example that is not the wire format stays verbatim',
      field('d', 'Date', { example: '1628049599000' }),
      'request',
      { type: 'string', pattern: DATE, 'x-top-example': '1628049599000', 'x-top-type': 'Date' },
    ],
    [
      'Boolean default',
      field('b', 'Boolean', { constraints: { default: 'false' }, description: '开关' }),
      'request',
      { type: 'boolean', description: '开关', default: false, 'x-top-type': 'Boolean' },
    ],
  ];

  it.each(cases)('%s', (_name, given, side, want) => {
    expect(jsonFieldSchema(given, side, scope())).toEqual(want);
  });
});

describe('structs', () => {
  const item = field('item', 'Item', {
    description: '商品',
    children: [field('num_iid', 'Number', { required: true }), field('title', 'String')],
  });

  it('become components referenced by $ref, with required members on the request side only', () => {
    const s = scope();
    expect(jsonFieldSchema(item, 'request', s)).toEqual({
      $ref: '#/components/schemas/TaobaoX.Item',
      description: '商品',
      'x-top-type': 'Item',
    });
    expect(jsonFieldSchema(item, 'response', s)).toEqual({
      $ref: '#/components/schemas/TaobaoX.Item_2',
      description: '商品',
      'x-top-type': 'Item',
    });
    const schemas = s.components.toObject();
    expect(schemas['TaobaoX.Item']).toEqual({
      type: 'object',
      title: 'Item',
      properties: {
        num_iid: { type: 'integer', format: 'int64', 'x-top-type': 'Number' },
        title: { type: 'string', 'x-top-type': 'String' },
      },
      required: ['num_iid'],
    });
    expect(schemas['TaobaoX.Item_2']).not.toHaveProperty('required');
  });

  it('share one component when the same name has the same shape', () => {
    const s = scope();
    const a = jsonFieldSchema(item, 'response', s);
    const b = jsonFieldSchema({ ...item, name: 'other' }, 'response', s);
    expect(a.$ref).toBe(b.$ref);
    expect(Object.keys(s.components.toObject())).toEqual(['TaobaoX.Item']);
  });

  it('are registered children first, and lists of structs are arrays of $ref', () => {
    const s = scope();
    const outer = field('orders', 'Order', {
      array: true,
      constraints: { maxListSize: 50 },
      children: [field('lines', 'Line', { array: true, children: [field('sku', 'String')] })],
    });
    expect(jsonFieldSchema(outer, 'response', s)).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/TaobaoX.Order' },
      maxItems: 50,
      'x-top-type': 'Order[]',
    });
    expect(s.components.toObject()['TaobaoX.Order']?.properties?.['lines']).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/TaobaoX.Line' },
      'x-top-type': 'Line[]',
    });
  });

  it('list a repeated member name instead of dropping it silently', () => {
    const s = scope();
    jsonFieldSchema(
      field('r', 'R', { children: [field('a', 'String'), field('a', 'Number')] }),
      'response',
      s,
    );
    expect(s.components.toObject()['TaobaoX.R']).toEqual({
      type: 'object',
      title: 'R',
      properties: { a: { type: 'string', 'x-top-type': 'String' } },
      'x-top-duplicate-fields': ['a'],
    });
  });
});

describe('formParamSchema: top-level request parameters', () => {
  it('sends a struct as JSON text described by contentSchema', () => {
    const s = scope();
    const param = field('param0', 'P', {
      required: true,
      children: [field('code', 'String', { required: true })],
    });
    expect(formParamSchema(param, s)).toEqual({
      schema: {
        type: 'string',
        contentMediaType: 'application/json',
        contentSchema: { $ref: '#/components/schemas/TaobaoX.P' },
        'x-top-type': 'P',
      },
      encoding: { contentType: 'application/json' },
    });
  });

  it('sends a list of structs as one JSON array', () => {
    const param = field('items', 'It', {
      array: true,
      constraints: { maxListSize: 5 },
      children: [field('a', 'String')],
    });
    expect(formParamSchema(param, scope()).schema).toEqual({
      type: 'string',
      contentMediaType: 'application/json',
      contentSchema: { type: 'array', items: { $ref: '#/components/schemas/TaobaoX.It' }, maxItems: 5 },
      'x-top-type': 'It[]',
    });
  });

  it('sends a Map as JSON text of an object', () => {
    expect(formParamSchema(field('m', 'Map'), scope()).schema).toEqual({
      type: 'string',
      contentMediaType: 'application/json',
      contentSchema: { type: 'object' },
      'x-top-type': 'Map',
    });
  });

  it('sends byte[] as a binary part', () => {
    expect(formParamSchema(field('image', 'byte', { array: true }), scope())).toEqual({
      schema: {
        type: 'string',
        format: 'binary',
        contentMediaType: 'application/octet-stream',
        'x-top-type': 'byte[]',
      },
      encoding: { contentType: 'application/octet-stream' },
    });
  });

  it('comma-joins lists of primitives (form style, not exploded)', () => {
    expect(formParamSchema(field('ids', 'Number', { array: true }), scope())).toEqual({
      schema: { type: 'array', items: { type: 'integer', format: 'int64' }, 'x-top-type': 'Number[]' },
      encoding: { style: 'form', explode: false },
    });
  });

  it('leaves single primitives to the default encoding', () => {
    expect(formParamSchema(field('d', 'Date'), scope())).toEqual({
      schema: { type: 'string', pattern: DATE, 'x-top-type': 'Date' },
    });
  });
});
