/**
 * Compiles a template straight to JavaScript when it keeps to the part of Handlebars topgen's own templates use:
 * text, comments, `{{path}}` values, `{{#if}}`, `{{#unless}}` and `{{#each}}` blocks with one path argument,
 * and `{{> partial}}` with at most one path argument. The code calls the steps of template-runtime.ts'
 * DirectRuntime, which do what Handlebars 4.7 does with `strict`, `noEscape` and `knownHelpersOnly`: the same
 * text for every view, the same errors. Handlebars' own compiled code renders the same templates several times
 * slower (an options object, a helper lookup and a source position per value), and a platform-sized package is
 * 5,000+ renders of each.
 *
 * Handlebars still parses every template (whitespace control and standalone lines are its rules, applied by its
 * parser), and a template outside the subset (other helpers, `../`, hashes, decorators, partial blocks, block
 * params) is left to Handlebars whole: compileDirect returns undefined for it.
 */
import Handlebars from 'handlebars';
import type { DirectRuntime, PartialInvoker } from './template-runtime.js';

interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

interface Located {
  readonly type: string;
  readonly loc: { readonly start: SourcePosition; readonly end: SourcePosition };
}

interface PathNode extends Located {
  readonly type: 'PathExpression';
  readonly data: boolean;
  readonly depth: number;
  readonly parts: readonly string[];
  readonly original: string;
}

interface ProgramNode extends Located {
  readonly body: readonly Located[];
  readonly blockParams?: readonly string[];
}

interface ContentNode extends Located {
  readonly type: 'ContentStatement';
  readonly value: string;
}

interface MustacheNode extends Located {
  readonly type: 'MustacheStatement';
  readonly path: Located;
  readonly params: readonly Located[];
  readonly hash?: unknown;
}

interface BlockNode extends Located {
  readonly type: 'BlockStatement';
  readonly path: Located;
  readonly params: readonly Located[];
  readonly hash?: unknown;
  readonly program?: ProgramNode;
  readonly inverse?: ProgramNode;
}

interface PartialNode extends Located {
  readonly type: 'PartialStatement';
  readonly name: Located & { readonly original?: unknown };
  readonly params: readonly Located[];
  readonly hash?: unknown;
  /** The whitespace before a standalone partial, which Handlebars puts before each line of its output. */
  readonly indent?: string;
}

/** A construct outside the subset: the template goes to Handlebars. */
class Unsupported extends Error {}

/** Names Handlebars resolves to its helpers even without arguments (`{{log}}` calls `log`). */
const HANDLEBARS_HELPERS = new Set([
  'helperMissing',
  'blockHelperMissing',
  'each',
  'if',
  'unless',
  'with',
  'log',
  'lookup',
]);

const BLOCK_HELPERS = new Set(['if', 'unless', 'each']);

/** Handlebars' rule for a path that names `this` explicitly (`this.x`, `./x`): never a helper. */
const isScoped = (path: PathNode): boolean => /^\.|this\b/.test(path.original);

function asPath(node: Located | undefined): PathNode {
  // `../` reaches outer contexts, which the compiled programs do not track.
  if (node?.type !== 'PathExpression' || (node as PathNode).depth !== 0) throw new Unsupported();
  return node as PathNode;
}

/**
 * What Handlebars compares programs by (its compiler's opcodes): a program equal to one compiled before is not
 * compiled again, the first one runs in its place. Only error positions can tell, and they must, so the
 * compiler below keeps the same rule: `{{#if a}}{{b}}{{else}}{{b}}{{/if}}` reports a missing `b` at the first.
 */
function programKey(node: ProgramNode | undefined): string {
  if (node === undefined) return '-';
  // Comments and emptied text (`~`, standalone lines) give Handlebars no opcode, so they do not tell programs apart.
  return JSON.stringify(node.body.map(statementKey).filter((key) => key !== undefined));
}

function pathKey(node: Located | undefined, strict: boolean): unknown {
  if (node?.type !== 'PathExpression') return node?.type;
  const path = node as PathNode;
  if (path.parts.length === 0) return ['this', path.depth];
  if (path.data) return ['data', path.depth, path.parts, strict];
  return ['context', path.depth, path.parts, strict, isScoped(path)];
}

function statementKey(node: Located): unknown {
  switch (node.type) {
    case 'ContentStatement': {
      const { value } = node as ContentNode;
      return value === '' ? undefined : ['content', value];
    }
    case 'CommentStatement':
      return undefined;
    case 'MustacheStatement':
      return ['value', pathKey((node as MustacheNode).path, true)];
    case 'BlockStatement': {
      const block = node as BlockNode;
      const path = block.path as PathNode;
      return [
        'block',
        path.original,
        block.params.map((param) => pathKey(param, false)),
        programKey(block.program),
        programKey(block.inverse),
      ];
    }
    case 'PartialStatement': {
      const partial = node as PartialNode;
      const context = partial.params.length === 0 ? ['this', 0] : pathKey(partial.params[0], false);
      return ['partial', partial.name.original, partial.indent ?? '', context];
    }
    default:
      // Outside the subset: the generator gives up on it before a key could matter.
      return node.type;
  }
}

/** Each program becomes a function `(depth0, data) => value`, as Handlebars' own programs are. */
class Generator {
  private readonly programs: string[] = [];
  private readonly positions = new Map<string, string>();
  /** The programs compiled so far (the template's main one aside, as in Handlebars), by programKey. */
  private readonly compiled = new Map<string, string>();
  private count = 0;

  /**
   * A program's parts joined by `+` in one expression, as Handlebars writes it: a number from one value adds to
   * the next number before either meets a string, and the template's result keeps that quirk.
   */
  program(node: ProgramNode | undefined, main = false): string {
    if (node === undefined) return 'rt.noop';
    if ((node.blockParams?.length ?? 0) > 0) throw new Unsupported();
    const key = main ? undefined : programKey(node);
    const existing = key === undefined ? undefined : this.compiled.get(key);
    if (existing !== undefined) return existing;
    // Named before its nested programs are compiled: Handlebars registers a program, then its children.
    const name = `p${this.count++}`;
    if (key !== undefined) this.compiled.set(key, name);
    const parts: string[] = [];
    for (const statement of node.body) {
      const part = this.statement(statement);
      if (part !== undefined) parts.push(part);
    }
    this.programs.push(
      `function ${name}(depth0, data) {\n  return ${parts.length === 0 ? '""' : parts.join('\n    + ')};\n}\n`,
    );
    return name;
  }

  /** The module source: position constants, programs, and the template function for the main program. */
  module(main: string): string {
    const positions = [...this.positions].map(([literal, name]) => `const ${name} = ${literal};\n`).join('');
    return (
      `"use strict";\n${positions}${this.programs.join('')}` +
      'return function render(context, options) {\n' +
      '  const given = options === undefined ? {} : options;\n' +
      '  const data = given.partial ? given.data : rt.initData(context, given.data);\n' +
      `  return "" + ${main}(context, data);\n` +
      '};\n'
    );
  }

  private statement(node: Located): string | undefined {
    switch (node.type) {
      case 'ContentStatement': {
        const { value } = node as ContentNode;
        return value === '' ? undefined : JSON.stringify(value);
      }
      case 'CommentStatement':
        return undefined;
      case 'MustacheStatement':
        return this.mustache(node as MustacheNode);
      case 'BlockStatement':
        return this.block(node as BlockNode);
      case 'PartialStatement':
        return this.partial(node as PartialNode);
      default:
        throw new Unsupported();
    }
  }

  private mustache(node: MustacheNode): string {
    if (node.params.length > 0 || node.hash !== undefined) throw new Unsupported();
    const path = asPath(node.path);
    const [first] = path.parts;
    if (path.parts.length === 1 && !isScoped(path) && HANDLEBARS_HELPERS.has(first as string))
      throw new Unsupported();
    return `rt.orEmpty(rt.lambda(${this.value(path, true)}, depth0))`;
  }

  private block(node: BlockNode): string {
    const path = asPath(node.path);
    const helper = path.parts[0] as string;
    const simple = path.parts.length === 1 && !path.data && !isScoped(path);
    if (!simple || !BLOCK_HELPERS.has(helper) || node.params.length !== 1 || node.hash !== undefined)
      throw new Unsupported();
    const argument = this.value(asPath(node.params[0]), false);
    const fn = this.program(node.program);
    const inverse = this.program(node.inverse);
    const self = '(depth0 != null ? depth0 : rt.nullContext)';
    switch (helper) {
      case 'if':
        return `rt.orEmpty(rt.ifBlock(${self}, ${argument}, data, ${fn}, ${inverse}))`;
      case 'unless':
        return `rt.orEmpty(rt.ifBlock(${self}, ${argument}, data, ${inverse}, ${fn}))`;
      default:
        return `rt.orEmpty(rt.each(${self}, ${argument}, data, ${fn}, ${inverse}))`;
    }
  }

  private partial(node: PartialNode): string {
    if (node.params.length > 1 || node.hash !== undefined) throw new Unsupported();
    const name = asPath(node.name).original;
    const context = node.params.length === 0 ? 'depth0' : this.value(asPath(node.params[0]), false);
    return `rt.partial(partials, ${JSON.stringify(name)}, ${context}, data, ${JSON.stringify(node.indent ?? '')})`;
  }

  /**
   * A path's value. A `{{value}}`'s last step is strict (a missing name is an error at the path's position);
   * every other step, and every block and partial argument, gives undefined for a missing name.
   */
  private value(path: PathNode, strict: boolean): string {
    let expression = path.data ? 'data' : 'depth0';
    const { parts } = path;
    if (parts.length === 0) return expression;
    const lookups = strict ? parts.length - 1 : parts.length;
    for (let i = 0; i < lookups; i++) expression = `rt.lookup(${expression}, ${JSON.stringify(parts[i])})`;
    if (strict)
      expression = `rt.strict(${expression}, ${JSON.stringify(parts[lookups])}, ${this.position(path.loc)})`;
    return expression;
  }

  private position(loc: Located['loc']): string {
    const literal = JSON.stringify({
      start: { line: loc.start.line, column: loc.start.column },
      end: { line: loc.end.line, column: loc.end.column },
    });
    let name = this.positions.get(literal);
    if (name === undefined) {
      name = `L${this.positions.size}`;
      this.positions.set(literal, name);
    }
    return name;
  }
}

/**
 * The JavaScript of a template, for directTemplate: the body of a function of `rt` (a DirectRuntime) and
 * `partials` that returns the template function. Undefined when the template is outside the subset. A syntax
 * error is Handlebars' parse error, thrown.
 */
export function compileDirect(text: string): string | undefined {
  const ast = Handlebars.parse(text) as unknown as ProgramNode;
  const generator = new Generator();
  try {
    return generator.module(generator.program(ast, true));
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** A directly compiled template, as Handlebars' template functions are called: `(context, { data, partial })`. */
export type DirectTemplate = (context: unknown, options?: { data?: unknown; partial?: boolean }) => string;

/** The template function of compileDirect's code, bound to a runtime and the partials it may call. */
export function directTemplate(
  code: string,
  runtime: DirectRuntime,
  partials: ReadonlyMap<string, PartialInvoker>,
): DirectTemplate {
  // The same evaluation Handlebars' own compile does for its code (`new Function`).
  return new Function('rt', 'partials', code)(runtime, partials) as DirectTemplate;
}
