/**
 * Handlebars' runtime steps made lean for what topgen does with them: render many small views, 100,000+ member
 * lines for a platform-sized package. DirectRuntime serves the code template-compiler.ts writes; the lean `#each`
 * and lookups serve the templates Handlebars compiles itself. Each behaves as Handlebars' own (4.7) for every
 * template; only the work per value and per iteration is less.
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
 * Handlebars' `#each` loop: the same iteration order, data variables (`@index`, `@key`, `@first`, `@last`),
 * `{{else}}` and iterator closing, minus its per-iteration garbage: Handlebars builds an options object, two
 * arrays and a context-path string for every item. `frame` is the render's data frame, or undefined when the
 * render has none; `block` renders one item with the loop's frame (one object, updated per item, as Handlebars
 * does), `inverse` the `{{else}}` part. Returns what Handlebars' `each` helper returns.
 */
export function eachItems(
  self: unknown,
  context: unknown,
  frame: Record<string, unknown> | undefined,
  block: (item: unknown, key: string | number, frame: Record<string, unknown> | undefined) => unknown,
  inverse: (self: unknown) => unknown,
): unknown {
  let items = context;
  if (typeof items === 'function') items = (items as (this: unknown) => unknown).call(self);
  let out = '';
  let count = 0;
  const iteration = (key: string | number, index: number, last: boolean, value: unknown): void => {
    if (frame !== undefined) {
      frame.key = key;
      frame.index = index;
      frame.first = index === 0;
      frame.last = last;
    }
    out += block(value, key, frame) as string;
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
  return count === 0 ? inverse(self) : out;
}

/**
 * A new data frame over the render's (`@root` and the rest seen through it), as Handlebars makes for each `#each`
 * and a top-level render; none when the render has no data, so no `@index` and the like.
 */
function childFrame(
  handlebars: typeof Handlebars,
  data: DataFrame | null | undefined,
): DataFrame | undefined {
  return data ? (handlebars.createFrame(data) as DataFrame) : undefined;
}

/**
 * Handlebars' `#each` helper on eachItems, for the templates Handlebars itself renders (see
 * template-compiler.ts). One options object serves all items; block params are built only for a block that
 * declares them. (Context paths exist only under the `trackIds` compile option, which topgen never sets.)
 */
export function registerLeanEach(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('each', function each(this: unknown, context: unknown, options?: BlockOptions) {
    if (options === undefined) throw new handlebars.Exception('Must pass iterator to #each');
    const { fn, inverse } = options;
    if (fn === undefined) throw new handlebars.Exception('#each needs a block: {{#each …}}…{{/each}}');
    const frame = childFrame(handlebars, options.data);
    const withParams = (fn.blockParams ?? 0) > 0;
    // Handlebars' programs read `data` and `blockParams` from it and keep nothing: one object serves all items.
    const blockOptions: { data?: unknown; blockParams?: unknown[] } = { data: frame };
    return eachItems(
      this,
      context,
      frame,
      (item, key) => {
        if (withParams) blockOptions.blockParams = [item, key];
        return fn(item, blockOptions);
      },
      inverse,
    );
  });
}

/** A data frame (`@root`, `@index`, …), as Handlebars passes it down a render. */
export type DataFrame = Record<string, unknown>;

/** One program of a directly compiled template (the template's body, or a block's): context and data in. */
export type DirectProgram = (context: unknown, data: DataFrame | undefined) => unknown;

/** A template as a partial, called from a directly compiled template with the caller's data frame. */
export type PartialInvoker = (context: unknown, data: DataFrame | undefined) => string;

/** Source position of a lookup, for the message should the value be missing (Handlebars' own shape). */
interface SourcePosition {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

/**
 * What the code of a directly compiled template calls (see template-compiler.ts): Handlebars' runtime steps
 * for the subset that compiler accepts, each written to do what Handlebars 4.7 does with `strict`, `noEscape`
 * and `knownHelpersOnly`, error messages included.
 */
export interface DirectRuntime {
  /** The context of a block whose own context is null or undefined (Handlebars' `nullContext`). */
  readonly nullContext: object;
  readonly noop: DirectProgram;
  /** `{{…name}}`'s last step: a name the object does not have is an error (strict mode). */
  strict(object: unknown, name: string, position: SourcePosition): unknown;
  /** Every other step of a path, and block and partial arguments: a missing name gives undefined. */
  lookup(object: unknown, name: string): unknown;
  /** A function value is called with the context as `this` (Handlebars' lambdas). */
  lambda(value: unknown, context: unknown): unknown;
  /** An appended value: null and undefined append nothing. */
  orEmpty(value: unknown): unknown;
  ifBlock(
    self: unknown,
    condition: unknown,
    data: DataFrame | undefined,
    fn: DirectProgram,
    inverse: DirectProgram,
  ): unknown;
  each(
    self: unknown,
    items: unknown,
    data: DataFrame | undefined,
    fn: DirectProgram,
    inverse: DirectProgram,
  ): unknown;
  partial(
    partials: ReadonlyMap<string, PartialInvoker>,
    name: string,
    context: unknown,
    data: DataFrame | undefined,
    indent: string,
  ): string;
  /** The data frame of a top-level render: `@root` is its context. */
  initData(context: unknown, data: DataFrame | undefined): DataFrame;
}

/**
 * Handlebars' own value lookup (prototype-access rules, their one-time warnings and all), taken from a
 * container of a template of this Handlebars instance: it is reached only for what isPlainOwn declines.
 */
function handlebarsLookup(handlebars: typeof Handlebars): LookupContainer['lookupProperty'] {
  let container: LookupContainer | undefined;
  const spec = {
    compiler: [8, '>= 4.3.0'],
    main: (given: LookupContainer) => {
      container = given;
      return '';
    },
    useData: true,
  } as unknown as TemplateSpec;
  handlebars.template(spec)({});
  if (container === undefined) throw new Error('Handlebars did not run a template');
  const found = container;
  return (object, name) => found.lookupProperty(object, name);
}

export function directRuntime(handlebars: typeof Handlebars): DirectRuntime {
  let slowLookup: LookupContainer['lookupProperty'] | undefined;
  const lookup = (object: unknown, name: string): unknown => {
    if (isPlainOwn(object, name)) return object[name];
    slowLookup ??= handlebarsLookup(handlebars);
    return slowLookup(object, name);
  };
  const noop: DirectProgram = () => '';
  return {
    nullContext: Object.seal({}),
    noop,
    strict(object, name, position) {
      if (isPlainOwn(object, name)) return object[name];
      // As Handlebars: `in` on a primitive throws its own TypeError.
      if (!object || !(name in (object as object)))
        throw new handlebars.Exception(
          // `+`, as Handlebars writes it: an object's valueOf comes before its toString.
          '"' + name + '" not defined in ' + (object as string),
          { loc: position } as never,
        );
      return lookup(object, name);
    },
    lookup,
    lambda: (value, context) =>
      typeof value === 'function' ? (value as (this: unknown) => unknown).call(context) : value,
    orEmpty: (value) => (value != null ? value : ''),
    ifBlock(self, condition, data, fn, inverse) {
      const value =
        typeof condition === 'function' ? (condition as (this: unknown) => unknown).call(self) : condition;
      return !value || (Array.isArray(value) && value.length === 0) ? inverse(self, data) : fn(self, data);
    },
    each(self, items, data, fn, inverse) {
      return eachItems(
        self,
        items,
        childFrame(handlebars, data),
        (item, _key, frame) => fn(item, frame ?? data),
        (context) => inverse(context, data),
      );
    },
    partial(partials, name, context, data, indent) {
      const invoke = partials.get(name);
      if (invoke === undefined) throw new handlebars.Exception(`The partial ${name} could not be found`);
      const result = invoke(context, data);
      if (indent === '') return result;
      const lines = result.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (lines[i] === '' && i + 1 === lines.length) break;
        lines[i] = indent + (lines[i] as string);
      }
      return lines.join('\n');
    },
    initData(context, data) {
      if (data && 'root' in data) return data;
      const frame = childFrame(handlebars, data) ?? {};
      frame.root = context;
      return frame;
    },
  };
}
