import type { ApiSpec } from '../../src/runtime/spec.js';

/** One spec with every kind, arrays, nesting and constraints. */
export const KITCHEN_SINK: ApiSpec = {
  method: 'alitrip.merchant.galaxy.member.login.derby',
  responseKey: 'alitrip_merchant_galaxy_member_login_derby_response',
  params: [
    { name: 'title', kind: 'string', maxLength: 10 },
    { name: 'num_iid', kind: 'number', minValue: 1, maxValue: 9007199254740991 },
    { name: 'flag', kind: 'boolean' },
    { name: 'start', kind: 'date' },
    { name: 'price', kind: 'price', minValue: 0 },
    { name: 'extra', kind: 'json' },
    { name: 'image', kind: 'file' },
    { name: 'fields', kind: 'fieldList', maxListSize: 3 },
    { name: 'attrs', kind: 'map' },
    { name: 'ids', kind: 'number', array: true, maxListSize: 3 },
    { name: 'tags', kind: 'string', array: true, maxLength: 4 },
    { name: 'days', kind: 'date', array: true },
    {
      name: 'param0',
      kind: 'struct',
      children: [
        { name: 'ptnr_token', kind: 'string', required: true, maxLength: 8 },
        { name: 'code_type', kind: 'number', minValue: 0, maxValue: 3 },
        { name: 'when', kind: 'date' },
        { name: 'labels', kind: 'string', array: true },
        { name: 'cols', kind: 'fieldList' },
        {
          name: 'items',
          kind: 'struct',
          array: true,
          maxListSize: 2,
          children: [
            { name: 'sku_id', kind: 'number', required: true },
            { name: 'meta', kind: 'json' },
          ],
        },
      ],
    },
    {
      name: 'rooms',
      kind: 'struct',
      array: true,
      children: [{ name: 'room_id', kind: 'number', required: true }],
    },
    { name: 'anything', kind: 'unknown' },
  ],
};

/** Parameter names that are also names of Object.prototype members or thenables. */
export const ODD_NAMES: ApiSpec = {
  method: 'taobao.odd.names',
  responseKey: 'odd_names_response',
  params: [
    { name: '__proto__', kind: 'string' },
    { name: 'constructor', kind: 'string', required: true },
    { name: 'then', kind: 'number' },
    { name: 'toString', kind: 'string' },
    { name: 'hasOwnProperty', kind: 'boolean' },
  ],
};
