import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Shared reference data beside the checkout; tests that need it skip when it is absent. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const HAS_SHARED = existsSync(SHARED);

export const DOCS_INPUT = `${ROOT}docs-input`;
export const GENERATED = `${ROOT}generated`;
