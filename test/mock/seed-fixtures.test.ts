/**
 * The hand-built models in test/fixtures/mock must mirror the seed doc pages they were copied from.
 * Skipped when the shared reference material (../shared next to the repository) is not present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/model/types.js';
import { loadApi } from './helpers.js';

const REPO_ROOT = new URL('../../', import.meta.url);
const SHARED = fileURLToPath(new URL('../shared/', REPO_ROOT));
const SEEDS = [
  ['damai', 'alibaba_damai_maizuo_openapi_user_register_byauthcode.txt'],
  ['derby', 'alitrip_merchant_galaxy_member_login_derby.txt'],
] as const;

function nestedLeaves(fields: readonly Field[]): Field[] {
  return fields.flatMap((f) => (f.children.length > 0 ? nestedLeaves(f.children) : [f]));
}

describe.skipIf(!existsSync(SHARED))('mock fixtures mirror the seed pages', () => {
  it.each(SEEDS)('%s', (name, file) => {
    const page = readFileSync(`${SHARED}seeds/${file}`, 'utf8');
    const api = loadApi(name);
    expect(page).toContain(`${api.api} (${api.title})`);
    for (const top of api.request) {
      expect(page).toMatch(new RegExp(`^${top.name} ${top.type} ${top.required ? '必须' : '可选'}`, 'm'));
      for (const leaf of top.children) {
        const block = ['└ ' + leaf.name, leaf.type, leaf.required ? '必须' : '可选', leaf.example].map(
          (l) => `  • ${l}`,
        );
        expect(page).toContain(block.join('\n'));
      }
    }
    // Response examples as the page's XML sample shows them.
    for (const leaf of nestedLeaves(api.response)) {
      expect(page).toContain(`<${leaf.name}>${leaf.example}</${leaf.name}>`);
    }
  });
});
