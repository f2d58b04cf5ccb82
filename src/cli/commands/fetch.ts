import { existsSync, statSync } from 'node:fs';
import { MAX_FETCH_CONCURRENCY } from '../config.js';
import { terminalSafe } from '../../model/terminal-text.js';
import { UsageError } from '../errors.js';
import { DEFAULTS, EXIT } from '../options.js';
import { createProgress } from '../report.js';
import { readConfigFor } from '../settings.js';
import { displayPath } from '../inputs.js';
import {
  changeLines,
  countOutcomes,
  failureLine,
  fetchDocs,
  FetchSelectionError,
  formatSummary,
  goneLine,
  type FetchSelection,
} from '../../fetch/index.js';

export interface FetchFlags {
  readonly apis?: readonly string[];
  readonly category?: readonly string[];
  readonly all?: boolean;
  readonly out?: string;
  readonly site?: string;
  readonly concurrency?: number;
  readonly timeout?: number;
  readonly dryRun?: boolean;
  readonly prune?: boolean;
  readonly config?: string;
  readonly verbose?: boolean;
}

/** Every line fetch prints may quote the site (API names, error messages): its control characters are escaped. */
const err = (line: string): void => void process.stderr.write(`${terminalSafe(line)}\n`);

function checkedSite(site: string): string {
  try {
    const url = new URL(site);
    if (url.protocol === 'http:' || url.protocol === 'https:') return site;
  } catch {
    // reported below
  }
  throw new UsageError(`--site: expected an http(s) URL, found ${JSON.stringify(site)}`);
}

export async function runFetch(flags: FetchFlags): Promise<number> {
  const config = await readConfigFor(flags);
  const concurrency = flags.concurrency ?? config.fetch?.concurrency ?? DEFAULTS.fetchConcurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_FETCH_CONCURRENCY)
    throw new UsageError(
      `--concurrency: expected a whole number from 1 to ${MAX_FETCH_CONCURRENCY} (the doc site is a shared service), found ${concurrency}`,
    );
  const timeout = flags.timeout ?? DEFAULTS.fetchTimeoutSeconds;
  if (!(timeout > 0)) throw new UsageError(`--timeout: expected seconds above 0, found ${timeout}`);
  const site = checkedSite(flags.site ?? config.fetch?.site ?? DEFAULTS.site);
  const out = flags.out ?? config.input?.[0] ?? DEFAULTS.input;
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new UsageError(`--out: ${out} is a file; fetch writes one file per API into a folder`);
  const shownOut = displayPath(out);
  const dryRun = flags.dryRun ?? false;
  const prune = flags.prune ?? false;

  const apis = flags.apis ?? [];
  const categories = flags.category ?? [];
  const all = flags.all ?? false;
  // Names on the command line replace the configured ones; with neither, the folder's earlier fetch is refreshed.
  const selection: FetchSelection =
    apis.length > 0 || categories.length > 0 || all
      ? { apis, categories, all }
      : config.fetch?.apis !== undefined || config.fetch?.categories !== undefined
        ? { apis: config.fetch.apis ?? [], categories: config.fetch.categories ?? [], all: false }
        : 'fromManifest';

  let progress: ReturnType<typeof createProgress> | undefined;
  let report;
  try {
    report = await fetchDocs({
      site,
      out,
      selection,
      concurrency,
      dryRun,
      prune,
      timeoutMs: Math.round(timeout * 1000),
      maxAttempts: DEFAULTS.fetchAttempts,
      onRetry:
        flags.verbose === true
          ? (what, reason, delay) => err(`topgen: retrying ${what} in ${delay} ms: ${reason}`)
          : undefined,
      onProgress: (done, total) => {
        progress ??= createProgress(total, 'fetching');
        if (done > 0) progress.tick();
      },
    });
  } catch (error) {
    if (error instanceof FetchSelectionError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress?.done();
  }
  if (!report.ok) {
    err(`topgen: fetch from ${site} failed: ${report.reason}; nothing was written`);
    return EXIT.problems;
  }
  for (const note of report.notes) err(`topgen: ${note}`);
  if (dryRun || flags.verbose === true)
    for (const line of changeLines(report.docs))
      process.stdout.write(`${dryRun ? 'would be ' : ''}${terminalSafe(line)}\n`);
  for (const doc of report.docs) if (doc.status === 'failed') err(`topgen: ${failureLine(doc, shownOut)}`);
  for (const api of report.gone) err(`topgen: ${goneLine(api, shownOut, { dryRun, prune })}`);
  if (report.manifestError !== undefined) err(`topgen: ${report.manifestError}`);
  const counts = countOutcomes(report.docs, report.gone);
  err(`topgen: ${formatSummary(counts, report.docs.length, dryRun)}`);
  if (counts.failed > 0 || report.manifestError !== undefined) return EXIT.problems;
  const wouldChange = counts.changed + counts.added + (prune ? counts.gone : 0) > 0;
  return dryRun && wouldChange ? EXIT.problems : EXIT.ok;
}
