/**
 * An API's read/write class, as the generated client's retry policy sees it: the override file's or config
 * file's word when there is one, otherwise the verb in the API name (the runtime's own rule, so that
 * `execute('name', …)` without a spec classifies the same way).
 */
import { diagnostic } from './diagnostics.js';
import type { Api, ApiAccess, Diagnostic } from './types.js';
import { accessFromName } from '../runtime/access.js';

export { accessFromName, isApiAccess } from '../runtime/access.js';

export function apiAccess(api: Api): ApiAccess {
  return api.access ?? accessFromName(api.api);
}

/**
 * Applies the config file's `access` map (API name → read/write) over the docs' own classes. An entry naming
 * no generated API is reported: a misspelt name would otherwise silently leave a write retried as a read, or
 * the other way round.
 */
export function applyAccessConfig(
  apis: readonly Api[],
  access: Readonly<Record<string, ApiAccess>> | undefined,
  configFile = 'the config file',
): { apis: Api[]; diagnostics: Diagnostic[] } {
  if (access === undefined) return { apis: [...apis], diagnostics: [] };
  const names = new Set(apis.map((api) => api.api));
  const diagnostics: Diagnostic[] = [];
  for (const name of Object.keys(access).sort()) {
    if (!names.has(name))
      diagnostics.push(
        diagnostic('warning', 'access-unused', `The access entry for ${name} matches no generated API.`, {
          file: configFile,
          field: `access.${name}`,
          expected: 'the name of a generated API',
          found: JSON.stringify(name),
        }),
      );
  }
  const result = apis.map((api) => {
    const wanted = Object.hasOwn(access, api.api) ? access[api.api] : undefined;
    return wanted === undefined || wanted === api.access ? api : { ...api, access: wanted };
  });
  return { apis: result, diagnostics };
}
