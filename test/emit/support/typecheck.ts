// Type-checks a generated package in memory with the TypeScript compiler API, using the package's own
// tsconfig.json. Only lib files and @types come from disk (topgen's node_modules).
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = '/virtual/pkg';
const TYPE_ROOTS = fileURLToPath(new URL('../../../node_modules/@types', import.meta.url));

/** Lib and @types source files are immutable: parsing them once per test file saves seconds per check. */
const diskFiles = new Map<string, ts.SourceFile>();

export interface CheckResult {
  readonly diagnostics: readonly ts.Diagnostic[];
  /** `path:line: TScode message` per diagnostic, for readable assertion failures. */
  readonly messages: readonly string[];
}

function compilerOptions(files: ReadonlyMap<string, string>): ts.CompilerOptions {
  const text = files.get('tsconfig.json');
  if (text === undefined) throw new Error('package has no tsconfig.json');
  const raw = JSON.parse(text) as { compilerOptions: unknown };
  const converted = ts.convertCompilerOptionsFromJson(raw.compilerOptions, ROOT);
  if (converted.errors.length > 0) {
    throw new Error(ts.formatDiagnostics(converted.errors, ts.createCompilerHost({})));
  }
  return { ...converted.options, noEmit: true, typeRoots: [TYPE_ROOTS] };
}

export function typeCheck(
  files: ReadonlyMap<string, string>,
  extra: ReadonlyMap<string, string> = new Map(),
): CheckResult {
  const all = new Map<string, string>();
  for (const [path, text] of [...files, ...extra]) all.set(`${ROOT}/${path}`, text);
  const options = compilerOptions(files);
  const host = ts.createCompilerHost(options);
  const isVirtual = (path: string): boolean => path.startsWith(`${ROOT}/`) || path === ROOT;
  host.getCurrentDirectory = () => ROOT;
  host.fileExists = (path) => (isVirtual(path) ? all.has(path) : ts.sys.fileExists(path));
  host.readFile = (path) => (isVirtual(path) ? all.get(path) : ts.sys.readFile(path));
  host.directoryExists = (dir) =>
    isVirtual(dir) ? [...all.keys()].some((path) => path.startsWith(`${dir}/`)) : ts.sys.directoryExists(dir);
  host.realpath = (path) => path;
  host.getSourceFile = (path, languageVersion) => {
    const virtual = all.get(path);
    if (virtual !== undefined) return ts.createSourceFile(path, virtual, languageVersion, true);
    let cached = diskFiles.get(path);
    if (cached === undefined) {
      const text = ts.sys.readFile(path);
      if (text === undefined) return undefined;
      cached = ts.createSourceFile(path, text, languageVersion, true);
      diskFiles.set(path, cached);
    }
    return cached;
  };
  const roots = [...all.keys()].filter((path) => path.endsWith('.ts') && path.startsWith(`${ROOT}/src/`));
  const program = ts.createProgram({ rootNames: roots, options, host });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const messages = diagnostics.map((d) => {
    const where =
      d.file === undefined || d.start === undefined
        ? ''
        : `${d.file.fileName.slice(ROOT.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `;
    return `${where}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  return { diagnostics, messages };
}

/** Diagnostics of one extra file, as `line → codes`, for expect-error style assertions. */
export function errorsByLine(result: CheckResult, path: string): Map<number, number[]> {
  const byLine = new Map<number, number[]>();
  for (const d of result.diagnostics) {
    if (d.file?.fileName !== `${ROOT}/${path}` || d.start === undefined) continue;
    const line = d.file.getLineAndCharacterOfPosition(d.start).line + 1;
    byLine.set(line, [...(byLine.get(line) ?? []), d.code]);
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
