/**
 * The output templates (templates/*.hbs), compiled by the build (the built-in ones) or once per run (overrides).
 * Handlebars runs with `noEscape`, `strict` and `knownHelpersOnly`: every value it receives is already escaped for
 * its place by safe.ts, a missing value is an error rather than an empty string, and a template can call only
 * Handlebars' built-in helpers. A template within template-compiler.ts' subset (every built-in one) runs as code
 * that compiler writes, with Handlebars' results; any other as Handlebars' own compiled code.
 *
 * Every template is also a partial under its name without the extension (`interface.ts.hbs` → `interface`).
 * Reading the files is the caller's job (see src/assets/templates.ts): this module does no I/O.
 */
import Handlebars from 'handlebars';
import { compileDirect, directTemplate } from './template-compiler.js';
import { TemplateError } from './template-error.js';
import { directRuntime, registerLeanEach, withFastLookups, type PartialInvoker } from './template-runtime.js';
import type {
  ApiClientView,
  ApiModuleView,
  BarrelView,
  ClientMethodView,
  ClientView,
  ReadmeView,
  RequestBaseView,
  RootView,
} from './views.js';

/** The template files topgen renders and the partials they use; an override folder may replace any of them. */
export const TEMPLATE_FILES = [
  'README.md.hbs',
  'all.ts.hbs',
  'api-client.ts.hbs',
  'api-module.ts.hbs',
  'client-method.ts.hbs',
  'client.ts.hbs',
  'index.ts.hbs',
  'interface.ts.hbs',
  'request-base.ts.hbs',
  'request-class.ts.hbs',
  'spec.ts.hbs',
] as const;

export type TemplateFile = (typeof TEMPLATE_FILES)[number];

export interface TemplateSource {
  readonly text: string;
  /** Where the text came from, for messages (`templates/spec.ts.hbs`, `my-templates/spec.ts.hbs`). */
  readonly path: string;
}

export type TemplateSources = ReadonlyMap<TemplateFile, TemplateSource>;

export { TemplateError };

export interface Templates {
  readonly apiModule: (view: ApiModuleView) => string;
  readonly clientMethod: (view: ClientMethodView) => string;
  readonly client: (view: ClientView) => string;
  readonly apiClient: (view: ApiClientView) => string;
  readonly root: (view: RootView) => string;
  readonly barrel: (view: BarrelView) => string;
  readonly requestBase: (view: RequestBaseView) => string;
  readonly readme: (view: ReadmeView) => string;
}

/**
 * Handlebars' compile options for every template (see the module comment). Of Handlebars' built-in helpers,
 * `log` (it prints to the console during generation) and the two fallbacks are taken out: a template may use
 * `if`, `unless`, `each`, `with` and `lookup`.
 */
export const TEMPLATE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: { log: false, helperMissing: false, blockHelperMissing: false },
} as const;

/** Handlebars reports positions as `- line:column` (compile and render errors) or `on line N` (parse errors). */
function templateError(error: unknown, path: string): TemplateError {
  if (error instanceof TemplateError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const position = / - (\d+):(\d+)$/.exec(raw) ?? /on line (\d+)/.exec(raw);
  const line = position?.[1] ?? '1';
  const column = position?.[2] === undefined ? '' : `:${Number(position[2]) + 1}`;
  const message = raw
    .replace(/ - \d+:\d+$/, '')
    .replace(/ not defined in \[object Object\]/, ' is not defined here')
    .replace(/^Parse error on line \d+:\n/, 'syntax error:\n');
  return new TemplateError(`${path}:${line}${column}: ${message}`);
}

/** A source position as Handlebars writes it into compiled code, once per lookup and helper call. */
const LOCATION = /\{"start":\{"line":\d+,"column":\d+\},"end":\{"line":\d+,"column":\d+\}\}/g;

/**
 * The template function from Handlebars' precompiled source, with each source position made once. Compiled
 * code creates a position object at every value lookup of every render (for the message should the value be
 * missing): millions of short-lived objects for a large package, which the collector then clears. As
 * constants, they are created when the template is. In compiled code a `"` inside a string literal is always
 * escaped, so the pattern matches only the positions themselves.
 */
function templateFromSource(handlebars: typeof Handlebars, precompiled: string): Handlebars.TemplateDelegate {
  const names = new Map<string, string>();
  const body = precompiled.replace(LOCATION, (location) => {
    let name = names.get(location);
    if (name === undefined) {
      name = `location${names.size}`;
      names.set(location, name);
    }
    return name;
  });
  const constants = [...names].map(([location, name]) => `const ${name} = ${location};\n`).join('');
  // The same evaluation Handlebars' own compile does (it builds each function with `new Function`).
  const spec = new Function(`${constants}return ${body};`)() as Parameters<typeof handlebars.template>[0];
  return handlebars.template(withFastLookups(spec));
}

function partialName(file: TemplateFile): string {
  return file.replace(/(\.ts)?\.hbs$/, '');
}

/**
 * A template's code: compileDirect's (engine `direct`) for a template within its subset, which all built-in
 * templates are; Handlebars' precompiled specification source (engine `handlebars`) for any other.
 */
export interface TemplateCode {
  readonly engine: 'direct' | 'handlebars';
  readonly code: string;
}

/** A template's source text and the code it compiles to (see precompileTemplate). */
export interface PrecompiledTemplate extends TemplateCode {
  readonly source: string;
}

/**
 * The code a template's text compiles to, with topgen's options. The build keeps it for the built-in templates
 * (dist/templates.json), so that a run compiles only the templates a user overrides.
 */
export function precompileTemplate(text: string): TemplateCode {
  const direct = compileDirect(text);
  if (direct !== undefined) return { engine: 'direct', code: direct };
  // (Its types call the precompiled source a specification; it is the specification's source text.)
  return { engine: 'handlebars', code: String(Handlebars.precompile(text, TEMPLATE_OPTIONS)) };
}

type TemplateFunction = (context: unknown, options?: { data?: unknown; partial?: boolean }) => string;

/**
 * Compiles every template. `precompiled` (the build's code of the built-in templates) is used for a file whose
 * text is the one it was made from, and ignored for any other: an override, or a template edited since the build.
 */
export function compileTemplates(
  sources: TemplateSources,
  precompiled: ReadonlyMap<string, PrecompiledTemplate> = new Map(),
): Templates {
  const handlebars = Handlebars.create();
  registerLeanEach(handlebars);
  const runtime = directRuntime(handlebars);
  // Every template is a partial of every other, whichever engine runs either: directly compiled code calls
  // these, Handlebars' code its registered partials.
  const partials = new Map<string, PartialInvoker>();
  const compiled = new Map<TemplateFile, TemplateFunction>();
  for (const file of TEMPLATE_FILES) {
    const source = sources.get(file);
    if (source === undefined) throw new TemplateError(`template ${file} is missing`);
    let template: TemplateFunction;
    let built: TemplateCode;
    try {
      // Compiling checks syntax and helper names now, not at the first render.
      const kept = precompiled.get(file);
      built = kept?.source === source.text ? kept : precompileTemplate(source.text);
      template =
        built.engine === 'direct'
          ? directTemplate(built.code, runtime, partials)
          : (templateFromSource(handlebars, built.code) as TemplateFunction);
    } catch (error) {
      throw templateError(error, source.path);
    }
    // A render error names the innermost template it happened in, partials included.
    const named: TemplateFunction = (context, options) => {
      try {
        return template(context, options);
      } catch (error) {
        throw templateError(error, source.path);
      }
    };
    compiled.set(file, named);
    handlebars.registerPartial(partialName(file), named as Handlebars.TemplateDelegate);
    // Called as a partial, Handlebars' code would look for its caller's helpers and partials in the options, which
    // direct code has none of: it renders as a top-level template, from the caller's data frame (`@root` and all,
    // which a top-level render keeps when the frame has a root).
    const asPartial = built.engine === 'direct';
    partials.set(partialName(file), (context, data) => named(context, { data, partial: asPartial }));
  }
  const render =
    <T>(file: TemplateFile) =>
    (view: T): string =>
      (compiled.get(file) as TemplateFunction)(view);
  return {
    apiModule: render<ApiModuleView>('api-module.ts.hbs'),
    clientMethod: render<ClientMethodView>('client-method.ts.hbs'),
    client: render<ClientView>('client.ts.hbs'),
    apiClient: render<ApiClientView>('api-client.ts.hbs'),
    root: render<RootView>('index.ts.hbs'),
    barrel: render<BarrelView>('all.ts.hbs'),
    requestBase: render<RequestBaseView>('request-base.ts.hbs'),
    readme: render<ReadmeView>('README.md.hbs'),
  };
}
