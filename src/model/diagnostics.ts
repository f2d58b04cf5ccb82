import { terminalSafe } from './terminal-text.js';
import type { Diagnostic, Severity } from './types.js';

/**
 * Builds a diagnostic. Codes are stable kebab-case identifiers documented in docs/diagnostics.md; the message
 * is a complete sentence a user can act on without reading topgen's source.
 */
export function diagnostic(
  severity: Severity,
  code: string,
  message: string,
  where: Omit<Diagnostic, 'severity' | 'code' | 'message'> = {},
): Diagnostic {
  return { severity, code, message, ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * `file:line:column: severity code: message (field …; expected …, found …)` — one line, for terminals, with
 * control and bidi characters from doc text or file names escaped (see terminal-text.ts).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const place =
    d.file === undefined
      ? ''
      : `${d.file}${d.line === undefined ? '' : `:${d.line}`}${d.column === undefined ? '' : `:${d.column}`}: `;
  const details: string[] = [];
  if (d.field !== undefined) details.push(`field ${d.field}`);
  if (d.expected !== undefined) details.push(`expected ${d.expected}`);
  if (d.found !== undefined) details.push(`found ${d.found}`);
  return terminalSafe(
    `${place}${d.severity} ${d.code}: ${d.message}${details.length > 0 ? ` (${details.join('; ')})` : ''}`,
  );
}
