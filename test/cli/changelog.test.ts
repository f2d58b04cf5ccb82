import { describe, expect, it } from 'vitest';
import { insertChangelogEntry } from '../../src/cli/changelog.js';

describe('insertChangelogEntry', () => {
  it('puts a new version under the title and replaces an entry for the same version', () => {
    const first = insertChangelogEntry('# Changelog\n', '## 1.0.0\n\n- a\n', '1.0.0');
    expect(first).toBe('# Changelog\n\n## 1.0.0\n\n- a\n');
    const second = insertChangelogEntry(first, '## 1.1.0\n\n- b\n', '1.1.0');
    expect(second).toBe('# Changelog\n\n## 1.1.0\n\n- b\n\n## 1.0.0\n\n- a\n');
    expect(insertChangelogEntry(second, '## 1.1.0\n\n- c\n', '1.1.0')).toBe(
      '# Changelog\n\n## 1.1.0\n\n- c\n\n## 1.0.0\n\n- a\n',
    );
  });

  it('goes above the newest section of a changelog without a title, or with an introduction', () => {
    expect(insertChangelogEntry('## 1.0.0\n\n- initial release\n', '## 2.0.0\n\n- b\n', '2.0.0')).toBe(
      '## 2.0.0\n\n- b\n\n## 1.0.0\n\n- initial release\n',
    );
    expect(
      insertChangelogEntry(
        '# Changes\n\nAll notable changes.\n\n## 1.0.0\n\n- a\n',
        '## 2.0.0\n\n- b\n',
        '2.0.0',
      ),
    ).toBe('# Changes\n\nAll notable changes.\n\n## 2.0.0\n\n- b\n\n## 1.0.0\n\n- a\n');
    expect(insertChangelogEntry('', '## 1.0.0\n\n- a\n', '1.0.0')).toBe('## 1.0.0\n\n- a\n');
  });
});
