import { describe, expect, it } from 'vitest';
import { camelCase, isIdentifier, pascalCase, typeNameFromDoc } from '../../src/naming/identifiers.js';

describe('identifiers', () => {
  it.each([
    ['Result', true],
    ['_x', true],
    ['$x', true],
    ['class', false],
    ['await', false],
    ['unknown', false],
    ['1a', false],
    ['名字', false],
    ['a-b', false],
  ])('isIdentifier(%s) = %s', (given, want) => {
    expect(isIdentifier(given)).toBe(want);
  });

  it.each([
    ['alibaba.damai.maizuo', 'AlibabaDamaiMaizuo', 'alibabaDamaiMaizuo'],
    [
      'slb.aliyuncs.com.SetLoadBalancerName.2013-02-21',
      'SlbAliyuncsComSetLoadBalancerName20130221',
      'slbAliyuncsComSetLoadBalancerName20130221',
    ],
    ['user_register_vo', 'UserRegisterVo', 'userRegisterVo'],
    ['结果', '', ''],
  ])('cases of %s', (given, pascal, camel) => {
    expect(pascalCase(given)).toBe(pascal);
    expect(camelCase(given)).toBe(camel);
  });

  it.each([
    ['UserRegisterVo', 'UserRegisterVo'],
    ['Foo_Bar', 'Foo_Bar'],
    ['List<Foo>', 'ListFoo'],
    ['class', 'Class'],
    ['1Foo', 'T1Foo'],
    ['结果', ''],
    ['Some Odd Type', 'SomeOddType'],
  ])('typeNameFromDoc(%s) = %s', (given, want) => {
    expect(typeNameFromDoc(given)).toBe(want);
  });
});
