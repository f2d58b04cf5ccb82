import { writeFile } from 'node:fs/promises';
import { stringifyOpenApi, toOpenApi } from '../../openapi/index.js';
import { loadModel } from '../load.js';
import { DEFAULTS, EXIT } from '../options.js';
import { effectiveDiagnostics, printDiagnostics } from '../report.js';
import { readConfigFor } from '../settings.js';

export interface OpenApiFlags {
  readonly config?: string;
  readonly input?: readonly string[];
  readonly out?: string;
  readonly gateway?: string;
  readonly verbose?: boolean;
}

export async function runOpenApi(flags: OpenApiFlags): Promise<number> {
  const config = await readConfigFor(flags);
  const model = await loadModel(flags.input ?? config.input ?? [DEFAULTS.input], config.strict ?? false);
  printDiagnostics(
    effectiveDiagnostics(model.diagnostics, false),
    (line) => process.stderr.write(`${line}\n`),
    flags.verbose,
  );
  const text = stringifyOpenApi(
    toOpenApi(model.apis, {
      title: config.packageName ?? DEFAULTS.packageName,
      version: config.packageVersion ?? DEFAULTS.packageVersion,
      gateway: flags.gateway ?? config.gateway ?? DEFAULTS.gateway,
    }),
  );
  if (flags.out === undefined) process.stdout.write(text);
  else await writeFile(flags.out, text);
  return model.failedFiles.length > 0 ? EXIT.problems : EXIT.ok;
}
