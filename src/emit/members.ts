/**
 * Interface members for fields and struct interfaces. Request-side members are readonly and required as the
 * doc says; response-side members are all optional (TOP omits empty fields).
 */
import type { Field } from '../model/types.js';
import { fieldDoc, structDoc } from './docs.js';
import type { ModulePlan, Side, StructDecl } from './plan-module.js';
import { docComment, propertyKey, stringLiteral } from './safe.js';
import { OBJECT_INTERFACE_MEMBERS } from './scope.js';
import { inputType, outputType } from './type-map.js';

/**
 * An object literal without its own `constructor` still has `constructor: Function` to the checker (likewise
 * for every `Object` member), so a request member with such a wire name must also accept the inherited member,
 * or no init without that key would type-check.
 */
const INHERITED: ReadonlySet<string> = new Set(OBJECT_INTERFACE_MEMBERS);

export function emitMember(
  field: Field,
  side: Side,
  plan: ModulePlan,
  uses: Set<string>,
  indent: string,
): string {
  const struct = (): string => plan.structName(side, field);
  let type =
    side === 'request'
      ? inputType(field, struct, uses)
      : outputType(field, struct, uses, plan.numberForm(field));
  if (side === 'request' && INHERITED.has(field.name))
    type = `${type} | Object[${stringLiteral(field.name)}]`;
  const optional = side === 'response' || !field.required ? '?' : '';
  // An optional parameter may be given as undefined (the runtime skips it), also under exactOptionalPropertyTypes.
  if (side === 'request' && optional === '?') type = `${type} | undefined`;
  const readonly = side === 'request' ? 'readonly ' : '';
  return `${docComment(fieldDoc(field, side), indent)}${indent}${readonly}${propertyKey(field.name)}${optional}: ${type};\n`;
}

export function emitMembers(
  fields: readonly Field[],
  side: Side,
  plan: ModulePlan,
  uses: Set<string>,
): string {
  return fields.map((field) => emitMember(field, side, plan, uses, '  ')).join('');
}

/** A struct interface. A struct the doc gives no fields for accepts (or returns) any keys. */
export function emitStruct(decl: StructDecl, plan: ModulePlan, uses: Set<string>): string {
  const body =
    decl.members.fields.length === 0
      ? `  ${decl.side === 'request' ? 'readonly ' : ''}[key: string]: unknown;\n`
      : emitMembers(decl.members.fields, decl.side, plan, uses);
  return `${docComment(structDoc(decl), '')}export interface ${decl.name} {\n${body}}\n`;
}
