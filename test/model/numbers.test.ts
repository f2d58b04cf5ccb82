/** Which Number fields are 64-bit ids (src/model/numbers.ts), read from the name, else the description. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberRole } from '../../src/model/numbers.js';

describe('numberRole', () => {
  it.each([
    ['num_iid', 'id'],
    ['num_iids', 'id'],
    ['tid', 'id'],
    ['userId', 'id'],
    ['shopIDs', 'number'],
    ['parentTid_', 'id'],
    ['item_count', 'number'],
    ['IdCard', 'number'],
    ['', 'number'],
    ['__', 'number'],
  ])('%j is %s by its name', (name, role) => {
    expect(numberRole({ name })).toBe(role);
  });

  it('reads the first clause of the description when the name says nothing', () => {
    expect(numberRole({ name: 'value', description: '商品数字编号，用于查询' })).toBe('id');
    expect(numberRole({ name: 'value', description: '  卖家主账号ID。' })).toBe('id');
    expect(numberRole({ name: 'value', description: '数量，不是商品id' })).toBe('number');
    expect(numberRole({ name: 'owner_member_seq_long', description: "Seller's master account ID" })).toBe(
      'id',
    );
    expect(numberRole({ name: 'value', description: 'Item ID. The item' })).toBe('id');
    expect(numberRole({ name: 'value', description: '商品id 多个用逗号分隔' })).toBe('id');
    expect(numberRole({ name: 'value', description: 'Number of items. Not an ID' })).toBe('number');
    expect(numberRole({ name: 'value', description: 'Android price' })).toBe('number');
  });

  it('goes by the last word of the name, whatever comes before it', () => {
    const prefix = fc.string({ unit: fc.constantFrom('_', 'I', 'i', 'd', 'D', 's', 'T', 't', 'u', '1') });
    fc.assert(
      fc.property(prefix, (text) => {
        expect(numberRole({ name: `${text}_num_iid` })).toBe('id');
        expect(numberRole({ name: `${text}OrderIds` })).toBe('id');
        expect(numberRole({ name: `${text}_item_count` })).toBe('number');
        expect(numberRole({ name: `${text}_id_count`, description: '数量' })).toBe('number');
      }),
      { numRuns: 2000 },
    );
  });
});
