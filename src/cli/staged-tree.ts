/**
 * A new output tree written from a worker thread while the main thread is still emitting the rest of it. Creating
 * thousands of files costs the kernel up to a second; written after the emit, that second adds to the run, and
 * written beside it, on the machine's other core, it mostly does not. Staging is only an optimisation: whatever
 * it did not write, or wrote with other content, or failed to write, `writeTreeAtomic` writes the usual way
 * before the folder is swapped in (see output.ts), and a staged folder that is never handed over is removed.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { assertInside } from './inside-output.js';

/** Files per message: few enough to start writing early, enough that messaging costs nothing next to a write. */
const BATCH = 64;

/** What the main thread sends: a batch of files (path relative to the staged folder, text), or the end. */
type StageMessage = readonly (readonly [string, string])[] | 'end';

/**
 * The worker's whole program. It runs from its source text (`eval`), so that the same code works from src/
 * under the test runner, from dist/ and from the bundled command line; hence nothing from outside the function,
 * and built-in modules through `process.getBuiltinModule`, which a bundler leaves as it is (it rewrites
 * `require`).
 */
function stageWorker(): void {
  const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
  const { mkdirSync, writeFileSync } = process.getBuiltinModule('node:fs');
  const { dirname, join } = process.getBuiltinModule('node:path');
  const root = workerData as string;
  const made = new Set<string>();
  let failure: string | null = null;
  parentPort?.on('message', (message: StageMessage) => {
    if (message === 'end') {
      parentPort.postMessage(failure);
      return;
    }
    // After the first failure nothing more is written: the main thread's fallback writes the rest.
    if (failure !== null) return;
    try {
      for (const [path, text] of message) {
        const target = join(root, path);
        const dir = dirname(target);
        if (!made.has(dir)) {
          mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        writeFileSync(target, text);
      }
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  });
}

/** A folder being filled from a worker thread; see the module comment. */
export class StagedTree {
  /** The staged folder (absolute). */
  readonly dir: string;
  readonly #worker: Worker;
  readonly #sent = new Map<string, string>();
  #batch: (readonly [string, string])[] = [];
  /** Settles with the worker's failure (null when every file it was sent is written) or its early exit. */
  readonly #outcome: Promise<string | null>;
  #ended = false;
  #failure: string | undefined;
  /** Set once writeTreeAtomic has taken the folder over: it is then that function's to swap in or remove. */
  #claimed = false;

  /** Starts the worker; `dir` must not be in use by anyone else (it is emptied first). */
  constructor(dir: string) {
    this.dir = dir;
    rmSync(dir, { recursive: true, force: true });
    const worker = new Worker(`(${stageWorker.toString()})()`, { eval: true, workerData: dir });
    this.#worker = worker;
    // A worker that dies is a failed stage, never an error event that takes the host process down. Listening
    // from the start: a worker that is gone before the end is asked for must not leave the run waiting.
    worker.on('error', (error) => {
      this.#failure ??= error.message;
    });
    this.#outcome = new Promise<string | null>((resolve) => {
      worker.once('message', (failure: string | null) => resolve(failure));
      worker.once('exit', () => resolve(this.#failure ?? 'the staging worker stopped early'));
    });
  }

  /** Queues one file of the tree: a relative posix path inside it (anything else throws an OutputError). */
  add(path: string, text: string): void {
    assertInside(path);
    if (this.#ended) return;
    this.#sent.set(path, text);
    this.#batch.push([path, text]);
    if (this.#batch.length >= BATCH) this.#flush();
  }

  #flush(): void {
    if (this.#batch.length === 0) return;
    this.#worker.postMessage(this.#batch);
    this.#batch = [];
  }

  /**
   * Waits for every queued file to be written, stops the worker and hands the folder over to the caller.
   * Returns what the folder holds (path → text), or undefined when staging failed: the folder then holds an
   * unknown part of the tree.
   */
  async claim(): Promise<ReadonlyMap<string, string> | undefined> {
    this.#claimed = true;
    return this.#finish();
  }

  async #finish(): Promise<ReadonlyMap<string, string> | undefined> {
    if (!this.#ended) {
      this.#ended = true;
      this.#flush();
      this.#worker.postMessage('end' satisfies StageMessage);
    }
    const failure = await this.#outcome;
    await this.#worker.terminate();
    return failure === null && this.#failure === undefined ? this.#sent : undefined;
  }

  /** Stops the worker and, unless it was claimed, removes the folder: for every way a run can end. */
  async discard(): Promise<void> {
    await this.#finish();
    if (!this.#claimed) rmSync(this.dir, { recursive: true, force: true });
  }
}
