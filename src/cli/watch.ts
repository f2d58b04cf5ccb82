import { existsSync, realpathSync, statSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Pipeline } from '../pipeline.js';
import type { GeneratedFiles } from '../emit/index.js';
import { loadRuntimeSources, loadTemplates } from '../assets/index.js';
import { InputError } from './errors.js';
import { InputReader, overridePathFor } from './inputs.js';
import { writeTreeAtomic } from './output.js';
import { countBySeverity, effectiveDiagnostics, plural, printDiagnostics } from './report.js';
import type { Settings } from './settings.js';
import { watchTree } from './tree-watcher.js';

const DEBOUNCE_MS = 100;

/** Whether `path` names the output folder, however either is spelled (links resolved). */
export function isOutputFolder(path: string, outDir: string): boolean {
  const out = resolve(outDir);
  if (path === out) return true;
  if (basename(path) !== basename(out)) return false;
  try {
    return realpathSync(dirname(path)) === realpathSync(dirname(out));
  } catch {
    return false;
  }
}

/**
 * Watches one input: a folder with a watcher on each folder in it, a file through its folder. A watcher on the
 * file itself follows its inode, so after an editor saves by renaming a new file over it, it would go on
 * watching the deleted original and miss every later change (see tree-watcher.ts for folders).
 */
function watchInput(
  path: string,
  outDir: string,
  onChange: (changed: string | undefined) => void,
  onError: (error: Error) => void,
): { close(): void } {
  if (!statSync(path).isFile()) {
    // Writes into an output folder inside the input folder (and its hidden temp, old, journal and lock
    // siblings) are not doc changes; reacting to them would regenerate forever. Dot-entries are not docs.
    return watchTree(path, {
      ignore: (entry) => basename(entry).startsWith('.') || isOutputFolder(entry, outDir),
      onChange,
      onError,
    });
  }
  const names = new Set([basename(path), basename(overridePathFor(path))]);
  const watcher = watch(dirname(path), (_event, name) => {
    if (name === null) onChange(undefined);
    else if (names.has(name)) onChange(resolve(dirname(path), name));
  });
  watcher.on('error', onError);
  return watcher;
}

export interface WatchHandle {
  /** Resolves after the first generation. */
  readonly ready: Promise<void>;
  close(): void;
}

/**
 * Regenerates whenever something under the inputs changes: debounced, re-parsing only changed docs, rewriting
 * only changed files. Errors are reported and the watcher keeps going.
 */
export function watchAndGenerate(settings: Settings, log: (line: string) => void): WatchHandle {
  // Checked up front, as plain generate does: a missing input is a usage error, not something to watch for.
  for (const path of settings.input)
    if (!existsSync(path)) throw new InputError(`input ${path} does not exist`);
  const pipeline = new Pipeline({
    packageName: settings.packageName,
    packageVersion: settings.packageVersion,
    defaultGateway: settings.gateway,
    numbers: settings.numbers,
    readmeExamplesLimit: settings.readmeExamples,
    runtimeSources: loadRuntimeSources(),
    templates: loadTemplates(settings.templates),
    strict: settings.strict,
    access: settings.access,
    configFile: settings.configFile,
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  let lastWritten: GeneratedFiles | undefined;
  const reader = new InputReader();
  /** Removal of the previous output tree, finished in the background between runs. */
  let cleanup: Promise<void> = Promise.resolve();
  /**
   * Files the watchers reported since the last run began: the reader re-reads just these. Undefined when a
   * report named no file (or before the first run), and then every input is listed again.
   */
  let changed: Set<string> | undefined;

  const runOnce = async (): Promise<void> => {
    const started = performance.now();
    const reported = changed;
    changed = new Set();
    try {
      const collected = await reader.read(settings.input, [settings.out], reported);
      const result = pipeline.run(collected.inputs);
      const diagnostics = effectiveDiagnostics(
        [...collected.diagnostics, ...result.diagnostics],
        settings.strict,
      );
      printDiagnostics(diagnostics, log);
      await cleanup;
      const written = await writeTreeAtomic(settings.out, result.files, {
        previous: lastWritten,
        onCleanup: (pending) => {
          cleanup = pending;
        },
        onWait: log,
      });
      lastWritten = result.files;
      const { errors, warnings } = countBySeverity(diagnostics);
      const changed = written.changed.length + written.missing.length + written.extra.length;
      log(
        `topgen: ${plural(result.apis.length, 'API')} (${result.parsedCount} re-parsed), ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; ${plural(changed, 'file')} changed in ${Math.round(performance.now() - started)} ms`,
      );
    } catch (error) {
      // What this run was told may not have been read: list everything next time.
      changed = undefined;
      log(`topgen: ${(error as Error).message}`);
    }
  };

  const schedule = (path: string | undefined): void => {
    if (path === undefined) changed = undefined;
    else changed?.add(path);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (pending) return;
      pending = true;
      running = running.then(() => {
        pending = false;
        return runOnce();
      });
    }, DEBOUNCE_MS);
  };

  const ready = runOnce();
  const watchers = settings.input.map((path) =>
    watchInput(path, settings.out, schedule, (error) => log(`topgen: ${error.message}`)),
  );
  return {
    ready,
    close() {
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
