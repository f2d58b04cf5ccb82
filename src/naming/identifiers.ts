/**
 * TypeScript identifier rules: which names can be declared, and how identifiers are built from API names and doc
 * type names. Identifiers are ASCII only: Node's regex tables and TypeScript's scanner may disagree on the newest
 * Unicode identifier characters, and an ASCII name means the same thing to every tool. Anything else is quoted
 * where it is written (emit/safe.ts).
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
