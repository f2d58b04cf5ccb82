import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';

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
const isPackageName: Check = (v) =>
  typeof v === 'string' && /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(v) && v.length <= 214
    ? undefined
    : 'an npm package name (lowercase, e.g. "top-sdk" or "@acme/top-sdk")';
const isSemver: Check = (v) =>
  typeof v === 'string' && /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(v)
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

const SCHEMA: Readonly<Record<keyof TopgenConfig, Check>> = {
  input: isStringList,
  out: isString,
  packageName: isPackageName,
  packageVersion: isSemver,
  gateway: isHttpUrl,
  templates: isString,
  strict: isBoolean,
};

/** Validates parsed config JSON; every problem names the key, what was expected and what was found. */
export function validateConfig(value: unknown, file: string): TopgenConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigError(
      `${file}: expected a JSON object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`,
    );
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (key === '$schema') continue;
    const check = (SCHEMA as Record<string, Check | undefined>)[key];
    if (check === undefined) {
      problems.push(`${file}: unknown key "${key}" (known: ${Object.keys(SCHEMA).join(', ')})`);
      continue;
    }
    const expected = check(raw);
    if (expected !== undefined)
      problems.push(`${file}: "${key}": expected ${expected}, found ${JSON.stringify(raw)}`);
    else config[key] = key === 'input' && typeof raw === 'string' ? [raw] : raw;
  }
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
