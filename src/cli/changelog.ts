// `generate --changelog-from`: the API diff since a previous release, as an entry of the package's CHANGELOG.md.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffApis, formatChangelogEntry } from '../diff/index.js';
import type { GeneratedFiles } from '../emit/index.js';
import { loadApis, type LoadedModel } from './load.js';
import { CHANGELOG } from './output.js';
import type { Settings } from './settings.js';

function withFile(files: GeneratedFiles, path: string, text: string): GeneratedFiles {
  const entries = [...files.entries()].filter(([existing]) => existing !== path);
  entries.push([path, text]);
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Prepends the API diff between `previous` and the new model to CHANGELOG.md. */
export async function addChangelogEntry(
  previous: string,
  model: LoadedModel,
  settings: Settings,
  files: GeneratedFiles,
): Promise<GeneratedFiles> {
  const before = await loadApis(previous, false);
  const entry = formatChangelogEntry(diffApis(before.apis, model.apis), settings.packageVersion);
  const path = join(settings.out, CHANGELOG);
  const existing = existsSync(path) ? await readFile(path, 'utf8') : '# Changelog\n';
  return withFile(files, CHANGELOG, insertChangelogEntry(existing, entry, settings.packageVersion));
}

/**
 * Puts `entry` above the newest version's section (under the `# ` title when there is one). Regenerating the
 * same version replaces that version's entry instead of adding a second one.
 */
export function insertChangelogEntry(changelog: string, entry: string, version: string): string {
  const lines = changelog.split('\n');
  const heading = `## ${version}`;
  const start = lines.findIndex((line) => line.trimEnd() === heading);
  if (start >= 0) {
    const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
    const end = next < 0 ? lines.length : next;
    const replaced = [...lines.slice(0, start), ...entry.trimEnd().split('\n'), '', ...lines.slice(end)];
    return `${replaced.join('\n').trimEnd()}\n`;
  }
  // Above the first version section; a changelog without one gets the entry after its title (or first).
  const firstSection = lines.findIndex((line) => line.startsWith('## '));
  const at = firstSection >= 0 ? firstSection : lines[0]?.startsWith('# ') === true ? 1 : 0;
  const before = lines.slice(0, at);
  const after = lines.slice(at);
  while (before.length > 0 && before[before.length - 1]?.trim() === '') before.pop();
  while (after.length > 0 && after[0]?.trim() === '') after.shift();
  const parts = [...before, ...(before.length > 0 ? [''] : []), entry.trimEnd(), '', ...after];
  return `${parts.join('\n').trimEnd()}\n`;
}
