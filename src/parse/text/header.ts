import type { Line } from './lines.js';

/**
 * The page preamble: optional notice (`注意:以下文档只适用于TOP接口,请谨慎使用!`), optional breadcrumb
 * (`文档中心 > API类目 > …`), the header `<api.name> (<中文名>)` and a description of one or more lines
 * (docs/text-format.md §1–2).
 */
export interface Header {
  readonly api: string;
  readonly title: string;
  /** 0-based index of the header line. */
  readonly index: number;
  /** Description lines joined with `\n`, without leading or trailing blank lines. */
  readonly description: string;
  readonly breadcrumb?: string;
  readonly notice?: string;
}

/**
 * API names are lowercase dotted, later segments may hold uppercase (`tppBoxOfficeSummary`) and, in a few
 * aliyun APIs of the doc JSON, `-` (`slb.aliyuncs.com.SetLoadBalancerName.2013-02-21`). The title runs to the last
 * `)` of the line, so titles with their own parentheses (`飞猪…接口(新)`, `(已废弃)更新…`) stay whole. Both
 * quantified groups are separated by literal characters, so matching is linear.
 */
const HEADER = /^([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_-]+)+) \((.*)\)$/;
const NOTICE_PREFIX = '注意:';
const BREADCRUMB_PREFIX = '文档中心 >';

/** The first header-shaped line in `lines[0, end)`, with the notice, breadcrumb and description around it. */
export function parseHeader(lines: readonly Line[], end: number): Header | undefined {
  let notice: string | undefined;
  let breadcrumb: string | undefined;
  for (let i = 0; i < end; i++) {
    const text = lines[i]?.text ?? '';
    if (text === '') continue;
    const match = HEADER.exec(text);
    if (match === null) {
      if (notice === undefined && text.startsWith(NOTICE_PREFIX)) notice = text;
      else if (breadcrumb === undefined && text.startsWith(BREADCRUMB_PREFIX)) breadcrumb = text;
      continue;
    }
    const description = descriptionLines(lines, i + 1, end);
    return {
      api: match[1] ?? '',
      title: match[2] ?? '',
      index: i,
      description,
      ...(breadcrumb === undefined ? {} : { breadcrumb }),
      ...(notice === undefined ? {} : { notice }),
    };
  }
  return undefined;
}

function descriptionLines(lines: readonly Line[], from: number, end: number): string {
  let first = from;
  let last = end - 1;
  while (first <= last && lines[first]?.text === '') first++;
  while (last >= first && lines[last]?.text === '') last--;
  const out: string[] = [];
  for (let i = first; i <= last; i++) out.push(lines[i]?.text ?? '');
  return out.join('\n');
}
