import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { registerLeanEach, withFastLookups } from '../../src/emit/template-runtime.js';
import { TEMPLATE_OPTIONS } from '../../src/emit/templates.js';
import { outcome } from './support/outcome.js';

type Render = (context: unknown) => string;

/** Handlebars as it comes. */
function stock(text: string): Render {
  const handlebars = Handlebars.create();
  const template = handlebars.compile(text, TEMPLATE_OPTIONS);
  return (context) => template(context);
}

/** Handlebars with topgen's lean `#each` and lookups, from precompiled code as topgen runs it. */
function lean(text: string): Render {
  const handlebars = Handlebars.create();
  registerLeanEach(handlebars);
  const code = String(Handlebars.precompile(text, TEMPLATE_OPTIONS));
  const spec = new Function(`return ${code};`)() as Parameters<typeof Handlebars.template>[0];
  const template = handlebars.template(withFastLookups(spec));
  return (context) => template(context);
}

const TEMPLATES = [
  '{{#each items}}[{{@index}}:{{@key}}:{{#if @first}}F{{/if}}{{#if @last}}L{{/if}}={{this}}]{{else}}none{{/each}}',
  '{{#each items as |item key|}}{{key}}={{item}};{{else}}none{{/each}}',
  '{{#each items}}{{#each ../items}}{{@../index}}.{{@index}}/{{@../key}} {{/each}}|{{/each}}',
  '{{#each items as |outer|}}{{#each ../items}}{{outer}}>{{this}},{{/each}};{{/each}}',
  '{{name}}:{{#each items}}{{../name}}-{{@index}} {{/each}}',
  '{{#each items}}{{#unless @first}}, {{/unless}}{{this}}{{/each}}',
];

/** What `#each` iterates: arrays (holes too), plain objects, Maps, Sets, generators, and non-iterables. */
const values = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null), fc.boolean());
const items = fc.oneof(
  fc.array(values, { maxLength: 5 }),
  fc.sparseArray(values, { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 3 }), values, { maxKeys: 5 }),
  fc.array(fc.tuple(fc.string({ maxLength: 3 }), values), { maxLength: 4 }).map((pairs) => new Map(pairs)),
  fc.array(values, { maxLength: 4 }).map((list) => new Set(list)),
  fc.array(values, { maxLength: 4 }).map((list) => ({
    *[Symbol.iterator]() {
      yield* list;
    },
  })),
  fc.constantFrom(undefined, null, 0, 'text', true),
);

describe('lean template runtime', () => {
  it('renders #each exactly as Handlebars does, for every kind of collection', () => {
    const pairs = TEMPLATES.map((text) => ({ text, stock: stock(text), lean: lean(text) }));
    fc.assert(
      fc.property(items, fc.string({ maxLength: 3 }), (collection, name) => {
        for (const pair of pairs) {
          const context = { items: collection, name };
          expect(
            outcome(() => pair.lean(context)),
            pair.text,
          ).toBe(outcome(() => pair.stock(context)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('looks values up exactly as Handlebars does: own, missing, inherited, null, constructor', () => {
    const text = '{{a}}|{{b.c}}|{{#each list}}{{x}}{{/each}}';
    const stockRender = stock(text);
    const leanRender = lean(text);
    class WithGetter {
      get a(): string {
        return 'from a getter';
      }
    }
    const contexts: unknown[] = [
      { a: 'one', b: { c: 'two' }, list: [{ x: 1 }, { x: null }] },
      { a: null, b: { c: undefined }, list: [] },
      { a: 'one', b: { c: 'two' } },
      { a: 'one', b: {}, list: [] },
      { a: 'one', b: null, list: [] },
      { a: 'one', b: { c: 'two' }, list: [{ y: 1 }] },
      Object.assign(Object.create({ a: 'inherited' }) as object, { b: { c: 'own' }, list: [] }),
      new WithGetter(),
      { a: 'one', b: { c: 'two' }, list: ['primitive'] },
    ];
    for (const context of contexts)
      expect(outcome(() => leanRender(context))).toBe(outcome(() => stockRender(context)));
    // A `constructor` member is left to Handlebars' own checks, which refuse a prototype's constructor.
    const constructorText = '{{constructor}}|{{#each list}}{{constructor}}{{/each}}';
    const withConstructor = [
      { constructor: 'own value', list: [{ constructor: 'own' }] },
      { constructor: 'x', list: [Object.prototype] },
    ];
    for (const context of withConstructor)
      expect(outcome(() => lean(constructorText)(context))).toBe(
        outcome(() => stock(constructorText)(context)),
      );
  });

  it('closes an unfinished iterator when the block throws, as Handlebars does', () => {
    const text = '{{#each items}}{{missing}}{{/each}}';
    const closed = { stock: 0, lean: 0 };
    const iterable = (side: keyof typeof closed) => ({
      *[Symbol.iterator]() {
        try {
          yield { present: 1 };
          yield { present: 2 };
        } finally {
          closed[side]++;
        }
      },
    });
    const stockOutcome = outcome(() => stock(text)({ items: iterable('stock') }));
    const leanOutcome = outcome(() => lean(text)({ items: iterable('lean') }));
    expect(leanOutcome).toBe(stockOutcome);
    expect(leanOutcome).toMatch(/^threw: "missing" not defined/);
    expect(closed).toEqual({ stock: 1, lean: 1 });
  });

  it('reports an #each without a block', () => {
    expect(outcome(() => lean('{{each items}}')({ items: [1] }))).toMatch(/#each needs a block/);
  });
});
