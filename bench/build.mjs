// npm run bench:build: what building a generated package's dist/ (JS + .d.ts) costs, two ways, measured in the
// same run on the seeds (docs-input/) and on the real 399-API corpus:
//   (a) the package's own build: `tsc -p tsconfig.json` as a whole process (what `npm run build` runs);
//   (b) in memory with ts-morph, after the type-check `generate --typecheck` already does: the emit increment
//       (JS + .d.ts from the checked program), and check + emit together.
// Each figure is a median of --runs N (default 3); ratios are to (a).
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { corpus, flag, root } from './common.mjs';

const RUNS = flag('--runs', 3);
const tscBin = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const topgen = join(root, 'bin', 'topgen.js');
const { readTypePackages } = await import(join(root, 'dist', 'typecheck', 'type-packages.js'));
const morph = await import('ts-morph');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function run(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  return ms;
}
function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    return entry.isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

const found = readTypePackages([root]).found;
/** One in-memory build the way `generate --build` would do it: check, then emit from the same program. */
function buildInMemory(pkg) {
  const project = new morph.Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const fs = project.getFileSystem();
  for (const [name, files] of found)
    for (const [path, text] of files) fs.writeFileSync(`/node_modules/${name}/${path}`, text);
  const raw = JSON.parse(readFileSync(join(pkg, 'tsconfig.json'), 'utf8'));
  const { options } = morph.ts.convertCompilerOptionsFromJson(raw.compilerOptions, '/package');
  project.compilerOptions.set({ ...options, typeRoots: ['/node_modules/@types'] });
  fs.writeFileSync('/package/package.json', readFileSync(join(pkg, 'package.json'), 'utf8'));
  const t0 = performance.now();
  for (const path of listFiles(pkg))
    if (path.endsWith('.ts'))
      project.createSourceFile(`/package/${path}`, readFileSync(join(pkg, path), 'utf8'));
  const errors = project.getPreEmitDiagnostics();
  const t1 = performance.now();
  const emitted = project.emitToMemory();
  const files = emitted.getFiles();
  const t2 = performance.now();
  if (errors.length > 0 || emitted.getDiagnostics().length > 0)
    throw new Error(`${pkg}: in-memory build failed`);
  return { check: t1 - t0, emit: t2 - t1, files: files.length };
}

const work = mkdtempSync(join(tmpdir(), 'topgen-bench-build-'));
const docs399 = join(work, 'docs-399');
mkdirSync(docs399);
for (const file of listFiles(corpus).filter((f) => f.endsWith('.json')))
  writeFileSync(join(docs399, file.replaceAll('/', '__')), readFileSync(join(corpus, file)));

const rows = [];
for (const [label, input] of [
  ['seeds (docs-input/)', join(root, 'docs-input')],
  ['399-API corpus', docs399],
]) {
  const pkg = join(work, `out-${rows.length}`);
  run([topgen, 'generate', '-i', input, '-o', pkg]);
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  const tsc = [];
  const mem = [];
  for (let i = 0; i < RUNS; i += 1) {
    rmSync(join(pkg, 'dist'), { recursive: true, force: true });
    tsc.push(run([tscBin, '-p', join(pkg, 'tsconfig.json')]));
    mem.push(buildInMemory(pkg));
  }
  const apis = listFiles(pkg).filter((f) => f.startsWith('src/apis/')).length;
  rows.push({
    label,
    apis,
    tsc: median(tsc),
    check: median(mem.map((m) => m.check)),
    emit: median(mem.map((m) => m.emit)),
    total: median(mem.map((m) => m.check + m.emit)),
    files: mem[0].files,
    dist: relative(work, join(pkg, 'dist')),
  });
}
rmSync(work, { recursive: true, force: true });

const ms = (n) => `${Math.round(n)} ms`;
const ratio = (n, base) => `${(n / base).toFixed(2)}×`;
console.log(
  `dist/ build, median of ${RUNS} (ts-morph ${morph.ts.version}; tsc ${JSON.parse(readFileSync(join(root, 'node_modules', 'typescript', 'package.json'), 'utf8')).version})`,
);
for (const r of rows) {
  console.log(`\n${r.label}: ${r.apis} API files, ${r.files} files emitted`);
  console.log(`  (a) npm run build (tsc process)          ${ms(r.tsc).padStart(9)}   1.00×`);
  console.log(
    `  (b) ts-morph emit after --typecheck      ${ms(r.emit).padStart(9)}   ${ratio(r.emit, r.tsc)}`,
  );
  console.log(
    `      ts-morph check (what --typecheck does) ${ms(r.check).padStart(7)}   ${ratio(r.check, r.tsc)}`,
  );
  console.log(
    `      ts-morph check + emit                ${ms(r.total).padStart(9)}   ${ratio(r.total, r.tsc)}`,
  );
}
