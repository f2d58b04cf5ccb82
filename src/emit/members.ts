/**
 * Interface members for fields and struct interfaces. Request-side members are readonly and required as the
 * doc says; response-side members are all optional (TOP omits empty fields).
 */
import type { Field } from '../model/types.js';
import { fieldDoc, structDoc } from './docs.js';
import type { Side, StructDecl } from '../model/passes/structs.js';
import type { ModulePlan } from './plan-module.js';
import { docComment, propertyKey, stringLiteral } from './safe.js';
import { OBJECT_INTERFACE_MEMBERS } from '../naming/scope.js';
import { inputType, outputType } from './type-map.js';
import type { InterfaceView, MemberView } from './views.js';

/**
 * An object literal without its own `constructor` still has `constructor: Function` to the checker (likewise
 * for every `Object` member), so a request member with such a wire name must also accept the inherited member,
 * or no init without that key would type-check.
 */
const INHERITED: ReadonlySet<string> = new Set(OBJECT_INTERFACE_MEMBERS);

/** Members are printed two spaces in, inside their interface. */
export const MEMBER_INDENT = '  ';

/**
 * True when the member's TypeScript type reads as the doc's type name: `string` and `boolean` for String and
 * Boolean, and a struct's interface that kept the doc's name.
 */
function typeShowsDocType(field: Field, side: Side, plan: ModulePlan): boolean {
  if (field.kind === 'struct') return plan.structName(side, field) === field.type;
  return (
    (field.kind === 'string' && field.type === 'String') ||
    (field.kind === 'boolean' && field.type === 'Boolean')
  );
}

export function memberView(field: Field, side: Side, plan: ModulePlan, uses: Set<string>): MemberView {
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
  return {
    doc: docComment(fieldDoc(field, side, typeShowsDocType(field, side, plan)), MEMBER_INDENT),
    readonly: side === 'request' ? 'readonly ' : '',
    key: propertyKey(field.name),
    optional,
    type,
  };
}

export function memberViews(
  fields: readonly Field[],
  side: Side,
  plan: ModulePlan,
  uses: Set<string>,
): MemberView[] {
  return fields.map((field) => memberView(field, side, plan, uses));
}

/** `[key: string]: <type>`: the one member of an interface the doc gives no fields for. */
export function indexSignature(type: string, readonly: boolean): MemberView {
  return { doc: '', readonly: readonly ? 'readonly ' : '', key: '[key: string]', optional: '', type };
}

/** A struct interface. A struct the doc gives no fields for accepts (or returns) any keys. */
export function structView(decl: StructDecl, plan: ModulePlan, uses: Set<string>): InterfaceView {
  const members =
    decl.members.fields.length === 0
      ? [indexSignature('unknown', decl.side === 'request')]
      : memberViews(decl.members.fields, decl.side, plan, uses);
  return { doc: docComment(structDoc(decl), ''), name: decl.name, members };
}
