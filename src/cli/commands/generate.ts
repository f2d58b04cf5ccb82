import type { GeneratedFiles } from '../../emit/index.js';
import { loadRuntimeSources, loadTemplates } from '../../assets/index.js';
import { Pipeline } from '../../pipeline.js';
import { addChangelogEntry } from '../changelog.js';
import { loadModel, type LoadedModel } from '../load.js';
import {
  describeOutputState,
  diffTree,
  isUnchanged,
  preflightOutput,
  resolveOutputTarget,
  stageNewOutput,
  writeTreeAtomic,
} from '../output.js';
import type { StagedTree } from '../staged-tree.js';
import { DEFAULTS, EXIT } from '../options.js';
import { countBySeverity, effectiveDiagnostics, plural, printDiagnostics } from '../report.js';
import { InputError, UsageError } from '../errors.js';
import { compilePackage, typecheckPackage } from '../typecheck.js';
import { watchAndGenerate } from '../watch.js';
import { tuneForOneShotRun, type V8FlagSetter } from '../one-shot-tuning.js';
import { resolveSettings, type OutputFlags, type Settings } from '../settings.js';

const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/**
 * Below this many APIs the files are written after the emit: starting the staging worker costs about what
 * writing a few hundred files does.
 */
const STAGE_MIN_APIS = 200;

/**
 * Parses, emits in memory and reports diagnostics; shared by generate and check. With `stage`, a new output
 * folder's API modules start being written while the rest is emitted (see stageNewOutput); the caller hands the
 * returned StagedTree to writeTreeAtomic, or discards it.
 */
export async function buildPackage(
  settings: Settings,
  stage = false,
): Promise<{ model: LoadedModel; files: GeneratedFiles; staged?: StagedTree | undefined }> {
  let staged: StagedTree | undefined;
  // Templates first: a broken override is a usage error, reported before any doc is read.
  const templates = loadTemplates(settings.templates);
  const pipeline = new Pipeline({
    packageName: settings.packageName,
    packageVersion: settings.packageVersion,
    defaultGateway: settings.gateway,
    numbers: settings.numbers,
    readmeExamplesLimit: settings.readmeExamples,
    runtimeSources: loadRuntimeSources(),
    templates,
    strict: settings.strict,
    access: settings.access,
    configFile: settings.configFile,
    onModule: (module) => staged?.add(module.path, module.text),
    reuseParses: false,
  });
  // Read with a progress line (see loadModel; an --out inside an input is never read); the model and emit
  // stages are the pipeline's own. A doc that makes emitting fail is reported and skipped.
  const loaded = await loadModel(
    settings.input,
    settings.strict,
    (input) => pipeline.parse(input),
    { access: settings.access, configFile: settings.configFile },
    settings.out,
  );
  if (stage && loaded.apis.length >= STAGE_MIN_APIS) staged = stageNewOutput(settings.out);
  try {
    const { files, ...model } = pipeline.emitIsolated(loaded);
    printDiagnostics(effectiveDiagnostics(model.diagnostics, settings.strict), err, settings.verbose);
    return { model: { ...model, docCount: loaded.docCount }, files, staged };
  } catch (error) {
    await staged?.discard();
    throw error;
  }
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
    readonly build?: boolean;
    readonly wait?: number;
  },
  setV8Flags?: V8FlagSetter,
): Promise<number> {
  // Each watch write would compile the whole package: check or build once, after watching.
  for (const flag of ['build', 'typecheck', 'changelogFrom'] as const)
    if (flags.watch === true && flags[flag] !== undefined && flags[flag] !== false)
      throw new UsageError(
        `--${flag === 'changelogFrom' ? 'changelog-from' : flag} cannot be used with --watch; run generate with it once watching is done`,
      );
  if (flags.wait !== undefined && !(Number.isFinite(flags.wait) && flags.wait >= 0))
    throw new UsageError(`--wait must be a number of seconds, 0 or more, got ${String(flags.wait)}`);
  const settings = await resolveSettings(flags);
  // A read-only, file or dangling-link --out is a usage error found before any doc is parsed.
  preflightOutput(settings.out, settings.input);
  if (flags.watch === true) {
    // Listen for Ctrl-C before the first run, so stopping during it is a clean exit too.
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    const handle = watchAndGenerate(settings, err, { reloadSettings: () => resolveSettings(flags) });
    const first = await Promise.race([
      handle.ready.then(() => 'ready' as const),
      stopped.then(() => 'stopped' as const),
    ]);
    if (first === 'ready') {
      err(`topgen: watching ${settings.input.join(', ')} (Ctrl-C to stop)`);
      await stopped;
    }
    handle.close();
    return EXIT.ok;
  }
  // --build implies --typecheck.
  tuneForOneShotRun(setV8Flags, flags.typecheck === true || flags.build === true);
  const built = await buildPackage(settings, true);
  try {
    return await generateFrom(built, settings, flags);
  } finally {
    // Handed to writeTreeAtomic when the run got that far; removed otherwise (a package that does not compile).
    await built.staged?.discard();
  }
}

/** The rest of a one-shot `generate` once the package is built in memory. */
async function generateFrom(
  built: Awaited<ReturnType<typeof buildPackage>>,
  settings: Settings,
  flags: Parameters<typeof runGenerate>[0],
): Promise<number> {
  const { model } = built;
  const sources =
    flags.changelogFrom === undefined
      ? built.files
      : await addChangelogEntry(flags.changelogFrom, model, settings, built.files);
  // --build implies --typecheck: dist/ is emitted from the program the check built.
  const files = flags.build === true ? await withDist(settings.out, sources) : sources;
  const compiles =
    files !== undefined &&
    (flags.build === true || flags.typecheck !== true || (await typecheckPassed(settings.out, files)));
  if (files === undefined || !compiles) {
    err(`topgen: the package does not compile; ${settings.out} was left as it was.`);
    return EXIT.problems;
  }
  const timeoutMs = Math.max(0, flags.wait ?? DEFAULTS.lockWaitSeconds) * 1000;
  const written = await writeTreeAtomic(settings.out, files, {
    onWait: err,
    timeoutMs,
    staged: built.staged,
  });
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

/** `--build`: the package's files plus its compiled `dist/`, or undefined (errors reported) when it does not compile. */
async function withDist(outDir: string, files: GeneratedFiles): Promise<GeneratedFiles | undefined> {
  const result = await compilePackage(outDir, files);
  if ('unavailable' in result) throw new InputError(result.unavailable);
  if ('errors' in result) {
    for (const error of result.errors) err(error);
    return undefined;
  }
  return new Map([...files, ...result.outputs]);
}

export async function runCheck(
  flags: OutputFlags & { readonly typecheck?: boolean },
  setV8Flags?: V8FlagSetter,
): Promise<number> {
  const settings = await resolveSettings(flags);
  // A file or dangling-link --out is a usage error here too (read-only is fine: check writes nothing).
  resolveOutputTarget(settings.out);
  tuneForOneShotRun(setV8Flags, flags.typecheck === true);
  const { model, files } = await buildPackage(settings);
  if (flags.typecheck === true && !(await typecheckPassed(settings.out, files))) {
    err('topgen: the generated package does not compile.');
    return EXIT.problems;
  }
  const difference = await diffTree(settings.out, files);
  const notes = describeOutputState(settings.out);
  for (const note of notes) err(`topgen: ${note}`);
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
