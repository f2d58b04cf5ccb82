/**
 * The two clients. src/client.ts: the root's `TopClient`, the runtime's client base with the package's default
 * gateway and User-Agent; it names no API, so importing the root loads no API module. src/api-client.ts: the
 * `TopClient` of `<package>/all`, the same class with one typed method per API. It hands the runtime a table
 * of specs (`defineApiMethods` installs one method per entry, each delegating to `call`); an interface merged
 * with the class declares each method's signature and JSDoc. Signatures without bodies are what keeps a
 * 5,000-API client cheap to type-check.
 */
import { clientMethodDoc } from './docs.js';
import type { EmitContext } from './context.js';
import type { FragmentsOf } from './fragments.js';
import { CLIENT_CLASS, CLIENT_CORE_ALIAS, type PackageEntry, type PackagePlan } from './plan-package.js';
import { headerComment } from './print.js';
import { docComment, stringLiteral } from './safe.js';
import type { Templates } from './templates.js';
import type { ApiClientView, ClientMethodView, ClientSpecView, ClientView } from './views.js';

export function clientMethodView(entry: PackageEntry): ClientMethodView {
  const { names, requiresRequest } = entry.module;
  return {
    doc: docComment(clientMethodDoc(entry.api), '  '),
    name: entry.exports.method,
    namespace: entry.exports.namespace,
    request: names.request,
    init: names.requestInit,
    response: names.response,
    spec: names.spec,
    initRequired: requiresRequest,
  };
}

export function clientSpecView(entry: PackageEntry): ClientSpecView {
  return { method: entry.exports.method, namespace: entry.exports.namespace, spec: entry.module.names.spec };
}

export function clientImportView(entry: PackageEntry): ApiClientView['imports'][number] {
  return { namespace: entry.exports.namespace, from: stringLiteral(entry.module.names.importPath) };
}

type ClientContext = Pick<EmitContext, 'defaultGateway' | 'packageName' | 'packageVersion'>;

/** The constructor names the package in the User-Agent and applies the configured gateway, if any. */
function constructorView(ctx: ClientContext): ClientView['ctor'] {
  const gateway = ctx.defaultGateway;
  const gatewayNote =
    gateway === undefined ? '' : ` Uses ${gateway} as the gateway unless \`options.gateway\` is given.`;
  return {
    doc: docComment(
      [
        {
          kind: 'text',
          text: `Sends \`User-Agent: ${ctx.packageName}/${ctx.packageVersion}\`.${gatewayNote}`,
        },
      ],
      '  ',
    ),
    options:
      gateway === undefined
        ? 'options'
        : `{ ...options, gateway: options.gateway ?? ${stringLiteral(gateway)} }`,
    sdk: `{ name: ${stringLiteral(ctx.packageName)}, version: ${stringLiteral(ctx.packageVersion)} }`,
  };
}

/** What client.ts.hbs renders src/client.ts from. */
export function clientView(ctx: ClientContext): ClientView {
  return {
    header: headerComment(),
    doc: docComment(
      [
        {
          kind: 'text',
          text:
            'TOP client. `execute` validates, signs and sends any request object (or an API by name with ' +
            'wire-named params) and resolves to its typed response; `paginate` walks the pages of a pageable ' +
            `request. The client with one typed method per API is \`${CLIENT_CLASS}\` of \`${ctx.packageName}/all\`.`,
        },
      ],
      '',
    ),
    name: CLIENT_CLASS,
    ctor: constructorView(ctx),
  };
}

/** What api-client.ts.hbs renders src/api-client.ts from. */
export function apiClientView(plan: PackagePlan, fragments: FragmentsOf): ApiClientView {
  const parts = plan.entries.map(fragments);
  return {
    header: headerComment(),
    runtimeImports: 'type CallOptions, type TopPromise',
    base: CLIENT_CLASS,
    baseAlias: CLIENT_CORE_ALIAS,
    imports: parts.map((part) => part.clientImport),
    doc: docComment(
      [
        {
          kind: 'text',
          text: 'TOP client with one typed method per API. `execute` and `paginate` (inherited) send any request object.',
        },
      ],
      '',
    ),
    name: CLIENT_CLASS,
    specs: parts.map((part) => part.clientSpec),
    methods: parts.map((part) => part.clientMethod),
  };
}

export function renderClientMethod(entry: PackageEntry, templates: Templates): string {
  return templates.clientMethod(clientMethodView(entry));
}
