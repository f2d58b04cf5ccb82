/** The read stage's entry: one input document (bytes and optional override file) → what its page says. */
import type { Diagnostic, DocApi } from '../model/types.js';
import { parseDocument } from './index.js';
import { parseOverride } from './text/index.js';

/** One input document as read from disk (or built in memory by a test). */
export interface InputDoc {
  /** Path as shown to the user in diagnostics. */
  readonly file: string;
  readonly content: Uint8Array | string;
  /** Optional nesting override file that sits next to the page. */
  readonly override?: { readonly file: string; readonly content: string };
}

/** What one input document says, before the model passes (src/model/passes/). */
export interface ReadDoc {
  readonly file: string;
  readonly api?: DocApi;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads one input document, applying its override file when there is one. */
export function readDoc(input: InputDoc): ReadDoc {
  const overrideDiagnostics: Diagnostic[] = [];
  let override;
  if (input.override !== undefined) {
    const loaded = parseOverride(input.override.content, input.override.file);
    overrideDiagnostics.push(...loaded.diagnostics);
    override = loaded.override;
  }
  const result = parseDocument(input.content, input.file, override === undefined ? {} : { override });
  const diagnostics = [...overrideDiagnostics, ...result.diagnostics];
  if (result.api === undefined) return { file: input.file, diagnostics };
  // The override's read/write class applies to every format, so it is set here rather than by one parser.
  const access = override?.access;
  const api = access === undefined ? result.api : { ...result.api, access };
  return { file: input.file, api, diagnostics };
}
