import { readFileSync } from 'node:fs';
import { resolveKinds } from '../../src/model/passes/kinds.js';
import type { Api, DocApi } from '../../src/model/types.js';
import { startMockGateway, type MockGateway, type MockOptions } from '../../src/mock/index.js';
import { sign, type SignMethod } from '../../src/runtime/sign.js';
import { formatTopTime } from '../../src/runtime/timestamp.js';

export const APP_KEY = '12345678';
export const APP_SECRET = 'helloworld';

export const DAMAI = 'alibaba.damai.maizuo.openapi.user.register.byauthcode';
export const DERBY = 'alitrip.merchant.galaxy.member.login.derby';
export const UPLOAD = 'taobao.mock.item.upload';

/** Hand-built models of the seed pages (and one API covering every kind), as the readers and passes would produce them. */
export function loadApi(name: 'damai' | 'derby' | 'upload'): Api {
  const url = new URL(`../fixtures/mock/${name}.api.json`, import.meta.url);
  return resolveKinds(JSON.parse(readFileSync(url, 'utf8')) as DocApi);
}

export interface StartedGateway {
  readonly gateway: MockGateway;
  readonly logs: string[];
}

export async function startGateway(extra: Partial<MockOptions> = {}): Promise<StartedGateway> {
  const logs: string[] = [];
  const gateway = await startMockGateway({
    apis: [loadApi('damai'), loadApi('derby'), loadApi('upload')],
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    log: (line) => logs.push(line),
    ...extra,
  });
  return { gateway, logs };
}

export interface SignOptions {
  readonly signMethod?: SignMethod;
  readonly timestamp?: string;
  readonly appKey?: string;
  readonly secret?: string;
  /** Leave `sign_method` out of the request (the gateway then assumes md5). */
  readonly omitSignMethod?: boolean;
}

/** Common parameters + API parameters, signed with the runtime's signer. */
export function signedParams(
  method: string,
  apiParams: Readonly<Record<string, string>>,
  options: SignOptions = {},
): Record<string, string> {
  const signMethod = options.signMethod ?? 'md5';
  const params: Record<string, string> = {
    method,
    app_key: options.appKey ?? APP_KEY,
    timestamp: options.timestamp ?? formatTopTime(Date.now()),
    format: 'json',
    v: '2.0',
    ...(options.omitSignMethod === true ? {} : { sign_method: signMethod }),
    ...apiParams,
  };
  params['sign'] = sign(params, options.secret ?? APP_SECRET, signMethod);
  return params;
}

export interface Answer {
  readonly status: number;
  readonly text: string;
  /** Parsed body; only for bodies without 64-bit numbers (tests of those read `text`). */
  readonly json: Record<string, unknown>;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: Record<string, unknown> = {};
  if ((response.headers.get('content-type') ?? '').startsWith('application/json')) {
    json = JSON.parse(text) as Record<string, unknown>;
  }
  return { status: response.status, text, json };
}

export async function postForm(url: string, params: Readonly<Record<string, string>>): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(params).toString(),
  });
  return answer(response);
}

export async function getQuery(url: string, params: Readonly<Record<string, string>>): Promise<Answer> {
  return answer(await fetch(`${url}?${new URLSearchParams(params).toString()}`));
}

export async function send(url: string, init: RequestInit): Promise<Answer> {
  return answer(await fetch(url, init));
}

/** The `error_response` object of an answer (throws when the answer is not an error). */
export function errorOf(a: Answer): {
  code: number;
  msg: string;
  sub_code?: string;
  sub_msg?: string;
  request_id: string;
} {
  const error = a.json['error_response'];
  if (error === undefined) throw new Error(`expected an error_response, got ${a.text}`);
  return error as { code: number; msg: string; sub_code?: string; sub_msg?: string; request_id: string };
}

/** Valid damai API parameters (the seed's Java sample values). */
export function damaiParam0(
  overrides: Readonly<Record<string, unknown>> = {},
  omit: readonly string[] = [],
): string {
  const param0: Record<string, unknown> = {
    auth_code: '726311',
    ptnr_token: 'St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2',
    user_login_password: 'QWA1q2w3e4r',
    user_phone: '139xxxx4567',
    tenant_token: 'A9UJj/8SWB5xLq54Tn623qFzG+2u39r5xP5icq',
    channel_token: 'XYJ72Idfk1231+mCzqSXZLWtCnikX/Vn',
    code_type: 1,
    ...overrides,
  };
  for (const key of omit) delete param0[key];
  return JSON.stringify(param0);
}
