// The Java sample's client line is `TaobaoClient client = new DefaultTaobaoClient(…)`. An inner request class
// whose qualified name also starts with `Default` and ends with `Client` (API `taobao.default.a`, struct
// `TopClient`: `new DefaultARequest.TopClient()`) is an object of the request, not the client; it used to be
// taken for the client, so its fields fell out of the sample (found by test/fuzz/text-roundtrip.test.ts).
import { describe, expect, it } from 'vitest';
import { parseTextDoc } from '../../../src/parse/text/index.js';

const PAGE = [
  'taobao.default.a (t)',
  '',
  'd',
  '',
  '公共参数',
  '',
  '请求参数',
  '',
  '名称 类型 是否必须 示例值 更多限制 描述',
  'p Promise 可选 d',
  '  • q',
  '  • TopClient',
  '  • 可选',
  '  • d',
  '  • r',
  '  • Promise',
  '  • 可选',
  '  • d',
  '  • └ a',
  '  • String',
  '  • 可选',
  '  • v',
  '  • d',
  '  • └ b',
  '  • String',
  '  • 可选',
  '  • w',
  '  • d',
  '',
  '响应参数',
  '',
  '名称 类型 示例值 描述',
  '',
  '请求示例',
  '',
  '  • JAVA',
  'TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);',
  'DefaultARequest req = new DefaultARequest();',
  'DefaultARequest.Promise obj1 = new DefaultARequest.Promise();',
  'DefaultARequest.TopClient obj2 = new DefaultARequest.TopClient();',
  'DefaultARequest.Promise obj3 = new DefaultARequest.Promise();',
  'obj3.setA("v");',
  'obj2.setR(obj3);',
  'obj2.setB("w");',
  'obj1.setQ(obj2);',
  'req.setP(obj1);',
  'DefaultAResponse rsp = client.execute(req);',
  '',
  '响应示例',
  '',
  '  • XML示例',
  '<default_a_response>',
  '</default_a_response>',
  '',
  'FAQ',
  '',
  '返回',
  '顶部',
].join('\n');

describe('Java sample with an inner class named like a client', () => {
  it('reads the inner object as a variable and places its fields from the sample', () => {
    const result = parseTextDoc(PAGE, 'p.txt');
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const q = result.api?.request[0]?.children[0];
    expect(q?.name).toBe('q');
    expect(q?.children.map((f) => f.name)).toEqual(['r', 'b']);
    expect(q?.children[1]?.example).toBe('w');
  });
});
