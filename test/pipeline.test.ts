import { describe, expect, it } from 'vitest';
import { generate, type InputDoc } from '../src/generate.js';
import { Pipeline } from '../src/pipeline.js';
import { loadRuntimeSources } from '../src/assets/runtime-sources.js';
import { TEMPLATES } from './helpers/templates.js';
import { DEFAULT_EMIT, readDocs } from './helpers/pipeline.js';

const options = { ...DEFAULT_EMIT, runtimeSources: loadRuntimeSources(), templates: TEMPLATES };

describe('Pipeline', () => {
  const docs = readDocs();

  it('gives what the one-shot generate() gives, run after run', () => {
    const pipeline = new Pipeline(options);
    const expected = generate(docs, options);
    const first = pipeline.run(docs);
    const second = pipeline.run(docs.map((doc) => ({ ...doc })));
    for (const result of [first, second]) {
      expect(result.files).toEqual(expected.files);
      expect(result.apis).toEqual(expected.apis);
      expect(result.diagnostics).toEqual(expected.diagnostics);
    }
    expect(first.parsedCount).toBe(docs.length);
    expect(second.parsedCount).toBe(0);
  });

  it('keeps no parse between runs when told it runs once, and gives the same package', () => {
    const once = new Pipeline({ ...options, reuseParses: false });
    const first = once.run(docs);
    const second = once.run(docs);
    expect(second.parsedCount).toBe(docs.length);
    expect(second.apis.some((api) => first.apis.includes(api))).toBe(false);
    expect(second.files).toEqual(generate(docs, options).files);
  });

  it('parses again only a doc whose bytes changed, and emits its change', () => {
    const pipeline = new Pipeline(options);
    const first = pipeline.run(docs);
    const [changed, ...rest] = docs;
    if (changed === undefined) throw new Error('no seed docs');
    const edited = {
      file: changed.file,
      content: Buffer.from(changed.content).toString('utf8').replace('\n\n公共参数', ' edited\n\n公共参数'),
    };
    const second = pipeline.run([edited, ...rest]);
    expect(second.parsedCount).toBe(1);
    expect(second.files).toEqual(generate([edited, ...rest], options).files);
    expect(second.files).not.toEqual(first.files);
    // The untouched APIs are the very same model objects: their modules are reused.
    expect(second.apis.filter((api) => first.apis.includes(api))).toHaveLength(docs.length - 1);
  });

  it('renders the shared files again only when their views change, matching a fresh run each time', () => {
    // Counts the renders of the three shared files that list every API (api-client, all, README).
    let sharedRenders = 0;
    const counted =
      <V>(render: (view: V) => string) =>
      (view: V) => {
        sharedRenders++;
        return render(view);
      };
    const templates = {
      ...TEMPLATES,
      apiClient: counted(TEMPLATES.apiClient),
      barrel: counted(TEMPLATES.barrel),
      readme: counted(TEMPLATES.readme),
    };
    const pipeline = new Pipeline({ ...options, templates });
    const [changed, ...rest] = docs;
    if (changed === undefined) throw new Error('no seed docs');
    const text = Buffer.from(changed.content).toString('utf8');
    const steps: [string, InputDoc[], number][] = [
      ['first run', docs, 3],
      [
        'a field description edited',
        [{ file: changed.file, content: text.replace('手机验证码', '手机验证码 edited') }, ...rest],
        0,
      ],
      [
        'the API retitled',
        [{ file: changed.file, content: text.replace(/ \((.+)\)\n/, ' ($1 retitled)\n') }, ...rest],
        2,
      ],
      ['the API removed', rest, 3],
      ['the API added back', docs, 3],
      ['nothing changed', docs, 0],
    ];
    for (const [step, inputs, renders] of steps) {
      sharedRenders = 0;
      const result = pipeline.run(inputs);
      expect(sharedRenders, step).toBe(renders);
      const fresh = generate(inputs, options).files;
      expect([...result.files.keys()], step).toEqual([...fresh.keys()]);
      for (const [path, content] of fresh) expect(result.files.get(path), `${step}: ${path}`).toBe(content);
    }
  });

  it('forgets a doc that is no longer among the inputs', () => {
    const pipeline = new Pipeline(options);
    pipeline.run(docs);
    const fewer = pipeline.run(docs.slice(1));
    expect(fewer.apis).toHaveLength(docs.length - 1);
    expect(pipeline.run(docs).parsedCount).toBe(1);
  });
});
