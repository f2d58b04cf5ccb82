import { watch, type FSWatcher } from 'node:fs';
import { IncrementalGenerator } from '../incremental.js';
import type { GeneratedFiles } from '../emit/index.js';
import { loadRuntimeSources } from '../emit/runtime-sources.js';
import { collectInputs } from './inputs.js';
import { writeTreeAtomic } from './output.js';
import { countBySeverity, effectiveDiagnostics, printDiagnostics } from './report.js';
import type { Settings } from './settings.js';

const DEBOUNCE_MS = 100;

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
  const generator = new IncrementalGenerator({
    packageName: settings.packageName,
    packageVersion: settings.packageVersion,
    defaultGateway: settings.gateway,
    runtimeSources: loadRuntimeSources(),
    strict: settings.strict,
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  let lastWritten: GeneratedFiles | undefined;

  const runOnce = async (): Promise<void> => {
    const started = performance.now();
    try {
      const collected = await collectInputs(settings.input);
      const result = generator.run(collected.inputs);
      const diagnostics = effectiveDiagnostics(
        [...collected.diagnostics, ...result.diagnostics],
        settings.strict,
      );
      printDiagnostics(diagnostics, log);
      const written = await writeTreeAtomic(settings.out, result.files, lastWritten);
      lastWritten = result.files;
      const { errors, warnings } = countBySeverity(diagnostics);
      const changed = written.changed.length + written.missing.length + written.extra.length;
      log(
        `topgen: ${result.apis.length} APIs (${result.parsedCount} re-parsed), ${errors} errors, ${warnings} warnings; ${changed} files changed in ${Math.round(performance.now() - started)} ms`,
      );
    } catch (error) {
      log(`topgen: ${(error as Error).message}`);
    }
  };

  const schedule = (): void => {
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
  const watchers: FSWatcher[] = settings.input.map((path) => watch(path, { recursive: true }, schedule));
  return {
    ready,
    close() {
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
