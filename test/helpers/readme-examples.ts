/**
 * The `ts` examples of a generated package's README, as the tests compile them: each block that uses the
 * Usage example's `client` gets that example's client setup first, and package imports can be pointed at the
 * package's own sources.
 */
import ts from 'typescript';

/** The fenced `ts` blocks of a Markdown text, in order. */
export function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})ts\n([\s\S]*?)^\1$/gm)].map((match) => match[2] ?? '');
}

/** Module specifiers of a code block's imports, as TypeScript reads them (escapes resolved). */
export function importSpecifiers(code: string): string[] {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  return source.statements
    .filter(ts.isImportDeclaration)
    .map((declaration) => (declaration.moduleSpecifier as ts.StringLiteral).text);
}

/**
 * The block with its package imports pointed at the package's own sources, so it can be type-checked as a file
 * of src/: `<pkg>` → ./index.js, `<pkg>/all` → ./all.js, `<pkg>/runtime` → ./runtime/index.js,
 * `<pkg>/apis/<api>` → ./apis/<api>.js.
 */
export function localised(code: string, packageName: string): string {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  let text = code;
  const imports = source.statements.filter(ts.isImportDeclaration).reverse();
  for (const declaration of imports) {
    const specifier = declaration.moduleSpecifier as ts.StringLiteral;
    const target = specifier.text;
    let local: string;
    if (target === packageName) local = './index.js';
    else if (target === `${packageName}/all`) local = './all.js';
    else if (target === `${packageName}/runtime`) local = './runtime/index.js';
    else if (target.startsWith(`${packageName}/apis/`))
      local = `./apis/${target.slice(`${packageName}/apis/`.length)}.js`;
    else throw new Error(`example imports ${JSON.stringify(target)}, which is not part of ${packageName}`);
    text = `${text.slice(0, specifier.getStart(source))}${JSON.stringify(local)}${text.slice(specifier.getEnd())}`;
  }
  return text;
}

/** The client setup of the Usage example: its import of the package root and its `const client` line. */
function clientSetup(usage: string, packageName: string): string {
  const lines = usage.split('\n');
  const root = lines.find((line) => line.startsWith('import ') && importSpecifiers(line)[0] === packageName);
  const client = lines.find((line) => line.startsWith('const client = new TopClient('));
  if (root === undefined || client === undefined) throw new Error('README has no client setup');
  return `${root}\n${client}\n`;
}

/** The README's `ts` blocks; those that use `client` without making one get the Usage example's setup first. */
export function runnableExamples(readme: string, packageName: string): string[] {
  const blocks = tsBlocks(readme);
  const setup = clientSetup(blocks[0] ?? '', packageName);
  return blocks.map((block) => {
    const needsSetup = /\bclient\b/.test(block) && !/\bconst client\b/.test(block);
    return needsSetup ? `${setup}\n${block}` : block;
  });
}
