/** The built-in templates, compiled once per test worker, and the per-API module context that uses them. */
import { loadTemplates } from '../../src/assets/templates.js';
import { apiModuleContext } from '../../src/emit/context.js';

export const TEMPLATES = loadTemplates();
export const MODULE_CONTEXT = apiModuleContext(TEMPLATES);
