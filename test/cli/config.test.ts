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
          templates: 'my-templates',
          strict: true,
        },
        'topgen.config.json',
      ),
    ).toEqual({
      input: ['docs'],
      out: 'sdk',
      packageName: '@acme/top-sdk',
      packageVersion: '1.2.3',
      gateway: 'http://gw.api.tbsandbox.com/router/rest',
      templates: 'my-templates',
      strict: true,
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
