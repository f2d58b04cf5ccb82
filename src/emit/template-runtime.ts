/**
 * Parts of Handlebars' runtime made lean for what topgen does with it: render many small views, 100,000+
 * member lines for a platform-sized package. Each behaves as Handlebars' own (4.7) for every template; only
 * the work per value and per iteration is less.
 */
import type Handlebars from 'handlebars';

type TemplateSpec = Parameters<typeof Handlebars.template>[0];

/** The part of a template's runtime container the lookups below replace. */
interface LookupContainer {
  strict: (object: unknown, name: string, location: unknown) => unknown;
  lookupProperty: (object: unknown, name: string) => unknown;
}

/** A compiled template's entry: container, context, helpers, partials, data, block params, depths. */
type MainProgram = (
  container: LookupContainer,
  context: unknown,
  helpers: unknown,
  partials: unknown,
  data: unknown,
  blockParams: unknown,
  depths: unknown,
) => string;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Handlebars returns an own property of an object as it is, after a check that only a `constructor` can fail;
 * every other case (a missing name, which strict mode reports; an inherited member, which its prototype-access
 * rules decide on; a primitive) is left to its own lookup.
 */
const isPlainOwn = (object: unknown, name: string): object is Record<string, unknown> =>
  typeof object === 'object' && object !== null && name !== 'constructor' && hasOwn.call(object, name);

function useFastLookups(container: LookupContainer): void {
  const { strict, lookupProperty } = container;
  container.strict = (object, name, location) =>
    isPlainOwn(object, name) ? object[name] : strict(object, name, location);
  container.lookupProperty = (object, name) =>
    isPlainOwn(object, name) ? object[name] : lookupProperty(object, name);
}

/**
 * The template spec with value lookups that read a view's own properties directly. Handlebars calls them once
 * per `{{name}}` of every render (`container.strict` in strict mode, `lookupProperty` for helper and partial
 * arguments), each time through its prototype-access checks. Every render of a template, top-level or as a
 * partial, starts in the spec's `main` with the template's one container, which is patched there, once.
 */
export function withFastLookups(spec: TemplateSpec): TemplateSpec {
  const main = (spec as { main: MainProgram }).main;
  let patched = false;
  const patchedMain: MainProgram = function (
    this: unknown,
    container,
    context,
    helpers,
    partials,
    data,
    blockParams,
    depths,
  ) {
    if (!patched) {
      useFastLookups(container);
      patched = true;
    }
    return main.call(this, container, context, helpers, partials, data, blockParams, depths);
  };
  return { ...spec, main: patchedMain } as TemplateSpec;
}

/** What a block helper receives that Handlebars' types leave out. */
interface BlockOptions {
  readonly fn?: ((context: unknown, options: { data?: unknown; blockParams?: unknown[] }) => string) & {
    /** How many block params (`as |item index|`) the block declares. */
    readonly blockParams?: number;
  };
  readonly inverse: (context: unknown) => string;
  readonly data?: Record<string, unknown> | null;
}

/**
 * Handlebars' `#each`, with the same iteration order, data variables (`@index`, `@key`, `@first`, `@last`),
 * block params, `{{else}}` and iterator closing, minus its per-iteration garbage: Handlebars builds an options
 * object, two arrays and a context-path string for every item, where this passes one options object along and
 * builds block params only for a block that declares them. (Context paths exist only under the `trackIds`
 * compile option, which topgen never sets.)
 */
export function registerLeanEach(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('each', function each(this: unknown, context: unknown, options?: BlockOptions) {
    if (options === undefined) throw new handlebars.Exception('Must pass iterator to #each');
    const { fn, inverse } = options;
    if (fn === undefined) throw new handlebars.Exception('#each needs a block: {{#each …}}…{{/each}}');
    let items = context;
    if (typeof items === 'function') items = (items as (this: unknown) => unknown).call(this);
    // As Handlebars: no frame (no `@index` and the like) when the render has no data.
    const data =
      options.data === undefined || options.data === null
        ? undefined
        : (handlebars.createFrame(options.data) as Record<string, unknown>);
    const withParams = (fn.blockParams ?? 0) > 0;
    // Handlebars' programs read `data` and `blockParams` from it and keep nothing: one object serves all items.
    const blockOptions: { data?: unknown; blockParams?: unknown[] } = { data };
    let out = '';
    let count = 0;
    const iteration = (key: string | number, index: number, last: boolean, value: unknown): void => {
      if (data !== undefined) {
        data.key = key;
        data.index = index;
        data.first = index === 0;
        data.last = last;
      }
      if (withParams) blockOptions.blockParams = [value, key];
      out += fn(value, blockOptions);
    };
    if (typeof items === 'object' && items !== null) {
      if (Array.isArray(items)) {
        for (; count < items.length; count++)
          if (count in items) iteration(count, count, count === items.length - 1, items[count]);
      } else if ((items as { [Symbol.iterator]?: unknown })[Symbol.iterator]) {
        const iterator = (items as Iterable<unknown>)[Symbol.iterator]();
        let current = iterator.next();
        while (current.done !== true) {
          const next = iterator.next();
          try {
            iteration(count, count, next.done === true, current.value);
          } catch (error) {
            // As for…of does, so that a generator runs its cleanup; the block's error is the one to report.
            if (next.done !== true)
              try {
                iterator.return?.();
              } catch {
                // an error while closing is not the cause
              }
            throw error;
          }
          current = next;
          count++;
        }
      } else {
        const record = items as Record<string, unknown>;
        const keys = Object.keys(record);
        for (; count < keys.length; count++) {
          const key = keys[count] as string;
          iteration(key, count, count === keys.length - 1, record[key]);
        }
      }
    }
    return count === 0 ? inverse(this) : out;
  });
}
