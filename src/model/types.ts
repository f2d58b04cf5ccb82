/**
 * The API model: topgen's intermediate representation.
 *
 * Every reader (text, HTML, doc JSON) produces a `DocApi` (what the page says); the model passes
 * (src/model/passes/) turn it into an `Api`, and every writer (emit, mock, OpenAPI, diff) reads only `Api`s.
 * They are plain JSON-serialisable data (no classes, no functions, no `undefined` values that matter), so
 * `topgen parse --json` prints them as they are and tests compare them directly. See docs/model.md.
 */

/** Where an API doc came from. `line`s in diagnostics are 1-based lines of this file. */
export interface SourceRef {
  /** Path of the input file as given to topgen (relative to the working directory when possible). */
  readonly file: string;
  readonly format: SourceFormat;
}

export type SourceFormat = 'text' | 'html' | 'json';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One problem found in an input. Diagnostics are values: the library never prints or exits, the CLI does.
 * `code` is a stable kebab-case identifier (catalogue in src/model/diagnostics.ts).
 */
export interface Diagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  /** Input file the problem is in. */
  readonly file?: string;
  /** 1-based line in `file`. */
  readonly line?: number;
  /** 1-based column in `file`. */
  readonly column?: number;
  /** Dotted field path inside the API, prefixed by the side: `request.param0.auth_code`, `response.result`. */
  readonly field?: string;
  /** What the parser expected at that place. */
  readonly expected?: string;
  /** What it found instead. */
  readonly found?: string;
}

/** Constraints as the doc states them. `default` is text-only information (doc JSON has none). */
export interface Constraints {
  readonly maxLength?: number;
  readonly maxListSize?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  /** The documented default value, verbatim. */
  readonly default?: string;
}

/** One request parameter or response field as its doc states it, with its nested fields (a reader's output). */
export interface DocField {
  /** Wire name as documented (`auth_code`, occasionally camelCase). */
  readonly name: string;
  /** Element type as the doc names it, without `[]`: `String`, `Number`, `UserRegisterVo`, `Field List`. */
  readonly type: string;
  /** True when the doc writes the type as `X[]` / `X []`. */
  readonly array: boolean;
  /** `必须` / JSON `required: true`. Response fields are never required (always false). */
  readonly required: boolean;
  /** The doc's example value, verbatim (text and HTML pages only; doc JSON has no examples). */
  readonly example?: string;
  readonly description?: string;
  readonly constraints?: Constraints;
  /** Nested fields of a struct type, in document order. Empty for primitives. */
  readonly children: readonly DocField[];
  /** The doc text retires the field (`已废弃`, `(deprecated)`; rules in src/model/deprecation.ts). */
  readonly deprecated?: true;
}

/** A field of the model: as its doc states it, plus its value kind, resolved once by the kinds pass. */
export interface Field extends Omit<DocField, 'children'> {
  /** What the value is, from `type`, `array` and `children` (src/model/passes/kinds.ts). */
  readonly kind: TypeKind;
  readonly children: readonly Field[];
}

/** One API as read from one doc, before the model passes (a reader's output). */
export interface DocApi<F = DocField> {
  /** Dotted API name, the `method` common parameter: `alitrip.merchant.galaxy.member.login.derby`. */
  readonly api: string;
  /** The doc's Chinese (occasionally English) name, from the header's parentheses. */
  readonly title: string;
  readonly description: string;
  /** The API's id on the TOP doc site (`https://open.taobao.com/api.htm?docId=<id>&docType=2`), when the doc has it. */
  readonly docId?: number;
  /** The title or description retires the API (`(已废弃)…`). */
  readonly deprecated?: true;
  readonly request: readonly F[];
  readonly response: readonly F[];
  readonly source: SourceRef;
  /** Problems found while reading this doc. An API with an `error` diagnostic is not generated. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Read or write, when an override file or the config file says so; absent, the API name decides
   * (src/model/access.ts). Writes are never sent twice unless the first attempt certainly never left.
   */
  readonly access?: ApiAccess;
}

/** One API of the model: its doc after the model passes, every field with its kind. */
export type Api = DocApi<Field>;

/** Whether calling an API twice can do harm: `write` (create, update, send, …) or `read`. */
export type ApiAccess = 'read' | 'write';

/** The result of reading one input file. `api` is absent when the file could not be read as an API doc. */
export interface ParseResult {
  readonly api?: DocApi;
  /** File-level problems (unreadable, unknown format, …) and, when `api` is present, the same list as `api.diagnostics`. */
  readonly diagnostics: readonly Diagnostic[];
}

/** How TOP's doc types map onto value kinds; shared by the emitters, the runtime spec and the mock gateway. */
export type TypeKind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'date'
  | 'price'
  | 'json'
  | 'file'
  | 'byte'
  | 'fieldList'
  | 'map'
  | 'struct'
  | 'unknown';
