import type { Line } from './lines.js';

/**
 * Section headings of a form-A page in their fixed order (docs/text-format.md §1). `验签示例` replaces
 * `异常示例` on qimen pages and `如何获得此API` is missing there, so a heading is accepted when it comes later in
 * this order than the previous one, not only when it is the very next one.
 */
export const HEADINGS = [
  '公共参数',
  '请求参数',
  '响应参数',
  '请求示例',
  '响应示例',
  '异常示例',
  '验签示例',
  '错误码解释',
  'API工具',
  '如何获得此API',
  'FAQ',
] as const;

export type Heading = (typeof HEADINGS)[number];

/** What each section holds, for messages. */
export const HEADING_ROLE: Readonly<Record<Heading, string>> = {
  公共参数: 'common parameters heading',
  请求参数: 'request parameter table',
  响应参数: 'response parameter table',
  请求示例: 'request code sample',
  响应示例: 'response example',
  异常示例: 'error example',
  验签示例: 'signature-check example',
  错误码解释: 'error code table',
  API工具: 'API tools links',
  如何获得此API: 'API access links',
  FAQ: 'page footer',
};

const ORDER: ReadonlyMap<string, number> = new Map(HEADINGS.map((h, i) => [h, i]));
/** Longest heading; longer lines are skipped without hashing them. */
const MAX_HEADING = Math.max(...HEADINGS.map((h) => h.length));

export interface Section {
  readonly heading: Heading;
  /** Index (into the line array) of the heading line. */
  readonly headingIndex: number;
  /** Index of the first line after the heading. */
  readonly start: number;
  /** Index one past the last line of the section. */
  readonly end: number;
}

export interface SectionMap {
  /** Index one past the last line before the first heading (notice, breadcrumb, header, description). */
  readonly preambleEnd: number;
  readonly sections: readonly Section[];
  get(heading: Heading): Section | undefined;
}

/** Locates the section headings in `lines[0, end)`; linear in the number of lines. */
export function findSections(lines: readonly Line[], end: number): SectionMap {
  const found: { heading: Heading; index: number }[] = [];
  let last = -1;
  for (let i = 0; i < end; i++) {
    const line = lines[i];
    if (line === undefined || line.text.length > MAX_HEADING || line.text.length < 3) continue;
    const rank = ORDER.get(line.text);
    if (rank === undefined || rank <= last) continue;
    found.push({ heading: line.text as Heading, index: i });
    last = rank;
  }
  const sections: Section[] = found.map((f, i) => ({
    heading: f.heading,
    headingIndex: f.index,
    start: f.index + 1,
    end: found[i + 1]?.index ?? end,
  }));
  const byHeading = new Map(sections.map((s) => [s.heading, s]));
  return {
    preambleEnd: found[0]?.index ?? end,
    sections,
    get: (heading) => byHeading.get(heading),
  };
}

/** The section that contains line index `index`, or undefined for the preamble. */
export function sectionAt(map: SectionMap, index: number): Section | undefined {
  let hit: Section | undefined;
  for (const section of map.sections) {
    if (section.headingIndex <= index) hit = section;
    else break;
  }
  return hit;
}
