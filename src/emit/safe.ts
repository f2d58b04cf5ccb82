/**
 * The only place where doc text becomes code. Everything read from a doc (names, titles, descriptions,
 * examples, file paths) reaches generated TypeScript, JSON or Markdown through one of these functions, so no
 * doc can break out of a comment, a string literal, an identifier or a table cell.
 *
 * Identifiers are ASCII only: Node's regex tables and TypeScript's scanner may disagree on the newest Unicode
 * identifier characters, and an ASCII name means the same thing to every tool. Anything else is quoted.
 */

/** ECMAScript reserved words (including strict-mode and contextual ones that cannot name a binding). */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'implements',
  'import',
  'in',
  'instanceof',
  'interface',
  'let',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'static',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
]);

/**
 * Keys that are legal in an interface but mean something special on objects or classes; quoting them keeps
 * the generated declaration visibly "just a wire name".
 */
const SPECIAL_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** TypeScript's predefined type names: never usable as a declared type name. */
const TYPE_KEYWORDS: ReadonlySet<string> = new Set([
  'any',
  'bigint',
  'boolean',
  'never',
  'number',
  'object',
  'string',
  'symbol',
  'undefined',
  'unknown',
  'void',
]);

const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True for an ASCII identifier that can name a binding (`const x`, `class X`, `interface X`). */
export function isIdentifier(text: string): boolean {
  return ASCII_IDENTIFIER.test(text) && !RESERVED_WORDS.has(text) && !TYPE_KEYWORDS.has(text);
}

/** A property key for an interface member or object literal: bare when plain, else a string literal. */
export function propertyKey(name: string): string {
  return isIdentifier(name) && !SPECIAL_KEYS.has(name) ? name : stringLiteral(name);
}

/** Property access: `.name` when plain, else `['name']`. */
export function propertyAccess(name: string): string {
  return isIdentifier(name) && !SPECIAL_KEYS.has(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}

/** Bidirectional formatting controls: escaped in strings, dropped from comments (they can reorder source text). */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function hex4(code: number): string {
  return code.toString(16).padStart(4, '0');
}

function isLoneSurrogate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const prev = text.charCodeAt(i - 1);
    return !(prev >= 0xd800 && prev <= 0xdbff);
  }
  return false;
}

const SHORT_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\\\'],
  ["'", "\\'"],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
  ['\b', '\\b'],
  ['\f', '\\f'],
  ['\v', '\\v'],
]);

/** True for a code unit that must not appear raw inside generated source (a string literal or a comment). */
function isInvisibleOrControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    BIDI.test(ch)
  );
}

/**
 * A single-quoted TypeScript string literal whose value is exactly `text`. Line terminators (including
 * U+2028/U+2029), control and bidi characters, the BOM and lone surrogates are written as escapes; everything
 * else (Chinese text, emoji) stays readable.
 */
export function stringLiteral(text: string): string {
  let out = "'";
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const short = SHORT_ESCAPES.get(ch);
    if (short !== undefined) out += short;
    else if (isInvisibleOrControl(ch) || isLoneSurrogate(text, i)) out += `\\u${hex4(ch.charCodeAt(0))}`;
    else out += ch;
  }
  return `${out}'`;
}

/**
 * Doc text made printable: newlines normalised to '\n' (U+2028/U+2029 too), tabs to spaces, control, bidi and
 * BOM characters removed, lone surrogates replaced by U+FFFD.
 */
function cleanText(text: string): string {
  let out = '';
  const normalised = text.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  for (let i = 0; i < normalised.length; i++) {
    const ch = normalised.charAt(i);
    if (ch === '\n') out += '\n';
    else if (ch === '\t') out += ' ';
    else if (isLoneSurrogate(normalised, i)) out += '\uFFFD';
    else if (!isInvisibleOrControl(ch)) out += ch;
  }
  return out;
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
 * Lines of doc text for a JSDoc block. A line starting with `@`, and any `{@`, is escaped with a backslash
 * (TSDoc's escape) so doc text never turns into a tag such as `@deprecated` or an inline `{@link}`.
 */
function docTextLines(text: string): string[] {
  const lines = cleanCommentText(text)
    .split('\n')
    .map((line) => line.trimEnd().replaceAll('{@', '{\\@'));
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines.map((line) => line.replace(/^(\s*)@/, '$1\\@'));
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
      const lines = docTextLines(part.text);
      if (lines.length === 0) continue;
      if (body.length > 0) body.push('');
      body.push(...lines);
      lastWasText = true;
      continue;
    }
    if (!TAG_NAME.test(part.tag)) throw new Error(`Invalid JSDoc tag name ${JSON.stringify(part.tag)}`);
    if (lastWasText) body.push('');
    lastWasText = false;
    const lines = part.text === undefined ? [] : docTextLines(part.text);
    if (lines.length <= 1) body.push(`@${part.tag}${lines.length === 1 ? ` ${lines[0] ?? ''}` : ''}`);
    else body.push(`@${part.tag}`, ...lines);
  }
  if (body.length === 0) return '';
  if (body.length === 1) return `${indent}/** ${body[0] ?? ''} */\n`;
  return `${indent}/**\n${body.map((line) => (line === '' ? `${indent} *\n` : `${indent} * ${line}\n`)).join('')}${indent} */\n`;
}

/** ASCII letter/digit runs of a text: the words an identifier is built from. */
export function identifierWords(text: string): string[] {
  return text.match(/[A-Za-z0-9]+/g) ?? [];
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `alibaba.damai.user` → `AlibabaDamaiUser`. Inner capitals are kept (`SetLoadBalancerName`). '' when no word. */
export function pascalCase(text: string): string {
  return identifierWords(text).map(upperFirst).join('');
}

/** `alibaba.damai.user` → `alibabaDamaiUser`. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/**
 * A type name from a doc's struct type: kept when it is already a plain capitalised identifier
 * (`UserRegisterVo`, `Foo_Bar`), otherwise built from its ASCII words (`List<Foo>` → `ListFoo`). Returns ''
 * when the text has no ASCII word at all (`结果`), so the caller can pick a path-derived name.
 */
export function typeNameFromDoc(docType: string): string {
  if (/^[A-Z][A-Za-z0-9_$]*$/.test(docType)) return docType;
  const pascal = pascalCase(docType);
  return /^[0-9]/.test(pascal) ? `T${pascal}` : pascal;
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
