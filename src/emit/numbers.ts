/**
 * The form each response `Number` is delivered in (README type map, docs/runtime.md): a JS `number`, or for
 * 64-bit ids the exact decimal text (`Int64String`, the default) or a `bigint` (`numbers.int64: "bigint"`).
 * The runtime converts every value to this form, so a field's declared type always holds.
 */
import { numberRole, type NumberRole } from '../model/numbers.js';
import type { Field } from '../model/types.js';

export type Int64Form = 'string' | 'bigint';
export type NumberForm = 'number' | Int64Form;

export interface NumberOptions {
  /** How 64-bit ids are delivered. Default `string`. */
  readonly int64?: Int64Form;
  /**
   * Role overrides by API name, then by field name (at any depth of that API's response): `"id"` or `"number"`.
   * For the fields whose name and description mislead the default rule.
   */
  readonly fields?: Readonly<Record<string, Readonly<Record<string, NumberRole>>>>;
}

export const DEFAULT_NUMBER_OPTIONS: NumberOptions = Object.freeze({});

/** The delivered form of a response field of kind `number`; undefined for other kinds. `byte` is never an id. */
export function responseNumberForm(
  api: string,
  field: Field,
  options: NumberOptions,
): NumberForm | undefined {
  if (field.kind !== 'number') return undefined;
  if (field.type === 'byte') return 'number';
  const override = Object.hasOwn(options.fields ?? {}, api) ? options.fields?.[api] : undefined;
  const role =
    override !== undefined && Object.hasOwn(override, field.name) ? override[field.name] : numberRole(field);
  return role === 'id' ? (options.int64 ?? 'string') : 'number';
}
