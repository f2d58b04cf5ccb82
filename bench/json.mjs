// npm run bench:json: what topgen's JSON reader (dist/json/scanner.js, strict `scanJson`) costs on the 399 real
// doc JSON files, as a ratio to `JSON.parse` on the same texts in the same run. `--against <scanner.js>` adds
// another build of the scanner (say, one built from another commit) as a second peer, for an A/B of a change.
// The corpus is read once; each figure is the median over --runs N (default 15) passes, the readers taking turns.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { corpus, flag, root } from './common.mjs';

const RUNS = flag('--runs', 15);
const againstAt = process.argv.indexOf('--against');
const against = againstAt === -1 ? undefined : resolve(process.argv[againstAt + 1]);

const texts = readdirSync(corpus, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => readFileSync(join(corpus, file), 'utf8'));
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

const { scanJson } = await import(pathToFileURL(join(root, 'dist', 'json', 'scanner.js')).href);
const readers = [
  ['JSON.parse', (text) => JSON.parse(text)],
  ['scanJson', (text) => scanJson(text)],
];
if (against !== undefined) {
  const peer = await import(pathToFileURL(against).href);
  readers.push([`scanJson (${against})`, (text) => peer.scanJson(text)]);
}
for (const [, read] of readers) for (const text of texts) read(text); // warm-up

const times = readers.map(() => []);
for (let run = 0; run < RUNS; run++) {
  readers.forEach(([, read], k) => {
    const start = performance.now();
    for (const text of texts) read(text);
    times[k].push(performance.now() - start);
  });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medians = times.map(median);
console.log(`${texts.length} doc JSON files, ${(bytes / 1e6).toFixed(1)} MB, median of ${RUNS} passes`);
readers.forEach(([name], k) => {
  const ms = medians[k];
  const vsParse = (ms / medians[0]).toFixed(2);
  const vsAgainst = against === undefined || k === 2 ? '' : `, ${(ms / medians[2]).toFixed(3)}× --against`;
  console.log(`  ${name.padEnd(24)} ${ms.toFixed(1).padStart(7)} ms  ${vsParse}× JSON.parse${vsAgainst}`);
});
