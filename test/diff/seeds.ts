/** The two seed APIs, read from the doc JSON copies in test/fixtures/apis/ by topgen's own reader. */
import { readFileSync } from 'node:fs';
import type { Api } from '../../src/model/types.js';
import { resolveKinds } from '../../src/model/passes/kinds.js';
import { parseDocument } from '../../src/parse/index.js';

const FIXTURES = new URL('../fixtures/apis/', import.meta.url);

export const SEED_FILES = [
  'alibaba_damai_maizuo_openapi_user_register_byauthcode.json',
  'alitrip_merchant_galaxy_member_login_derby.json',
] as const;

export function loadSeedApi(file: (typeof SEED_FILES)[number]): Api {
  const result = parseDocument(readFileSync(new URL(file, FIXTURES)), `test/fixtures/apis/${file}`);
  if (result.api === undefined)
    throw new Error(`fixture ${file} did not parse: ${JSON.stringify(result.diagnostics)}`);
  return resolveKinds(result.api);
}

export function loadSeedApis(): Api[] {
  return SEED_FILES.map(loadSeedApi);
}
