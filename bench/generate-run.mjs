// One benchmark run in a fresh process (so peak RSS belongs to this run only):
// read + parse + model + emit + write of a doc folder, then an incremental run after one doc changed.
import { collectInputs } from '../dist/cli/inputs.js';
import { writeTreeAtomic } from '../dist/cli/output.js';
import { IncrementalGenerator } from '../dist/incremental.js';
import { loadRuntimeSources } from '../dist/emit/runtime-sources.js';

const [inputDir, outDir] = process.argv.slice(2);
const t0 = performance.now();
const { inputs } = await collectInputs([inputDir]);
const t1 = performance.now();
const generator = new IncrementalGenerator({
  packageName: 'bench-sdk',
  packageVersion: '1.0.0',
  runtimeSources: loadRuntimeSources(),
});
const full = generator.run(inputs);
const t2 = performance.now();
await writeTreeAtomic(outDir, full.files);
const t3 = performance.now();

// Change one doc's description, as a doc edit would, and regenerate.
const index = Math.floor(inputs.length / 2);
const edited = inputs.map((input, i) =>
  i === index
    ? { ...input, content: Buffer.from(Buffer.from(input.content).toString('utf8').replace('"description"', '"description": "edited", "x_old_description"')) }
    : input,
);
const t4 = performance.now();
const again = generator.run(edited);
const t5 = performance.now();
const written = await writeTreeAtomic(outDir, again.files, full.files);
const t6 = performance.now();

process.stdout.write(
  JSON.stringify({
    docs: inputs.length,
    apis: full.apis.length,
    failed: full.failedFiles.length,
    files: full.files.size,
    bytes: [...full.files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0),
    readMs: t1 - t0,
    parseMs: full.timings.parse,
    modelMs: full.timings.model,
    emitMs: full.timings.emit,
    writeMs: t3 - t2,
    totalMs: t3 - t0,
    incremental: {
      reparsed: again.parsedCount,
      filesChanged: written.changed.length + written.missing.length + written.extra.length,
      parseMs: again.timings.parse,
      modelMs: again.timings.model,
      emitMs: again.timings.emit,
      writeMs: t6 - t5,
      totalMs: t6 - t4,
    },
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
