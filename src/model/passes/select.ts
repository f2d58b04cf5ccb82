/** The select pass: every doc's model → the set of APIs to generate, with every doc's diagnostics. */
import { applyAccessConfig } from '../access.js';
import { diagnostic, hasErrors } from '../diagnostics.js';
import type { Api, ApiAccess, Diagnostic } from '../types.js';

/** One input doc after the per-doc passes: its API model (absent when the file is no API doc) and diagnostics. */
export interface ParsedDoc {
  readonly file: string;
  readonly api?: Api;
  readonly diagnostics: readonly Diagnostic[];
}

export interface BuildModelOptions {
  /** Treat warnings as errors: a doc with a warning is not generated. */
  readonly strict?: boolean;
  /** The config file's API name → read/write map, over the docs' own classes. */
  readonly access?: Readonly<Record<string, ApiAccess>> | undefined;
  /** Where `access` came from, for its diagnostics. */
  readonly configFile?: string;
}

export interface ModelResult {
  /** APIs that will be generated, sorted by API name. */
  readonly apis: readonly Api[];
  /** Every diagnostic of every doc, in input order. */
  readonly diagnostics: readonly Diagnostic[];
  /** Input files whose API is not generated because of errors. */
  readonly failedFiles: readonly string[];
}

/** What the emitter can turn into a module path (src/apis/<name>.ts). */
const API_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Turns parsed docs into the set of APIs to generate. A doc with errors (or warnings under `strict`) is left
 * out and named in `failedFiles`; the others go on. Two docs for one API: the first by file path wins.
 */
export function buildModel(docs: readonly ParsedDoc[], options: BuildModelOptions = {}): ModelResult {
  const ordered = [...docs].sort((a, b) => byName(a.file, b.file));
  const firstFileOf = new Map<string, string>();
  const apis: Api[] = [];
  const diagnostics: Diagnostic[] = [];
  const failedFiles: string[] = [];
  for (const doc of ordered) {
    const docDiagnostics = [...doc.diagnostics];
    const api = doc.api;
    if (api !== undefined && !API_NAME.test(api.api))
      docDiagnostics.push(
        diagnostic(
          'error',
          'invalid-api-name',
          `API name ${JSON.stringify(api.api)} cannot name a module; this doc is skipped.`,
          {
            file: doc.file,
            expected: 'letters, digits, dots, dashes and underscores, e.g. taobao.user.seller.get',
            found: JSON.stringify(api.api),
          },
        ),
      );
    else if (api !== undefined) {
      // Module files are named after the API; on case-insensitive file systems `A.b` and `a.b` would clash.
      const key = api.api.toLowerCase();
      const first = firstFileOf.get(key);
      if (first === undefined) firstFileOf.set(key, doc.file);
      else
        docDiagnostics.push(
          diagnostic(
            'error',
            'duplicate-api',
            `API ${api.api} is already defined by ${first} (API names are compared ignoring case); this doc is skipped.`,
            {
              file: doc.file,
              expected: 'one doc per API name',
              found: `a second doc for ${api.api}`,
            },
          ),
        );
    }
    diagnostics.push(...docDiagnostics);
    const failed =
      hasErrors(docDiagnostics) ||
      (options.strict === true && docDiagnostics.some((d) => d.severity === 'warning'));
    if (api === undefined || failed) failedFiles.push(doc.file);
    else apis.push(api);
  }
  apis.sort((a, b) => byName(a.api, b.api));
  const classified = applyAccessConfig(apis, options.access, options.configFile);
  return { apis: classified.apis, diagnostics: [...diagnostics, ...classified.diagnostics], failedFiles };
}
