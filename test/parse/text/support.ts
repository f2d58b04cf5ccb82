import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, DocField as Field } from '../../../src/model/types.js';

/** test/fixtures/, resolved from this file so tests run from any working directory. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export const SEEDS = [
  'alibaba_damai_maizuo_openapi_user_register_byauthcode',
  'alitrip_merchant_galaxy_member_login_derby',
] as const;

export function readText(path: string | URL): string {
  return readFileSync(path, 'utf8');
}

/** The doc-JSON shape of a field list, as the corpus `expected/` files write it (required only when true). */
export interface TruthParam {
  readonly name: string;
  readonly type: string;
  readonly required?: boolean;
  readonly subParams?: readonly TruthParam[];
}

/** Model fields → the structural truth shape: names, `X[]` types, required, nesting. */
export function toTruth(fields: readonly Field[]): TruthParam[] {
  return fields.map((f) => ({
    name: f.name,
    type: `${f.type}${f.array ? '[]' : ''}`,
    ...(f.required ? { required: true } : {}),
    ...(f.children.length > 0 ? { subParams: toTruth(f.children) } : {}),
  }));
}

interface RawParam {
  readonly name: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly subParams?: readonly RawParam[] | null;
}

/** Doc JSON params → the same shape (descriptions dropped, `X []` written `X[]`). */
export function truthOf(params: readonly RawParam[] | null | undefined): TruthParam[] {
  return (params ?? []).map((p) => ({
    name: p.name,
    type: (p.type ?? '').replace(/\s+\[\]$/, '[]'),
    ...(p.required === true ? { required: true } : {}),
    ...(p.subParams && p.subParams.length > 0 ? { subParams: truthOf(p.subParams) } : {}),
  }));
}

/** Text pages are NFKC-normalised and whitespace-collapsed (docs/text-format.md §0.2); compare the same way. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Fields in document order with their path and the index of their parent (−1 for top level). */
export function preorder(fields: readonly Field[]): { path: string; parent: number; field: Field }[] {
  const out: { path: string; parent: number; field: Field }[] = [];
  const walk = (list: readonly Field[], parent: number, prefix: string): void => {
    for (const f of list) {
      const index = out.length;
      const path = prefix === '' ? f.name : `${prefix}.${f.name}`;
      out.push({ path, parent, field: f });
      walk(f.children, index, path);
    }
  };
  walk(fields, -1, '');
  return out;
}

export function codes(diagnostics: readonly Diagnostic[], severity?: Diagnostic['severity']): string[] {
  return diagnostics.filter((d) => severity === undefined || d.severity === severity).map((d) => d.code);
}

/** All `*.json` files below `dir`, sorted for a stable order. */
export function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJson(path));
    else if (entry.name.endsWith('.json')) out.push(path);
  }
  return out.sort();
}

const REQUEST_HEADER = '名称 类型 是否必须 示例值 更多限制 描述';
const RESPONSE_HEADER = '名称 类型 示例值 描述';
const LANGUAGE_TABS = ['JAVA', '.NET', 'PHP', 'CURL', 'Python', 'C/C++', 'NodeJS'].map((t) => `  • ${t}`);
export const FOOTER = [
  '错误码解释',
  '',
  '错误码 错误描述 解决方案',
  '',
  'API工具',
  '',
  '如何获得此API',
  '',
  'FAQ',
  '',
  '返回',
  '顶部',
];

export interface PageParts {
  readonly header?: string;
  readonly description?: readonly string[];
  readonly request?: readonly string[];
  readonly response?: readonly string[];
  /** Java lines of the 请求示例 section; omitted → no section. */
  readonly java?: readonly string[];
  /** XML lines of the 响应示例 section; omitted → no section. */
  readonly xml?: readonly string[];
  readonly footer?: readonly string[];
}

/** A small form-A page in the documented layout (docs/text-format.md §1). */
export function page(parts: PageParts): string {
  const out: string[] = [
    parts.header ?? 'taobao.test.api (测试接口)',
    '',
    ...(parts.description ?? ['测试接口']),
    '',
  ];
  out.push('公共参数', '', '请求参数', '', REQUEST_HEADER, ...(parts.request ?? []), '');
  out.push('响应参数', '', RESPONSE_HEADER, ...(parts.response ?? []), '');
  if (parts.java !== undefined) out.push('请求示例', '', ...LANGUAGE_TABS, ...parts.java, '');
  if (parts.xml !== undefined) out.push('响应示例', '', '  • XML示例', '  • JSON示例', ...parts.xml, '');
  out.push(...(parts.footer ?? FOOTER));
  return out.join('\n');
}

/** A bullet line. */
export const b = (text: string): string => `  • ${text}`;
