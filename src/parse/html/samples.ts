import type { SampleBody } from '../samples/body.js';
import { firstTextLine, rawText, type Element } from './dom.js';

/**
 * A code block (`<pre>`) of a saved page as a sample body for the sample readers: its lines as the page shows
 * them (NFKC-normalised like all page text, surrounding whitespace removed: indentation never matters, element
 * nesting does), each with its line in the HTML file. Blank lines at either end are layout, not code.
 */
export function preBody(pre: Element, headingLine: number, cut: boolean): SampleBody {
  const lines = pre.children
    .map((child) => rawText(child))
    .join('')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.normalize('NFKC').trim());
  let first = 0;
  while (first < lines.length && lines[first] === '') first++;
  let last = lines.length - 1;
  while (last >= first && lines[last] === '') last--;
  const start = firstTextLine(pre);
  const lineNos: number[] = [];
  for (let k = first; k <= last; k++) lineNos.push(start + k);
  return { text: lines.slice(first, last + 1).join('\n'), lineNos, cut, headingLine };
}
