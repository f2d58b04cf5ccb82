import { existsSync, realpathSync, statSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Pipeline } from '../pipeline.js';
import type { GeneratedFiles } from '../emit/index.js';
import { loadRuntimeSources, loadTemplates } from '../assets/index.js';
import { InputError } from './errors.js';
import { InputReader, isNotADoc, overridePathFor } from './inputs.js';
import { writeTreeAtomic } from './output.js';
import { countBySeverity, effectiveDiagnostics, plural, printDiagnostics } from './report.js';
import type { Settings } from './settings.js';
import { watchTree } from './tree-watcher.js';
import { terminalSafeLines } from '../model/terminal-text.js';

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
    // siblings) are not doc changes; reacting to them would regenerate forever. Dot-entries and editors'
    // backups are not docs.
    return watchTree(path, {
      ignore: (entry) => isNotADoc(basename(entry)) || isOutputFolder(entry, outDir),
      onChange,
      onError,
    });
  }
  return watchNames(
    dirname(path),
    new Set([basename(path), basename(overridePathFor(path))]),
    onChange,
    onError,
  );
}

/** Changes to the files named `names` in `folder`, seen through the folder so that a save by rename is seen too. */
function watchNames(
  folder: string,
  names: ReadonlySet<string>,
  onChange: (changed: string | undefined) => void,
  onError: (error: Error) => void,
): { close(): void } {
  const watcher = watch(folder, (_event, name) => {
    if (name === null) onChange(undefined);
    else if (names.has(name)) onChange(resolve(folder, name));
  });
  watcher.on('error', onError);
  return watcher;
}

export interface WatchHandle {
  /** Resolves after the first generation. */
  readonly ready: Promise<void>;
  close(): void;
}

/** What a watch needs to follow its settings: reading them again when the config file changes. */
export interface WatchOptions {
  /** Settings as the command line and the config file give them now. */
  readonly reloadSettings?: () => Promise<Settings>;
}

function pipelineFor(settings: Settings): Pipeline {
  return new Pipeline({
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
}

/**
 * Regenerates whenever something under the inputs changes: debounced, re-parsing only changed docs, rewriting
 * only changed files. Errors are reported and the watcher keeps going.
 */
export function watchAndGenerate(
  initial: Settings,
  log: (line: string) => void,
  { reloadSettings }: WatchOptions = {},
): WatchHandle {
  // Checked up front, as plain generate does: a missing input is a usage error, not something to watch for.
  for (const path of initial.input)
    if (!existsSync(path)) throw new InputError(`input ${path} does not exist`);
  let settings = initial;
  let pipeline = pipelineFor(settings);
  /** Set when the config file or a template changed: the next run builds its pipeline from them again. */
  let reload: 'config' | 'templates' | undefined;
  /** Aborted by close(): a run waiting for the output lock stops, and a queued run does not start. */
  const stopping = new AbortController();
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

  /**
   * Builds the pipeline again from the config file and templates as they are now. The parse cache goes with
   * the old pipeline, so every doc is read again. A config that moves the inputs or the output needs a new
   * watch; a broken config or template is reported and the last good one kept.
   */
  const reloadPipeline = async (what: 'config' | 'templates'): Promise<void> => {
    try {
      const next = what === 'config' && reloadSettings !== undefined ? await reloadSettings() : settings;
      if (next.out !== settings.out || next.input.join('\n') !== settings.input.join('\n')) {
        log(
          `topgen: ${settings.configFile} now names other inputs or another output; stop and run generate --watch again to follow them`,
        );
        return;
      }
      pipeline = pipelineFor(next);
      settings = next;
      changed = undefined;
      lastWritten = undefined;
      log(
        `topgen: ${what === 'config' ? settings.configFile : 'templates'} changed; regenerating everything`,
      );
    } catch (error) {
      log(
        `topgen: ${terminalSafeLines((error as Error).message)} (keeping the previous ${what === 'config' ? 'settings' : 'templates'})`,
      );
    }
  };

  const runOnce = async (): Promise<void> => {
    if (stopping.signal.aborted) return;
    const started = performance.now();
    if (reload !== undefined) {
      const what = reload;
      reload = undefined;
      await reloadPipeline(what);
    }
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
        signal: stopping.signal,
      });
      lastWritten = result.files;
      const { errors, warnings } = countBySeverity(diagnostics);
      const changed = written.changed.length + written.missing.length + written.extra.length;
      log(
        `topgen: ${plural(result.apis.length, 'API')} (${result.parsedCount} re-parsed), ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; ${plural(changed, 'file')} changed in ${Math.round(performance.now() - started)} ms`,
      );
    } catch (error) {
      if (stopping.signal.aborted) {
        log('topgen: stopped before writing; the output is as it was');
        return;
      }
      // What this run was told may not have been read: list everything next time.
      changed = undefined;
      log(`topgen: ${terminalSafeLines((error as Error).message)}`);
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
  const onError = (error: Error): void => log(`topgen: ${error.message}`);
  const watchers = settings.input.map((path) => watchInput(path, settings.out, schedule, onError));
  const reloadOn = (what: 'config' | 'templates') => (): void => {
    // A config change rebuilds the templates too; a template change does not re-read the config.
    if (reload !== 'config') reload = what;
    schedule(undefined);
  };
  // The config file through its folder: it may not exist yet, and editors save by rename.
  const configFolder = dirname(resolve(settings.configFile));
  if (existsSync(configFolder))
    watchers.push(
      watchNames(configFolder, new Set([basename(settings.configFile)]), reloadOn('config'), onError),
    );
  if (settings.templates !== undefined && existsSync(settings.templates))
    watchers.push(
      watchTree(settings.templates, { ignore: () => false, onChange: reloadOn('templates'), onError }),
    );
  return {
    ready,
    close() {
      stopping.abort(new Error('watch stopped'));
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
