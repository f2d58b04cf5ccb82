// npm run bench: generator speed and memory on the real 399-API corpus and on a 5,000+ API corpus made by
// replicating it under renamed APIs. Flags: --no-tsc skips the type-check timing of the large package.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const corpus = join(root, '..', 'shared', 'corpus', 'json');
if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} not found; the benchmark needs the shared corpus beside the checkout.`);
  process.exit(2);
}
const COPIES = 13; // 399 × 13 = 5,187 APIs
const withTsc = !process.argv.includes('--no-tsc');

function listJson(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listJson(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );
}

const work = mkdtempSync(join(tmpdir(), 'topgen-bench-'));
const docs = listJson(corpus).sort();
const small = join(work, 'docs-399');
const large = join(work, `docs-${docs.length * COPIES}`);
for (const file of docs) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const base = file.slice(corpus.length + 1).replaceAll('/', '__');
  mkdirSync(small, { recursive: true });
  writeFileSync(join(small, base), JSON.stringify(doc, null, 2));
  for (let copy = 0; copy < COPIES; copy++) {
    const dir = join(large, `c${copy}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, base), JSON.stringify({ ...doc, name: `${doc.name}.copy${copy}` }, null, 2));
  }
}

// Text pages: the saved corpus pages and the two seeds, each copied under renamed APIs.
const PAGE_COPIES = 100;
const pagesDir = join(root, '..', 'shared', 'corpus', 'pages');
const pageFiles = [
  ...readdirSync(pagesDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(pagesDir, name)),
  ...readdirSync(join(root, 'docs-input'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(root, 'docs-input', name)),
].sort();
const textDocs = join(work, `pages-${pageFiles.length * PAGE_COPIES}`);
for (const file of pageFiles) {
  const text = readFileSync(file, 'utf8');
  const header = /^([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+) \(/m.exec(text);
  if (header === null) continue;
  const name = header[1];
  const wire = name.replaceAll('.', '_').replace(/^taobao_/, '');
  for (let copy = 0; copy < PAGE_COPIES; copy++) {
    const dir = join(textDocs, `c${copy}`);
    mkdirSync(dir, { recursive: true });
    const renamed = text
      .replace(`${name} (`, `${name}.copy${copy} (`)
      .replaceAll(`${wire}_response`, `${wire}_copy${copy}_response`);
    writeFileSync(join(dir, file.slice(file.lastIndexOf('/') + 1)), renamed);
  }
}

function run(inputDir, label) {
  const out = join(work, `out-${label}`);
  const child = spawnSync(process.execPath, [join(root, 'bench', 'generate-run.mjs'), inputDir, out], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`bench run failed:\n${child.stderr}`);
  return { ...JSON.parse(child.stdout), out };
}

function cliWall(inputDir, label) {
  const out = join(work, `cli-${label}`);
  const started = performance.now();
  spawnSync(process.execPath, [join(root, 'bin', 'topgen.js'), 'generate', '-i', inputDir, '-o', out], {
    stdio: 'ignore',
  });
  return performance.now() - started;
}

const ms = (n) => `${n.toFixed(0).padStart(6)} ms`;
function report(label, r, cli) {
  console.log(
    `\n${label}: ${r.apis} APIs from ${r.docs} docs (${r.failed} failed), ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB`,
  );
  console.log(`  read + parse ${ms(r.readParseMs)}`);
  console.log(`  model        ${ms(r.modelMs)}`);
  console.log(`  emit         ${ms(r.emitMs)}`);
  console.log(`  write        ${ms(r.writeMs)}`);
  console.log(`  total  ${ms(r.totalMs)} in process; ${ms(cli)} for the whole \`topgen generate\` process`);
  console.log(`  peak RSS ${r.peakRssMb.toFixed(0)} MB (after writing, before the watch-mode run)`);
  const inc = r.incremental;
  console.log(
    `  watch mode, one doc changed: ${ms(inc.totalMs)} (re-parsed ${inc.reparsed}, files changed ${inc.filesChanged}; stat/read ${inc.readMs.toFixed(1)}, parse ${inc.parseMs.toFixed(1)}, model ${inc.modelMs.toFixed(1)}, emit ${inc.emitMs.toFixed(1)}, write ${inc.writeMs.toFixed(1)} ms)`,
  );
}

console.log(`topgen bench on ${process.version}, ${process.platform}/${process.arch}`);
const r1 = run(small, 'small');
report('corpus', r1, cliWall(small, 'small'));
const r2 = run(large, 'large');
report('replicated corpus', r2, cliWall(large, 'large'));
const r3 = run(textDocs, 'pages');
report('text pages', r3, cliWall(textDocs, 'pages'));

if (withTsc) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const started = performance.now();
  // The package's devDependencies (typescript, @types/node) are topgen's own.
  symlinkSync(join(root, 'node_modules'), join(r2.out, 'node_modules'), 'dir');
  const result = spawnSync(process.execPath, [tsc, '-p', r2.out, '--noEmit', '--extendedDiagnostics'], {
    encoding: 'utf8',
  });
  const wall = performance.now() - started;
  const memory = /Memory used:\s+(\d+)K/.exec(result.stdout)?.[1];
  const errors = (result.stdout.match(/error TS/g) ?? []).length;
  console.log(
    `\ntsc --noEmit of the ${r2.apis}-API package: ${ms(wall)}, ${memory ? `${(Number(memory) / 1024).toFixed(0)} MB` : '? MB'}, ${errors} errors`,
  );
}

const goals = [
  [`${r2.apis} APIs in ≤ 2 s wall`, r2.totalMs <= 2000],
  [`≤ 400 MB peak RSS`, r2.peakRssMb <= 400],
  [`one changed doc ≤ 200 ms`, r2.incremental.totalMs <= 200],
];
console.log('\ngoals:');
for (const [goal, met] of goals) console.log(`  ${met ? 'met    ' : 'NOT met'} ${goal}`);
rmSync(work, { recursive: true, force: true });
