// A local doc site speaking ../shared/docs/doc-site.md, with failures injected per API.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureApi {
  readonly id: number;
  readonly name: string;
  readonly category: string;
  /** The doc's `data` as served: raw JSON text, so tests control key order and number spelling. */
  doc: string;
}

/** One injected answer, used up by one request for the API's doc. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: 'busy' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'slow'; readonly ms: number }
  | { readonly kind: 'not-json' }
  /** The session expires just before this request is checked. */
  | { readonly kind: 'expire-token' };

export interface FixtureSite {
  readonly url: string;
  readonly apis: FixtureApi[];
  /** Faults queued per API name; the next doc request for that API takes the first. */
  readonly faults: Map<string, Fault[]>;
  /** APIs whose doc is always refused as missing (a permanent `success: false`). */
  readonly missing: Set<string>;
  /** Faults for the catalogue request. */
  readonly catalogueFaults: Fault[];
  /** Doc requests per API name (every attempt counts). */
  readonly docRequests: Map<string, number>;
  readonly stats: { tokensIssued: number; inFlight: number; maxInFlight: number; refusedTokens: number };
  /** Where `/docCenter` redirects, when set (`/docCenter/home` on the same site also issues tokens). */
  readonly behaviour: { tokenPageRedirect?: string };
  /** Every token issued so far stops being valid, as when a session expires. */
  expireTokens(): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(body);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export async function startFixtureSite(apis: FixtureApi[]): Promise<FixtureSite> {
  const validTokens = new Set<string>();
  const faults = new Map<string, Fault[]>();
  const missing = new Set<string>();
  const catalogueFaults: Fault[] = [];
  const docRequests = new Map<string, number>();
  const stats = { tokensIssued: 0, inFlight: 0, maxInFlight: 0, refusedTokens: 0 };
  const behaviour: { tokenPageRedirect?: string } = {};

  const catalogue = (): string => {
    const trees = new Map<string, FixtureApi[]>();
    for (const api of apis) trees.set(api.category, [...(trees.get(api.category) ?? []), api]);
    const catelogTrees = [...trees].map(([name, list], i) => ({
      id: i + 1,
      name,
      catelogList: list.map((a) => ({
        id: a.id,
        docId: a.id,
        docType: 2,
        name: a.name,
        subName: '',
        tips: '',
      })),
    }));
    return JSON.stringify({
      success: true,
      data: {
        id: 285,
        name: 'API文档',
        treeCategories: [
          { id: 1, name: 'API', catelogTrees },
          // Only the first tree holds API categories (doc-site.md §2); this one must be ignored.
          {
            id: 2,
            name: '其他',
            catelogTrees: [{ id: 99, name: 'not an API', catelogList: [{ id: 1, name: 'x.y.z' }] }],
          },
        ],
      },
    });
  };

  /** Applies a fault; true when the request has been answered by it. */
  const applyFault = async (fault: Fault | undefined, req: IncomingMessage, res: ServerResponse) => {
    if (fault === undefined) return false;
    switch (fault.kind) {
      case 'status':
        send(
          res,
          fault.status,
          '<html>error</html>',
          fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter },
        );
        return true;
      case 'busy':
        send(res, 200, JSON.stringify({ success: false, code: 'isv.busy', errMsg: '系统繁忙，请稍后重试' }));
        return true;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'not-json':
        send(res, 200, '<html>gateway</html>');
        return true;
      case 'expire-token':
        validTokens.clear();
        return false;
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return false;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    // The same site under a path, as a mirror might serve it.
    url.pathname = url.pathname.replace(/^\/mirror(?=\/)/, '');
    if (url.pathname === '/docCenter' && behaviour.tokenPageRedirect !== undefined) {
      res.writeHead(302, { location: behaviour.tokenPageRedirect, 'set-cookie': 'cookie2=1; Path=/' });
      return void res.end();
    }
    if (url.pathname === '/docCenter' || url.pathname === '/docCenter/home') {
      const token = `tok${++stats.tokensIssued}`;
      validTokens.add(token);
      res.writeHead(200, {
        'content-type': 'text/html',
        'set-cookie': [`_tb_token_=${token}; Path=/; HttpOnly`, 'cna=abc; Path=/'],
      });
      return void res.end('<html>doc center</html>');
    }
    const token = url.searchParams.get('_tb_token_') ?? '';
    const tokenOk = validTokens.has(token) && cookieValue(req, '_tb_token_') === token;
    if (url.pathname === '/handler/document/getApiCatelogConfig.json') {
      if (await applyFault(catalogueFaults.shift(), req, res)) return;
      if (!tokenOk) return refuse(res);
      return send(res, 200, catalogue());
    }
    if (url.pathname === '/handler/document/getDocument.json') {
      const api = apis.find((a) => String(a.id) === url.searchParams.get('docId'));
      if (api === undefined) return send(res, 200, JSON.stringify({ success: false, errMsg: '文档不存在' }));
      docRequests.set(api.name, (docRequests.get(api.name) ?? 0) + 1);
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        // Every doc takes a moment, so requests overlap and the concurrency limit is exercised.
        await new Promise((resolve) => setTimeout(resolve, 2));
        if (await applyFault(faults.get(api.name)?.shift(), req, res)) return;
        if (!tokenOk) return refuse(res);
        if (missing.has(api.name))
          return send(
            res,
            200,
            JSON.stringify({ success: false, code: 'DOC_NOT_FOUND', errMsg: '文档不存在' }),
          );
        return send(res, 200, `{"success":true,"data":${api.doc}}`);
      } finally {
        stats.inFlight--;
      }
    }
    send(res, 404, '{}');
  };

  const refuse = (res: ServerResponse): void => {
    stats.refusedTokens++;
    // Worded without "token": the client must not depend on how the refusal is phrased.
    send(res, 200, JSON.stringify({ success: false, code: 'ILLEGAL_REQUEST', errMsg: '非法请求' }));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, '{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apis,
    faults,
    missing,
    catalogueFaults,
    docRequests,
    stats,
    behaviour,
    expireTokens: () => validTokens.clear(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A small doc: unknown keys, a 64-bit limit, and (for `bare`) no parameter lists at all. */
export function sampleDoc(name: string, title: string, extra = ''): string {
  return `{"responseParams":[{"name":"ok","type":"Boolean","description":"是否成功"}],"zExample":{"b":1,"a":2},"name":"${name}","apiChineseName":"${title}","description":"${title}的说明"${extra},"requestParams":[{"type":"Number","name":"num_iid","required":true,"description":"商品ID","maxValue":9223372036854775807,"exampleValue":"123"}]}`;
}
