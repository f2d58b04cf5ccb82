import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { topgenRoot } from '../../src/assets/package-root.js';
import { compileDirect, directTemplate } from '../../src/emit/template-compiler.js';
import { directRuntime, type PartialInvoker } from '../../src/emit/template-runtime.js';
import { TEMPLATE_OPTIONS } from '../../src/emit/templates.js';
import { outcome } from './support/outcome.js';

/** Handlebars as it comes, with `part` as a partial. */
function stock(text: string, partText: string, context: unknown): string {
  return outcome(() => {
    const handlebars = Handlebars.create();
    handlebars.registerPartial('part', handlebars.compile(partText, TEMPLATE_OPTIONS));
    return handlebars.compile(text, TEMPLATE_OPTIONS)(context);
  });
}

/** Both templates compiled directly, `part` called as compileTemplates calls a directly compiled partial. */
function direct(text: string, partText: string, context: unknown): string {
  return outcome(() => {
    const runtime = directRuntime(Handlebars.create());
    const partials = new Map<string, PartialInvoker>();
    const compile = (source: string) => {
      const code = compileDirect(source);
      if (code === undefined) throw new Error(`outside the direct subset: ${source}`);
      return directTemplate(code, runtime, partials);
    };
    const part = compile(partText);
    partials.set('part', (partContext, data) => part(partContext, { data, partial: true }));
    return compile(text)(context);
  });
}

/** Paths as the subset allows them: names, nested names, `this`, data variables, and a name nobody sets. */
const path = fc.constantFrom(
  'a',
  'b',
  'n',
  'list',
  'obj',
  'fn',
  'obj.a',
  'obj.list',
  'a.b',
  'list.length',
  'this',
  '.',
  'this.a',
  './n',
  '@index',
  '@key',
  '@first',
  '@last',
  '@root',
  '@root.n',
  '@root.obj.a',
  'missing',
  '[a]',
  // Inherited names, which Handlebars' prototype-access rules decide on.
  'toString',
  'obj.constructor',
);

const content = fc.constantFrom('x', 'y', ' ', '  ', '\n', '\n  ', '\t', ',', 'a b\n');
const tag = (inner: string, open: boolean, close: boolean) =>
  `{{${open ? '~' : ''}${inner}${close ? '~' : ''}}}`;
const mustache = fc
  .tuple(path, fc.boolean(), fc.boolean(), fc.boolean())
  .map(([name, triple, open, close]) => (triple ? `{{{${name}}}}` : tag(name, open, close)));
const comment = fc.constantFrom('{{! a note }}', '{{!-- {{a}} --}}', '  {{! standalone }}\n');
const partial = fc
  .tuple(fc.option(path, { nil: undefined }), fc.constantFrom('', '  ', '\t'), fc.boolean(), fc.boolean())
  .map(([argument, indent, standalone, missing]) => {
    const call = `{{> ${missing ? 'absent' : 'part'}${argument === undefined ? '' : ` ${argument}`}}}`;
    return standalone ? `\n${indent}${call}\n` : `${indent}${call}`;
  });

const { body } = fc.letrec<{ body: string; statement: string; block: string }>((tie) => ({
  body: fc.array(tie('statement'), { maxLength: 5 }).map((parts) => parts.join('')),
  statement: fc.oneof({ maxDepth: 3, depthSize: 'small' }, content, mustache, comment, partial, tie('block')),
  block: fc
    .tuple(
      fc.constantFrom('if', 'unless', 'each'),
      path,
      tie('body'),
      fc.option(tie('body'), { nil: undefined }),
      fc.constantFrom('inline', 'standalone', 'chained', 'inverted', 'twin'),
      path,
    )
    .map(([helper, argument, fn, inverse, form, chainedArgument]) => {
      const open = `{{#${helper} ${argument}}}`;
      const close = `{{/${helper}}}`;
      switch (form) {
        case 'standalone':
          return `\n${open}\n${fn}\n${inverse === undefined ? '' : `{{else}}\n${inverse}\n`}${close}\n`;
        case 'chained':
          return `${open}${fn}{{else if ${chainedArgument}}}${inverse ?? ''}{{else}}${fn}${close}`;
        case 'inverted':
          return `{{^${helper} ${argument}}}${fn}${close}`;
        case 'twin':
          // The same program twice, once behind a comment: one program to Handlebars, errors at the first.
          return `${open}${fn}{{else}}{{! twin }}${fn}${close}`;
        default:
          return `${open}${fn}${inverse === undefined ? '' : `{{else}}${inverse}`}${close}`;
      }
    }),
}));

/** A function value: Handlebars calls it with the context as `this` (value) or the block's (argument). */
function lambda(this: unknown): string {
  return Array.isArray(this) ? `array(${this.length})` : this === null ? 'null' : typeof this;
}

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    fc.string({ maxLength: 3 }),
    fc.constantFrom('', 'two\nlines', 'end\n'),
    fc.integer({ min: -1, max: 3 }),
    fc.boolean(),
    fc.constantFrom(null, undefined, lambda),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.sparseArray(tie('value'), { maxLength: 3 }),
    fc.array(tie('value'), { maxLength: 3 }).map((list) => new Set(list)),
    fc
      .array(fc.tuple(fc.constantFrom('a', 'n', 'k'), tie('value')), { maxLength: 3 })
      .map((pairs) => new Map(pairs)),
    fc.record(
      { a: tie('value'), b: tie('value'), n: tie('value'), list: tie('value'), obj: tie('value') },
      { requiredKeys: [] },
    ),
  ),
}));

const view = fc.oneof(
  fc.record(
    { a: value, b: value, n: value, list: value, obj: value, fn: fc.constant(lambda) },
    { requiredKeys: [] },
  ),
  value,
);

const templateDir = join(topgenRoot(), 'templates');

describe('direct template compiler', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('renders every template of its subset as Handlebars does: the same text, or the same error', () => {
    // Handlebars warns once about each inherited name it refuses; the outcome is what counts here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fc.assert(
      fc.property(body, body, view, (text, partText, context) => {
        // A partial's own partial calls would recurse without end; the generated ones stay in `part` only.
        const partWithoutCalls = partText.replace(/\{\{> \w+[^}]*\}\}/g, '');
        expect(direct(text, partWithoutCalls, context), text).toBe(stock(text, partWithoutCalls, context));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
  });

  it('keeps the quirks: numbers add up, a missing name is an error at its position', () => {
    const cases: [string, unknown][] = [
      ['{{n}}{{n}}!', { n: 1 }],
      ['{{#if n}}{{n}}{{/if}}{{n}}', { n: 2 }],
      ['{{a}}\n  {{b.c}}', { a: 1, b: {} }],
      ['{{#each list}}{{@index}}{{/each}}', { list: { x: 1 } }],
      ['{{a.length}}', { a: 'text' }],
      ['{{a}}', null],
      // Programs equal but for comments and emptied text are one to Handlebars: the first position is reported.
      ['{{#if a}}{{b}}{{else}}{{! note }}{{b}}{{/if}}', { a: false }],
      ['{{#if a}}{{b}}{{else}} {{~b}}{{/if}}', { a: false }],
      ['{{#if a}}{{b}}{{else}}{{this.b}}{{/if}}', { a: false }],
      // A partial is an own member of the partials Handlebars knows, never one of Object.prototype's.
      ['{{> toString}}{{> constructor}}', {}],
    ];
    for (const [text, context] of cases) expect(direct(text, '', context)).toBe(stock(text, '', context));
    expect(direct('{{n}}{{n}}!', '', { n: 1 })).toBe('ok: "2!"');
    expect(direct('{{a}}\n  {{b.c}}', '', { a: 1, b: {} })).toBe(
      'threw: "c" not defined in [object Object] - 2:4',
    );
  });

  it('compiles every built-in template', () => {
    const files = readdirSync(templateDir).filter((file) => file.endsWith('.hbs'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(compileDirect(readFileSync(join(templateDir, file), 'utf8')), file).toEqual(expect.any(String));
  });

  it('leaves every construct outside its subset to Handlebars', () => {
    const outside = [
      '{{#with a}}{{b}}{{/with}}',
      '{{#each list}}{{../a}}{{/each}}',
      '{{#each list}}{{@../index}}{{/each}}',
      '{{#each list as |item|}}{{item}}{{/each}}',
      '{{lookup a b}}',
      '{{log}}',
      '{{each}}',
      '{{#if a b}}{{/if}}',
      '{{#if}}{{/if}}',
      '{{#if (a)}}{{/if}}',
      '{{#if a includeZero=true}}{{/if}}',
      '{{#a}}{{/a}}',
      '{{"text"}}',
      '{{> part a b}}',
      '{{> part a=1}}',
      '{{> (a)}}',
      '{{#> part}}fallback{{/part}}',
      '{{#*inline "x"}}y{{/inline}}',
      '{{*decorator}}',
    ];
    for (const text of outside) expect(compileDirect(text), text).toBeUndefined();
    // …which renders them (or rejects them) as it always has.
    expect(compileDirect('{{this.if}} {{./each}} {{a.log}}')).toEqual(expect.any(String));
  });

  it('keeps template text out of the code it writes', () => {
    const hostile = '"); throw new Error("escaped"); ("\n`${x}` \\ \u2028 */ {{[a"b]}} {{> [x"y]}}';
    const code = compileDirect(hostile) ?? '';
    expect(code).not.toContain('throw new Error("escaped")');
    expect(direct(hostile, '', { 'a"b': 1 })).toBe(stock(hostile, '', { 'a"b': 1 }));
  });

  it('throws Handlebars’ parse error for a template that does not parse', () => {
    expect(() => compileDirect('{{#if a}}')).toThrow(/Parse error|Expecting/);
  });
});
