/**
 * The `ApiSpec` constant of one API: wire names, kinds and constraints the runtime validates and serialises
 * from, and the response fields that are lists or Numbers (which the runtime unwraps and converts). It is
 * emitted as JSON text that the runtime decodes (`apiSpecFromJson`), not as an object literal: thousands of
 * large literals checked against `ApiSpec` were a large part of type-checking the package.
 */
import { apiAccess } from '../model/access.js';
import type { Api, Field, TypeKind } from '../model/types.js';
import { NUMERIC_CONSTRAINTS, specDoc } from './docs.js';
import { responseKey } from '../naming/api-names.js';
import type { ModulePlan } from './plan-module.js';
import { docComment, stringLiteral } from './safe.js';
import { isList } from './type-map.js';
import type { SpecView } from './views.js';

/** ParamSpec kinds: TypeKind without `byte`, which the model never produces as a kind of its own. */
function paramKind(kind: TypeKind): string {
  return kind === 'byte' ? 'number' : kind;
}

/** A ParamSpec or ResponseFieldSpec as plain data, keys in the order the runtime's types declare them. */
type SpecData = { [key: string]: string | number | boolean | SpecData[] };

function paramSpec(field: Field, plan: ModulePlan): SpecData {
  const kind = field.kind;
  const spec: SpecData = { name: field.name, kind: paramKind(kind) };
  if (isList(field)) spec.array = true;
  if (field.required) spec.required = true;
  for (const key of NUMERIC_CONSTRAINTS) {
    const value = field.constraints?.[key];
    if (value !== undefined && Number.isFinite(value)) spec[key] = value;
  }
  const children = kind === 'struct' ? plan.members(field).fields : [];
  if (children.length > 0) spec.children = children.map((child) => paramSpec(child, plan));
  return spec;
}

/**
 * The `ResponseFieldSpec` of a response field that is a list or a Number or has such fields below it, or
 * undefined for any other field: the runtime walks only these paths to unwrap TOP's list wrappers and convert
 * Numbers. Children come from the same plan as the response interfaces, so the description matches the
 * generated types.
 */
function responseFieldSpec(field: Field, plan: ModulePlan): SpecData | undefined {
  const list = isList(field);
  const children = field.kind === 'struct' ? responseFieldSpecs(plan.members(field).fields, plan) : [];
  const number = plan.numberForm(field);
  if (!list && children.length === 0 && number === undefined) return undefined;
  const spec: SpecData = { name: field.name };
  if (list) spec.array = true;
  if (number !== undefined) spec.number = number;
  if (children.length > 0) spec.children = children;
  return spec;
}

function responseFieldSpecs(fields: readonly Field[], plan: ModulePlan): SpecData[] {
  const specs: SpecData[] = [];
  for (const field of fields) {
    const spec = responseFieldSpec(field, plan);
    if (spec !== undefined) specs.push(spec);
  }
  return specs;
}

export function specView(api: Api, plan: ModulePlan): SpecView {
  const spec: SpecData = {
    method: api.api,
    responseKey: responseKey(api.api),
    access: apiAccess(api),
    params: plan.params.fields.map((field) => paramSpec(field, plan)),
  };
  // Only APIs whose answers contain lists or Numbers carry a response description.
  const response = responseFieldSpecs(plan.responseFields.fields, plan);
  if (response.length > 0) spec.response = response;
  return {
    doc: docComment(specDoc(api), ''),
    name: plan.names.spec,
    json: stringLiteral(JSON.stringify(spec)),
  };
}
