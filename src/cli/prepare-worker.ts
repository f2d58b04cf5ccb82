// Worker side of prepareDocs: reads, parses and emits the module of its share of the docs.
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_API_MODULE_CONTEXT, emitApiModule } from '../emit/index.js';
import { parseInput } from '../generate.js';
import { hasErrors } from '../model/diagnostics.js';
import { readInput, type InputEntry } from './inputs.js';
import type { PreparedDoc, WorkerMessage } from './prepare.js';

const PROGRESS_EVERY = 25;
const entries = (workerData as { entries: readonly InputEntry[] }).entries;
const port = parentPort;
if (port === null) throw new Error('prepare-worker must run in a worker thread');

const results: PreparedDoc[] = [];
for (const [index, entry] of entries.entries()) {
  const read = readInput(entry);
  if ('error' in read)
    results.push({
      file: entry.file,
      doc: { file: entry.file, diagnostics: [read.error] },
      unreadable: true,
    });
  else {
    const doc = parseInput(read.input);
    const module =
      doc.api !== undefined && !hasErrors(doc.diagnostics)
        ? emitApiModule(doc.api, DEFAULT_API_MODULE_CONTEXT)
        : undefined;
    results.push(module === undefined ? { file: entry.file, doc } : { file: entry.file, doc, module });
  }
  if ((index + 1) % PROGRESS_EVERY === 0)
    port.postMessage({ kind: 'progress', count: PROGRESS_EVERY } satisfies WorkerMessage);
}
port.postMessage({ kind: 'progress', count: entries.length % PROGRESS_EVERY } satisfies WorkerMessage);
port.postMessage({ kind: 'done', results } satisfies WorkerMessage);
