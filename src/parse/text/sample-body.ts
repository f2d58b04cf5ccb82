import { bulletText } from './bullets.js';
import type { Line } from './lines.js';
import type { Section } from './sections.js';
import type { TextLimit } from './lines.js';

/**
 * The body of a sample section (请求示例, 响应示例, 异常示例, 验签示例): the language/format tab bullets
 * (`• JAVA … • NodeJS`, `• XML示例 • JSON示例`) are skipped, the rest up to the next heading is the body.
 */
export interface SampleBody {
  /** Stripped body lines joined with `\n`; '' when the section holds only tabs or whitespace. */
  readonly text: string;
  /** `lineNos[k]` is the 1-based file line of body line k. */
  readonly lineNos: readonly number[];
  /** The section was cut by the end of the readable text (truncated page). */
  readonly cut: boolean;
  /** 1-based line of the section heading. */
  readonly headingLine: number;
}

export function sampleBody(lines: readonly Line[], section: Section, limit: TextLimit): SampleBody {
  const end = Math.min(section.end, limit.end);
  let i = section.start;
  while (i < end) {
    const line = lines[i];
    if (line === undefined) break;
    if (line.text !== '' && bulletText(line) === undefined) break;
    i++;
  }
  let last = end - 1;
  while (last >= i && lines[last]?.text === '') last--;
  const texts: string[] = [];
  const lineNos: number[] = [];
  for (let k = i; k <= last; k++) {
    const line = lines[k];
    if (line === undefined) break;
    texts.push(line.text);
    lineNos.push(line.no);
  }
  return {
    text: texts.join('\n'),
    lineNos,
    cut: limit.truncated && section.end >= limit.end,
    headingLine: lines[section.headingIndex]?.no ?? 1,
  };
}

/** Maps a character offset of `body.text` to its 1-based file line. */
export function lineAtOffset(body: SampleBody, newlinesBefore: number): number {
  return body.lineNos[newlinesBefore] ?? body.lineNos[body.lineNos.length - 1] ?? body.headingLine;
}
