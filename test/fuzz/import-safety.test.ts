// Property: doc text is data. With an executable payload in every text position of every doc (titles,
// descriptions, examples, defaults, field names, source file names, the gateway), generating and then importing
// the package runs none of them: every module loads in a fresh vm context, every request class is constructed
// and sent through a fake fetch, and the sentinel `__pwned` is never set. Statically, the marker occurs only
// inside comment and string-literal tokens of the generated TypeScript.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GeneratedFiles } from '../../src/emit/index.js';
import { markerInCode, markerInData } from './support/code-tokens.js';
import { arbDocs } from './support/doc-arbitrary.js';
import { MARKER, PAYLOADS } from './support/hostile-text.js';
import { emitModel, generatePackage, generatedSources, modelApis } from './support/package.js';
import { withPayloads } from './support/payloads.js';
import { params, timeoutFor } from './support/runs.js';
import { runPackage } from './support/sandbox.js';

const WEIGHT = 0.5;

function hostSentinel(): unknown {
  return (globalThis as Record<string, unknown>)[MARKER];
}

/** Static check: the marker is never code, and the doc text did reach the output (else the check is vacuous). */
function expectOnlyInData(files: GeneratedFiles): void {
  let inData = 0;
  for (const [path, text] of generatedSources(files)) {
    expect(markerInCode(text, MARKER).map((t) => `${path}:${t.line}: ${t.text}`)).toEqual([]);
    inData += markerInData(text, MARKER);
  }
  expect(inData).toBeGreaterThan(0);
  // The other generated files are data formats; they must still parse.
  expect(() => JSON.parse(files.get('package.json') ?? '')).not.toThrow();
  expect(() => JSON.parse(files.get('tsconfig.json') ?? '')).not.toThrow();
}

async function expectInert(files: GeneratedFiles, apiCount: number): Promise<void> {
  const report = await runPackage(files);
  expect(report.importErrors).toEqual([]);
  expect(report.payloadErrors).toEqual([]);
  expect(report.pwned).toBe(false);
  expect(hostSentinel()).toBeUndefined();
  expect(report.requests).toBe(apiCount);
  expect(report.calls).toBeGreaterThanOrEqual(apiCount * 2);
}

describe('doc text never runs', () => {
  it(
    'through generate() from doc JSON and form-A pages',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          arbDocs({ profile: 'json', maxDocs: 2, maxDepth: 3 }),
          arbDocs({ profile: 'text', maxDocs: 2, maxDepth: 3 }),
          fc.nat(PAYLOADS.length),
          async (json, text, offset) => {
            const taken = new Set(json.map((d) => d.api.toLowerCase()));
            const result = generatePackage({
              json: json.map((doc, i) =>
                withPayloads(doc, { offset: offset + i, flat: false, names: false }),
              ),
              text: text
                .filter((d) => !taken.has(d.api.toLowerCase()))
                .map((doc, i) => withPayloads(doc, { offset: offset + 7 + i, flat: true, names: false })),
            });
            expect(hostSentinel()).toBeUndefined();
            expectOnlyInData(result.files);
            await expectInert(result.files, result.apis.length);
          },
        ),
        params(WEIGHT),
      );
    },
    timeoutFor(WEIGHT, 600),
  );

  it(
    'from model values with payload field names, file names and gateway',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          arbDocs({ profile: 'model', maxDocs: 3, maxDepth: 4 }),
          fc.nat(PAYLOADS.length),
          async (docs, offset) => {
            const payload = (k: number): string => PAYLOADS[(offset + k) % PAYLOADS.length] ?? '';
            const apis = modelApis(
              docs.map((doc, i) => withPayloads(doc, { offset: offset + i, flat: false, names: true })),
              (i) => `docs/${payload(i)}.json`,
            );
            const files = emitModel(apis, `https://gw/${payload(5)}`);
            expect(hostSentinel()).toBeUndefined();
            expectOnlyInData(files);
            await expectInert(files, apis.length);
          },
        ),
        params(WEIGHT),
      );
    },
    timeoutFor(WEIGHT, 600),
  );
});

describe('the checks themselves catch an escaped payload', () => {
  const files = emitModel(
    modelApis(
      [{ api: 'taobao.canary.get', title: 't', description: '', request: [], response: [] }],
      () => 'docs/canary.json',
    ),
  );
  const module = 'src/apis/taobao.canary.get.ts';
  const broken = (code: string): Map<string, string> =>
    new Map([...files, [module, `${files.get(module) ?? ''}${code}\n`]]);

  it('an assignment outside comments and strings sets the sentinel and shows as a code token', async () => {
    const escaped = broken('/** doc */ globalThis.__pwned = true; // rest');
    expect(markerInCode(escaped.get(module) ?? '', MARKER).map((t) => t.text)).toEqual(['__pwned']);
    expect((await runPackage(escaped)).pwned).toBe(true);
    expect(hostSentinel()).toBeUndefined();
  });

  it('a payload inside a template substitution is code too', () => {
    expect(markerInCode('const a = `x ${globalThis.__pwned} y`;', MARKER)).toHaveLength(1);
    expect(markerInCode("const a = '${globalThis.__pwned}'; // __pwned", MARKER)).toEqual([]);
  });

  it('a throwing payload fails the import', async () => {
    const report = await runPackage(broken('throw __pwned;'));
    expect(report.importErrors.join('\n')).toMatch(/__pwned is not defined/);
  });
});
