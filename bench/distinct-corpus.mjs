// A large corpus of distinct doc JSON files made from the real ones: every copy of a real doc gets its own API
// name, renamed fields and struct types, changed primitive types, added and removed fields, and extra or removed
// nesting levels, so no two generated modules (and no two OpenAPI schemas) are the same text. Deterministic: the
// same corpus and copy count always give the same files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = [
  'alpha',
  'bravo',
  'cargo',
  'delta',
  'ember',
  'fleet',
  'grove',
  'harbor',
  'ivory',
  'jade',
  'kite',
  'lumen',
  'maple',
  'nova',
  'orbit',
  'pearl',
  'quartz',
  'river',
  'summit',
  'tide',
  'umber',
  'vista',
  'willow',
  'xenon',
  'yield',
  'zephyr',
];
const FIELD_SUFFIXES = [
  'id',
  'code',
  'name',
  'list',
  'info',
  'value',
  'count',
  'time',
  'flag',
  'ext',
  'desc',
  'key',
];
const PRIMITIVES = [
  'String',
  'Number',
  'Boolean',
  'Date',
  'Price',
  'String[]',
  'Number[]',
  'Json',
  'Field List',
];

/** mulberry32: small, fast, good enough to vary a corpus reproducibly. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const capitalise = (word) => word[0].toUpperCase() + word.slice(1);
const isStruct = (param) => Array.isArray(param.subParams) && param.subParams.length > 0;

/** Varies one parameter list in place of a copy; `tag` makes struct names unique to the copy. */
function varyParams(params, rand, tag, side, depth) {
  if (!Array.isArray(params)) return params;
  const out = [];
  const names = new Set();
  const unique = (name) => {
    let candidate = name;
    for (let n = 2; names.has(candidate); n++) candidate = `${name}${n}`;
    names.add(candidate);
    return candidate;
  };
  for (const original of params) {
    if (original === null || typeof original !== 'object' || typeof original.name !== 'string') continue;
    const roll = rand();
    if (roll < 0.06 && params.length > 1) continue; // removed in this copy
    const param = { ...original };
    if (rand() < 0.35)
      param.name = `${param.name}_${FIELD_SUFFIXES[Math.floor(rand() * FIELD_SUFFIXES.length)]}`;
    param.name = unique(param.name);
    if (isStruct(param)) {
      const array = /\[\s*\]$/.test(param.type ?? '');
      const base = String(param.type ?? 'Struct').replace(/\s*\[\s*\]$/, '') || 'Struct';
      param.type = `${base}${tag}${array ? '[]' : ''}`;
      param.subParams = varyParams(param.subParams, rand, tag, side, depth + 1);
      if (param.subParams.length > 2 && depth < 5 && rand() < 0.25) {
        // One level more: the last fields move into a nested struct.
        const moved = param.subParams.splice(Math.floor(param.subParams.length / 2));
        param.subParams.push({
          name: unique(`${WORDS[Math.floor(rand() * WORDS.length)]}_detail`),
          type: `${capitalise(WORDS[Math.floor(rand() * WORDS.length)])}Detail${tag}`,
          description: '嵌套的明细',
          subParams: moved,
        });
      } else if (param.subParams.length > 0 && rand() < 0.1) {
        // One level less: the struct's fields become plain fields of its parent.
        for (const child of param.subParams)
          out.push({ ...child, name: unique(`${param.name}_${child.name}`) });
        continue;
      }
    } else if (rand() < 0.3) {
      param.type = PRIMITIVES[Math.floor(rand() * PRIMITIVES.length)];
    } else if (depth < 5 && rand() < 0.04) {
      // A plain field becomes a small struct.
      param.type = `${capitalise(WORDS[Math.floor(rand() * WORDS.length)])}Value${tag}`;
      param.subParams = [
        { name: 'value', type: 'String', description: param.description ?? '' },
        { name: 'unit', type: 'String', description: '单位' },
      ];
    }
    if (side === 'request' && rand() < 0.1) param.required = !param.required;
    out.push(param);
    if (rand() < 0.08) {
      out.push({
        name: unique(
          `${WORDS[Math.floor(rand() * WORDS.length)]}_${FIELD_SUFFIXES[Math.floor(rand() * FIELD_SUFFIXES.length)]}`,
        ),
        type: PRIMITIVES[Math.floor(rand() * PRIMITIVES.length)],
        description: '新增字段',
        ...(side === 'request' ? { required: false } : {}),
      });
    }
  }
  return out;
}

/** One varied copy of a doc (bare or in its `{data, success}` envelope). */
export function varyDoc(doc, copy, seed) {
  const inner = doc.data !== undefined && typeof doc.data === 'object' ? doc.data : doc;
  const rand = random(seed * 7919 + copy * 104729 + 1);
  const word = WORDS[copy % WORDS.length];
  const tag = `${capitalise(word)}${Math.floor(copy / WORDS.length) || ''}`;
  const varied = {
    ...inner,
    name: `${inner.name}.${word}${Math.floor(copy / WORDS.length) || ''}`,
    requestParams: varyParams(inner.requestParams, rand, tag, 'request', 0),
    responseParams: varyParams(inner.responseParams, rand, tag, 'response', 0),
  };
  if (inner.requestParams === undefined) delete varied.requestParams;
  if (inner.responseParams === undefined) delete varied.responseParams;
  return doc === inner ? varied : { ...doc, data: varied };
}

/** Writes `copies` varied copies of every file in `files` (paths relative to `source`) under `target`. */
export function writeDistinctCorpus(source, files, target, copies) {
  let written = 0;
  files.forEach((file, index) => {
    const doc = JSON.parse(readFileSync(join(source, file), 'utf8'));
    const base = file.replaceAll('/', '__');
    for (let copy = 0; copy < copies; copy++) {
      const dir = join(target, `c${copy}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, base), JSON.stringify(varyDoc(doc, copy, index + 1), null, 2));
      written++;
    }
  });
  return written;
}
