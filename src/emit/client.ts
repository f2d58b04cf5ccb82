/**
 * src/client.ts: `TopClient`, one typed method per API. Each method delegates to the runtime's `call` with the
 * API's spec; the generic `execute` is inherited from TopClientBase.
 */
import { clientMethodDoc } from './docs.js';
import type { EmitContext } from './context.js';
import { CLIENT_CLASS, type PackageEntry, type PackagePlan } from './plan-package.js';
import { headerComment } from './print.js';
import { docComment, stringLiteral } from './safe.js';

function emitMethod(entry: PackageEntry): string {
  const { names, requiresRequest } = entry.module;
  const ns = entry.exports.namespace;
  const response = `${ns}.${names.response}`;
  const request = `${ns}.${names.request} | ${ns}.${names.requestInit}${requiresRequest ? '' : ' = {}'}`;
  return (
    docComment(clientMethodDoc(entry.api), '  ') +
    `  ${entry.exports.method}(\n` +
    `    request: ${request},\n` +
    '    options?: CallOptions,\n' +
    `  ): Promise<${response}> {\n` +
    `    return this.call<${response}>(${ns}.${names.spec}, request, options);\n` +
    '  }\n'
  );
}

function emitConstructor(gateway: string | undefined): string {
  if (gateway === undefined) return '';
  return (
    docComment(
      [{ kind: 'text', text: `Uses ${gateway} as the gateway unless \`options.gateway\` is given.` }],
      '  ',
    ) +
    '  constructor(options: TopClientOptions) {\n' +
    `    super({ ...options, gateway: options.gateway ?? ${stringLiteral(gateway)} });\n` +
    '  }\n'
  );
}

export function emitClient(plan: PackagePlan, ctx: Pick<EmitContext, 'defaultGateway'>): string {
  const runtimeTypes =
    ctx.defaultGateway === undefined ? 'type CallOptions' : 'type CallOptions, type TopClientOptions';
  const imports = plan.entries.map(
    (entry) =>
      `import * as ${entry.exports.namespace} from ${stringLiteral(entry.module.names.importPath)};\n`,
  );
  const members = [emitConstructor(ctx.defaultGateway), ...plan.entries.map(emitMethod)].filter(
    (m) => m !== '',
  );
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
