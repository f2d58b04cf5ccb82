// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * Per-spec data computed once and cached: parameters sorted in signature order, child lookup tables for
 * structs, whether a file part can occur. Keyed by the spec object in a WeakMap, so specs of unloaded modules
 * can be collected.
 */
import type { ApiSpec, ParamKind, ParamSpec } from './spec.js';

export interface CompiledParam {
  readonly name: string;
  readonly kind: ParamKind;
  readonly array: boolean;
  readonly required: boolean;
  readonly maxLength: number | undefined;
  readonly maxListSize: number | undefined;
  readonly minValue: number | undefined;
  readonly maxValue: number | undefined;
  /** Fields of a struct, in spec order (validation reports them in this order). */
  readonly children: readonly CompiledParam[];
  /** Fields of a struct by wire name; undefined when the spec lists none (the value is written as plain JSON). */
  readonly childByName: ReadonlyMap<string, CompiledParam> | undefined;
}

export interface CompiledSpec {
  readonly method: string;
  readonly responseKey: string;
  /** Top-level parameters in spec order. */
  readonly params: readonly CompiledParam[];
  /** The same parameters in ascending code unit order of their wire names: the order they are signed in. */
  readonly sortedParams: readonly CompiledParam[];
  /** Top-level parameters by wire name. */
  readonly paramByName: ReadonlyMap<string, CompiledParam>;
}

function compileParam(p: ParamSpec): CompiledParam {
  const children = (p.children ?? []).map(compileParam);
  return {
    name: p.name,
    kind: p.kind,
    array: p.array === true,
    required: p.required === true,
    maxLength: p.maxLength,
    maxListSize: p.maxListSize,
    minValue: p.minValue,
    maxValue: p.maxValue,
    children,
    childByName: children.length > 0 ? new Map(children.map((c) => [c.name, c])) : undefined,
  };
}

function byName(a: CompiledParam, b: CompiledParam): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

const cache = new WeakMap<ApiSpec, CompiledSpec>();

export function compileSpec(spec: ApiSpec): CompiledSpec {
  let compiled = cache.get(spec);
  if (compiled === undefined) {
    const params = spec.params.map(compileParam);
    compiled = {
      method: spec.method,
      responseKey: spec.responseKey,
      params,
      sortedParams: [...params].sort(byName),
      paramByName: new Map(params.map((p) => [p.name, p])),
    };
    cache.set(spec, compiled);
  }
  return compiled;
}
