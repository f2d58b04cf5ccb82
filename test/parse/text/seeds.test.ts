import { describe, expect, it } from 'vitest';
import { parseTextDoc } from '../../../src/parse/text/index.js';
import type { DocField as Field } from '../../../src/model/types.js';
import { FIXTURES, SEEDS, codes, normaliseText, readText, toTruth, truthOf } from './support.js';

function parseSeed(name: string) {
  const file = `test/fixtures/pages/${name}.txt`;
  return parseTextDoc(readText(`${FIXTURES}pages/${name}.txt`), file);
}

function find(fields: readonly Field[], path: string): Field {
  const [head, ...rest] = path.split('.');
  const field = fields.find((f) => f.name === head);
  if (field === undefined) throw new Error(`no field ${path}`);
  return rest.length === 0 ? field : find(field.children, rest.join('.'));
}

describe('seed pages', () => {
  for (const name of SEEDS) {
    describe(name, () => {
      const result = parseSeed(name);
      const truth = JSON.parse(readText(`${FIXTURES}expected/${name}.json`)) as {
        name: string;
        requestParams: Parameters<typeof truthOf>[0];
        responseParams: Parameters<typeof truthOf>[0];
      };

      it('parses to the hand-checked names, types, required flags and nesting', () => {
        expect(result.api?.api).toBe(truth.name);
        expect(toTruth(result.api?.request ?? [])).toEqual(truthOf(truth.requestParams));
        expect(toTruth(result.api?.response ?? [])).toEqual(truthOf(truth.responseParams));
      });

      it('has no errors and no warnings', () => {
        expect(codes(result.diagnostics, 'error')).toEqual([]);
        expect(codes(result.diagnostics, 'warning')).toEqual([]);
        expect(result.api?.diagnostics).toEqual(result.diagnostics);
      });

      it('records the source and keeps the model free of undefined keys', () => {
        expect(result.api?.source).toEqual({ file: `test/fixtures/pages/${name}.txt`, format: 'text' });
        const json = JSON.parse(JSON.stringify(result.api)) as unknown;
        expect(json).toEqual(result.api);
      });
    });
  }

  it('reads the damai examples and descriptions from the samples', () => {
    const api = parseSeed(SEEDS[0]).api;
    expect(api?.title).toBe('用户注册-验证码方式');
    expect(api?.description).toBe('用户注册-验证码方式');
    const response = api?.response ?? [];
    expect(find(response, 'result.data.user_id')).toEqual({
      name: 'user_id',
      type: 'String',
      array: false,
      required: false,
      example: '2313112',
      description: '会员ID',
      children: [],
    });
    expect(find(response, 'result').description).toBe('请求结果');
    expect(find(response, 'result').example).toBeUndefined();
    expect(find(response, 'result.result_code')).toMatchObject({
      example: '201',
      description: '请求结果状态码',
    });
    const request = api?.request ?? [];
    expect(find(request, 'param0')).toMatchObject({
      required: true,
      description: '会员注册by验证码参数对象',
    });
    expect(find(request, 'param0.ptnr_token')).toMatchObject({
      required: true,
      example: 'St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2',
      description: '向api服务提供商获取',
    });
    expect(find(request, 'param0.code_type')).toMatchObject({
      type: 'Number',
      example: '1',
      description: '验证码类型,1=注册,2=修改密码',
    });
  });

  it('reads the derby examples, descriptions and header', () => {
    const api = parseSeed(SEEDS[1]).api;
    expect(api?.title).toBe('小程序通过德比登入(会员认证)');
    expect(api?.description).toBe('会员认证(德比切换接口,包含授权接口) 返回认证及授权状态');
    expect(find(api?.response ?? [], 'result.error_msg')).toMatchObject({
      example: '错误信息',
      description: '错误信息',
    });
    expect(find(api?.request ?? [], 'tenant_key')).toMatchObject({
      example: '234',
      description: '租户标识',
      required: false,
    });
    expect(find(api?.request ?? [], 'derby_authentication_param.accepted_tand_c')).toMatchObject({
      example: 'AUTHORIZED',
      description: '是否接受会员协议',
    });
    expect(find(api?.request ?? [], 'scene_source')).toMatchObject({
      example: 'DERBY_V1_BINDED_LOGIN',
      description: '场景来源,记录什么场景调用什么接口',
    });
  });

  it('gives the derby descriptions of the doc JSON, up to NFKC and whitespace', () => {
    const api = parseSeed(SEEDS[1]).api;
    const truth = JSON.parse(readText(`${FIXTURES}expected/${SEEDS[1]}.json`)) as {
      requestParams: {
        name: string;
        description: string;
        subParams?: { name: string; description: string }[];
      }[];
      responseParams: {
        name: string;
        description: string;
        subParams?: { name: string; description: string }[];
      }[];
    };
    const pairs: [string | undefined, string][] = [];
    for (const [fields, params] of [
      [api?.request ?? [], truth.requestParams],
      [api?.response ?? [], truth.responseParams],
    ] as const) {
      for (const p of params) {
        const f = find(fields, p.name);
        pairs.push([f.description, p.description]);
        for (const s of p.subParams ?? []) pairs.push([find(f.children, s.name).description, s.description]);
      }
    }
    expect(pairs.length).toBe(15);
    for (const [got, want] of pairs) expect(normaliseText(got ?? '')).toBe(normaliseText(want));
  });

  it('is deterministic: the same input gives an identical model', () => {
    for (const name of SEEDS) expect(JSON.stringify(parseSeed(name))).toBe(JSON.stringify(parseSeed(name)));
  });
});
