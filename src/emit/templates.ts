/**
 * The package scaffold templates (templates/*.hbs). Handlebars runs with `noEscape` and `strict`: every value
 * it receives is already escaped for its place by safe.ts, and a missing value is an error, not an empty string.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { topgenRoot } from './package-root.js';

export interface ReadmeRow {
  readonly api: string;
  readonly method: string;
  readonly title: string;
  /** The API's own example (a fenced code block): its module imported alone and sent with `execute`. */
  readonly example: string;
}

export interface ReadmeData {
  readonly title: string;
  readonly apiCount: number;
  readonly apiNoun: string;
  readonly example: string;
  readonly apiImport: string;
  /** Inline code: the runtime's subpath, `<package>/runtime`. */
  readonly runtimePath: string;
  /** Inline code: the per-API subpath pattern, `<package>/apis/<API name>`. */
  readonly apiPath: string;
  /** Fenced code block: a TopClientBase from the runtime subpath, the `client` of every API example. */
  readonly runtimeExample: string;
  readonly rows: readonly ReadmeRow[];
}

export interface Templates {
  readonly readme: (data: ReadmeData) => string;
  readonly requestBase: (data: { readonly header: string }) => string;
}

export function loadTemplates(): Templates {
  const handlebars = Handlebars.create();
  const dir = join(topgenRoot(), 'templates');
  const compile = <T>(file: string): ((data: T) => string) => {
    const template = handlebars.compile<T>(readFileSync(join(dir, file), 'utf8'), {
      noEscape: true,
      strict: true,
    });
    return (data) => template(data);
  };
  return {
    readme: compile<ReadmeData>('README.md.hbs'),
    requestBase: compile<{ readonly header: string }>('request-base.ts.hbs'),
  };
}
