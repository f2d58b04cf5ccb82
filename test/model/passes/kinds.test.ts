import { describe, expect, it } from 'vitest';
import { resolveFieldKinds, resolveKinds } from '../../../src/model/passes/kinds.js';
import type { DocApi, DocField, TypeKind } from '../../../src/model/types.js';

const doc = (name: string, type: string, extra: Partial<DocField> = {}): DocField => ({
  name,
  type,
  array: false,
  required: false,
  children: [],
  ...extra,
});

describe('the kinds pass', () => {
  it.each<[string, Partial<DocField>, TypeKind]>([
    ['String', {}, 'string'],
    ['Number', {}, 'number'],
    ['Boolean', {}, 'boolean'],
    ['Date', {}, 'date'],
    ['Price', {}, 'price'],
    ['BigDecimal', {}, 'price'],
    ['Json', {}, 'json'],
    ['Field List', {}, 'fieldList'],
    ['Map', {}, 'map'],
    ['byte', {}, 'number'],
    ['byte', { array: true }, 'file'],
    ['UserRegisterVo', {}, 'struct'],
    ['struct vo', { children: [doc('a', 'String')] }, 'struct'],
    ['long', {}, 'unknown'],
  ])('resolves %s %j as %s', (type, extra, kind) => {
    expect(resolveFieldKinds(doc('f', type, extra)).kind).toBe(kind);
  });

  it('resolves every nested field and keeps every other key as the doc said it, kind next to type', () => {
    // Required<DocField>: a key added to DocField fails to compile here until this test covers it.
    const given: Required<DocField> = {
      name: 'param0',
      type: 'Param',
      array: false,
      required: true,
      example: 'x',
      description: 'd',
      constraints: { maxLength: 4, default: 'a' },
      children: [doc('codes', 'Number', { array: true, example: '1,2', constraints: { maxListSize: 3 } })],
      deprecated: true,
    };
    const resolved = resolveFieldKinds(given);
    expect(resolved).toEqual({
      ...given,
      kind: 'struct',
      children: [{ ...given.children[0], kind: 'number' }],
    });
    const keys = [
      'name',
      'type',
      'kind',
      'array',
      'required',
      'example',
      'description',
      'constraints',
      'children',
      'deprecated',
    ];
    expect(Object.keys(resolved)).toEqual(keys);
    // Every field has every key (one object shape); JSON shows only the keys with a value.
    const child = resolved.children[0];
    expect(Object.keys(child ?? {})).toEqual(keys);
    expect(Object.keys(JSON.parse(JSON.stringify(child)) as object)).toEqual([
      'name',
      'type',
      'kind',
      'array',
      'required',
      'example',
      'constraints',
      'children',
    ]);
  });

  it('resolves a saved model again instead of trusting the kind it carries', () => {
    const saved = { ...doc('n', 'Number'), kind: 'string' } as DocField;
    expect(resolveFieldKinds(saved).kind).toBe('number');
  });

  it('covers both sides of an API and changes nothing in its input', () => {
    const api: DocApi = Object.freeze<DocApi>({
      api: 'a.b',
      title: 't',
      description: '',
      request: Object.freeze([Object.freeze(doc('q', 'String'))]),
      response: Object.freeze([Object.freeze(doc('file', 'byte', { array: true }))]),
      source: { file: 'a.txt', format: 'text' },
      diagnostics: [],
    });
    const resolved = resolveKinds(api);
    expect(resolved.request.map((f) => f.kind)).toEqual(['string']);
    expect(resolved.response.map((f) => f.kind)).toEqual(['file']);
    expect(api.request[0]).not.toHaveProperty('kind');
    expect({ ...resolved, request: api.request, response: api.response }).toEqual(api);
  });
});
