import type { GeneratedFiles } from '../emit/index.js';
import { formatTypeError, PackageTypeChecker } from '../typecheck/checker.js';
import { readTypePackages } from '../typecheck/type-packages.js';

export type TypecheckResult = { readonly errors: readonly string[] } | { readonly unavailable: string };

/**
 * `--typecheck`: compiles the package in memory, under its own strict tsconfig, before anything is written. The
 * type packages come from the node_modules around `outDir`, the working directory or topgen itself.
 */
export async function typecheckPackage(outDir: string, files: GeneratedFiles): Promise<TypecheckResult> {
  const checker = await createChecker(outDir);
  if (typeof checker === 'string') return { unavailable: checker };
  return { errors: checker.check(files).map(formatTypeError) };
}

export type CompileResult = TypecheckResult | { readonly outputs: GeneratedFiles };

/**
 * `--build`: the type-check of `--typecheck`, then the package's `dist/` (JS, `.d.ts` and maps, as its own
 * `npm run build` writes them) emitted from the same in-memory program.
 */
export async function compilePackage(outDir: string, files: GeneratedFiles): Promise<CompileResult> {
  const checker = await createChecker(outDir);
  if (typeof checker === 'string') return { unavailable: checker };
  const built = checker.build(files);
  return 'errors' in built ? { errors: built.errors.map(formatTypeError) } : built;
}

/** A checker, or why none can be made. */
async function createChecker(outDir: string): Promise<PackageTypeChecker | string> {
  const types = readTypePackages([outDir, '.']);
  if ('missing' in types)
    return `type-checking needs ${types.missing.join(' and ')}: install @types/node as a dev dependency`;
  return PackageTypeChecker.create(types.found);
}
