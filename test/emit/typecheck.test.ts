import { describe, expect, it } from 'vitest';
import { emitPackage } from '../../src/emit/index.js';
import { loadRuntimeSources } from '../../src/assets/index.js';
import { contractRuntime, seedApis } from './support/build.js';
import { hostileApis } from './support/hostile.js';
import { errorsByLine, expectedErrors, typeCheck } from '../helpers/typecheck.js';
import { TEMPLATES } from '../helpers/templates.js';
import { localised, tsBlocks } from '../helpers/readme-examples.js';

const options = {
  packageName: 'seed-sdk',
  packageVersion: '1.0.0',
  runtimeSources: contractRuntime(),
  templates: TEMPLATES,
};

/**
 * The README's `which`th example (0: the root's client sending a request class of an API subpath; 1: the client
 * of `/all`), importing the package's files instead of its published entry points.
 */
function readmeExample(files: ReadonlyMap<string, string>, packageName: string, which = 0): string {
  const code = tsBlocks(files.get('README.md') ?? '')[which];
  if (code === undefined) throw new Error(`README has no ts example ${which}`);
  return localised(code, packageName);
}

describe('generated package type-checks (strict, NodeNext)', () => {
  it('for the seed APIs', () => {
    const files = emitPackage(seedApis(), options);
    expect(typeCheck(files).messages).toEqual([]);
  });

  it('for the seed APIs with the real runtime', () => {
    const files = emitPackage(seedApis(), { ...options, runtimeSources: loadRuntimeSources() });
    expect(typeCheck(files).messages).toEqual([]);
  });

  it('for hostile APIs, README example included', () => {
    const files = emitPackage(hostileApis(), { ...options, packageName: "@evil/it's-`sdk`" });
    const extra = new Map([
      ['src/readme-example.ts', readmeExample(files, "@evil/it's-`sdk`")],
      ['src/readme-all-example.ts', readmeExample(files, "@evil/it's-`sdk`", 1)],
    ]);
    expect(typeCheck(files, extra).messages).toEqual([]);
  });

  it('for the seed README example', () => {
    const files = emitPackage(seedApis(), options);
    const extra = new Map([
      ['src/readme-example.ts', readmeExample(files, 'seed-sdk')],
      ['src/readme-all-example.ts', readmeExample(files, 'seed-sdk', 1)],
    ]);
    expect(typeCheck(files, extra).messages).toEqual([]);
  });

  it('with a default gateway', () => {
    const files = emitPackage(seedApis(), {
      ...options,
      defaultGateway: "http://gw.api.tbsandbox.com/router/rest?'*/",
    });
    expect(typeCheck(files).messages).toEqual([]);
    expect(files.get('src/client.ts')).toContain(
      "gateway: options.gateway ?? 'http://gw.api.tbsandbox.com/router/rest?\\'*/'",
    );
  });
});

/**
 * Usage code; each line that must not compile ends in `// error TSnnnn`. Every other line must compile, so a
 * type that is too loose or too strict fails the test.
 */
const USAGE = `import {
  TopClient,
  AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeRequest as RegisterRequest,
  AlitripMerchantGalaxyMemberLoginDerbyRequest as DerbyRequest,
  type AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeResponse as RegisterResponse,
  AlibabaDamaiMaizuoOpenapiUserRegisterByauthcode as Register,
} from './all.js';

const client = new TopClient({ appKey: 'k', appSecret: 's' });
const param0 = {
  auth_code: '726311',
  ptnr_token: 't',
  user_login_password: 'p',
  user_phone: '139',
  tenant_token: 't',
  channel_token: 'c',
  code_type: 1,
};
const request = new RegisterRequest({ param0 });
const viaExecute: Promise<RegisterResponse> = client.execute(request);
const viaMethod: Promise<RegisterResponse> = client.alibabaDamaiMaizuoOpenapiUserRegisterByauthcode({ param0 });
new RegisterRequest({ param0: { ...param0, code_type: 12345678901234567890n } });
new RegisterRequest({ param0: { ...param0, code_type: '12345678901234567890' } });
const nested: Register.UserRegisterByAuthCodeParam = request.param0;
new DerbyRequest();
client.alitripMerchantGalaxyMemberLoginDerby();
client.alitripMerchantGalaxyMemberLoginDerby({ derby_authentication_param: { optin_all: true } });
void client.execute('taobao.time.get', { a: 1 });
async function read(): Promise<void> {
  const response = await viaMethod;
  const code: number | undefined = response.result?.result_code;
  const name: string | undefined = response.result?.data?.user_name;
  void code;
  void name;
}
new RegisterRequest({ param0: { ...param0, code_type: 'abc' } }); // error TS2322
new RegisterRequest({ param0: { ...param0, auth_code: 726311 } }); // error TS2322
new RegisterRequest({}); // error TS2345
new RegisterRequest(); // error TS2554
new RegisterRequest({ param0, bogus: 1 }); // error TS2353
client.alibabaDamaiMaizuoOpenapiUserRegisterByauthcode(); // error TS2554
new DerbyRequest({ derby_authentication_param: { optin_all: 'yes' } }); // error TS2322
request.param0 = param0; // error TS2540
async function wrongResponse(): Promise<void> {
  const code: string | undefined = (await viaMethod).result?.result_code; // error TS2322
  void code;
}
void viaExecute;
void nested;
void read;
void wrongResponse;
`;

const HOSTILE_USAGE = `import { TopClient, AlibabaHostileEmptyRequest, Api1688HostileKeysRequest } from './all.js';

const client = new TopClient({ appKey: 'k', appSecret: 's' });
const keys = new Api1688HostileKeysRequest({ class: 'c', constructor: 'x', ['__proto__']: 'p', then: 't', '1st_value': 1n });
const wire: string | undefined = typeof keys.constructor === 'string' ? keys.constructor : undefined;
void wire;
void client.api1688HostileKeys({ class: 'c', '名字': '张三', 'a-b': true, '*/': 'x', "it's": 'y', __response: 'r' });
new AlibabaHostileEmptyRequest({});
client.alibabaHostileEmpty();
new AlibabaHostileEmptyRequest({ anything: 1 }); // error TS2322
new Api1688HostileKeysRequest({ class: 1 }); // error TS2322
client.api1688HostileKeys({ '1st_value': 1.5, class: 'c', 'a-b': 'no' }); // error TS2322
`;

describe('generated types accept valid and reject invalid usage', () => {
  it.each([
    ['seed APIs', seedApis, USAGE],
    ['hostile APIs', hostileApis, HOSTILE_USAGE],
  ])('%s', (_name, apis, usage) => {
    const files = emitPackage(apis(), options);
    const result = typeCheck(files, new Map([['src/usage.ts', usage]]));
    expect(errorsByLine(result, 'src/usage.ts')).toEqual(expectedErrors(usage));
    expect(result.messages.filter((m) => !m.startsWith('src/usage.ts:'))).toEqual([]);
  });
});
