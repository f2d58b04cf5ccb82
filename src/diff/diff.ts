/**
 * `diffApis`: what changed between two sets of APIs, classified for a caller.
 */
import type { Api, Field } from '../model/types.js';
import { DEFAULT_NUMBER_OPTIONS } from '../model/numbers.js';
import { planStructs, type Side, type StructPlan } from '../model/passes/structs.js';
import { DEFAULT_NAMING } from '../naming/api-names.js';
import { compareSide, type InterfaceNames, type LocatedChange } from './compare-fields.js';
import { compareCodeUnits, compareKinds, compareSegments, compareSides } from './order.js';
import { apiAdded, apiRemoved } from './rules.js';
import type { ApiDiff, ApiEntry, ApiFieldChanges, ChangeCounts, FieldChange } from './types.js';

/** APIs by name; the first of a repeated name wins and the repeat is reported, never dropped silently. */
function byName(apis: readonly Api[], label: string, warnings: string[]): Map<string, Api> {
  const map = new Map<string, Api>();
  const counts = new Map<string, number>();
  for (const api of apis) {
    counts.set(api.api, (counts.get(api.api) ?? 0) + 1);
    if (!map.has(api.api)) map.set(api.api, api);
  }
  for (const [name, count] of [...counts].sort(([a], [b]) => compareCodeUnits(a, b))) {
    if (count > 1) {
      warnings.push(`API ${name} appears ${count} times in the ${label} APIs; the first one is compared.`);
    }
  }
  return map;
}

function compareLocated(a: LocatedChange, b: LocatedChange): number {
  return (
    compareSides(a.change.side, b.change.side) ||
    compareSegments(a.segments, b.segments) ||
    compareKinds(a.change.kind, b.change.kind)
  );
}

/** Interface names as generated with the default naming and number rules (diff compares docs, not configs). */
const STRUCT_OPTIONS = { naming: DEFAULT_NAMING, numbers: DEFAULT_NUMBER_OPTIONS };

function fieldChanges(before: Api, after: Api): FieldChange[] {
  const oldPlan = planStructs(before, STRUCT_OPTIONS);
  const newPlan = planStructs(after, STRUCT_OPTIONS);
  const nameIn =
    (plan: StructPlan) =>
    (side: Side, field: Field): string | undefined => {
      try {
        return plan.structName(side, field);
      } catch {
        return undefined;
      }
    };
  const names: InterfaceNames = { before: nameIn(oldPlan), after: nameIn(newPlan) };
  const located = [
    ...compareSide('request', before.request, after.request, names),
    ...compareSide('response', before.response, after.response, names),
  ];
  return located.sort(compareLocated).map((entry) => entry.change);
}

function entry(api: Api, verdict: { impact: ApiEntry['impact']; reason: string }): ApiEntry {
  return { api: api.api, title: api.title, impact: verdict.impact, reason: verdict.reason };
}

export function diffApis(oldApis: readonly Api[], newApis: readonly Api[]): ApiDiff {
  const warnings: string[] = [];
  const before = byName(oldApis, 'old', warnings);
  const after = byName(newApis, 'new', warnings);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort(compareCodeUnits);
  const added: ApiEntry[] = [];
  const removed: ApiEntry[] = [];
  const changed: ApiFieldChanges[] = [];
  for (const name of names) {
    const old = before.get(name);
    const current = after.get(name);
    if (old === undefined && current !== undefined) added.push(entry(current, apiAdded()));
    else if (old !== undefined && current === undefined) removed.push(entry(old, apiRemoved()));
    else if (old !== undefined && current !== undefined) {
      const changes = fieldChanges(old, current);
      if (changes.length > 0) changed.push({ api: name, title: current.title, changes });
    }
  }
  return { added, removed, changed, warnings };
}

export function countChanges(diff: ApiDiff): ChangeCounts {
  let breaking = 0;
  let compatible = 0;
  const tally = (impact: 'breaking' | 'compatible'): void => {
    if (impact === 'breaking') breaking++;
    else compatible++;
  };
  for (const api of [...diff.added, ...diff.removed]) tally(api.impact);
  for (const api of diff.changed) for (const change of api.changes) tally(change.impact);
  return { breaking, compatible };
}

export function hasBreaking(diff: ApiDiff): boolean {
  return countChanges(diff).breaking > 0;
}
