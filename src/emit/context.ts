/**
 * Emit options, normalised and frozen once per run, and the context every emitter reads a slice of.
 * All defaults live here.
 */
import { DEFAULT_NAMING, type Naming } from '../naming/api-names.js';
import { DEFAULT_NUMBER_OPTIONS, type NumberOptions } from '../model/numbers.js';
import type { Templates } from './templates.js';

export interface EmitOptions {
  readonly packageName: string;
  readonly packageVersion: string;
  /** Gateway the generated TopClient uses when its options give none; the runtime default otherwise. */
  readonly defaultGateway?: string;
  /** Texts of the runtime files by path relative to src/runtime (`client.ts`); copied to src/runtime/. */
  readonly runtimeSources: ReadonlyMap<string, string>;
  /** How response Numbers are typed and delivered (64-bit ids as strings or bigints, per-field overrides). */
  readonly numbers?: NumberOptions;
  /** The compiled output templates (compileTemplates), built once per run. */
  readonly templates: Templates;
  /**
   * Up to this many APIs the README shows each one's example (default README_EXAMPLES_LIMIT, 100). A
   * whole-platform package (thousands of APIs) would get a README of megabytes, which nobody reads and code
   * hosts cut off (GitHub shows the first 500 KiB); above the limit the README lists every API and leaves the
   * examples to its Usage section and each API's types.
   */
  readonly readmeExamplesLimit?: number;
}

export const README_EXAMPLES_LIMIT = 100;

/** Generated package: posix relative path → file text. */
export type GeneratedFiles = ReadonlyMap<string, string>;

export interface EmitContext {
  readonly packageName: string;
  readonly packageVersion: string;
  readonly defaultGateway: string | undefined;
  readonly runtimeSources: ReadonlyMap<string, string>;
  readonly naming: Naming;
  readonly numbers: NumberOptions;
  readonly templates: Templates;
  readonly readmeExamplesLimit: number;
}

export function createEmitContext(options: EmitOptions): EmitContext {
  return Object.freeze({
    packageName: options.packageName,
    packageVersion: options.packageVersion,
    defaultGateway: options.defaultGateway,
    runtimeSources: options.runtimeSources,
    naming: DEFAULT_NAMING,
    numbers: options.numbers ?? DEFAULT_NUMBER_OPTIONS,
    templates: options.templates,
    readmeExamplesLimit: options.readmeExamplesLimit ?? README_EXAMPLES_LIMIT,
  });
}

/** The slice a per-API module needs: nothing about the package or other APIs, so its output can be cached per API. */
export type ApiModuleContext = Pick<EmitContext, 'naming' | 'numbers' | 'templates'>;

/** The module context for the default naming and number options. */
export function apiModuleContext(
  templates: Templates,
  numbers: NumberOptions = DEFAULT_NUMBER_OPTIONS,
): ApiModuleContext {
  return Object.freeze({ naming: DEFAULT_NAMING, numbers, templates });
}
