/**
 * Machine-readable diff. Objects are rebuilt here with a fixed key order (rather than serialising whatever
 * the diff object happens to hold), so the output stays byte-stable as the types evolve.
 */
import { countChanges } from './diff.js';
import type { ApiDiff, ApiEntry, FieldChange } from './types.js';

/** Bumped when the shape of the JSON output changes incompatibly. */
export const DIFF_JSON_FORMAT = 1;

function apiEntry(api: ApiEntry): object {
  return { api: api.api, title: api.title, impact: api.impact, reason: api.reason };
}

function change(c: FieldChange): object {
  return {
    path: c.path,
    side: c.side,
    kind: c.kind,
    before: c.before,
    after: c.after,
    impact: c.impact,
    reason: c.reason,
  };
}

export function formatDiffJson(diff: ApiDiff): string {
  const counts = countChanges(diff);
  const json = {
    format: DIFF_JSON_FORMAT,
    summary: {
      breaking: counts.breaking,
      compatible: counts.compatible,
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
    },
    added: diff.added.map(apiEntry),
    removed: diff.removed.map(apiEntry),
    changed: diff.changed.map((api) => ({
      api: api.api,
      title: api.title,
      changes: api.changes.map(change),
    })),
    warnings: [...diff.warnings],
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
