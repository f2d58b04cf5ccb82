/** One diff that exercises every output section: APIs added and removed, breaking and compatible changes. */
import { diffApis, type ApiDiff } from '../../src/diff/index.js';
import { api, field } from './builders.js';

export function sampleDiff(): ApiDiff {
  const before = [
    api('taobao.item.get', {
      title: '商品详情',
      request: [
        field('num_iid', 'Number', { required: true }),
        field('fields', 'Field List'),
        field('page_size', 'Number', { constraints: { maxValue: 40 } }),
      ],
      response: [field('item', 'Item', { children: [field('title', 'String'), field('price', 'Price')] })],
    }),
    api('taobao.old.remove', { title: '旧接口' }),
  ];
  const after = [
    api('taobao.item.get', {
      title: '商品详情',
      request: [
        field('num_iid', 'String', { required: true }),
        field('fields', 'Field List', { constraints: { maxLength: 200 } }),
        field('page_size', 'Number', { constraints: { maxValue: 100 } }),
        field('lang', 'String'),
      ],
      response: [field('item', 'Item', { children: [field('title', 'String'), field('sku_id', 'Number')] })],
    }),
    api('alibaba.new.add', { title: '新接口' }),
  ];
  return diffApis(before, after);
}
