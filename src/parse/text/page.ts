import { diagnostic } from '../../model/diagnostics.js';
import type { Diagnostic } from '../../model/types.js';
import { CODES } from './codes.js';
import {
  readErrorCodes,
  readErrorExample,
  readSignCheckExample,
  type ErrorCodeRow,
  type ErrorExample,
} from './errors-section.js';
import type { Evidence } from '../../model/passes/nesting/evidence.js';
import { parseHeader, type Header } from './header.js';
import {
  readRequestSample,
  readResponseSample,
  unreadableSample,
  type JavaSample,
} from '../samples/index.js';
import { excerpt, splitLines, type Line, type TextLimit } from './lines.js';
import type { Side } from './rows.js';
import { sampleBody } from './sample-body.js';
import { findSections, HEADINGS, type Heading, type SectionMap } from './sections.js';
import { readTable, type Table } from './table.js';
import { detectTruncation, truncationDiagnostic, type Truncation } from './truncation.js';

/**
 * Everything a form-A page says, section by section, before nesting is decided: the page record. parseTextDoc
 * turns it into the API model; other consumers may read the parts the model has no room for (the Java client
 * kind here, the error example and error codes through `readPageErrors`).
 */
export interface TextPage {
  readonly lines: readonly Line[];
  readonly sections: SectionMap;
  /** Where the readable text stops (the partial last line of a truncated page is left out). */
  readonly limit: TextLimit;
  readonly header?: Header;
  /** A qimen/SPI page: `qimen.*` name or a 验签示例 section. */
  readonly qimen: boolean;
  readonly truncation?: Truncation;
  readonly request?: Table;
  readonly response?: Table;
  readonly java?: JavaSample;
  readonly requestSample?: Evidence;
  readonly responseSample?: Evidence;
  /** Why a side has no sample, in words for diagnostics. */
  readonly noSample: Readonly<Record<Side, string>>;
}

/** The error example (异常示例), the qimen 验签示例 and the 错误码解释 rows of a page; read on demand. */
export interface PageErrors {
  readonly errorExample?: ErrorExample;
  readonly signCheckExample?: ErrorExample;
  readonly errorCodes: readonly ErrorCodeRow[];
}

export function readPageErrors(page: TextPage): PageErrors {
  const { lines, sections, limit } = page;
  const errorSection = sections.get('异常示例');
  const signSection = sections.get('验签示例');
  const codesSection = sections.get('错误码解释');
  const errorExample =
    errorSection === undefined ? undefined : readErrorExample(sampleBody(lines, errorSection, limit));
  const signCheckExample =
    signSection === undefined ? undefined : readSignCheckExample(sampleBody(lines, signSection, limit));
  return {
    errorCodes: codesSection === undefined ? [] : readErrorCodes(lines, codesSection, limit),
    ...(errorExample === undefined ? {} : { errorExample }),
    ...(signCheckExample === undefined ? {} : { signCheckExample }),
  };
}

export function readTextPage(content: string, file: string, out: Diagnostic[]): TextPage {
  const lines = splitLines(content);
  const truncation = detectTruncation(content, lines);
  const limit: TextLimit = {
    end: truncation?.parseEnd ?? lines.length,
    truncated: truncation !== undefined,
    ...(truncation?.dropped === undefined ? {} : { partial: truncation.dropped.text }),
  };
  const sections = findSections(lines, limit.end);
  const header = parseHeader(lines, sections.preambleEnd);
  const base = { lines, sections, limit, qimen: false, noSample: { request: '', response: '' } };

  if (header === undefined) {
    const first = lines.find((l) => l.text !== '');
    const tables = sections.get('请求参数') !== undefined || sections.get('响应参数') !== undefined;
    out.push(
      tables
        ? diagnostic(
            'error',
            CODES.missingHeader,
            'The page has no header line with the API name before its first section.',
            {
              file,
              line: first?.no ?? 1,
              expected: '"<api.name> (<title>)", e.g. "taobao.user.get (查询用户)"',
              found: first === undefined ? 'an empty page' : `"${excerpt(first.text)}"`,
            },
          )
        : diagnostic(
            'error',
            CODES.notTopPage,
            'This is not a TOP API doc page: it has no header line and no 请求参数/响应参数 sections.',
            {
              file,
              line: first?.no ?? 1,
              expected:
                'a TOP doc page: "<api.name> (<title>)", then 公共参数, 请求参数 and 响应参数 sections',
              found: first === undefined ? 'an empty input' : `"${excerpt(first.text)}"`,
            },
          ),
    );
    return base;
  }

  const dropped: string[] = [];
  const request = readSide(lines, sections, '请求参数', 'request', limit, truncation, file, out, dropped);
  const response = readSide(lines, sections, '响应参数', 'response', limit, truncation, file, out, dropped);
  const qimen = header.api.startsWith('qimen.') || sections.get('验签示例') !== undefined;

  // Samples.
  let java: JavaSample | undefined;
  let requestSample: Evidence | undefined;
  const noSample: Record<Side, string> = {
    request: missingSample(sections, '请求示例', truncation, 'request code sample'),
    response: missingSample(sections, '响应示例', truncation, 'response example'),
  };
  const requestSection = sections.get('请求示例');
  if (requestSection !== undefined) {
    const body = sampleBody(lines, requestSection, limit);
    ({ java, evidence: requestSample } = readRequestSample(body));
    if (requestSample === undefined) noSample.request = unreadableSample(body, 'request', file, out);
  }
  let responseSample: Evidence | undefined;
  const responseSection = sections.get('响应示例');
  if (responseSection !== undefined) {
    const body = sampleBody(lines, responseSection, limit);
    responseSample = readResponseSample(body);
    if (responseSample === undefined) noSample.response = unreadableSample(body, 'response', file, out);
  }

  if (truncation !== undefined) out.push(truncationDiagnostic(file, lines, truncation, sections, dropped));

  return {
    lines,
    sections,
    limit,
    header,
    qimen,
    noSample,
    ...(truncation === undefined ? {} : { truncation }),
    ...(request === undefined ? {} : { request }),
    ...(response === undefined ? {} : { response }),
    ...(java === undefined ? {} : { java }),
    ...(requestSample === undefined ? {} : { requestSample }),
    ...(responseSample === undefined ? {} : { responseSample }),
  };
}

function readSide(
  lines: readonly Line[],
  sections: SectionMap,
  heading: Heading,
  side: Side,
  limit: TextLimit,
  truncation: Truncation | undefined,
  file: string,
  out: Diagnostic[],
  dropped: string[],
): Table | undefined {
  const section = sections.get(heading);
  if (section !== undefined) return readTable(lines, section, side, limit, file, out, dropped);
  const rank = HEADINGS.indexOf(heading);
  const later = sections.sections.find((s) => HEADINGS.indexOf(s.heading) > rank);
  if (truncation === undefined || later !== undefined) {
    const at = later === undefined ? undefined : lines[later.headingIndex];
    out.push(
      diagnostic(
        'error',
        CODES.missingSection,
        `The page has no ${heading} section, so its ${side} parameters are unknown.`,
        {
          file,
          ...(at === undefined ? {} : { line: at.no }),
          expected: `a "${heading}" heading line`,
          found: at === undefined ? 'no such heading' : `"${at.text}" without "${heading}" before it`,
        },
      ),
    );
  }
  return undefined;
}

function missingSample(
  sections: SectionMap,
  heading: Heading,
  truncation: Truncation | undefined,
  what: string,
): string {
  if (sections.get(heading) !== undefined) return '';
  return truncation === undefined ? `the page has no ${what}` : `the page is cut before its ${what}`;
}
