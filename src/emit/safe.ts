/**
 * The only place where doc text becomes code. Everything read from a doc (names, titles, descriptions,
 * examples, file paths) reaches generated TypeScript, JSON or Markdown through one of these functions, so no
 * doc can break out of a comment, a string literal, an identifier or a table cell.
 *
 * Which names are identifiers is decided in naming/identifiers.ts (shared with the model passes); a name that is
 * not one is quoted here.
 */
import { identifierWords, isIdentifier } from '../naming/identifiers.js';

/**
 * Keys that are legal in an interface but mean something special on objects or classes; quoting them keeps
 * the generated declaration visibly "just a wire name".
 */
const SPECIAL_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A property key for an interface member or object literal: bare when plain, else a string literal. */
export function propertyKey(name: string): string {
  return isIdentifier(name) && !SPECIAL_KEYS.has(name) ? name : stringLiteral(name);
}

/** Property access: `.name` when plain, else `['name']`. */
export function propertyAccess(name: string): string {
  return isIdentifier(name) && !SPECIAL_KEYS.has(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}

/**
 * Code units that must not appear raw in generated source: C0 and C1 controls, DEL, the line and paragraph
 * separators, the BOM and bidirectional formatting controls (which can visually reorder source text).
 */
const UNSAFE_ABOVE_ASCII =
  '\\u007F-\\u009F\\u2028\\u2029\\uFEFF\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const UNSAFE_CLASS = `\\u0000-\\u001F${UNSAFE_ABOVE_ASCII}`;

/** A surrogate half without its partner. */
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

/** What a string literal must escape: the quote, the backslash, unsafe code units and lone surrogates. */
const LITERAL_ESCAPES = new RegExp(`[\\\\'${UNSAFE_CLASS}]|${LONE_SURROGATE}`, 'g');

/** Quick pre-checks (one character class, no lookaround): most texts need no work at all. */
const NEEDS_ESCAPING = new RegExp(`[\\\\'${UNSAFE_CLASS}\\uD800-\\uDFFF]`);
const NEEDS_CLEANING = new RegExp(`[${UNSAFE_CLASS}\\uD800-\\uDFFF]`);

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

function escapeCodeUnit(ch: string): string {
  return SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A single-quoted TypeScript string literal whose value is exactly `text`. Line terminators (including
 * U+2028/U+2029), control and bidi characters, the BOM and lone surrogates are written as escapes; everything
 * else (Chinese text, emoji) stays readable.
 */
export function stringLiteral(text: string): string {
  return `'${NEEDS_ESCAPING.test(text) ? text.replace(LITERAL_ESCAPES, escapeCodeUnit) : text}'`;
}

const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE, 'g');
/** Unsafe code units other than '\n' (kept) and '\t' (turned into a space first). */
const DROPPED = new RegExp(`[\\u0000-\\u0009\\u000B-\\u001F${UNSAFE_ABOVE_ASCII}]`, 'g');

/**
 * Doc text made printable: newlines normalised to '\n' (U+2028/U+2029 too), tabs to spaces, control, bidi and
 * BOM characters removed, lone surrogates replaced by U+FFFD.
 */
function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(LINE_BREAKS, '\n')
    .replaceAll('\t', ' ')
    .replace(LONE_SURROGATES, '\uFFFD')
    .replace(DROPPED, '');
}

/** Clean text with every `*` `/` pair broken, so no doc can close a block comment. */
function cleanCommentText(text: string): string {
  return cleanText(text).replaceAll('*/', '*\\/');
}

function singleLine(text: string): string {
  return text.replace(/\n+/g, ' ').trim();
}

/** One line of text for a `//` comment (newlines become spaces). */
export function lineComment(text: string): string {
  return singleLine(cleanCommentText(text));
}

/** One part of a doc comment: a paragraph of doc text, or a tag (a fixed name chosen by the emitter). */
export type DocPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'tag'; readonly tag: string; readonly text?: string };

/**
 * Appends the lines of a doc text to `body`, without leading and trailing blank lines, and returns how many it
 * appended. An `@` at a line start or after whitespace, and any `{@`, is escaped with a backslash (TSDoc's
 * escape) so doc text never turns into a tag such as `@deprecated` or an inline `{@link}`.
 */
function appendDocLines(text: string, body: string[]): number {
  // Most doc texts are one plain line (no control character, `*` or `@`): one scan and no other work.
  const plain = PLAIN_LINE.test(text);
  const clean = plain ? text : cleanCommentText(text);
  if (!clean.includes('\n')) {
    const line = clean.trimEnd();
    if (line.trim() === '') return 0;
    body.push(plain ? line : escapeTags(line));
    return 1;
  }
  const lines = clean.split('\n');
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && (lines[first] ?? '').trim() === '') first++;
  while (last >= first && (lines[last] ?? '').trim() === '') last--;
  for (let i = first; i <= last; i++) body.push(escapeTags((lines[i] ?? '').trimEnd()));
  return last - first + 1;
}

/** A text that needs no cleaning, no comment-close breaking and no tag escaping. */
const PLAIN_LINE = new RegExp(`^[^${UNSAFE_CLASS}\\uD800-\\uDFFF*@]*$`);

/**
 * `@` at the start of a line or after whitespace starts a block tag for TypeScript's JSDoc reader, wherever it
 * is on the line (`…已下线 @deprecated`), and `{@` an inline tag: both are escaped. `a@b.com` stays.
 */
function escapeTags(line: string): string {
  return line.includes('@') ? line.replaceAll('{@', '{\\@').replace(/(^|\s)@/g, '$1\\@') : line;
}

const TAG_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * A JSDoc block (ending in '\n') at the given indent, or '' when every part is empty. Text parts are separated
 * by a blank line; tags follow, one per line, their text continuing on the next lines when it has several.
 */
export function docComment(parts: readonly DocPart[], indent: string): string {
  const body: string[] = [];
  let lastWasText = false;
  for (const part of parts) {
    if (part.kind === 'text') {
      const before = body.length;
      if (before > 0) body.push('');
      if (appendDocLines(part.text, body) === 0) body.length = before;
      else lastWasText = true;
      continue;
    }
    if (!TAG_NAME.test(part.tag)) throw new Error(`Invalid JSDoc tag name ${JSON.stringify(part.tag)}`);
    if (lastWasText) body.push('');
    lastWasText = false;
    const at = body.length;
    body.push(`@${part.tag}`);
    if (part.text !== undefined && appendDocLines(part.text, body) === 1)
      body[at] = `@${part.tag} ${body.pop() ?? ''}`;
  }
  if (body.length === 0) return '';
  if (body.length === 1) return `${indent}/** ${body[0] ?? ''} */\n`;
  let out = `${indent}/**\n`;
  for (const line of body) out += line === '' ? `${indent} *\n` : `${indent} * ${line}\n`;
  return `${out}${indent} */\n`;
}

/** Text for a Markdown table cell or paragraph: one line, Markdown and HTML syntax characters escaped. */
export function markdownText(text: string): string {
  return singleLine(cleanText(text)).replace(/[\\`*_{}[\]()<>#+!|~&]/g, (ch) => `\\${ch}`);
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** Inline Markdown code for a value that may itself contain backticks. */
export function markdownInlineCode(text: string): string {
  const clean = singleLine(cleanText(text));
  const fence = '`'.repeat(longestBacktickRun(clean) + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A fenced Markdown code block whose fence is longer than any backtick run inside `code`. */
export function markdownCodeBlock(code: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(code) + 1));
  return `${fence}${identifierWords(language).join('')}\n${code.endsWith('\n') ? code : `${code}\n`}${fence}\n`;
}
