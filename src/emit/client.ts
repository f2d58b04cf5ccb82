/**
 * src/client.ts: `TopClient`, one typed method per API. Each method delegates to the runtime's `call` with the
 * API's spec; the generic `execute` is inherited from TopClientBase.
 */
import { clientMethodDoc } from './docs.js';
import type { EmitContext } from './context.js';
import type { FragmentsOf } from './fragments.js';
import { CLIENT_CLASS, type PackageEntry, type PackagePlan } from './plan-package.js';
import { headerComment } from './print.js';
import { docComment, stringLiteral } from './safe.js';

export function emitClientMethod(entry: PackageEntry): string {
  const { names, requiresRequest } = entry.module;
  const ns = entry.exports.namespace;
  const response = `${ns}.${names.response}`;
  const request = `${ns}.${names.request} | ${ns}.${names.requestInit}${requiresRequest ? '' : ' = {}'}`;
  return (
    docComment(clientMethodDoc(entry.api), '  ') +
    `  ${entry.exports.method}(\n` +
    `    request: ${request},\n` +
    '    options?: CallOptions,\n' +
    `  ): TopPromise<${response}> {\n` +
    `    return this.call<${response}>(${ns}.${names.spec}, request, options);\n` +
    '  }\n'
  );
}

/** The constructor names the package in the User-Agent and applies the configured gateway, if any. */
function emitConstructor(
  ctx: Pick<EmitContext, 'defaultGateway' | 'packageName' | 'packageVersion'>,
): string {
  const gateway = ctx.defaultGateway;
  const sdk = `{ name: ${stringLiteral(ctx.packageName)}, version: ${stringLiteral(ctx.packageVersion)} }`;
  const gatewayNote =
    gateway === undefined ? '' : ` Uses ${gateway} as the gateway unless \`options.gateway\` is given.`;
  const options =
    gateway === undefined
      ? 'options'
      : `{ ...options, gateway: options.gateway ?? ${stringLiteral(gateway)} }`;
  return (
    docComment(
      [
        {
          kind: 'text',
          text: `Sends \`User-Agent: ${ctx.packageName}/${ctx.packageVersion}\`.${gatewayNote}`,
        },
      ],
      '  ',
    ) +
    '  constructor(options: TopClientOptions) {\n' +
    `    super(${options}, ${sdk});\n` +
    '  }\n'
  );
}

export function emitClientImport(entry: PackageEntry): string {
  return `import * as ${entry.exports.namespace} from ${stringLiteral(entry.module.names.importPath)};\n`;
}

export function emitClient(
  plan: PackagePlan,
  ctx: Pick<EmitContext, 'defaultGateway' | 'packageName' | 'packageVersion'>,
  fragments: FragmentsOf,
): string {
  const runtimeTypes = 'type CallOptions, type TopClientOptions, type TopPromise';
  const parts = plan.entries.map(fragments);
  const imports = parts.map((part) => part.clientImport);
  const members = [emitConstructor(ctx), ...parts.map((part) => part.clientMethod)].filter((m) => m !== '');
  return (
    headerComment() +
    `import { TopClientBase, ${runtimeTypes} } from './runtime/index.js';\n` +
    imports.join('') +
    '\n' +
    docComment(
      [
        {
          kind: 'text',
          text: 'TOP client with one typed method per API. `execute` (inherited) sends any request object or method name.',
        },
      ],
      '',
    ) +
    `export class ${CLIENT_CLASS} extends TopClientBase {\n${members.join('\n')}}\n`
  );
}
