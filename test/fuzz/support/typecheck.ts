/**
 * In-memory type check of generated packages, tuned for many checks in one test run: source files are cached
 * by path and text (the runtime files are the same in every package), each program reuses the previous one's
 * structure, and the verbatim runtime is checked in full only the first time it is seen. The generated
 * files (APIs, client, barrel, request base) are always checked in full. The compiler options are the
 * package's own tsconfig.json (strict).
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = '/virtual/pkg';
const TYPE_ROOTS = fileURLToPath(new URL('../../../node_modules/@types', import.meta.url));

const sourceCache = new Map<string, ts.SourceFile>();
const checkedRuntimes = new Set<string>();
let previous: ts.Program | undefined;

function cachedSource(path: string, text: string, version: ts.ScriptTarget): ts.SourceFile {
  const key = `${path}\u0000${text}`;
  let file = sourceCache.get(key);
  if (file === undefined) {
    file = ts.createSourceFile(path, text, version, true);
    // Only lib, @types and runtime files repeat; generated files change with every case.
    if (!path.startsWith(`${ROOT}/src/`) || path.startsWith(`${ROOT}/src/runtime/`))
      sourceCache.set(key, file);
  }
  return file;
}

function compilerOptions(files: ReadonlyMap<string, string>): ts.CompilerOptions {
  const text = files.get('tsconfig.json');
  if (text === undefined) throw new Error('package has no tsconfig.json');
  const raw = JSON.parse(text) as { compilerOptions: unknown };
  const converted = ts.convertCompilerOptionsFromJson(raw.compilerOptions, ROOT);
  if (converted.errors.length > 0)
    throw new Error(ts.flattenDiagnosticMessageText(converted.errors[0]?.messageText, '\n'));
  return { ...converted.options, noEmit: true, typeRoots: [TYPE_ROOTS] };
}

function format(d: ts.Diagnostic): string {
  const where =
    d.file === undefined || d.start === undefined
      ? ''
      : `${d.file.fileName.slice(ROOT.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `;
  return `${where}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}

/** `path:line: TSnnnn message` for every error of the package; empty when it type-checks. */
export function typeCheckPackage(files: ReadonlyMap<string, string>): string[] {
  const all = new Map<string, string>();
  for (const [path, text] of files) all.set(`${ROOT}/${path}`, text);
  const options = compilerOptions(files);
  const host = ts.createCompilerHost(options);
  const isVirtual = (path: string): boolean => path.startsWith(`${ROOT}/`) || path === ROOT;
  host.getCurrentDirectory = () => ROOT;
  host.fileExists = (path) => (isVirtual(path) ? all.has(path) : ts.sys.fileExists(path));
  host.readFile = (path) => (isVirtual(path) ? all.get(path) : ts.sys.readFile(path));
  host.directoryExists = (dir) =>
    isVirtual(dir) ? [...all.keys()].some((path) => path.startsWith(`${dir}/`)) : ts.sys.directoryExists(dir);
  host.realpath = (path) => path;
  host.getSourceFile = (path, version) => {
    const text = isVirtual(path) ? all.get(path) : ts.sys.readFile(path);
    return text === undefined
      ? undefined
      : cachedSource(path, text, typeof version === 'object' ? version.languageVersion : version);
  };
  const roots = [...all.keys()].filter((path) => path.endsWith('.ts') && path.startsWith(`${ROOT}/src/`));
  const program = ts.createProgram({
    rootNames: roots,
    options,
    host,
    ...(previous === undefined ? {} : { oldProgram: previous }),
  });
  previous = program;

  const runtimeKey = [...files]
    .filter(([path]) => path.startsWith('src/runtime/'))
    .map(([path, text]) => `${path}\u0000${text}`)
    .join('\u0001');
  const checkRuntime = !checkedRuntimes.has(runtimeKey);
  const diagnostics: ts.Diagnostic[] = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
  ];
  const declarations: string[] = [];
  for (const file of program.getSourceFiles()) {
    if (!isVirtual(file.fileName)) continue;
    // TypeScript takes `x.d.ts` and `x.d.<ext>.ts` for declarations: never checked here, never emitted.
    if (file.isDeclarationFile)
      declarations.push(
        `${file.fileName.slice(ROOT.length + 1)}: read as a declaration file, so tsc emits no JavaScript for it`,
      );
    diagnostics.push(...program.getSyntacticDiagnostics(file));
    if (checkRuntime || !file.fileName.startsWith(`${ROOT}/src/runtime/`))
      diagnostics.push(...program.getSemanticDiagnostics(file));
  }
  if (diagnostics.length === 0) checkedRuntimes.add(runtimeKey);
  return [...declarations, ...diagnostics.map(format)];
}
