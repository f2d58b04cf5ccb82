import { diffApis, formatDiffJson, formatDiffText, hasBreaking } from '../../diff/index.js';
import { loadApis } from '../load.js';
import { EXIT } from '../options.js';
import { effectiveDiagnostics, printDiagnostics } from '../report.js';

export interface DiffFlags {
  readonly old: string;
  readonly new: string;
  readonly json?: boolean;
  readonly failOnBreaking?: boolean;
  readonly verbose?: boolean;
}

export async function runDiff(flags: DiffFlags): Promise<number> {
  const before = await loadApis(flags.old, false);
  const after = await loadApis(flags.new, false);
  const err = (line: string): void => void process.stderr.write(`${line}\n`);
  printDiagnostics(
    effectiveDiagnostics([...before.diagnostics, ...after.diagnostics], false),
    err,
    flags.verbose,
  );
  const diff = diffApis(before.apis, after.apis);
  process.stdout.write(flags.json === true ? formatDiffJson(diff) : formatDiffText(diff));
  return flags.failOnBreaking === true && hasBreaking(diff) ? EXIT.problems : EXIT.ok;
}
