/**
 * The one in-memory type-checker of generated packages (used by `--typecheck` and the tests): ts-morph over an
 * in-memory file system holding the package's files, TypeScript's lib files and the type packages the runtime
 * needs (@types/node). The compiler options are the package's own tsconfig.json (strict).
 *
 * A checker is meant to be reused: files that did not change between two checks keep their parsed source, the
 * program reuses the previous one's structure, and a runtime that type-checked once is not checked again (only
 * the generated files change between checks).
 *
 * Every file is checked, those whose leading comments say `// @ts-nocheck` included (every file of a generated
 * package does, so that an app's build need not check it again): the checker reads that line as `// @ts-check`
 * padded to the same length, so positions, lines and source maps stay those of the file, and puts it back in
 * the JavaScript it emits.
 */
import type * as TsMorph from 'ts-morph';

/** Where the package's files live in the in-memory file system. */
const ROOT = '/package';

/** A `// @ts-nocheck` line among a file's leading line comments. */
const NO_CHECK = /^((?:\/\/[^\n]*\n)*?)\/\/ @ts-nocheck(?=\s)/;
/** What the checker reads in its place: as long, so nothing after it moves. */
const CHECKED = '// @ts-check  ';
/** The same line in emitted JavaScript, which keeps a file's leading comments. */
const EMITTED_CHECKED = /^((?:\/\/[^\n]*\n)*?)\/\/ @ts-check {2}/;

/** The text as the checker reads it: with `// @ts-nocheck` turned into `// @ts-check`. */
function checkedText(text: string): string {
  return text.replace(NO_CHECK, `$1${CHECKED}`);
}

/** Emitted JavaScript with the source's `// @ts-nocheck` back in place. */
function emittedText(path: string, text: string): string {
  return path.endsWith('.js') ? text.replace(EMITTED_CHECKED, '$1// @ts-nocheck') : text;
}

export interface PackageTypeError {
  /** Package-relative path, when the error is in a file. */
  readonly file?: string;
  readonly line?: number;
  /** TypeScript's error code; none for the checker's own findings. */
  readonly code?: number;
  readonly message: string;
}

/** `src/x.ts:3: error TS2322: message`. */
export function formatTypeError(error: PackageTypeError): string {
  const where =
    error.file === undefined ? '' : `${error.file}${error.line === undefined ? '' : `:${error.line}`}: `;
  return `${where}error${error.code === undefined ? '' : ` TS${error.code}`}: ${error.message}`;
}

type Morph = typeof TsMorph;

export class PackageTypeChecker {
  readonly #morph: Morph;
  readonly #project: TsMorph.Project;
  readonly #checkedRuntimes = new Set<string>();
  /** The tsconfig text and whether emitting was on when the compiler options were last set. */
  #configured: string | undefined;

  /**
   * `typePackages`: package name → the files of its folder on disk (relative posix path → text), such as
   * `@types/node`. Only `.d.ts` files and package.json matter.
   */
  private constructor(morph: Morph, typePackages: ReadonlyMap<string, ReadonlyMap<string, string>>) {
    this.#morph = morph;
    this.#project = new morph.Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
    const fs = this.#project.getFileSystem();
    for (const [name, files] of typePackages)
      for (const [path, text] of files) fs.writeFileSync(`/node_modules/${name}/${path}`, text);
  }

  /** ts-morph carries the TypeScript compiler: it is loaded only when a checker is made. */
  static async create(
    typePackages: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ): Promise<PackageTypeChecker> {
    return new PackageTypeChecker(await import('ts-morph'), typePackages);
  }

  /** For callers that have already loaded ts-morph (tests). */
  static createWith(
    morph: Morph,
    typePackages: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ): PackageTypeChecker {
    return new PackageTypeChecker(morph, typePackages);
  }

  /**
   * The package's compiler options: tsconfig.json's, and when emitting, those of tsconfig.build.json (which
   * extends it with the declaration options, as the package's `npm run build` does) over them.
   */
  #configure(files: ReadonlyMap<string, string>, emit: boolean): void {
    const text = files.get('tsconfig.json');
    if (text === undefined) throw new Error('package has no tsconfig.json');
    const buildText = emit ? (files.get('tsconfig.build.json') ?? '{}') : '{}';
    const key = `${String(emit)}\u0000${text}\u0000${buildText}`;
    if (key === this.#configured) return;
    const { ts } = this.#morph;
    const optionsOf = (json: string): object | undefined =>
      (JSON.parse(json) as { compilerOptions?: object }).compilerOptions;
    const converted = ts.convertCompilerOptionsFromJson(
      { ...optionsOf(text), ...optionsOf(buildText) },
      ROOT,
    );
    if (converted.errors.length > 0)
      throw new Error(ts.flattenDiagnosticMessageText(converted.errors[0]?.messageText, '\n'));
    this.#project.compilerOptions.set({
      ...converted.options,
      noEmit: !emit,
      typeRoots: ['/node_modules/@types'],
    });
    this.#configured = key;
  }

  /** Every type error of the package (plus `extra` files, such as usage code next to it); empty when it compiles. */
  check(
    files: ReadonlyMap<string, string>,
    extra: ReadonlyMap<string, string> = new Map(),
  ): PackageTypeError[] {
    return this.#check(files, extra, false);
  }

  /**
   * Type-checks the package, then emits what its own `npm run build` (tsc) would write — JS, `.d.ts` and their
   * maps, under the tsconfig's outDir — from the same program, so nothing is parsed or checked twice. Returns the
   * errors, or the emitted files by package-relative path.
   */
  build(
    files: ReadonlyMap<string, string>,
  ): { readonly errors: PackageTypeError[] } | { readonly outputs: ReadonlyMap<string, string> } {
    const errors = this.#check(files, new Map(), true);
    if (errors.length > 0) return { errors };
    const emitted = this.#project.emitToMemory();
    const failures = emitted
      .getDiagnostics()
      .map((d) => ({ code: d.getCode(), message: this.#message(d.compilerObject) }));
    if (failures.length > 0) return { errors: failures };
    const outputs = new Map<string, string>();
    for (const file of emitted.getFiles()) {
      if (!file.filePath.startsWith(`${ROOT}/`))
        throw new Error(`emitted outside the package: ${file.filePath}`);
      const path = file.filePath.slice(ROOT.length + 1);
      outputs.set(path, emittedText(path, file.text));
    }
    return { outputs: new Map([...outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  }

  #message(diagnostic: TsMorph.ts.Diagnostic): string {
    return this.#morph.ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  }

  #check(
    files: ReadonlyMap<string, string>,
    extra: ReadonlyMap<string, string>,
    emit: boolean,
  ): PackageTypeError[] {
    this.#configure(files, emit);
    const fs = this.#project.getFileSystem();
    const all = new Map([...files, ...extra]);
    // package.json ("type": "module") tells NodeNext resolution that the package's .ts files are ES modules.
    fs.writeFileSync(`${ROOT}/package.json`, all.get('package.json') ?? '{"type":"module"}');
    const wanted = new Set<string>();
    for (const [path, source] of all) {
      if (!path.endsWith('.ts')) continue;
      const text = checkedText(source);
      const full = `${ROOT}/${path}`;
      wanted.add(full);
      const existing = this.#project.getSourceFile(full);
      if (existing === undefined) this.#project.createSourceFile(full, text);
      else if (existing.getFullText() !== text) existing.replaceWithText(text);
    }
    for (const file of this.#project.getSourceFiles())
      if (!wanted.has(file.getFilePath())) this.#project.removeSourceFile(file);

    const runtimeKey = [...files]
      .filter(([path]) => path.startsWith('src/runtime/'))
      .map(([path, text]) => `${path}\u0000${text}`)
      .join('\u0001');
    const checkRuntime = !this.#checkedRuntimes.has(runtimeKey);
    const program = this.#project.getProgram().compilerObject;
    const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    const errors: PackageTypeError[] = [];
    for (const file of program.getSourceFiles()) {
      if (!file.fileName.startsWith(`${ROOT}/`)) continue;
      // TypeScript takes `x.d.ts` and `x.d.<ext>.ts` for declarations: never checked, and tsc emits nothing for them.
      if (file.isDeclarationFile)
        errors.push({
          file: file.fileName.slice(ROOT.length + 1),
          message: 'read as a declaration file, so tsc emits no JavaScript for it',
        });
      diagnostics.push(...program.getSyntacticDiagnostics(file));
      if (checkRuntime || !file.fileName.startsWith(`${ROOT}/src/runtime/`))
        diagnostics.push(...program.getSemanticDiagnostics(file));
    }
    for (const d of diagnostics) {
      const message = this.#message(d);
      if (d.file === undefined || d.start === undefined) errors.push({ code: d.code, message });
      else
        errors.push({
          file: d.file.fileName.replace(`${ROOT}/`, ''),
          line: d.file.getLineAndCharacterOfPosition(d.start).line + 1,
          code: d.code,
          message,
        });
    }
    if (errors.length === 0) this.#checkedRuntimes.add(runtimeKey);
    return errors;
  }
}
