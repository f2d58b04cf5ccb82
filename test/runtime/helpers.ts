/** Test doubles for the runtime: a scripted `fetch` that records every request it receives. */
import { API_SPEC } from '../../src/runtime/client.js';
import type { ApiSpec } from '../../src/runtime/spec.js';

export interface RecordedRequest {
  readonly url: string;
  readonly method: string | undefined;
  readonly contentType: string | undefined;
  /** Text fields of the body (urlencoded or multipart). */
  readonly fields: Record<string, string>;
  /** File parts of a multipart body. */
  readonly files: Record<string, File>;
  readonly raw: string | FormData;
  readonly signal: AbortSignal | undefined;
}

/** One scripted answer: a response, a thrown error, or `'hang'` for a fetch that never settles. */
export type Script = Response | Error | 'hang' | ((request: RecordedRequest) => Response | Error | 'hang');

export function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
}

export function text(body: string, status = 200): Response {
  return new Response(body, { status });
}

function record(url: string, init: RequestInit | undefined): RecordedRequest {
  const body = init?.body;
  const fields: Record<string, string> = {};
  const files: Record<string, File> = {};
  if (typeof body === 'string') {
    for (const [k, v] of new URLSearchParams(body)) fields[k] = v;
  } else if (body instanceof FormData) {
    for (const [k, v] of body) {
      if (typeof v === 'string') fields[k] = v;
      else files[k] = v;
    }
  } else {
    throw new Error(`unexpected body ${String(body)}`);
  }
  const headers = new Headers(init?.headers);
  return {
    url,
    method: init?.method,
    contentType: headers.get('content-type') ?? undefined,
    fields,
    files,
    raw: body,
    signal: init?.signal ?? undefined,
  };
}

/** A fetch that answers from `scripts` in order (the last one repeats) and records every request. */
export function scriptedFetch(...scripts: Script[]): typeof fetch & { readonly requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const impl = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = record(String(input), init);
    requests.push(request);
    let script = scripts[Math.min(requests.length - 1, scripts.length - 1)];
    if (typeof script === 'function') script = script(request);
    if (script === undefined) return Promise.reject(new Error('no script'));
    if (script === 'hang') return new Promise<Response>(() => undefined);
    if (script instanceof Error) return Promise.reject(script);
    return Promise.resolve(script.clone());
  };
  return Object.assign(impl as typeof fetch, { requests });
}

/** A request object as a generated request class would build it: wire-named own fields plus the spec. */
export function requestOf<T>(
  spec: ApiSpec,
  fields: Record<string, unknown>,
): { readonly [API_SPEC]: ApiSpec } & T {
  // Spread (not Object.assign) so that a `__proto__` field becomes an own property, as in a class instance.
  return { ...fields, [API_SPEC]: spec } as { readonly [API_SPEC]: ApiSpec } & T;
}

export const SECRET = 'helloworld';
export const FIXED_NOW = Date.UTC(2026, 10, 23, 2, 0, 0); // 2026-11-23 10:00:00 in GMT+8
