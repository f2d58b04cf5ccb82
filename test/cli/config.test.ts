import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../../src/cli/config.js';

describe('validateConfig', () => {
  it('accepts every documented key and normalises a single input to a list', () => {
    expect(
      validateConfig(
        {
          input: 'docs',
          out: 'sdk',
          packageName: '@acme/top-sdk',
          packageVersion: '1.2.3',
          gateway: 'http://gw.api.tbsandbox.com/router/rest',
          strict: true,
          changelog: false,
        },
        'topgen.config.json',
      ),
    ).toEqual({
      input: ['docs'],
      out: 'sdk',
      packageName: '@acme/top-sdk',
      packageVersion: '1.2.3',
      gateway: 'http://gw.api.tbsandbox.com/router/rest',
      strict: true,
      changelog: false,
    });
  });

  it.each([
    [{ out: 3 }, '"out": expected a non-empty string, found 3'],
    [{ packageName: 'Top SDK' }, '"packageName": expected an npm package name'],
    [{ packageVersion: 'v1' }, '"packageVersion": expected a semantic version'],
    [{ gateway: 'ftp://x' }, '"gateway": expected an http(s) URL, found "ftp://x"'],
    [{ input: [] }, '"input": expected a folder path or a non-empty list of paths'],
    [{ strict: 'yes' }, '"strict": expected true or false, found "yes"'],
    [{ outDir: 'x' }, 'unknown key "outDir"'],
  ])('rejects %j with a message naming the key', (value, message) => {
    expect(() => validateConfig(value, 'topgen.config.json')).toThrow(ConfigError);
    expect(() => validateConfig(value, 'topgen.config.json')).toThrow(message);
  });

  it('rejects a config that is not an object', () => {
    expect(() => validateConfig([], 'c.json')).toThrow('c.json: expected a JSON object, found an array');
  });
});

describe('insertChangelogEntry', () => {
  it('puts a new version under the title and replaces an entry for the same version', async () => {
    const { insertChangelogEntry } = await import('../../src/cli/commands/generate.js');
    const first = insertChangelogEntry('# Changelog\n', '## 1.0.0\n\n- a\n', '1.0.0');
    expect(first).toBe('# Changelog\n\n## 1.0.0\n\n- a\n');
    const second = insertChangelogEntry(first, '## 1.1.0\n\n- b\n', '1.1.0');
    expect(second).toBe('# Changelog\n\n## 1.1.0\n\n- b\n\n## 1.0.0\n\n- a\n');
    expect(insertChangelogEntry(second, '## 1.1.0\n\n- c\n', '1.1.0')).toBe(
      '# Changelog\n\n## 1.1.0\n\n- c\n\n## 1.0.0\n\n- a\n',
    );
  });
});
