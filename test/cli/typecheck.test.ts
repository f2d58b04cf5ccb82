import { describe, expect, it } from 'vitest';
import { typecheckPackage } from '../../src/cli/typecheck.js';
import { GENERATED } from '../helpers/paths.js';
import { generateInMemory } from '../helpers/pipeline.js';

describe('typecheckPackage', () => {
  const { files } = generateInMemory();

  it('passes the package generated from docs-input', async () => {
    expect(await typecheckPackage(GENERATED, files)).toEqual({ errors: [] });
  });

  it('reports every error with file and line', async () => {
    const broken = new Map(files);
    broken.set('src/client.ts', `${files.get('src/client.ts') ?? ''}\nconst wrong: number = 'text';\n`);
    const result = await typecheckPackage(GENERATED, broken);
    expect(result).toEqual({
      errors: [
        expect.stringMatching(
          /^src\/client\.ts:\d+: error TS2322: Type 'string' is not assignable to type 'number'\.$/,
        ),
      ],
    });
  });

  it('checks the API modules too, which carry // @ts-nocheck for the apps that build them', async () => {
    const path = 'src/apis/alitrip.merchant.galaxy.member.login.derby.ts';
    const text = files.get(path) ?? '';
    expect(text.split('\n')[1]).toBe('// @ts-nocheck (generated code: `topgen check --typecheck` checks it)');
    const broken = new Map(files);
    broken.set(path, `${text}\nconst wrong: number = 'text';\n`);
    const lines = text.split('\n').length;
    expect(await typecheckPackage(GENERATED, broken)).toEqual({
      errors: [`${path}:${lines + 1}: error TS2322: Type 'string' is not assignable to type 'number'.`],
    });
  });
});
