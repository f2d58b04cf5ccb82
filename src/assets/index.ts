/** The files topgen ships and every generated package is made from: the runtime sources and the templates. */
export { loadRuntimeSources } from './runtime-sources.js';
export { loadTemplates, loadTemplateSources } from './templates.js';
