// What a fetch run tells the user: one line of counts, and a line per doc that needs attention.
import type { DocOutcome, GoneApi } from './fetch-docs.js';

export interface FetchCounts {
  /** Docs that arrived: unchanged + changed + added. */
  readonly fetched: number;
  readonly unchanged: number;
  readonly changed: number;
  readonly added: number;
  readonly gone: number;
  readonly failed: number;
}

export function countOutcomes(docs: readonly DocOutcome[], gone: readonly GoneApi[]): FetchCounts {
  const count = (status: DocOutcome['status']): number => docs.filter((d) => d.status === status).length;
  const unchanged = count('unchanged');
  const changed = count('changed');
  const added = count('added');
  return {
    fetched: unchanged + changed + added,
    unchanged,
    changed,
    added,
    gone: gone.length,
    failed: count('failed'),
  };
}

/** `fetched 5 of 6 APIs: 3 unchanged, 1 changed, 1 added, 0 gone, 1 failed` (dry run: "would be changed"…). */
export function formatSummary(counts: FetchCounts, total: number, dryRun: boolean): string {
  const would = dryRun ? ' (dry run: nothing written)' : '';
  return (
    `fetched ${counts.fetched} of ${total} API${total === 1 ? '' : 's'}: ${counts.unchanged} unchanged, ` +
    `${counts.changed} changed, ${counts.added} added, ${counts.gone} gone, ${counts.failed} failed${would}`
  );
}

/** One line per doc that changed or would change (dry run, --verbose). */
export function changeLines(docs: readonly DocOutcome[]): string[] {
  return docs.flatMap((d) =>
    d.status === 'changed' || d.status === 'added' ? [`${d.status} ${d.name} (${d.file})`] : [],
  );
}

export function failureLine(doc: DocOutcome, out: string): string {
  return `failed ${doc.name} (id ${doc.id}): ${doc.reason ?? 'unknown reason'}; ${out}/${doc.file} is kept as it was`;
}

export function goneLine(api: GoneApi, out: string, mode: { dryRun: boolean; prune: boolean }): string {
  const renamed =
    api.renamedTo === undefined ? 'the catalogue lists it no more' : `renamed to ${api.renamedTo}`;
  const action = api.pruned
    ? 'deleted'
    : mode.dryRun && mode.prune
      ? 'would be deleted'
      : 'kept (--prune deletes it)';
  return `gone ${api.name}: ${renamed}; ${out}/${api.file} ${action}`;
}
