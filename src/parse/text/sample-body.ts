import { bulletText } from './bullets.js';
import type { Line } from './lines.js';
import type { Section } from './sections.js';
import type { TextLimit } from './lines.js';
import type { SampleBody } from '../samples/body.js';

/**
 * The body of a sample section (请求示例, 响应示例, 异常示例, 验签示例) of a form-A page: the language/format tab
 * bullets (`• JAVA … • NodeJS`, `• XML示例 • JSON示例`) are skipped, the rest up to the next heading is the body.
 */
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
