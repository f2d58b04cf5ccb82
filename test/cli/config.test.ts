import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig, validatePackageFlags } from '../../src/cli/config.js';

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
          numbers: { int64: 'bigint', fields: { 'taobao.trades.sold.get': { tid: 'id', num: 'number' } } },
          access: { 'taobao.trade.confirmfee.get': 'read', 'alibaba.order.sync': 'write' },
          readmeExamples: 300,
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
      numbers: { int64: 'bigint', fields: { 'taobao.trades.sold.get': { tid: 'id', num: 'number' } } },
      access: { 'taobao.trade.confirmfee.get': 'read', 'alibaba.order.sync': 'write' },
      readmeExamples: 300,
    });
  });

  it('accepts the fetch keys', () => {
    const fetch = {
      apis: ['taobao.user.seller.get'],
      categories: ['用户API'],
      site: 'http://127.0.0.1:8080',
      concurrency: 2,
    };
    expect(validateConfig({ fetch }, 'topgen.config.json')).toEqual({ fetch });
  });

  it.each([
    [{ out: 3 }, '"out": expected a non-empty string, found 3'],
    [{ packageName: 'Top SDK' }, '"packageName": expected an npm package name'],
    [{ packageVersion: 'v1' }, '"packageVersion": expected a semantic version'],
    [{ gateway: 'ftp://x' }, '"gateway": expected an http(s) URL, found "ftp://x"'],
    [{ input: [] }, '"input": expected a folder path or a non-empty list of paths'],
    [{ strict: 'yes' }, '"strict": expected true or false, found "yes"'],
    [{ outDir: 'x' }, 'unknown key "outDir"'],
    [{ numbers: { int64: 'number' } }, '"numbers": expected { "int64"?: "string" | "bigint"'],
    [{ numbers: { fields: { 'a.b': { tid: 'long' } } } }, '"numbers": expected {'],
    [{ numbers: { ids: 'string' } }, '"numbers": expected {'],
    [{ fetch: ['a'] }, '"fetch": expected an object with any of apis, categories, site, concurrency'],
    [{ fetch: { apis: 'taobao.a.b' } }, '"fetch.apis": expected a list of names, found "taobao.a.b"'],
    [{ fetch: { concurrency: 100 } }, '"fetch.concurrency": expected a whole number from 1 to 16, found 100'],
    [{ fetch: { site: 'open.taobao.com' } }, '"fetch.site": expected an http(s) URL'],
    [
      { fetch: { api: [] } },
      'unknown key "fetch.api" (known: fetch.apis, fetch.categories, fetch.site, fetch.concurrency)',
    ],
    [{ readmeExamples: -1 }, '"readmeExamples": expected a whole number of APIs (0 or more), found -1'],
    [{ readmeExamples: '100' }, '"readmeExamples": expected a whole number of APIs (0 or more), found "100"'],
    [
      { access: { 'a.b.get': 'readonly' } },
      '"access": expected an object mapping API names to "read" or "write"',
    ],
  ])('rejects %j with a message naming the key', (value, message) => {
    expect(() => validateConfig(value, 'topgen.config.json')).toThrow(ConfigError);
    expect(() => validateConfig(value, 'topgen.config.json')).toThrow(message);
  });

  it('rejects a config that is not an object', () => {
    expect(() => validateConfig([], 'c.json')).toThrow('c.json: expected a JSON object, found an array');
  });
});

describe('package name and version, from the config file or flags', () => {
  it.each([
    ['top-sdk', true],
    ['@acme/top-sdk', true],
    ['Top-SDK', false],
    ['node_modules', false],
    ['http', false],
    ['.hidden', false],
    ['a b', false],
    [`x${'y'.repeat(214)}`, false],
    ['@acme/', false],
  ])('name %s is valid: %s', (name, valid) => {
    const fromConfig = (): unknown => validateConfig({ packageName: name }, 'topgen.config.json');
    const fromFlag = (): void => validatePackageFlags({ packageName: name });
    if (valid) {
      expect(fromConfig).not.toThrow();
      expect(fromFlag).not.toThrow();
    } else {
      expect(fromConfig).toThrow(ConfigError);
      expect(fromFlag).toThrow(/--package-name: expected an npm package name .*npm says: /);
    }
  });

  it.each([
    ['1.2.3', true],
    ['1.0.0-beta.1+build.5', true],
    ['v1.2.3', false],
    ['1.2', false],
    ['01.2.3', false],
    ['1.2.3 ', false],
  ])('version %s is valid: %s', (version, valid) => {
    const fromFlag = (): void => validatePackageFlags({ packageVersion: version });
    if (valid) expect(fromFlag).not.toThrow();
    else expect(fromFlag).toThrow(/--package-version: expected a semantic version/);
    expect(() => validateConfig({ packageVersion: version }, 'c.json') as unknown).toSatisfy(
      (f: () => unknown) => {
        try {
          f();
          return valid;
        } catch (error) {
          return !valid && error instanceof ConfigError;
        }
      },
    );
  });
});
