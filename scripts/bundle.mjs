// The command line as one bundle (dist/bundle/), which bin/topgen.js runs: loading the ~100 modules of dist/ and
// the dependencies' files one by one took about a third of a small run's time (`topgen --help` 0.29 s → 0.22 s;
// a 399-doc generate 0.91 s → 0.78 s). Commands stay in chunks of their own, loaded when chosen. The large
// packages loaded only by some runs stay outside: ts-morph and TypeScript (--typecheck, --build) and cheerio
// (HTML pages). dist/ (tsc's output) stays the library's and the benchmarks' entry. Also writes
// dist/templates.json, the built-in templates compiled (see the end).
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${root}src/cli/main.ts`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: ['ts-morph', 'typescript', 'cheerio'],
  // string-width is loaded only for text that is not printable ASCII (see src/cli/string-width.ts).
  alias: { 'string-width': `${root}src/cli/string-width.ts` },
  // Bundled CommonJS dependencies (handlebars) require Node's built-in modules.
  banner: {
    js: "import { createRequire as topgenRequire } from 'node:module';\nconst require = topgenRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// The built-in templates compiled once here rather than in every run (about 20 ms of each); a run uses an entry
// only for the very text it was made from (src/emit/templates.ts).
const { loadTemplateSources } = await import(`${root}dist/assets/templates.js`);
const { precompileTemplate } = await import(`${root}dist/emit/templates.js`);
const precompiled = Object.fromEntries(
  [...loadTemplateSources()].map(([file, { text }]) => [file, { source: text, ...precompileTemplate(text) }]),
);
writeFileSync(`${root}dist/templates.json`, `${JSON.stringify(precompiled)}\n`);
