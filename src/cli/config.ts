import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { NumberOptions } from '../model/numbers.js';
import type { ApiAccess } from '../model/types.js';
// The one function used, without the 50 other modules the package entry loads.
import validVersion from 'semver/functions/valid.js';
import validateNpmPackageName from 'validate-npm-package-name';

/** `topgen.config.json`: every key optional; command-line flags override it. */
export interface TopgenConfig {
  readonly input?: readonly string[];
  readonly out?: string;
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly gateway?: string;
  /** Folder of template overrides. */
  readonly templates?: string;
  readonly strict?: boolean;
  /** Response Numbers: `int64` (`"string"` or `"bigint"`) for 64-bit ids, `fields` role overrides per API. */
  readonly numbers?: NumberOptions;
  readonly fetch?: FetchConfig;
  /** API name → `read` or `write`: overrides the class the API name gives (retry policy). */
  readonly access?: Readonly<Record<string, ApiAccess>>;
  /** Up to this many APIs the package README shows an example per API. */
  readonly readmeExamples?: number;
}

/** `topgen fetch` without API names or categories fetches these. */
export interface FetchConfig {
  readonly apis?: readonly string[];
  readonly categories?: readonly string[];
  readonly site?: string;
  readonly concurrency?: number;
}

export class ConfigError extends Error {}

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === 'string' && v.length > 0 ? undefined : 'a non-empty string');
const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
const isStringList: Check = (v) =>
  typeof v === 'string' && v.length > 0
    ? undefined
    : Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.length > 0)
      ? undefined
      : 'a folder path or a non-empty list of paths';
/**
 * npm's own rules, through the libraries npm uses: validate-npm-package-name (length, case, URL-safe characters,
 * reserved and core-module names, scopes) and semver (the exact version grammar; `v1.2.3` or `1.2` are not).
 */
const isPackageName: Check = (v) => {
  const expected = 'an npm package name (lowercase, URL-safe, e.g. "top-sdk" or "@acme/top-sdk")';
  if (typeof v !== 'string') return expected;
  const result = validateNpmPackageName(v);
  if (result.validForNewPackages) return undefined;
  return `${expected}; npm says: ${[...(result.errors ?? []), ...(result.warnings ?? [])].join('; ')}`;
};
const isSemver: Check = (v) =>
  // valid() also accepts `v1.2.3`, `=1.2.3` and spaces around, which npm would clean up first; we take none of them.
  typeof v === 'string' && validVersion(v) !== null && /^\d[^\s]*$/.test(v)
    ? undefined
    : 'a semantic version such as "1.2.3"';
const isHttpUrl: Check = (v) => {
  if (typeof v !== 'string') return 'an http(s) URL';
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : 'an http(s) URL';
  } catch {
    return 'an http(s) URL';
  }
};

const isRoleMap = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((role) => role === 'id' || role === 'number');
const isNumbers: Check = (v) => {
  const expected =
    '{ "int64"?: "string" | "bigint", "fields"?: { "<api>": { "<field>": "id" | "number" } } }';
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return expected;
  const { int64, fields, ...rest } = v as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return expected;
  if (int64 !== undefined && int64 !== 'string' && int64 !== 'bigint') return expected;
  if (fields === undefined) return undefined;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return expected;
  return Object.values(fields).every(isRoleMap) ? undefined : expected;
};
const isNameList: Check = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim().length > 0)
    ? undefined
    : 'a list of names';
export const MAX_FETCH_CONCURRENCY = 16;
const isConcurrency: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_FETCH_CONCURRENCY
    ? undefined
    : `a whole number from 1 to ${MAX_FETCH_CONCURRENCY}`;

const isApiCount: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 0 ? undefined : 'a whole number of APIs (0 or more)';

const FETCH_SCHEMA: Readonly<Record<keyof FetchConfig, Check>> = {
  apis: isNameList,
  categories: isNameList,
  site: isHttpUrl,
  concurrency: isConcurrency,
};

const isFetchConfig: Check = (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? undefined
    : `an object with any of ${Object.keys(FETCH_SCHEMA).join(', ')}`;

const isAccessMap: Check = (v) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.entries(v).every(([name, value]) => name !== '' && (value === 'read' || value === 'write'))
    ? undefined
    : 'an object mapping API names to "read" or "write"';

const SCHEMA: Readonly<Record<keyof TopgenConfig, Check>> = {
  input: isStringList,
  out: isString,
  packageName: isPackageName,
  packageVersion: isSemver,
  gateway: isHttpUrl,
  templates: isString,
  strict: isBoolean,
  numbers: isNumbers,
  fetch: isFetchConfig,
  access: isAccessMap,
  readmeExamples: isApiCount,
};

/** Checks each key of an object against a schema; problems name the key path. */
function checkMembers(
  value: object,
  schema: Readonly<Record<string, Check>>,
  prefix: string,
  file: string,
  problems: string[],
): Record<string, unknown> {
  const checked: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (key === '$schema' && prefix === '') continue;
    const path = `${prefix}${key}`;
    const check = schema[key];
    if (check === undefined) {
      problems.push(
        `${file}: unknown key "${path}" (known: ${Object.keys(schema)
          .map((k) => prefix + k)
          .join(', ')})`,
      );
      continue;
    }
    const expected = check(raw);
    if (expected !== undefined)
      problems.push(`${file}: "${path}": expected ${expected}, found ${JSON.stringify(raw)}`);
    else if (key === 'fetch' && prefix === '')
      checked[key] = checkMembers(raw as object, FETCH_SCHEMA, 'fetch.', file, problems);
    else checked[key] = key === 'input' && typeof raw === 'string' ? [raw] : raw;
  }
  return checked;
}

/** Package name, version and gateway given as flags obey the same rules as in the config file. */
export function validatePackageFlags(flags: {
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly gateway?: string;
}): void {
  const problems: string[] = [];
  const gateway = flags.gateway === undefined ? undefined : isHttpUrl(flags.gateway);
  if (gateway !== undefined)
    problems.push(`--gateway: expected ${gateway}, found ${JSON.stringify(flags.gateway)}`);
  const name = flags.packageName === undefined ? undefined : isPackageName(flags.packageName);
  if (name !== undefined)
    problems.push(`--package-name: expected ${name}, found ${JSON.stringify(flags.packageName)}`);
  const version = flags.packageVersion === undefined ? undefined : isSemver(flags.packageVersion);
  if (version !== undefined)
    problems.push(`--package-version: expected ${version}, found ${JSON.stringify(flags.packageVersion)}`);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
}

/** Validates parsed config JSON; every problem names the key, what was expected and what was found. */
export function validateConfig(value: unknown, file: string): TopgenConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigError(
      `${file}: expected a JSON object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`,
    );
  const problems: string[] = [];
  const config = checkMembers(value, SCHEMA, '', file, problems);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return config as TopgenConfig;
}

/** Loads the config file; a missing default file is fine, a missing explicit one is an error. */
export async function loadConfig(path: string, explicit: boolean): Promise<TopgenConfig> {
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError(`${path}: config file not found`);
    return {};
  }
  const text = await readFile(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  return validateConfig(parsed, path);
}
