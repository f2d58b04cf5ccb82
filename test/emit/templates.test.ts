import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  loadPrecompiledTemplates,
  loadTemplateSources,
  PRECOMPILED_TEMPLATES,
} from '../../src/assets/templates.js';
import { topgenRoot } from '../../src/assets/package-root.js';
import { compileTemplates, emitPackage, TEMPLATE_FILES, TemplateError } from '../../src/emit/index.js';
import type { TemplateFile } from '../../src/emit/templates.js';
import { precompileTemplate } from '../../src/emit/templates.js';
import { TEMPLATES } from '../helpers/templates.js';
import { contractRuntime, seedApis } from './support/build.js';

const BUILT_IN = loadTemplateSources();

/** The built-in templates with one file's text replaced, as an override folder would. */
function withOverride(file: string, text: string): ReturnType<typeof compileTemplates> {
  const sources = new Map(BUILT_IN);
  sources.set(file as never, { text, path: `custom/${file}` });
  return compileTemplates(sources);
}

const emit = (templates = TEMPLATES) =>
  emitPackage(seedApis(), {
    packageName: 'seed-sdk',
    packageVersion: '1.0.0',
    runtimeSources: contractRuntime(),
    templates,
  });

/** The error a function throws (the test fails when it throws none). */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('templates', () => {
  it('render every TypeScript file of the package from an override', () => {
    const custom = withOverride(
      'client-method.ts.hbs',
      '  /** Custom. */\n  {{name}}(request: {{namespace}}.{{init}}): Promise<{{namespace}}.{{response}}> {\n    return this.call({{namespace}}.{{spec}}, request);\n  }\n',
    );
    const client = emit(custom).get('src/api-client.ts') ?? '';
    expect(client).toContain('  /** Custom. */\n  alitripMerchantGalaxyMemberLoginDerby(request: ');
    expect(client).not.toContain('options?: CallOptions');
    // Everything else is rendered by the built-in templates, unchanged.
    const builtIn = emit();
    for (const [path, text] of emit(custom))
      if (path !== 'src/api-client.ts') expect(text).toBe(builtIn.get(path));
  });

  it('name the file and line of a syntax error', () => {
    const error = thrown(() => withOverride('spec.ts.hbs', 'export const x = {\n  {{#each params}}\n}\n'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toMatch(/^custom\/spec\.ts\.hbs:\d+: syntax error/);
  });

  it('name the file and line of an unknown helper (knownHelpersOnly)', () => {
    const error = thrown(() => withOverride('interface.ts.hbs', '{{doc}}\n{{upper name}}\n'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toMatch(/^custom\/interface\.ts\.hbs:2:1: .*unknown helper upper/);
  });

  it('name the partial and line of a missing value (strict), even inside another template', () => {
    const custom = withOverride('interface.ts.hbs', '{{doc}}export interface {{name}} {\n  {{nmae}}\n}\n');
    const error = thrown(() => emit(custom));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toBe('custom/interface.ts.hbs:2:5: "nmae" is not defined here');
  });

  it('render template text that looks like a compiled source position as it is', () => {
    const position = '{"start":{"line":1,"column":2},"end":{"line":1,"column":3}}';
    const custom = withOverride('request-base.ts.hbs', `{{header}}// ${position} \\" ${position}\n`);
    const text = emit(custom).get('src/request-base.ts') ?? '';
    expect(text.endsWith(`// ${position} \\" ${position}\n`)).toBe(true);
  });

  it('render a template outside the directly compiled subset with Handlebars, calling and called by the others', () => {
    // `{{#with this}}` around a whole template changes none of its output, and only Handlebars runs it.
    const wrapped = (file: TemplateFile) => `{{#with this}}\n${BUILT_IN.get(file)?.text ?? ''}{{/with}}\n`;
    const builtIn = emit();
    // api-module calls the others as partials; interface is one of them.
    for (const file of ['api-module.ts.hbs', 'interface.ts.hbs'] as const) {
      expect(precompileTemplate(wrapped(file)).engine).toBe('handlebars');
      expect([...emit(withOverride(file, wrapped(file)))]).toEqual([...builtIn]);
    }
    expect(precompileTemplate(BUILT_IN.get('interface.ts.hbs')?.text ?? '').engine).toBe('direct');
  });

  it('never escape values: view values are already escaped for TypeScript', () => {
    const text = emit().get('src/apis/alibaba.damai.maizuo.openapi.user.register.byauthcode.ts') ?? '';
    expect(text).not.toMatch(/&#x27;|&quot;|&amp;|&lt;/);
  });
});

describe('template override folder', () => {
  const dirs: string[] = [];
  const folder = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'topgen-templates-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the files it has and falls back to the built-in ones for the rest', () => {
    const dir = folder({ 'spec.ts.hbs': 'custom\r\n', 'notes.txt': 'not a template' });
    const sources = loadTemplateSources(dir);
    expect(sources.get('spec.ts.hbs')?.text).toBe('custom\n');
    expect(sources.get('spec.ts.hbs')?.path).toContain('spec.ts.hbs');
    expect(sources.get('client.ts.hbs')).toEqual(BUILT_IN.get('client.ts.hbs'));
  });

  it('rejects a template name topgen does not know (a typo would be ignored silently)', () => {
    const dir = folder({ 'clinet.ts.hbs': '' });
    expect(() => loadTemplateSources(dir)).toThrow(/clinet\.ts\.hbs: not a topgen template \(known: README/);
  });

  it('must exist', () => {
    const dir = folder({});
    mkdirSync(join(dir, 'inner'));
    expect(() => loadTemplateSources(join(dir, 'missing'))).toThrow(TemplateError);
  });
});

describe('templates compiled by the build (dist/templates.json)', () => {
  const request = (templates: ReturnType<typeof compileTemplates>) =>
    emit(templates).get('src/request-base.ts') ?? '';

  it('are used for the very text they were made from, and render what compiling it here renders', () => {
    const precompiled = new Map(
      [...BUILT_IN].map(([file, { text }]) => [file, { source: text, ...precompileTemplate(text) }]),
    );
    const fromBuild = emit(compileTemplates(BUILT_IN, precompiled));
    expect([...fromBuild]).toEqual([...emit()]);
    // The build's code is what runs: code made from another text shows in the output.
    const base = BUILT_IN.get('request-base.ts.hbs')?.text ?? '';
    precompiled.set('request-base.ts.hbs', { source: base, ...precompileTemplate(`${base}// built\n`) });
    expect(request(compileTemplates(BUILT_IN, precompiled))).toMatch(/\/\/ built\n$/);
  });

  it('are ignored for a template whose text is not the one they were made from (an override, an edit)', () => {
    const stale = new Map([
      ['request-base.ts.hbs', { source: 'old text', ...precompileTemplate('stale\n') }],
    ]);
    expect(request(compileTemplates(BUILT_IN, stale))).toBe(request(TEMPLATES));
  });

  it.skipIf(!existsSync(join(topgenRoot(), PRECOMPILED_TEMPLATES)))(
    'are written by the build for every built-in template',
    () => {
      const built = loadPrecompiledTemplates();
      expect([...built.keys()].sort()).toEqual([...TEMPLATE_FILES].sort());
      // Every built-in template keeps to what template-compiler.ts compiles directly.
      for (const [file, { engine }] of built) expect(engine, file).toBe('direct');
    },
  );
});
