/**
 * What each kind of change means to a caller. Callers write request parameters and read response fields,
 * so the same edit can break one side and not the other:
 *
 * - request: anything that makes a call valid before and rejected (or differently handled) after is
 *   breaking: a new required field, a field becoming required, a tighter limit, a changed default, a removed
 *   field. Removing a request field counts as breaking because the generated SDK drops the property (code that
 *   sets it stops compiling) and the gateway ignores or rejects the value (the call quietly does less).
 * - response: anything a reader could rely on that goes away or changes shape is breaking (removed field,
 *   type or list change); new fields and constraint edits are compatible (constraints describe what the
 *   server sends, they do not restrict callers).
 */
import type { Field } from '../model/types.js';
import type { ConstraintName, Impact, Side } from './types.js';

export interface Verdict {
  readonly impact: Impact;
  readonly reason: string;
}

const breaking = (reason: string): Verdict => ({ impact: 'breaking', reason });
const compatible = (reason: string): Verdict => ({ impact: 'compatible', reason });

/** `String`, `ExcludeDevice[]`: the type as the doc writes it. */
export function typeLabel(field: Pick<Field, 'type' | 'array'>): string {
  return field.array ? `${field.type}[]` : field.type;
}

export function apiAdded(): Verdict {
  return compatible('API added');
}

export function apiRemoved(): Verdict {
  return breaking('API removed: calls to it now fail');
}

export function fieldAdded(side: Side, field: Field): Verdict {
  const type = typeLabel(field);
  if (side === 'response') return compatible(`new response field (${type})`);
  return field.required
    ? breaking(`new required request field (${type}): existing calls do not send it`)
    : compatible(`new optional request field (${type})`);
}

export function fieldRemoved(side: Side, field: Field): Verdict {
  const type = typeLabel(field);
  return side === 'request'
    ? breaking(
        `request field removed (${type}): code that sets it no longer compiles, and the gateway ignores or rejects the value`,
      )
    : breaking(`response field removed (${type}): readers no longer receive it`);
}

/**
 * A type rename within one value kind (`Number` → `byte`, `BigDecimal` → `Price`) keeps both the wire form
 * and the generated TypeScript type, so it is compatible. A struct rename keeps the wire keys but renames the
 * generated interface, which breaks code that names it; its fields are compared separately.
 */
export function typeChanged(side: Side, before: Field, after: Field): Verdict {
  const from = before.type;
  const to = after.type;
  const kindBefore = before.kind;
  const kindAfter = after.kind;
  if (kindBefore === kindAfter && kindBefore !== 'struct' && kindBefore !== 'unknown') {
    return compatible(`type ${from} → ${to}: both are ${kindBefore} values, on the wire and in the SDK`);
  }
  if (kindBefore === 'struct' && kindAfter === 'struct') {
    return breaking(
      `struct type ${from} → ${to}: the generated type is renamed (fields are compared one by one)`,
    );
  }
  return side === 'request'
    ? breaking(`type ${from} → ${to}: calls must send the new type`)
    : breaking(`type ${from} → ${to}: readers get values of the new type`);
}

/** The SDK's interface for a struct field got another name (interface names are handed out in document order). */
export function interfaceRenamed(from: string, to: string): Verdict {
  return breaking(`generated interface ${from} → ${to}: code that names ${from} must use ${to}`);
}

/** A response `Number` delivered in another form: code reading it gets values of another type. */
export function deliveredChanged(from: string, to: string): Verdict {
  return breaking(
    `delivered as ${from} → ${to} (the SDK types ids by the field's name and description): readers get values of the new type`,
  );
}

export function arrayChanged(side: Side, before: boolean, after: boolean): Verdict {
  const shape = `${before ? 'list' : 'single value'} → ${after ? 'list' : 'single value'}`;
  return side === 'request'
    ? breaking(`${shape}: calls must send the new shape`)
    : breaking(`${shape}: readers get the new shape`);
}

export function requiredChanged(side: Side, before: boolean, after: boolean): Verdict {
  if (side === 'response') {
    return compatible(
      `${after ? 'marked required' : 'no longer marked required'} (response field: informational)`,
    );
  }
  return after ? breaking('now required: calls that omit it are rejected') : compatible('no longer required');
}

/** For an upper bound, what a tighter limit starts rejecting. */
const REJECTED: Readonly<Record<Exclude<ConstraintName, 'default'>, string>> = {
  maxLength: 'longer values',
  maxListSize: 'longer lists',
  minValue: 'smaller values',
  maxValue: 'larger values',
};

type Bound = Exclude<ConstraintName, 'default'>;

function describeChange(name: string, before: string | undefined, after: string | undefined): string {
  if (before === undefined) return `${name} ${after ?? ''} added`;
  if (after === undefined) return `${name} ${before} removed`;
  return `${name} ${before} → ${after}`;
}

/** A new limit, a lower maximum or a higher minimum tightens; the opposite loosens. */
function isTighter(name: Bound, before: number | undefined, after: number | undefined): boolean {
  if (after === undefined) return false;
  if (before === undefined) return true;
  return name === 'minValue' ? after > before : after < before;
}

export function boundChanged(
  side: Side,
  name: Bound,
  before: number | undefined,
  after: number | undefined,
): Verdict {
  const what = describeChange(name, before?.toString(), after?.toString());
  if (side === 'response') return compatible(`${what} (response field: informational)`);
  return isTighter(name, before, after)
    ? breaking(`${what}: ${REJECTED[name]} are now rejected`)
    : compatible(`${what}: limit loosened`);
}

/**
 * Defaults matter to calls that omit the parameter: a changed or withdrawn default changes what those calls
 * do; a newly documented one only writes down what already happened.
 */
export function defaultChanged(side: Side, before: string | undefined, after: string | undefined): Verdict {
  const what = describeChange(
    'default',
    before === undefined ? undefined : JSON.stringify(before),
    after === undefined ? undefined : JSON.stringify(after),
  );
  if (side === 'response') return compatible(`${what} (response field: informational)`);
  if (before === undefined) return compatible(`${what}: documents what calls that omit it get`);
  if (after === undefined) return breaking(`${what}: calls that omit it can no longer rely on it`);
  return breaking(`${what}: calls that omit it get the new default`);
}
