import { describe, expect, it } from 'vitest';
import { diffApis, type FieldChange, type Side } from '../../src/diff/index.js';
import type { Field } from '../../src/model/types.js';
import { api, field } from './builders.js';

/** Diffs one field placed on one side of an API; `undefined` means "absent in that version". */
function changesOf(side: Side, before: Field | undefined, after: Field | undefined): FieldChange[] {
  const place = (f: Field | undefined) => api('x.api', { [side]: f === undefined ? [] : [f] });
  return diffApis([place(before)], [place(after)]).changed.flatMap((entry) => [...entry.changes]);
}

type Want = Pick<FieldChange, 'kind' | 'before' | 'after' | 'impact'>;

const s = field('f', 'String');
const n = field('f', 'Number');
const limited = (constraints: Field['constraints']): Field => field('f', 'String', { constraints });

const cases: [string, Side, Field | undefined, Field | undefined, Want][] = [
  // added / removed
  [
    'new required request field',
    'request',
    undefined,
    { ...s, required: true },
    { kind: 'added', before: null, after: 'String', impact: 'breaking' },
  ],
  [
    'new optional request field',
    'request',
    undefined,
    s,
    { kind: 'added', before: null, after: 'String', impact: 'compatible' },
  ],
  [
    'new response field',
    'response',
    undefined,
    s,
    { kind: 'added', before: null, after: 'String', impact: 'compatible' },
  ],
  [
    'removed request field',
    'request',
    s,
    undefined,
    { kind: 'removed', before: 'String', after: null, impact: 'breaking' },
  ],
  [
    'removed response field',
    'response',
    s,
    undefined,
    { kind: 'removed', before: 'String', after: null, impact: 'breaking' },
  ],
  // type and list shape
  [
    'request type change',
    'request',
    s,
    n,
    { kind: 'type', before: 'String', after: 'Number', impact: 'breaking' },
  ],
  [
    'response type change',
    'response',
    s,
    n,
    { kind: 'type', before: 'String', after: 'Number', impact: 'breaking' },
  ],
  [
    'same-kind rename Number → byte',
    'request',
    n,
    field('f', 'byte'),
    { kind: 'type', before: 'Number', after: 'byte', impact: 'compatible' },
  ],
  [
    'same-kind rename BigDecimal → Price',
    'response',
    field('f', 'BigDecimal'),
    field('f', 'Price'),
    { kind: 'type', before: 'BigDecimal', after: 'Price', impact: 'compatible' },
  ],
  [
    'struct rename',
    'response',
    field('f', 'ResultA'),
    field('f', 'ResultB'),
    { kind: 'type', before: 'ResultA', after: 'ResultB', impact: 'breaking' },
  ],
  [
    'unknown → unknown',
    'request',
    field('f', 'a b'),
    field('f', 'c d'),
    { kind: 'type', before: 'a b', after: 'c d', impact: 'breaking' },
  ],
  [
    'request becomes a list',
    'request',
    s,
    { ...s, array: true },
    { kind: 'array', before: false, after: true, impact: 'breaking' },
  ],
  [
    'response stops being a list',
    'response',
    { ...s, array: true },
    s,
    { kind: 'array', before: true, after: false, impact: 'breaking' },
  ],
  // required
  [
    'request becomes required',
    'request',
    s,
    { ...s, required: true },
    { kind: 'required', before: false, after: true, impact: 'breaking' },
  ],
  [
    'request becomes optional',
    'request',
    { ...s, required: true },
    s,
    { kind: 'required', before: true, after: false, impact: 'compatible' },
  ],
  [
    'response required flag (informational)',
    'response',
    s,
    { ...s, required: true },
    { kind: 'required', before: false, after: true, impact: 'compatible' },
  ],
  // upper bounds on the request side
  [
    'maxLength lowered',
    'request',
    limited({ maxLength: 64 }),
    limited({ maxLength: 32 }),
    { kind: 'maxLength', before: 64, after: 32, impact: 'breaking' },
  ],
  [
    'maxLength raised',
    'request',
    limited({ maxLength: 32 }),
    limited({ maxLength: 64 }),
    { kind: 'maxLength', before: 32, after: 64, impact: 'compatible' },
  ],
  [
    'maxLength added',
    'request',
    s,
    limited({ maxLength: 32 }),
    { kind: 'maxLength', before: null, after: 32, impact: 'breaking' },
  ],
  [
    'maxLength removed',
    'request',
    limited({ maxLength: 32 }),
    s,
    { kind: 'maxLength', before: 32, after: null, impact: 'compatible' },
  ],
  [
    'maxListSize lowered',
    'request',
    limited({ maxListSize: 20 }),
    limited({ maxListSize: 10 }),
    { kind: 'maxListSize', before: 20, after: 10, impact: 'breaking' },
  ],
  [
    'maxListSize raised',
    'request',
    limited({ maxListSize: 10 }),
    limited({ maxListSize: 20 }),
    { kind: 'maxListSize', before: 10, after: 20, impact: 'compatible' },
  ],
  [
    'maxListSize added',
    'request',
    s,
    limited({ maxListSize: 10 }),
    { kind: 'maxListSize', before: null, after: 10, impact: 'breaking' },
  ],
  [
    'maxValue lowered',
    'request',
    limited({ maxValue: 100 }),
    limited({ maxValue: 50 }),
    { kind: 'maxValue', before: 100, after: 50, impact: 'breaking' },
  ],
  [
    'maxValue raised',
    'request',
    limited({ maxValue: 50 }),
    limited({ maxValue: 100 }),
    { kind: 'maxValue', before: 50, after: 100, impact: 'compatible' },
  ],
  [
    'maxValue added',
    'request',
    s,
    limited({ maxValue: 5 }),
    { kind: 'maxValue', before: null, after: 5, impact: 'breaking' },
  ],
  // the lower bound works the other way round
  [
    'minValue raised',
    'request',
    limited({ minValue: 0 }),
    limited({ minValue: 1 }),
    { kind: 'minValue', before: 0, after: 1, impact: 'breaking' },
  ],
  [
    'minValue lowered',
    'request',
    limited({ minValue: 1 }),
    limited({ minValue: 0 }),
    { kind: 'minValue', before: 1, after: 0, impact: 'compatible' },
  ],
  [
    'minValue added',
    'request',
    s,
    limited({ minValue: 0 }),
    { kind: 'minValue', before: null, after: 0, impact: 'breaking' },
  ],
  [
    'minValue removed',
    'request',
    limited({ minValue: 0 }),
    s,
    { kind: 'minValue', before: 0, after: null, impact: 'compatible' },
  ],
  // defaults
  [
    'default changed',
    'request',
    limited({ default: 'a' }),
    limited({ default: 'b' }),
    { kind: 'default', before: 'a', after: 'b', impact: 'breaking' },
  ],
  [
    'default documented',
    'request',
    s,
    limited({ default: 'a' }),
    { kind: 'default', before: null, after: 'a', impact: 'compatible' },
  ],
  [
    'default withdrawn',
    'request',
    limited({ default: 'a' }),
    s,
    { kind: 'default', before: 'a', after: null, impact: 'breaking' },
  ],
  // response constraints are informational
  [
    'response maxLength lowered',
    'response',
    limited({ maxLength: 64 }),
    limited({ maxLength: 32 }),
    { kind: 'maxLength', before: 64, after: 32, impact: 'compatible' },
  ],
  [
    'response minValue added',
    'response',
    s,
    limited({ minValue: 1 }),
    { kind: 'minValue', before: null, after: 1, impact: 'compatible' },
  ],
  [
    'response default changed',
    'response',
    limited({ default: 'a' }),
    limited({ default: 'b' }),
    { kind: 'default', before: 'a', after: 'b', impact: 'compatible' },
  ],
];

describe('classification of one change', () => {
  it.each(cases)('%s (%s)', (_name, side, before, after, want) => {
    const changes = changesOf(side, before, after);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change).toMatchObject({ ...want, side, path: `${side}.f` });
    expect(change?.reason).toMatch(/^\S.*\S$/);
    expect(change?.reason).not.toContain('\n');
  });

  it('reports nothing for identical fields', () => {
    const rich = field('f', 'String', {
      required: true,
      constraints: { maxLength: 3, default: 'x' },
      children: [s],
    });
    expect(changesOf('request', rich, { ...rich })).toEqual([]);
  });
});

describe('reasons', () => {
  const reason = (side: Side, before: Field | undefined, after: Field | undefined): string | undefined =>
    changesOf(side, before, after)[0]?.reason;

  it.each([
    [
      'request',
      undefined,
      { ...s, required: true },
      'new required request field (String): existing calls do not send it',
    ],
    ['request', undefined, s, 'new optional request field (String)'],
    ['response', undefined, field('f', 'Item', { array: true }), 'new response field (Item[])'],
    [
      'request',
      s,
      undefined,
      'request field removed (String): code that sets it no longer compiles, and the gateway ignores or rejects the value',
    ],
    ['response', s, undefined, 'response field removed (String): readers no longer receive it'],
    ['request', s, n, 'type String → Number: calls must send the new type'],
    ['response', s, n, 'type String → Number: readers get values of the new type'],
    [
      'request',
      n,
      field('f', 'byte'),
      'type Number → byte: both are number values, on the wire and in the SDK',
    ],
    [
      'response',
      field('f', 'ResultA'),
      field('f', 'ResultB'),
      'struct type ResultA → ResultB: the generated type is renamed (fields are compared one by one)',
    ],
    ['request', s, { ...s, array: true }, 'single value → list: calls must send the new shape'],
    ['request', s, { ...s, required: true }, 'now required: calls that omit it are rejected'],
    ['request', { ...s, required: true }, s, 'no longer required'],
    [
      'request',
      limited({ maxLength: 64 }),
      limited({ maxLength: 32 }),
      'maxLength 64 → 32: longer values are now rejected',
    ],
    ['request', s, limited({ maxListSize: 5 }), 'maxListSize 5 added: longer lists are now rejected'],
    [
      'request',
      limited({ minValue: 0 }),
      limited({ minValue: 1 }),
      'minValue 0 → 1: smaller values are now rejected',
    ],
    ['request', limited({ maxValue: 9 }), s, 'maxValue 9 removed: limit loosened'],
    [
      'response',
      limited({ maxLength: 64 }),
      limited({ maxLength: 32 }),
      'maxLength 64 → 32 (response field: informational)',
    ],
    [
      'request',
      limited({ default: 'a' }),
      limited({ default: 'b' }),
      'default "a" → "b": calls that omit it get the new default',
    ],
    ['request', s, limited({ default: 'a' }), 'default "a" added: documents what calls that omit it get'],
  ] as const)('%s %o → %o', (side, before, after, want) => {
    expect(reason(side, before, after)).toBe(want);
  });
});
