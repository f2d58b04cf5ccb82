/**
 * Splits a TypeScript file into the tokens TypeScript's own scanner sees, to check that doc text never
 * becomes code: a doc payload may occur inside a comment or a string literal, nowhere else.
 */
import ts from 'typescript';

export interface Token {
  readonly kind: ts.SyntaxKind;
  readonly text: string;
  /** 1-based line of the token's start. */
  readonly line: number;
}

/** Token kinds that hold data rather than code. */
const DATA_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.SingleLineCommentTrivia,
  ts.SyntaxKind.MultiLineCommentTrivia,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

const TRIVIA: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.WhitespaceTrivia,
  ts.SyntaxKind.NewLineTrivia,
  ts.SyntaxKind.ShebangTrivia,
  ts.SyntaxKind.ConflictMarkerTrivia,
]);

/**
 * Every token of `text` with trivia other than comments dropped. Template substitutions are followed (a `}`
 * that closes one is rescanned as the template's next part), so the expression inside `${…}` counts as code.
 */
export function scanTokens(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const tokens: Token[] = [];
  const templateDepths: number[] = [];
  let braces = 0;
  let line = 1;
  let consumed = 0;
  const lineAt = (pos: number): number => {
    for (; consumed < pos; consumed++) if (text.charCodeAt(consumed) === 10) line++;
    return line;
  };
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken) braces++;
    if (kind === ts.SyntaxKind.CloseBraceToken) {
      if (templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === braces) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === ts.SyntaxKind.TemplateTail) templateDepths.pop();
      } else braces--;
    }
    if (kind === ts.SyntaxKind.TemplateHead) templateDepths.push(braces);
    if (TRIVIA.has(kind)) continue;
    tokens.push({ kind, text: scanner.getTokenText(), line: lineAt(scanner.getTokenStart()) });
  }
  return tokens;
}

export function isDataToken(token: Token): boolean {
  return DATA_KINDS.has(token.kind);
}

/** Code tokens (not comments, not string or template text) that contain `marker`. */
export function markerInCode(text: string, marker: string): Token[] {
  return scanTokens(text).filter((token) => !isDataToken(token) && token.text.includes(marker));
}

/** How many comment or string tokens contain `marker` (to check that the doc text was emitted at all). */
export function markerInData(text: string, marker: string): number {
  return scanTokens(text).filter((token) => isDataToken(token) && token.text.includes(marker)).length;
}
