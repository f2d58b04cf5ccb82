/**
 * Doc text that tries to break generated code: comment and string terminators, template syntax, line and
 * paragraph separators, bidi controls, control characters, markup, and payloads that would run if any of them
 * escaped into code. Everything here is data for the arbitraries in doc-arbitrary.ts.
 */
import fc from 'fast-check';

/**
 * Code that runs when it escapes its context: a block comment, a line comment, a single/double-quoted or
 * template string, a Handlebars template, markup. Each one names the identifier `__pwned` as code (an
 * assignment to `globalThis.__pwned`, or `throw __pwned`, a ReferenceError that names it), so a payload that
 * escaped shows up both at run time and as an `__pwned` token outside comments and strings.
 */
export const MARKER = '__pwned';

export const PAYLOADS: readonly string[] = [
  'globalThis.__pwned = true',
  '*/ globalThis.__pwned = true; /*',
  "'; globalThis.__pwned = true; '",
  '"; globalThis.__pwned = true; "',
  '`; globalThis.__pwned = true; `',
  '${globalThis.__pwned = true}',
  '\u2028globalThis.__pwned = true //',
  '\nglobalThis.__pwned = true;\n',
  "'); throw __pwned; ('",
  '*/ throw __pwned /*',
  "{{constructor.constructor('globalThis.__pwned = true')()}}",
  '</script><script>globalThis.__pwned = true</script>',
  '\\u0027; globalThis.__pwned = true; //',
  "\\'; globalThis.__pwned = true; //",
];

/** Short fragments that are dangerous in at least one output context. */
export const HAZARDS: readonly string[] = [
  '*/',
  '/*',
  '//',
  '`',
  '${',
  '}',
  "'",
  '"',
  '\\',
  '\\u0027',
  '\u2028',
  '\u2029',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u2069',
  '\u200F',
  '\u061C',
  '\uFEFF',
  '\u0001',
  '\u0007',
  '\u001B[31m',
  '\u007F',
  '\u0085',
  '\r',
  '\t',
  '😀',
  '\uD800',
  '\uDFFF',
  '👨‍👩‍👧',
  '<script>',
  '</',
  '-->',
  '<!--',
  ']]>',
  '{{',
  '}}',
  '{{{x}}}',
  '{{{__proto__}}}',
  '@deprecated',
  '{@link x}',
  '&amp;',
  '&lt;',
  '<br/>',
  '#',
  '|',
  '名字',
  'ünï',
];

/** Letters, CJK and symbols: ordinary doc wording. */
const WORDS = fc.constantFrom(
  'a',
  'id',
  'value',
  '名称',
  '查询',
  '说明',
  'x1',
  'OK',
  '0',
  '-',
  ':',
  '(',
  ')',
);

/** One fragment: a hazard, a payload, a word, or random code points (no NUL, no lone surrogates). */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HAZARDS) },
  { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 3, arbitrary: WORDS },
  {
    weight: 2,
    arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replaceAll('\u0000', '')),
  },
);

/** Any doc text: fragments joined by nothing or a space. May be empty and may have surrounding spaces. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.tuple(fragment, fc.constantFrom('', ' ')), { maxLength: 6 })
  .map((parts) => parts.map(([text, sep]) => text + sep).join(''));

/** Non-empty, no leading or trailing whitespace (what readers keep after trimming). */
export const trimmedText: fc.Arbitrary<string> = hostileText
  .map((text) => text.trim())
  .filter((text) => text !== '');
