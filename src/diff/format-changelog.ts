/**
 * A CHANGELOG section for a generated SDK release. No date, so the same inputs give the same bytes:
 *
 *     ## 1.2.0
 *
 *     ### Breaking
 *     - `api.name` `request.field`: reason
 *     ### Added        (compatible additions: new APIs and fields)
 *     ### Changed      (every other compatible change)
 */
import { escapeMarkdown, inlineCode } from './markdown.js';
import { oneLine } from './one-line.js';
import type { ApiDiff, Impact } from './types.js';

type Section = 'Breaking' | 'Added' | 'Changed';

const SECTIONS: readonly Section[] = ['Breaking', 'Added', 'Changed'];

function sectionOf(impact: Impact, isAddition: boolean): Section {
  if (impact === 'breaking') return 'Breaking';
  return isAddition ? 'Added' : 'Changed';
}

function apiLabel(api: string, title: string): string {
  return title === '' ? inlineCode(api) : `${inlineCode(api)} (${escapeMarkdown(title)})`;
}

export function formatChangelogEntry(diff: ApiDiff, version: string): string {
  const items = new Map<Section, string[]>(SECTIONS.map((s) => [s, []]));
  const add = (section: Section, line: string): void => void items.get(section)?.push(line);
  // Items follow the diff's order (API name, then field path); APIs added or removed first in each section.
  for (const api of [...diff.removed, ...diff.added]) {
    add(
      sectionOf(api.impact, diff.added.includes(api)),
      `- ${apiLabel(api.api, api.title)}: ${escapeMarkdown(api.reason)}`,
    );
  }
  for (const api of diff.changed) {
    for (const change of api.changes) {
      const line = `- ${inlineCode(api.api)} ${inlineCode(change.path)}: ${escapeMarkdown(change.reason)}`;
      add(sectionOf(change.impact, change.kind === 'added'), line);
    }
  }
  const out = [`## ${oneLine(version)}`, ''];
  const sections = SECTIONS.filter((s) => (items.get(s) ?? []).length > 0);
  if (sections.length === 0) out.push('No API changes.', '');
  for (const section of sections) out.push(`### ${section}`, '', ...(items.get(section) ?? []), '');
  for (const warning of diff.warnings) out.push(`> ${escapeMarkdown(`warning: ${warning}`)}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
