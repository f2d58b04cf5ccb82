/**
 * Finds every diagnostic code the code base can emit, by reading src/ with the TypeScript parser:
 *
 * - calls `diagnostic(severity, code, …)` and `<collector>.add(severity, code, message, at, …)`;
 * - object members `code: '<kebab-case>'` (detection results such as `{ code: 'binary-file' }` that are
 *   handed to `diagnostic` later as `detected.code`);
 * - the code tables of the text reader and the nesting pass (`CODES` in src/parse/text/codes.ts and
 *   src/model/passes/nesting/codes.ts), whose members are used as `CODES.x`.
 *
 * A code argument the scanner cannot resolve (a variable, a function call) is reported as unresolved, so a new
 * way of passing codes makes the catalogue test fail until the scanner learns it, instead of slipping past.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export type Severity = 'error' | 'warning' | 'info';

export interface FoundCode {
  readonly code: string;
  /** The severity written at the call, when it is a literal. */
  readonly severity?: Severity;
  /** `src/…:line` of the call or member. */
  readonly at: string;
}

export interface CodeScan {
  readonly codes: readonly FoundCode[];
  /** `src/…:line: text` of code arguments that are neither literals nor known code tables. */
  readonly unresolved: readonly string[];
}

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info']);
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
/** Expressions that forward a code chosen elsewhere (`detected.code`); those codes are found at their source. */
const FORWARDED = new Set(['code']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out.sort();
}

/** The string values an expression can take, or undefined when it is not made of literals. */
function literalValues(node: ts.Expression): string[] | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literalValues(node.expression);
  if (ts.isConditionalExpression(node)) {
    const a = literalValues(node.whenTrue);
    const b = literalValues(node.whenFalse);
    return a === undefined || b === undefined ? undefined : [...a, ...b];
  }
  if (ts.isTemplateExpression(node)) {
    let values = [node.head.text];
    for (const span of node.templateSpans) {
      const inner = literalValues(span.expression);
      if (inner === undefined) return undefined;
      values = values.flatMap((v) => inner.map((i) => v + i + span.literal.text));
    }
    return values;
  }
  return undefined;
}

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

export function scanDiagnosticCodes(srcDir: string, codeTable: Readonly<Record<string, string>>): CodeScan {
  const codes: FoundCode[] = [];
  const unresolved: string[] = [];
  const root = join(srcDir, '..');
  for (const path of sourceFiles(srcDir)) {
    const text = readFileSync(path, 'utf8');
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node): string =>
      `${relative(root, path).split('\\').join('/')}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

    const resolve = (arg: ts.Expression, severity: Severity | undefined): void => {
      const literal = literalValues(arg);
      if (literal !== undefined) {
        for (const code of literal)
          codes.push({ code, ...(severity === undefined ? {} : { severity }), at: at(arg) });
        return;
      }
      if (
        ts.isPropertyAccessExpression(arg) &&
        ts.isIdentifier(arg.expression) &&
        arg.expression.text === 'CODES'
      ) {
        const code = codeTable[arg.name.text];
        if (code !== undefined) {
          codes.push({ code, ...(severity === undefined ? {} : { severity }), at: at(arg) });
          return;
        }
      }
      const name = ts.isIdentifier(arg)
        ? arg.text
        : ts.isPropertyAccessExpression(arg)
          ? arg.name.text
          : undefined;
      if (name !== undefined && FORWARDED.has(name)) return;
      unresolved.push(`${at(arg)}: ${arg.getText(file)}`);
    };

    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        const [first, second] = node.arguments;
        const isBuilder = name === 'diagnostic' || (name === 'add' && node.arguments.length >= 4);
        if (isBuilder && first !== undefined && second !== undefined) {
          const severity =
            ts.isStringLiteral(first) && SEVERITIES.has(first.text) ? (first.text as Severity) : undefined;
          resolve(second, severity);
        }
      }
      if (
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === 'code' &&
        ts.isStringLiteral(node.initializer) &&
        KEBAB.test(node.initializer.text)
      ) {
        codes.push({ code: node.initializer.text, at: at(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  for (const [key, code] of Object.entries(codeTable)) codes.push({ code, at: `CODES.${key}` });
  return { codes, unresolved };
}
