import type { GeneratedFiles } from '../../emit/index.js';
import { loadRuntimeSources, loadTemplates } from '../../assets/index.js';
import { Pipeline } from '../../pipeline.js';
import { addChangelogEntry } from '../changelog.js';
import { loadModel, type LoadedModel } from '../load.js';
import { diffTree, isUnchanged, writeTreeAtomic } from '../output.js';
import { EXIT } from '../options.js';
import { countBySeverity, effectiveDiagnostics, plural, printDiagnostics } from '../report.js';
import { InputError } from '../errors.js';
import { typecheckPackage } from '../typecheck.js';
import { watchAndGenerate } from '../watch.js';
import { resolveSettings, type OutputFlags, type Settings } from '../settings.js';

const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Parses, reports diagnostics and emits in memory; shared by generate and check. */
export async function buildPackage(
  settings: Settings,
): Promise<{ model: LoadedModel; files: GeneratedFiles }> {
  // Templates first: a broken override is a usage error, reported before any doc is read.
  const templates = loadTemplates(settings.templates);
  const pipeline = new Pipeline({
    packageName: settings.packageName,
    packageVersion: settings.packageVersion,
    defaultGateway: settings.gateway,
    runtimeSources: loadRuntimeSources(),
    templates,
    strict: settings.strict,
    access: settings.access,
    configFile: settings.configFile,
  });
  // Read with a progress line (see loadModel); the model and emit stages are the pipeline's own.
  const model = await loadModel(settings.input, settings.strict, (input) => pipeline.parse(input), {
    access: settings.access,
    configFile: settings.configFile,
  });
  printDiagnostics(effectiveDiagnostics(model.diagnostics, settings.strict), err, settings.verbose);
  return { model, files: pipeline.emit(model.apis) };
}

function summary(model: LoadedModel, strict: boolean): string {
  const { errors, warnings } = countBySeverity(effectiveDiagnostics(model.diagnostics, strict));
  const failed = model.failedFiles.length;
  return `${plural(model.apis.length, 'API')} from ${plural(model.docCount, 'doc')}; ${failed} skipped; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export async function runGenerate(
  flags: OutputFlags & {
    readonly watch?: boolean;
    readonly changelogFrom?: string;
    readonly typecheck?: boolean;
  },
): Promise<number> {
  const settings = await resolveSettings(flags);
  if (flags.watch === true) {
    // Listen for Ctrl-C before the first run, so stopping during it is a clean exit too.
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    const handle = watchAndGenerate(settings, err);
    await Promise.race([handle.ready, stopped]);
    err(`topgen: watching ${settings.input.join(', ')} (Ctrl-C to stop)`);
    await stopped;
    handle.close();
    return EXIT.ok;
  }
  const built = await buildPackage(settings);
  const { model } = built;
  const files =
    flags.changelogFrom === undefined
      ? built.files
      : await addChangelogEntry(flags.changelogFrom, model, settings, built.files);
  if (flags.typecheck === true && !(await typecheckPassed(settings.out, files))) {
    err(`topgen: the package does not compile; ${settings.out} was left as it was.`);
    return EXIT.problems;
  }
  const written = await writeTreeAtomic(settings.out, files);
  const changedCount = written.changed.length + written.missing.length + written.extra.length;
  err(
    `topgen: ${summary(model, settings.strict)}; ${changedCount === 0 ? `${settings.out} is up to date` : `wrote ${settings.out} (${written.changed.length} changed, ${written.missing.length} added, ${written.extra.length} removed)`}`,
  );
  return model.failedFiles.length > 0 ? EXIT.problems : EXIT.ok;
}

/** `--typecheck`: compile the package in memory before trusting it; reports every error. */
async function typecheckPassed(outDir: string, files: GeneratedFiles): Promise<boolean> {
  const result = await typecheckPackage(outDir, files);
  if ('unavailable' in result) throw new InputError(result.unavailable);
  for (const error of result.errors) err(error);
  return result.errors.length === 0;
}

export async function runCheck(flags: OutputFlags & { readonly typecheck?: boolean }): Promise<number> {
  const settings = await resolveSettings(flags);
  const { model, files } = await buildPackage(settings);
  if (flags.typecheck === true && !(await typecheckPassed(settings.out, files))) {
    err('topgen: the generated package does not compile.');
    return EXIT.problems;
  }
  const difference = await diffTree(settings.out, files);
  if (isUnchanged(difference)) {
    err(`topgen: ${settings.out} is up to date (${summary(model, settings.strict)})`);
    return model.failedFiles.length > 0 ? EXIT.problems : EXIT.ok;
  }
  for (const path of difference.changed) err(`stale: ${settings.out}/${path}`);
  for (const path of difference.missing) err(`missing: ${settings.out}/${path}`);
  for (const path of difference.extra) err(`extra: ${settings.out}/${path}`);
  err(`topgen: ${settings.out} is out of date; run "topgen generate" and commit the result.`);
  return EXIT.problems;
}
