import { describe, expect, it } from 'vitest';
import { reservedParamClashes } from '../../../src/model/passes/reserved-params.js';
import { docApi, docField } from './support.js';

describe('the reserved parameters pass', () => {
  it('reports each request parameter named like a common parameter, and says when it makes the API uncallable', () => {
    const api = docApi('a.b', {
      request: [
        docField('sign', 'String'),
        docField('q', 'String'),
        docField('timestamp', 'Date', { required: true }),
      ],
      response: [docField('method', 'String')],
    });
    const found = reservedParamClashes(api);
    expect(found.map((d) => [d.severity, d.code, d.field, d.file])).toEqual([
      ['warning', 'reserved-param-name', 'request.sign', 'a.b.txt'],
      ['warning', 'reserved-param-name', 'request.timestamp', 'a.b.txt'],
    ]);
    expect(found[0]?.message).not.toContain('cannot be called');
    expect(found[1]?.message).toContain('cannot be called');
  });
});
