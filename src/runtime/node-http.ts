/**
 * The default sender, on `node:http` / `node:https` with Node's global keep-alive agents. Node's `fetch`
 * costs several times more CPU per request than `http.request`, and on a busy server that is the client's
 * throughput. A `fetch` given in the client options replaces this sender entirely.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { FORM_CONTENT_TYPE, type HttpDone, type HttpSend } from './transport.js';

interface Target {
  readonly request: typeof httpRequest;
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly path: string;
}

// Gateways are parsed once: a client talks to one URL, and URL parsing is a visible share of a call's CPU.
const targets = new Map<string, Target>();

function targetOf(url: string): Target {
  let target = targets.get(url);
  if (target === undefined) {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new TypeError(`Unsupported gateway protocol ${u.protocol}`);
    target = {
      request: u.protocol === 'https:' ? httpsRequest : httpRequest,
      protocol: u.protocol,
      // IPv6 literals come bracketed from URL; http.request wants them bare.
      hostname: u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname,
      port: u.port,
      path: u.pathname + u.search,
    };
    if (targets.size >= 64) targets.clear();
    targets.set(url, target);
  }
  return target;
}

function post(url: string, bytes: string | Uint8Array, contentType: string, done: HttpDone): ClientRequest {
  const target = targetOf(url);
  const req = target.request({
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port,
    path: target.path,
    method: 'POST',
    headers: {
      'content-type': contentType,
      'content-length': typeof bytes === 'string' ? Buffer.byteLength(bytes, 'utf8') : bytes.byteLength,
    },
  });
  req.on('error', (error) => done(error, undefined));
  req.on('response', (response: IncomingMessage) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      text += chunk;
    });
    response.on('end', () => done(undefined, { status: response.statusCode ?? 0, text }));
    response.on('error', (error) => done(error, undefined));
    response.on('close', () => {
      if (!response.complete) done(new Error('the connection closed before the response ended'), undefined);
    });
  });
  req.end(bytes);
  return req;
}

export const nodeSend: HttpSend = (url, body, done) => {
  if (typeof body === 'string') {
    let req: ClientRequest;
    try {
      req = post(url, body, FORM_CONTENT_TYPE, done);
    } catch (error) {
      done(error, undefined);
      return () => undefined;
    }
    return (reason) => {
      if (!req.destroyed) req.destroy(reason instanceof Error ? reason : undefined);
    };
  }
  // Multipart: the platform's own FormData serialiser (through `Response`) encodes the body.
  let req: ClientRequest | undefined;
  let cancelled = false;
  const response = new Response(body);
  const contentType = response.headers.get('content-type') ?? 'multipart/form-data';
  response.arrayBuffer().then(
    (buffer) => {
      if (cancelled) return;
      try {
        req = post(url, new Uint8Array(buffer), contentType, done);
      } catch (error) {
        done(error, undefined);
      }
    },
    (error: unknown) => done(error, undefined),
  );
  return (reason) => {
    cancelled = true;
    if (req !== undefined && !req.destroyed) req.destroy(reason instanceof Error ? reason : undefined);
  };
};
