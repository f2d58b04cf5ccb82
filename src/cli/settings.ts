import type { NumberOptions } from '../model/numbers.js';
import type { ApiAccess } from '../model/types.js';
import { loadConfig, validatePackageFlags, type TopgenConfig } from './config.js';
import { DEFAULTS } from './options.js';

/** Flags shared by generate and check, as yargs hands them over. */
export interface OutputFlags {
  readonly config?: string;
  readonly input?: readonly string[];
  readonly out?: string;
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly gateway?: string;
  readonly templates?: string;
  readonly strict?: boolean;
  readonly verbose?: boolean;
}

/** Settings after config file and flags are merged; frozen, every default filled in. */
export interface Settings {
  readonly input: readonly string[];
  readonly out: string;
  readonly packageName: string;
  readonly packageVersion: string;
  readonly gateway: string;
  /** Folder of template overrides; undefined: the built-in templates only. */
  readonly templates: string | undefined;
  readonly strict: boolean;
  readonly verbose: boolean;
  /** From the config file only: how response Numbers are typed. */
  readonly numbers: NumberOptions;
  /** The config file's `access` map (API name → read/write), and the file it came from. */
  readonly access: Readonly<Record<string, ApiAccess>> | undefined;
  /** From the config file only: up to how many APIs the package README shows an example per API. */
  readonly readmeExamples: number | undefined;
  readonly configFile: string;
}

export async function readConfigFor(flags: { readonly config?: string }): Promise<TopgenConfig> {
  return loadConfig(flags.config ?? DEFAULTS.configFile, flags.config !== undefined);
}

export async function resolveSettings(flags: OutputFlags): Promise<Settings> {
  const config = await readConfigFor(flags);
  validatePackageFlags(flags);
  return Object.freeze({
    input: flags.input ?? config.input ?? [DEFAULTS.input],
    out: flags.out ?? config.out ?? DEFAULTS.out,
    packageName: flags.packageName ?? config.packageName ?? DEFAULTS.packageName,
    packageVersion: flags.packageVersion ?? config.packageVersion ?? DEFAULTS.packageVersion,
    gateway: flags.gateway ?? config.gateway ?? DEFAULTS.gateway,
    templates: flags.templates ?? config.templates,
    strict: flags.strict ?? config.strict ?? false,
    verbose: flags.verbose ?? false,
    numbers: config.numbers ?? {},
    access: config.access,
    readmeExamples: config.readmeExamples,
    configFile: flags.config ?? DEFAULTS.configFile,
  });
}
