// One benchmark run in a fresh process (so peak RSS belongs to this run only): the `topgen generate` pipeline
// (src/cli/load.ts) on a doc folder, stage by stage (read, model passes, emit, write), then the watch-mode path
// regenerating after one doc changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { discoverInputs, InputReader, readInput } from '../dist/cli/inputs.js';
import { writeTreeAtomic } from '../dist/cli/output.js';
import { readDoc } from '../dist/parse/input.js';
import { buildModel, modelDoc } from '../dist/model/passes/index.js';
import { emitPackage } from '../dist/emit/index.js';
import { loadRuntimeSources, loadTemplates } from '../dist/assets/index.js';
import { Pipeline } from '../dist/pipeline.js';

const [inputDir, outDir] = process.argv.slice(2);
const options = {
  packageName: 'bench-sdk',
  packageVersion: '1.0.0',
  runtimeSources: loadRuntimeSources(),
  templates: loadTemplates(),
};

const t0 = performance.now();
const discovered = await discoverInputs([inputDir]);
let read = discovered.entries.map((entry) => {
  const input = readInput(entry);
  return 'input' in input ? readDoc(input.input) : { file: entry.file, diagnostics: [input.error] };
});
const t1 = performance.now();
// The model passes per doc and across the run; the struct pass runs per API as its module is built (in emit).
const model = buildModel(read.map(modelDoc));
read = undefined; // what the pages said is garbage once modelled, as in the Pipeline
const t2 = performance.now();
const files = emitPackage(model.apis, options);
const t3 = performance.now();
await writeTreeAtomic(outDir, files);
const t4 = performance.now();
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// Watch mode: only the doc the watcher reports is stat-ed and re-read; parses, modules and per-API parts of the
// shared files are kept; one doc's description is edited on disk.
const reader = new InputReader();
const watcher = new Pipeline(options);
const first = watcher.run((await reader.read([inputDir])).inputs);
await writeTreeAtomic(outDir, first.files);
const target = discovered.entries[Math.floor(discovered.entries.length / 2)].path;
const original = readFileSync(target, 'utf8');
writeFileSync(
  target,
  original.includes('"description": "')
    ? original.replace('"description": "', '"description": "edited ')
    : original.replace('\n\n公共参数', ' edited\n\n公共参数'),
);
const t5 = performance.now();
// The watcher reports the changed file, so only it is stat-ed and read again.
const { inputs } = await reader.read([inputDir], [], new Set([target]));
const t6 = performance.now();
const again = watcher.run(inputs);
const t7 = performance.now();
let cleanup;
// As watch mode does: what was written last time saves reading the output back; the old tree's removal (after
// a full swap) finishes in the background.
const written = await writeTreeAtomic(outDir, again.files, {
  previous: first.files,
  onCleanup: (pending) => {
    cleanup = pending;
  },
});
const t8 = performance.now();
await cleanup;
writeFileSync(target, original);

process.stdout.write(
  JSON.stringify({
    docs: discovered.entries.length,
    apis: model.apis.length,
    failed: model.failedFiles.length,
    files: files.size,
    bytes: [...files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0),
    readParseMs: t1 - t0,
    modelMs: t2 - t1,
    emitMs: t3 - t2,
    writeMs: t4 - t3,
    totalMs: t4 - t0,
    peakRssMb,
    incremental: {
      reparsed: again.parsedCount,
      readMs: t6 - t5,
      filesChanged: written.changed.length + written.missing.length + written.extra.length,
      parseMs: again.timings.parse,
      modelMs: again.timings.model,
      emitMs: again.timings.emit,
      writeMs: t8 - t7,
      totalMs: t8 - t5,
    },
  }) + '\n',
);
