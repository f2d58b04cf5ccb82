import { terminalSafe } from '../../model/terminal-text.js';
import { EXIT } from '../options.js';
import { loadModel } from '../load.js';
import { effectiveDiagnostics, printDiagnostics } from '../report.js';

export async function runParse(flags: {
  readonly files: readonly string[];
  readonly json?: boolean;
  readonly strict?: boolean;
  readonly verbose?: boolean;
}): Promise<number> {
  const strict = flags.strict ?? false;
  const model = await loadModel(flags.files, strict);
  printDiagnostics(
    effectiveDiagnostics(model.diagnostics, strict),
    (line) => process.stderr.write(`${line}\n`),
    flags.verbose,
  );
  if (flags.json === true) process.stdout.write(`${JSON.stringify(model.apis, null, 2)}\n`);
  else
    for (const api of model.apis)
      process.stdout.write(
        `${terminalSafe(`${api.api} (${api.title})`)}: ${api.request.length} request params, ${api.response.length} response fields\n`,
      );
  return model.failedFiles.length > 0 ? EXIT.problems : EXIT.ok;
}
