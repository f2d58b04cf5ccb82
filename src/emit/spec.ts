/**
 * The `ApiSpec` constant of one API: wire names, kinds and constraints the runtime validates and serialises
 * from, and the response fields that are lists or Numbers (which the runtime unwraps and converts). Leaves
 * print on one line, structs spread their children over the following lines (spec-entry.ts.hbs).
 */
import { apiAccess } from '../model/access.js';
import { typeKind } from '../model/type-kind.js';
import type { Api, Field, TypeKind } from '../model/types.js';
import { NUMERIC_CONSTRAINTS, specDoc } from './docs.js';
import { responseKey } from './names.js';
import type { ModulePlan } from './plan-module.js';
import { docComment, stringLiteral } from './safe.js';
import { isList } from './type-map.js';
import type { SpecEntryView, SpecView } from './views.js';

/** ParamSpec kinds: TypeKind without `byte`, which the model never produces as a kind of its own. */
function paramKind(kind: TypeKind): string {
  return kind === 'byte' ? 'number' : kind;
}

const NO_CHILDREN: readonly SpecEntryView[] = [];

function entry(props: readonly string[], children: readonly SpecEntryView[]): SpecEntryView {
  return { props, inline: children.length === 0 ? props.join(', ') : '', children };
}

function paramEntry(field: Field, plan: ModulePlan): SpecEntryView {
  const kind = typeKind(field);
  const props = [`name: ${stringLiteral(field.name)}`, `kind: ${stringLiteral(paramKind(kind))}`];
  if (isList(field)) props.push('array: true');
  if (field.required) props.push('required: true');
  for (const key of NUMERIC_CONSTRAINTS) {
    const value = field.constraints?.[key];
    if (value !== undefined && Number.isFinite(value)) props.push(`${key}: ${String(value)}`);
  }
  const children =
    kind === 'struct' ? plan.members(field).fields.map((child) => paramEntry(child, plan)) : NO_CHILDREN;
  return entry(props, children);
}

/**
 * The `ResponseFieldSpec` of a response field that is a list or a Number or has such fields below it, or
 * undefined for any other field: the runtime walks only these paths to unwrap TOP's list wrappers and convert
 * Numbers. Children come from the same plan as the response interfaces, so the description matches the
 * generated types.
 */
function responseEntry(field: Field, plan: ModulePlan): SpecEntryView | undefined {
  const list = isList(field);
  const children =
    typeKind(field) === 'struct' ? responseEntries(plan.members(field).fields, plan) : NO_CHILDREN;
  const number = plan.numberForm(field);
  if (!list && children.length === 0 && number === undefined) return undefined;
  const props = [`name: ${stringLiteral(field.name)}`];
  if (list) props.push('array: true');
  if (number !== undefined) props.push(`number: ${stringLiteral(number)}`);
  return entry(props, children);
}

function responseEntries(fields: readonly Field[], plan: ModulePlan): readonly SpecEntryView[] {
  const entries: SpecEntryView[] = [];
  for (const field of fields) {
    const found = responseEntry(field, plan);
    if (found !== undefined) entries.push(found);
  }
  return entries.length === 0 ? NO_CHILDREN : entries;
}

export function specView(api: Api, plan: ModulePlan): SpecView {
  return {
    doc: docComment(specDoc(api), ''),
    name: plan.names.spec,
    method: stringLiteral(api.api),
    responseKey: stringLiteral(responseKey(api.api)),
    access: stringLiteral(apiAccess(api)),
    params: plan.params.fields.map((field) => paramEntry(field, plan)),
    // Only APIs whose answers contain lists or Numbers carry a response description.
    response: responseEntries(plan.responseFields.fields, plan),
  };
}
