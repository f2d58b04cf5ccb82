// Whole generated files for the seed APIs, committed under __snapshots__/seed so a change in output shows up
// in review as a diff of real generated code (`.txt` so the project build and lint leave them alone). The
// runtime is left out: it is copied verbatim.
import { describe, expect, it } from 'vitest';
import { emitPackage } from '../../src/emit/index.js';
import { contractRuntime, seedApis } from './support/build.js';
import { TEMPLATES } from '../helpers/templates.js';

const files = emitPackage(seedApis(), {
  packageName: 'seed-sdk',
  packageVersion: '1.0.0',
  runtimeSources: contractRuntime(),
  templates: TEMPLATES,
});

describe('seed package', () => {
  it.each([...files.keys()].filter((path) => !path.startsWith('src/runtime/')))('%s', async (path) => {
    await expect(files.get(path)).toMatchFileSnapshot(`__snapshots__/seed/${path}.txt`);
  });
});
