import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** Writes a generated package's .ts files to `dir` as ES module JavaScript (types stripped), for importing. */
export function writeTranspiled(files: ReadonlyMap<string, string>, dir: string): void {
  for (const [path, text] of files) {
    if (!path.endsWith('.ts')) continue;
    const target = join(dir, path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    const js = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(target, js);
  }
}
