/**
 * The pipeline's data flows one way (docs/pipeline.md): read → model passes → plan and templates → files. This
 * test reads every import specifier under src/ and fails when a stage reaches one that runs after it, so a
 * helper can never drag the emitter (or the CLI, or another writer) into the reader or the model passes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const SRC = join(ROOT, 'src');

/** The writers and drivers that consume the model: the read stage and the model passes may not depend on them. */
const AFTER_MODEL = [
  'emit',
  'cli',
  'mock',
  'openapi',
  'diff',
  'fetch',
  'typecheck',
  'assets',
  'pipeline.ts',
  'generate.ts',
  'index.ts',
];

/** Per area of src/ (a folder, or a file at its top), the areas its files may not import from. */
const FORBIDDEN: Readonly<Record<string, readonly string[]>> = {
  parse: AFTER_MODEL,
  json: AFTER_MODEL,
  model: AFTER_MODEL,
  emit: AFTER_MODEL.filter((area) => area !== 'emit'),
};

/** Areas that import nothing from src/ outside themselves. */
const LEAVES = ['naming', 'runtime'];

interface Edge {
  readonly file: string;
  readonly specifier: string;
  readonly area: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The area of src/ a path lies in, or undefined outside src/. */
function areaOf(path: string): string | undefined {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) return undefined;
  return rel.split(sep)[0];
}

/** Every relative import of a file (static, type-only, re-exports and dynamic `import()`), with its target area. */
function importsOf(file: string): Edge[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .filter(({ fileName }) => fileName.startsWith('.'))
    .flatMap(({ fileName }) => {
      const area = areaOf(resolve(dirname(file), fileName));
      return area === undefined ? [] : [{ file: relative(ROOT, file), specifier: fileName, area }];
    });
}

const EDGES = new Map(sourceFiles(SRC).map((file) => [file, importsOf(file)]));

function edgesFrom(area: string): Edge[] {
  return [...EDGES].filter(([file]) => areaOf(file) === area).flatMap(([, edges]) => edges);
}

const describeEdge = (edge: Edge): string => `${edge.file} imports ${edge.specifier} (src/${edge.area})`;

describe('import direction', () => {
  it('sees the imports it checks', () => {
    // Guards the scanner itself: the emitter reads the model, so an empty or broken scan cannot pass silently.
    expect(edgesFrom('emit').some((edge) => edge.area === 'model')).toBe(true);
    expect(edgesFrom('model').length).toBeGreaterThan(10);
  });

  it.each(Object.entries(FORBIDDEN))('src/%s imports no later stage', (area, forbidden) => {
    const wrong = edgesFrom(area).filter((edge) => forbidden.includes(edge.area));
    expect(wrong.map(describeEdge)).toEqual([]);
  });

  it.each(LEAVES)('src/%s imports nothing else from src/', (area) => {
    const wrong = edgesFrom(area).filter((edge) => edge.area !== area);
    expect(wrong.map(describeEdge)).toEqual([]);
  });
});
