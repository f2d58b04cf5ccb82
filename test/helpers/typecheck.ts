/**
 * The tests' type-checker: topgen's own (src/typecheck), one instance per test worker (its test files share it,
 * see vitest.config.ts) so parsed lib, @types and runtime files are reused across checks.
 */
import * as morph from 'ts-morph';
import { formatTypeError, PackageTypeChecker, type PackageTypeError } from '../../src/typecheck/checker.js';
import { readTypePackages } from '../../src/typecheck/type-packages.js';
import { ROOT } from './paths.js';

let checker: PackageTypeChecker | undefined;

function shared(): PackageTypeChecker {
  if (checker === undefined) {
    const types = readTypePackages([ROOT]);
    if ('missing' in types) throw new Error(`type check needs ${types.missing.join(', ')}`);
    checker = PackageTypeChecker.createWith(morph, types.found);
  }
  return checker;
}

export interface CheckResult {
  readonly errors: readonly PackageTypeError[];
  /** `path:line: error TScode: message` per error, for readable assertion failures. */
  readonly messages: readonly string[];
}

/** Type-checks a package (and `extra` files beside it, such as usage code) under its own tsconfig. */
export function typeCheck(
  files: ReadonlyMap<string, string>,
  extra: ReadonlyMap<string, string> = new Map(),
): CheckResult {
  const errors = shared().check(files, extra);
  return { errors, messages: errors.map(formatTypeError) };
}

/** Errors of one file, as `line → codes`, for expect-error style assertions. */
export function errorsByLine(result: CheckResult, path: string): Map<number, number[]> {
  const byLine = new Map<number, number[]>();
  for (const error of result.errors) {
    if (error.file !== path || error.line === undefined || error.code === undefined) continue;
    byLine.set(error.line, [...(byLine.get(error.line) ?? []), error.code]);
  }
  return byLine;
}

/** Lines of `source` that must not compile, each ending in `// error TSnnnn`, as `line → codes`. */
export function expectedErrors(source: string): Map<number, number[]> {
  const expected = new Map<number, number[]>();
  source.split('\n').forEach((line, i) => {
    const match = /\/\/ error TS(\d+)$/.exec(line);
    if (match?.[1] !== undefined) expected.set(i + 1, [Number(match[1])]);
  });
  return expected;
}
