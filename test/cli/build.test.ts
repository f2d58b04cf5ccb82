// `generate --build`: the package's dist/ compiled in memory from the type-checked program and written with the
// rest of the tree; the built JS is imported as a user's app would and called against `topgen mock`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { topgen } from '../helpers/cli.js';
import { APP_KEY, APP_SECRET, docsInputGateway } from '../helpers/mock-gateway.js';
import { damaiParam0 } from '../mock/helpers.js';

type Package = typeof import('../../generated/src/all.js');
type Root = typeof import('../../generated/src/index.js');
type Param0 = Parameters<
  InstanceType<Package['TopClient']>['alibabaDamaiMaizuoOpenapiUserRegisterByauthcode']
>[0]['param0'];

describe('generate --build', () => {
  const work = mkdtempSync(join(tmpdir(), 'topgen-build-'));
  const out = join(work, 'sdk');
  const gateway = docsInputGateway();
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes dist/ with the sources; check ignores it; the built client calls the mock', async () => {
    const built = await topgen(['generate', '-o', out, '--build']);
    expect(built.stderr).toContain('0 errors');
    expect(built.status).toBe(0);
    for (const file of ['index.js', 'index.d.ts', 'index.js.map', 'runtime/index.js', 'runtime/index.d.ts'])
      expect(existsSync(join(out, 'dist', file)), file).toBe(true);
    expect(readFileSync(join(out, 'dist', 'index.d.ts'), 'utf8')).toContain('TopClient');

    // A second run finds the tree, dist/ included, up to date; check compares the sources only.
    expect((await topgen(['generate', '-o', out, '--build'])).stderr).toContain('is up to date');
    expect((await topgen(['check', '-o', out])).status).toBe(0);
    // Without --build, the dist/ a build left is kept, like the package's own npm run build output.
    expect((await topgen(['generate', '-o', out])).status).toBe(0);
    expect(existsSync(join(out, 'dist', 'index.js'))).toBe(true);

    // Watch mode would compile the whole package on every save: refused, before anything is written.
    const watching = await topgen(['generate', '-o', out, '--build', '--watch']);
    expect(watching.status).toBe(2);
    expect(watching.stderr).toContain('--build cannot be used with --watch');

    const options = { appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway().url };
    const param0 = JSON.parse(damaiParam0()) as Param0;
    const sdk = (await import(pathToFileURL(join(out, 'dist', 'all.js')).href)) as Package;
    const response = await new sdk.TopClient(options).alibabaDamaiMaizuoOpenapiUserRegisterByauthcode({
      param0,
    });
    expect(response.result?.data?.user_id).toBe('2313112');
    expect(response.result?.result_code).toBe(201);

    // The root's client sends a request class built from the API's own module.
    const root = (await import(pathToFileURL(join(out, 'dist', 'index.js')).href)) as Root;
    const api = (await import(
      pathToFileURL(join(out, 'dist', 'apis', 'alibaba.damai.maizuo.openapi.user.register.byauthcode.js'))
        .href
    )) as Pick<Package, 'AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeRequest'>;
    const request = new api.AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeRequest({ param0 });
    const answer = await new root.TopClient(options).execute(request);
    expect(answer.result?.data?.user_id).toBe('2313112');
  });
});
