/**
 * Reads the output templates: topgen's own templates/*.hbs, each replaced by the file of the same name in the
 * override folder (`--templates DIR`, config `templates`) when there is one. Line ends are normalised, so a
 * checkout with CRLF line ends renders the same bytes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  compileTemplates,
  TEMPLATE_FILES,
  TemplateError,
  type PrecompiledTemplate,
  type TemplateFile,
  type Templates,
  type TemplateSource,
} from '../emit/templates.js';
import { topgenRoot } from './package-root.js';

const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_FILES);

function read(path: string): TemplateSource {
  const text = readFileSync(path, 'utf8');
  const shown = relative(process.cwd(), path);
  return {
    text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text,
    path: shown === '' ? path : shown,
  };
}

/** Every template file, overridden ones from `overrideDir`; an unknown `.hbs` file there is an error (a typo). */
export function loadTemplateSources(overrideDir?: string): Map<TemplateFile, TemplateSource> {
  const overrides = new Set<string>();
  if (overrideDir !== undefined) {
    if (!existsSync(overrideDir)) throw new TemplateError(`${overrideDir}: templates folder not found`);
    if (!statSync(overrideDir).isDirectory())
      throw new TemplateError(
        `${overrideDir}: --templates names a file; give the folder that holds the .hbs files`,
      );
    for (const name of readdirSync(overrideDir)) {
      if (!name.toLowerCase().endsWith('.hbs')) continue;
      if (!KNOWN.has(name))
        throw new TemplateError(
          `${join(overrideDir, name)}: not a topgen template (known: ${TEMPLATE_FILES.join(', ')})`,
        );
      if (!statSync(join(overrideDir, name)).isFile())
        throw new TemplateError(`${join(overrideDir, name)}: a template must be a file, this is a folder`);
      overrides.add(name);
    }
  }
  const builtIn = join(topgenRoot(), 'templates');
  return new Map(
    TEMPLATE_FILES.map((file) => [
      file,
      read(overrides.has(file) && overrideDir !== undefined ? join(overrideDir, file) : join(builtIn, file)),
    ]),
  );
}

/** Where the build keeps the compiled code of the built-in templates (scripts/bundle.mjs writes it). */
export const PRECOMPILED_TEMPLATES = join('dist', 'templates.json');

/** An entry from another build (one without an engine, say) is not used: its template is compiled anew. */
const ENGINES: ReadonlySet<unknown> = new Set(['direct', 'handlebars']);

/**
 * The build's compiled code of the built-in templates, by file name; empty when there is none (running from
 * src/) or it cannot be read. compileTemplates uses an entry only for the very text it was made from.
 */
export function loadPrecompiledTemplates(): Map<string, PrecompiledTemplate> {
  try {
    const data: unknown = JSON.parse(readFileSync(join(topgenRoot(), PRECOMPILED_TEMPLATES), 'utf8'));
    if (typeof data !== 'object' || data === null) return new Map();
    return new Map(
      Object.entries(data).filter(
        (entry): entry is [string, PrecompiledTemplate] =>
          typeof entry[1] === 'object' &&
          entry[1] !== null &&
          typeof (entry[1] as PrecompiledTemplate).source === 'string' &&
          typeof (entry[1] as PrecompiledTemplate).code === 'string' &&
          ENGINES.has((entry[1] as PrecompiledTemplate).engine),
      ),
    );
  } catch {
    return new Map();
  }
}

/** The templates for one run: read and compiled once (the built-in ones by the build, when it has). */
export function loadTemplates(overrideDir?: string): Templates {
  return compileTemplates(loadTemplateSources(overrideDir), loadPrecompiledTemplates());
}
