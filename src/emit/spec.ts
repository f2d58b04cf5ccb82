/**
 * The `ApiSpec` constant of one API: wire names, kinds and constraints the runtime validates and serialises
 * from, and the response fields that are lists (which the runtime unwraps). Leaves print on one line, structs
 * spread their children over the following lines.
 */
import { apiAccess } from '../model/access.js';
import { typeKind } from '../model/type-kind.js';
import type { Api, Field, TypeKind } from '../model/types.js';
import { NUMERIC_CONSTRAINTS, specDoc } from './docs.js';
import { responseKey } from './names.js';
import type { ModulePlan } from './plan-module.js';
import { docComment, stringLiteral } from './safe.js';
import { isList } from './type-map.js';

/** ParamSpec kinds: TypeKind without `byte`, which the model never produces as a kind of its own. */
function paramKind(kind: TypeKind): string {
  return kind === 'byte' ? 'number' : kind;
}

function paramSpec(field: Field, plan: ModulePlan, indent: string): string {
  const kind = typeKind(field);
  const props = [`name: ${stringLiteral(field.name)}`, `kind: ${stringLiteral(paramKind(kind))}`];
  if (isList(field)) props.push('array: true');
  if (field.required) props.push('required: true');
  for (const key of NUMERIC_CONSTRAINTS) {
    const value = field.constraints?.[key];
    if (value !== undefined && Number.isFinite(value)) props.push(`${key}: ${String(value)}`);
  }
  const children = kind === 'struct' ? plan.members(field).fields : [];
  if (children.length === 0) return `${indent}{ ${props.join(', ')} },\n`;
  const inner = `${indent}  `;
  return (
    `${indent}{\n${props.map((p) => `${inner}${p},\n`).join('')}${inner}children: [\n` +
    children.map((child) => paramSpec(child, plan, `${inner}  `)).join('') +
    `${inner}],\n${indent}},\n`
  );
}

/**
 * The `ResponseFieldSpec` of a response field that is a list or has lists below it, or '' for any other field:
 * the runtime walks only these paths to unwrap TOP's list wrappers. Children come from the same plan as the
 * response interfaces, so the description matches the generated types.
 */
function responseFieldSpec(field: Field, plan: ModulePlan, indent: string): string {
  const list = isList(field);
  const inner = `${indent}  `;
  const children =
    typeKind(field) === 'struct'
      ? plan
          .members(field)
          .fields.map((child) => responseFieldSpec(child, plan, `${inner}  `))
          .join('')
      : '';
  if (!list && children === '') return '';
  const props = [`name: ${stringLiteral(field.name)}`];
  if (list) props.push('array: true');
  if (children === '') return `${indent}{ ${props.join(', ')} },\n`;
  return (
    `${indent}{\n${props.map((p) => `${inner}${p},\n`).join('')}${inner}children: [\n` +
    `${children}${inner}],\n${indent}},\n`
  );
}

export function emitSpec(api: Api, plan: ModulePlan): string {
  const params = plan.params.fields.map((field) => paramSpec(field, plan, '    ')).join('');
  const response = plan.responseFields.fields.map((field) => responseFieldSpec(field, plan, '    ')).join('');
  return (
    docComment(specDoc(api), '') +
    `export const ${plan.names.spec}: ApiSpec = {\n` +
    `  method: ${stringLiteral(api.api)},\n` +
    `  responseKey: ${stringLiteral(responseKey(api.api))},\n` +
    `  access: ${stringLiteral(apiAccess(api))},\n` +
    (params === '' ? '  params: [],\n' : `  params: [\n${params}  ],\n`) +
    // Only APIs whose answers contain lists carry a response description.
    (response === '' ? '' : `  response: [\n${response}  ],\n`) +
    '};\n'
  );
}
