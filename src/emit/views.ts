/**
 * The view models the templates receive (docs/templates.md describes each). Every string is final text for
 * its place: identifiers and literals come from safe.ts, doc comments are complete JSDoc blocks (already
 * indented, ending in a line end) or '', and fixed type expressions come from the type map. Templates only
 * arrange them.
 */

/** One interface member; also an index signature, whose `key` is `[key: string]`. */
export interface MemberView {
  readonly doc: string;
  /** `'readonly '` or `''`. */
  readonly readonly: string;
  /** A bare identifier, a quoted wire name, or `[key: string]`. */
  readonly key: string;
  /** `'?'` or `''`. */
  readonly optional: string;
  readonly type: string;
}

/** The init and response interfaces and each struct interface. */
export interface InterfaceView {
  readonly doc: string;
  readonly name: string;
  readonly members: readonly MemberView[];
}

export interface RequestClassView {
  readonly doc: string;
  readonly name: string;
  /** The shared base class. */
  readonly base: string;
  readonly init: string;
  readonly response: string;
  readonly spec: string;
  /** False when every param is optional: the constructor's init defaults to `{}`. */
  readonly initRequired: boolean;
  /** True for a paged API: the class carries the `__pageable` phantom member `client.paginate` accepts. */
  readonly pageable: boolean;
  /** The interface merged into the class (its params, readable by wire name); false without params. */
  readonly merged: false | { readonly doc: string; readonly base: string };
}

export interface SpecView {
  readonly doc: string;
  readonly name: string;
  /** The spec's JSON text as a string literal, the argument of `apiSpecFromJson`. */
  readonly json: string;
}

/** `src/apis/<api>.ts`. */
export interface ApiModuleView {
  readonly header: string;
  /** The runtime import's specifiers (`API_SPEC, type ApiSpec, type TopNumber`). */
  readonly runtimeImports: string;
  readonly requestBase: string;
  readonly request: RequestClassView;
  readonly init: InterfaceView;
  readonly response: InterfaceView;
  readonly structs: readonly InterfaceView[];
  readonly spec: SpecView;
}

/** One method of the client. */
export interface ClientMethodView {
  readonly doc: string;
  readonly name: string;
  /** The API module's namespace in api-client.ts; the names below are its exports. */
  readonly namespace: string;
  readonly request: string;
  readonly init: string;
  readonly response: string;
  readonly spec: string;
  readonly initRequired: boolean;
}

/** One row of the client's method table: method name → the API module's spec. */
export interface ClientSpecView {
  readonly method: string;
  readonly namespace: string;
  readonly spec: string;
}

/** `src/client.ts`: the client the package root exports, sending any request object with `execute`. */
export interface ClientView {
  readonly header: string;
  readonly doc: string;
  readonly name: string;
  /**
   * The constructor: its doc, the options it passes on (with the default gateway, a string literal, when one
   * is configured) and the package's name and version for the User-Agent (an object literal).
   */
  readonly ctor: { readonly doc: string; readonly options: string; readonly sdk: string };
}

/** `src/api-client.ts`: the client of `<package>/all`, the root's client with one typed method per API. */
export interface ApiClientView {
  readonly header: string;
  readonly runtimeImports: string;
  /** The root's client class, imported from `./client.js` under `baseAlias` and extended. */
  readonly base: string;
  readonly baseAlias: string;
  readonly imports: readonly { readonly namespace: string; readonly from: string }[];
  readonly doc: string;
  readonly name: string;
  /** Per API, the method name and its spec (`<namespace>.<spec>`): the table `defineApiMethods` installs. */
  readonly specs: readonly ClientSpecView[];
  /** Each method's signature as rendered by client-method.ts.hbs, for the interface merged with the class. */
  readonly methods: readonly string[];
}

/** One API in `src/all.ts`. */
export interface BarrelEntryView {
  readonly namespace: string;
  /** String literal: the module's import path. */
  readonly from: string;
  /** `XRequest, type XRequestInit as YRequestInit, …`. */
  readonly specifiers: string;
}

/** `src/index.ts`, the package root: the runtime, the request base and the client; no API module. */
export interface RootView {
  readonly header: string;
  readonly requestBase: string;
  readonly client: string;
}

/** `src/all.ts` (`<package>/all`): the root's exports, every API, and the client with one method per API. */
export interface BarrelView extends RootView {
  readonly entries: readonly BarrelEntryView[];
}

/** `src/request-base.ts`. */
export interface RequestBaseView {
  readonly header: string;
}

/** One API's row of the package README's API table. All values are Markdown, escaped by safe.ts. */
export interface ReadmeRow {
  readonly api: string;
  readonly method: string;
  readonly title: string;
}

/** One API's section of the package README. All values are Markdown, escaped by safe.ts. */
export interface ReadmeSection {
  readonly api: string;
  readonly title: string;
  /** The API's own example (a fenced code block): its module imported alone and sent with `execute`. */
  readonly example: string;
}

/** The package README. */
export interface ReadmeView {
  readonly title: string;
  readonly apiCount: number;
  readonly apiNoun: string;
  /** Fenced code block: the root's client sending a request imported from its subpath; its `client` is the one every API example uses. */
  readonly example: string;
  /** Inline code: the per-API subpath pattern, `<package>/apis/<API name>`. */
  readonly apiPath: string;
  /** Inline code: `<package>/all`. */
  readonly allPath: string;
  /** Fenced code block: the client of `<package>/all` calling an API by method. */
  readonly allExample: string;
  /** Every API, in package order. */
  readonly rows: readonly ReadmeRow[];
  /**
   * One per API with its example, for packages of up to `examplesLimit` APIs (EmitOptions.readmeExamplesLimit);
   * empty above that.
   */
  readonly sections: readonly ReadmeSection[];
  readonly examplesLimit: number;
}
