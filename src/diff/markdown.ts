/**
 * Markdown quoting for doc data in CHANGELOG entries: names go into code spans, prose is backslash-escaped, so
 * a name like `` a`b `` or a default like `<b>*x*</b>` shows up literally instead of becoming markup.
 */
import { oneLine } from './one-line.js';

/** ASCII punctuation that can start inline markup or raw HTML; CommonMark allows escaping any of them. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&!]/g;

export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/** A code span whose fence is longer than any backtick run inside, padded when the text touches a backtick. */
export function inlineCode(text: string): string {
  const line = oneLine(text);
  if (line.trim() === '') return `\`${JSON.stringify(line)}\``;
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}
