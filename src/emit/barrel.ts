/**
 * src/index.ts: the runtime's public surface, the client, each API module as a namespace, and each API's
 * request class, init and response types at top level (aliased where two APIs share a class name).
 */
import type { FragmentsOf } from './fragments.js';
import { CLIENT_CLASS, type PackageEntry, type PackagePlan } from './plan-package.js';
import { REQUEST_BASE } from './plan-module.js';
import { headerComment } from './print.js';
import { stringLiteral } from './safe.js';

function exported(own: string, alias: string, typeOnly: boolean): string {
  return `${typeOnly ? 'type ' : ''}${own}${own === alias ? '' : ` as ${alias}`}`;
}

export function emitBarrelEntry({ module, exports }: PackageEntry): string {
  const from = stringLiteral(module.names.importPath);
  const { names } = module;
  const specifiers = [
    exported(names.request, exports.request, false),
    exported(names.requestInit, exports.requestInit, true),
    exported(names.response, exports.response, true),
  ];
  return `export * as ${exports.namespace} from ${from};\nexport { ${specifiers.join(', ')} } from ${from};\n`;
}

export function emitBarrel(plan: PackagePlan, fragments: FragmentsOf): string {
  return (
    headerComment() +
    "export * from './runtime/index.js';\n" +
    `export { ${REQUEST_BASE} } from './request-base.js';\n` +
    `export { ${CLIENT_CLASS} } from './client.js';\n` +
    (plan.entries.length === 0 ? '' : `\n${plan.entries.map((entry) => fragments(entry).barrel).join('')}`)
  );
}
