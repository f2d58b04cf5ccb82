import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFiles } from '../emit/index.js';

/** Type packages the runtime needs (Node's APIs, and the fetch types @types/node depends on). */
const TYPE_PACKAGES = ['@types/node', 'undici-types'];

/** The nearest `node_modules/<name>` from `start` upwards. */
function findPackage(start: string, name: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export type TypecheckResult = { readonly errors: readonly string[] } | { readonly unavailable: string };

/**
 * Type-checks the package in memory with ts-morph, under `strict`, before anything is written: the emitted
 * files and the type packages they need live in an in-memory file system. The type packages come from the
 * node_modules around `outDir`, the working directory or topgen itself.
 */
export async function typecheckPackage(outDir: string, files: GeneratedFiles): Promise<TypecheckResult> {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = TYPE_PACKAGES.map(
    (name) => [name, findPackage(outDir, name) ?? findPackage('.', name) ?? findPackage(here, name)] as const,
  );
  const missing = found.filter(([, dir]) => dir === undefined).map(([name]) => name);
  if (missing.length > 0)
    return {
      unavailable: `type-checking needs ${missing.join(' and ')}: install @types/node as a dev dependency`,
    };

  // ts-morph carries the TypeScript compiler: loaded only when asked for.
  const { Project, ts } = await import('ts-morph');
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
      typeRoots: ['/node_modules/@types'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      verbatimModuleSyntax: true,
    },
  });
  const fs = project.getFileSystem();
  for (const [name, dir] of found)
    for (const path of listFiles(dir!))
      if (path.endsWith('.d.ts') || path.endsWith('package.json'))
        fs.writeFileSync(
          `/node_modules/${name}/${relative(dir!, path).split('\\').join('/')}`,
          readFileSync(path, 'utf8'),
        );
  // package.json ("type": "module") tells NodeNext resolution that the package's .ts files are ES modules.
  for (const [path, text] of files)
    if (path.endsWith('.ts') || path === 'package.json') fs.writeFileSync(`/package/${path}`, text);
  for (const path of files.keys()) if (path.endsWith('.ts')) project.addSourceFileAtPath(`/package/${path}`);
  const errors = project.getPreEmitDiagnostics().map((d) => {
    const file = d
      .getSourceFile()
      ?.getFilePath()
      .replace(/^\/package\//, '');
    const line = d.getLineNumber();
    const message = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n');
    return `${file === undefined ? '' : `${file}${line === undefined ? '' : `:${line}`}: `}error TS${d.getCode()}: ${message}`;
  });
  return { errors };
}
