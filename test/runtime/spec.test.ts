import { describe, expect, it } from 'vitest';
import { apiSpecFromJson, type ApiSpec } from '../../src/runtime/index.js';

const spec: ApiSpec = {
  method: 'taobao.demo.get',
  responseKey: 'demo_get_response',
  params: [
    { name: 'q', kind: 'string', required: true, maxLength: 64 },
    {
      name: 'filter',
      kind: 'struct',
      children: [{ name: 'ids', kind: 'number', array: true, maxListSize: 20 }],
    },
  ],
  response: [{ name: 'items', array: true }],
};

describe('apiSpecFromJson', () => {
  it('gives back the spec its JSON text describes', () => {
    expect(apiSpecFromJson(JSON.stringify(spec))).toEqual(spec);
  });

  it('refuses text that is not a spec, naming what it expected', () => {
    for (const text of ['[]', 'null', '{"method": "a.b", "params": {}}', '{"params": []}'])
      expect(() => apiSpecFromJson(text)).toThrow(/method, responseKey and params expected/);
    expect(() => apiSpecFromJson('{')).toThrow(SyntaxError);
  });
});
