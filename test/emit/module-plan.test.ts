import { describe, expect, it } from 'vitest';
import type { Api } from '../../src/model/types.js';
import { api, field } from './support/build.js';
import { emitModule } from '../helpers/templates.js';

describe('struct declarations', () => {
  it('say why a struct called like a platform global is named <Name>Data', () => {
    const given = api('a.b', {
      response: [field('result', 'Response', { children: [field('y', 'String')] })],
    });
    expect(emitModule(given).text).toContain(
      'Response struct Response, first used at result. Named ResponseData so that it does not shadow the global Response.',
    );
  });
});

describe('per-API module output', () => {
  const seedLike = api('alibaba.x.get', {
    request: [field('q', 'Query', { required: true, children: [field('id', 'Number', { required: true })] })],
    response: [field('result', 'Result', { children: [field('ok', 'Boolean')] })],
  });

  it('does not depend on other APIs: the same API emits the same text alone or among others', () => {
    const alone = emitModule(seedLike);
    const other = api('alibaba.x.list', {
      response: [field('result', 'Result', { children: [field('n', 'Number')] })],
    });
    emitModule(other);
    expect(emitModule(seedLike)).toEqual(alone);
  });

  it('does not mutate its input', () => {
    const frozen = JSON.parse(JSON.stringify(seedLike)) as Api;
    const deepFreeze = (value: unknown): void => {
      if (typeof value === 'object' && value !== null) {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
      }
    };
    deepFreeze(frozen);
    expect(emitModule(frozen).text).toBe(emitModule(seedLike).text);
  });
});
