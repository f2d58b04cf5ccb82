import type { GeneratedFiles } from '../emit/index.js';
import { formatTypeError, PackageTypeChecker } from '../typecheck/checker.js';
import { readTypePackages } from '../typecheck/type-packages.js';

export type TypecheckResult = { readonly errors: readonly string[] } | { readonly unavailable: string };

/**
 * `--typecheck`: compiles the package in memory, under its own strict tsconfig, before anything is written. The
 * type packages come from the node_modules around `outDir`, the working directory or topgen itself.
 */
export async function typecheckPackage(outDir: string, files: GeneratedFiles): Promise<TypecheckResult> {
  const types = readTypePackages([outDir, '.']);
  if ('missing' in types)
    return {
      unavailable: `type-checking needs ${types.missing.join(' and ')}: install @types/node as a dev dependency`,
    };
  const checker = await PackageTypeChecker.create(types.found);
  return { errors: checker.check(files).map(formatTypeError) };
}
