import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ApiModule } from '../emit/index.js';
import { parseInput, type ParsedDoc } from '../generate.js';
import { readInput, type InputEntry } from './inputs.js';

/** One doc after reading and parsing; `module` is its emitted API module when it was made alongside. */
export interface PreparedDoc {
  readonly file: string;
  readonly doc: ParsedDoc;
  readonly module?: ApiModule;
  readonly unreadable?: true;
}

export type WorkerMessage =
  | { readonly kind: 'progress'; readonly count: number }
  | { readonly kind: 'done'; readonly results: readonly PreparedDoc[] };

/** Below this many docs, starting workers costs more than it saves. */
const PARALLEL_FROM = 400;
const MAX_WORKERS = 4;

/** Worker threads load compiled JavaScript; when running from TypeScript sources (tests), stay on this thread. */
const WORKER_URL = new URL('./prepare-worker.js', import.meta.url);
const canUseWorkers = !import.meta.url.endsWith('.ts');

function prepareHere(entries: readonly InputEntry[], onProgress: (count: number) => void): PreparedDoc[] {
  return entries.map((entry) => {
    const read = readInput(entry);
    onProgress(1);
    if ('error' in read)
      return { file: entry.file, doc: { file: entry.file, diagnostics: [read.error] }, unreadable: true };
    return { file: entry.file, doc: parseInput(read.input) };
  });
}

function runWorker(
  entries: readonly InputEntry[],
  onProgress: (count: number) => void,
): Promise<readonly PreparedDoc[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { entries } });
    let results: readonly PreparedDoc[] | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.count);
      else results = message.results;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (results !== undefined) resolve(results);
      else reject(new Error(`a parse worker stopped with exit code ${code} before finishing`));
    });
  });
}

/**
 * Reads and parses every doc, in document order. Large inputs are spread over worker threads, which also emit
 * each API's module (the expensive, per-API part of emission) while they have the model at hand.
 */
export async function prepareDocs(
  entries: readonly InputEntry[],
  onProgress: (count: number) => void = () => {},
): Promise<PreparedDoc[]> {
  const workers = Math.min(MAX_WORKERS, availableParallelism());
  if (!canUseWorkers || workers < 2 || entries.length < PARALLEL_FROM)
    return prepareHere(entries, onProgress);
  // Interleaved shares: neighbouring docs often have similar sizes, so every worker gets a fair mix.
  const shares = Array.from({ length: workers }, (_, w) => entries.filter((_, i) => i % workers === w));
  const done = await Promise.all(shares.map((share) => runWorker(share, onProgress)));
  return entries.map((_, i) => done[i % workers]![Math.floor(i / workers)]!);
}
