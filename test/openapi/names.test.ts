import { describe, expect, it } from 'vitest';
import {
  apiPascal,
  ComponentRegistry,
  operationIdOf,
  pathKeyOf,
  structPart,
} from '../../src/openapi/names.js';

describe('apiPascal', () => {
  it.each([
    [
      'alibaba.damai.maizuo.openapi.user.register.byauthcode',
      'AlibabaDamaiMaizuoOpenapiUserRegisterByauthcode',
    ],
    ['taobao.user.seller.get', 'TaobaoUserSellerGet'],
    ['a.b_c', 'ABC'],
    ['x.getItem', 'XGetItem'],
    ['../{evil}?q#f', 'EvilQF'],
    ['中文.接口', 'Api'],
    ['', 'Api'],
  ])('%j → %s', (name, want) => {
    expect(apiPascal(name)).toBe(want);
  });
});

describe('structPart', () => {
  it.each([
    ['UserRegisterVo', 'UserRegisterVo'],
    ['Foo$Bar', 'Foo_Bar'],
    ['*/ evil', '___evil'],
    ['*/', 'Struct'],
    ['a.b/c', 'a_b_c'],
    ['结果', 'Struct'],
  ])('%j → %s', (name, want) => {
    expect(structPart(name)).toBe(want);
  });
});

describe('pathKeyOf', () => {
  it.each([
    ['taobao.user.seller.get', '/taobao.user.seller.get'],
    ['a/{b}?c#d', '/a%2F%7Bb%7D%3Fc%23d'],
    ['a b~', '/a%20b%7E'],
    ['接口', '/%E6%8E%A5%E5%8F%A3'],
    ['', '/'],
  ])('%j → %s', (name, want) => {
    expect(pathKeyOf(name)).toBe(want);
  });
});

describe('operationIdOf', () => {
  it('lower-cases the first letter only', () => {
    expect(operationIdOf('TaobaoUserSellerGet')).toBe('taobaoUserSellerGet');
  });
});

describe('ComponentRegistry', () => {
  it('gives each API a prefix of its own, numbering Pascal-form clashes in call order', () => {
    const registry = new ComponentRegistry();
    expect(registry.prefixFor('a.b.c')).toBe('ABC');
    expect(registry.prefixFor('a.b_c')).toBe('ABC_2');
    expect(registry.prefixFor('a_b.c')).toBe('ABC_3');
  });

  it('keeps per-API keys off fixed names', () => {
    const registry = new ComponentRegistry();
    registry.define('TopErrorResponse', { type: 'object' });
    expect(registry.prefixFor('top.error')).toBe('TopError_2');
  });

  it('shares a struct key for one shape and numbers different shapes', () => {
    const registry = new ComponentRegistry();
    expect(registry.struct('P', 'Result', { type: 'object', title: 'a' })).toBe('P.Result');
    expect(registry.struct('P', 'Result', { type: 'object', title: 'a' })).toBe('P.Result');
    expect(registry.struct('P', 'Result', { type: 'object', title: 'b' })).toBe('P.Result_2');
    expect(registry.struct('P', 'Result_2', { type: 'object', title: 'c' })).toBe('P.Result_2_2');
    expect(registry.struct('Q', 'Result', { type: 'object', title: 'b' })).toBe('Q.Result');
  });

  it('lists components sorted by key', () => {
    const registry = new ComponentRegistry();
    registry.define('b', {});
    registry.define('B', {});
    registry.define('a.x', {});
    expect(Object.keys(registry.toObject())).toEqual(['B', 'a.x', 'b']);
  });

  it('refuses to define a fixed name twice', () => {
    const registry = new ComponentRegistry();
    registry.define('X', {});
    expect(() => registry.define('X', {})).toThrow('component schema X is defined twice');
  });
});
