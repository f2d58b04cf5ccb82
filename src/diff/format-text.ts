/**
 * Human-readable diff: one block per API in name order, breaking changes first inside each block, then a
 * summary line with the counts.
 */
import { countChanges } from './diff.js';
import { oneLine } from './one-line.js';
import { compareCodeUnits } from './order.js';
import type { ApiDiff, Impact } from './types.js';

interface Line {
  readonly impact: Impact;
  readonly text: string;
}

interface Block {
  readonly api: string;
  readonly title: string;
  readonly lines: readonly Line[];
}

const MARK: Readonly<Record<Impact, string>> = {
  breaking: '✖ breaking  ',
  compatible: '✓ compatible',
};

function blocks(diff: ApiDiff): Block[] {
  const all: Block[] = [
    ...[...diff.added, ...diff.removed].map((api) => ({
      api: api.api,
      title: api.title,
      lines: [{ impact: api.impact, text: api.reason }],
    })),
    ...diff.changed.map((api) => ({
      api: api.api,
      title: api.title,
      lines: api.changes.map((change) => ({
        impact: change.impact,
        text: `${change.path}: ${change.reason}`,
      })),
    })),
  ];
  // Each API name occurs in at most one of added, removed and changed, so this order is total.
  return all.sort((a, b) => compareCodeUnits(a.api, b.api));
}

/** Breaking lines first; `filter` keeps each group in its original (path) order. */
function breakingFirst(lines: readonly Line[]): Line[] {
  return [...lines.filter((l) => l.impact === 'breaking'), ...lines.filter((l) => l.impact === 'compatible')];
}

export function summaryLine(diff: ApiDiff): string {
  const { breaking, compatible } = countChanges(diff);
  return (
    `Summary: ${breaking} breaking, ${compatible} compatible ` +
    `(APIs: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed)`
  );
}

export function formatDiffText(diff: ApiDiff): string {
  const out: string[] = [];
  for (const warning of diff.warnings) out.push(`warning: ${oneLine(warning)}`);
  if (diff.warnings.length > 0) out.push('');
  const all = blocks(diff);
  if (all.length === 0) out.push('No API changes.', '');
  for (const block of all) {
    out.push(block.title === '' ? oneLine(block.api) : `${oneLine(block.api)} (${oneLine(block.title)})`);
    for (const line of breakingFirst(block.lines)) out.push(`  ${MARK[line.impact]}  ${oneLine(line.text)}`);
    out.push('');
  }
  out.push(summaryLine(diff));
  return `${out.join('\n')}\n`;
}
