// APIs built to break a careless emitter: names that are keywords, globals or not identifiers at all, doc text
// that tries to leave comments and strings, colliding struct and API names.
import type { Api } from '../../../src/model/types.js';
import { api, field } from './build.js';

/** Doc text with every escape hazard in one string. */
export const NASTY_TEXT =
  'ends */ here /* and `tick` ${x} \'single\' "double" back\\slash\r\nCRLF\u2028LS\u2029PS \u202Eevil\u202C ' +
  '\u200Frtl \u0000nul \u0007bel \uFEFFbom 😀 emoji \uD800 lone\n@deprecated injected\n{@link javascript:alert(1)}';

const nasty = { description: NASTY_TEXT, example: NASTY_TEXT };

const result = (fields: ReturnType<typeof field>[]): ReturnType<typeof field> =>
  field('result', 'Result', { children: fields });

export function hostileApis(): Api[] {
  return [
    api('1688.hostile.keys', {
      title: `Title ${NASTY_TEXT}`,
      description: NASTY_TEXT,
      source: { file: 'docs/evil */ name\n// injected.txt', format: 'text' },
      request: [
        field('class', 'String', { required: true, ...nasty }),
        field('1st_value', 'Number', {
          example: '12345678901234567890',
          constraints: { minValue: 0, maxValue: 9 },
        }),
        field('a-b', 'Boolean', { example: 'true' }),
        field('__proto__', 'String'),
        field('constructor', 'String'),
        field('default', 'String', { constraints: { default: NASTY_TEXT, maxLength: 10 } }),
        field('then', 'String'),
        field('名字', 'String', { example: '张三' }),
        field('__response', 'String'),
        field('toString', 'String'),
        field('*/', 'String'),
        field("it's", 'String'),
        field('class', 'Number', { description: 'repeated wire name: the first definition wins' }),
      ],
      response: [
        field('class', 'String', nasty),
        field('__proto__', 'Number'),
        field('request_id', 'String'),
      ],
    }),
    api('alibaba.hostile.structs', {
      request: [
        field('promise', 'Promise', { children: [field('a', 'String')] }),
        field('fn', 'Function', { children: [field('b', 'String')] }),
        field('str', 'String', { children: [field('ignored', 'String')] }),
        field('obj', 'Object', { children: [field('c', 'Number', { required: true })] }),
        field('arr', 'Array', { array: true, children: [field('d', 'Date')] }),
        field('rec', 'Record', { children: [field('e', 'Map')] }),
        field('err', 'Error', { children: [field('f', 'Json')] }),
        field('sym', 'Symbol', { children: [field('g', 'Price')] }),
        field('spec', 'ApiSpec', { children: [field('h', 'Field List')] }),
        field('num', 'TopNumber', { children: [field('i', 'byte')] }),
        field('base', 'TopRequestBase', { children: [field('j', 'byte', { array: true })] }),
        field('own', 'AlibabaHostileStructsRequest', { children: [field('k', 'String')] }),
        field('generic', 'List<Foo>', { children: [field('l', 'String')] }),
        field('chinese', '结果', { children: [field('m', 'String')] }),
        field('keyword', 'class', { children: [field('n', 'String')] }),
        field('digit', '1Foo', { children: [field('o', 'String')] }),
        field('empty', 'EmptyStruct'),
        field('odd', 'Some Odd Type'),
      ],
      response: [
        result([field('x', 'String'), field('data', 'Data', { children: [result([field('y', 'Number')])] })]),
        field('other', 'Result', { array: true, children: [field('x', 'String')] }),
        field('again', 'Data', { children: [field('z', 'Boolean')] }),
        field('empty', 'EmptyStruct'),
        field('map', 'Map'),
        field('numbers', 'Number', { array: true }),
        field('dates', 'Date', { array: true }),
        field('file', 'byte', { array: true }),
        field('names', 'Field List'),
        field('odd', 'Some Odd Type', { array: true }),
      ],
    }),
    api('alibaba.hostile.sides', {
      request: [
        field('result', 'Result', { required: true, children: [field('x', 'String', { required: true })] }),
        field('lists', 'String', { array: true, constraints: { maxListSize: 20 } }),
        field('ids', 'Number', { array: true }),
        field('when', 'Date', { array: true }),
        field('upload', 'byte', { array: true }),
        field('fields', 'Field List', { array: true }),
        field('items', 'Item', {
          array: true,
          required: true,
          children: [field('sku', 'Number', { required: true })],
        }),
      ],
      response: [result([field('x', 'String')])],
    }),
    api('alibaba.hostile.empty'),
    api('qimen.tmall.car.leads.synchronize', { request: [field('a', 'String')] }),
    api('tmall.car.leads.synchronize', { request: [field('b', 'String', { required: true })] }),
    api('taobao.tmall.car.leads.synchronize'),
    api('slb.aliyuncs.com.SetLoadBalancerName.2013-02-21', {
      request: [field('LoadBalancerName', 'String')],
    }),
    api('to.string'),
    api('execute'),
    api('a.b-c'),
    api('a.b.c'),
  ];
}
