// One benchmark run in a fresh process (so peak RSS belongs to this run only): the `topgen generate` pipeline
// on a doc folder, stage by stage, then the watch-mode path regenerating after one doc changed.
import { discoverInputs, collectInputs } from '../dist/cli/inputs.js';
import { prepareDocs } from '../dist/cli/prepare.js';
import { writeTreeAtomic } from '../dist/cli/output.js';
import { buildModel } from '../dist/generate.js';
import {
  DEFAULT_API_MODULE_CONTEXT,
  emitApiModule,
  emitPackage,
  loadRuntimeSources,
} from '../dist/emit/index.js';
import { IncrementalGenerator } from '../dist/incremental.js';

const [inputDir, outDir] = process.argv.slice(2);
const options = { packageName: 'bench-sdk', packageVersion: '1.0.0', runtimeSources: loadRuntimeSources() };

const t0 = performance.now();
const discovered = await discoverInputs([inputDir]);
const prepared = await prepareDocs(discovered.entries);
const t1 = performance.now();
const model = buildModel(prepared.map((p) => p.doc));
const modules = new Map(prepared.filter((p) => p.module).map((p) => [p.file, p.module]));
const t2 = performance.now();
const files = emitPackage(
  model.apis,
  options,
  (api) => modules.get(api.source.file) ?? emitApiModule(api, DEFAULT_API_MODULE_CONTEXT),
);
const t3 = performance.now();
await writeTreeAtomic(outDir, files);
const t4 = performance.now();
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// Watch mode: the generator keeps every parse and module; one doc's description changes.
const { inputs } = await collectInputs([inputDir]);
const watcher = new IncrementalGenerator(options);
const first = watcher.run(inputs);
const index = Math.floor(inputs.length / 2);
/** A doc edit: the description of the API changes (doc JSON or text page). */
function edit(content) {
  const text = Buffer.from(content).toString('utf8');
  return Buffer.from(
    text.includes('"description": "')
      ? text.replace('"description": "', '"description": "edited ')
      : text.replace('\n\n公共参数', ' edited\n\n公共参数'),
  );
}
const edited = inputs.map((input, i) => (i === index ? { ...input, content: edit(input.content) } : input));
const t5 = performance.now();
const again = watcher.run(edited);
const t6 = performance.now();
const written = await writeTreeAtomic(outDir, again.files, first.files);
const t7 = performance.now();

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
      filesChanged: written.changed.length + written.missing.length + written.extra.length,
      parseMs: again.timings.parse,
      modelMs: again.timings.model,
      emitMs: again.timings.emit,
      writeMs: t7 - t6,
      totalMs: t7 - t5,
    },
  }) + '\n',
);
