/**
 * Turns one HTTP request into TOP parameters: text values (signed) and file parts (not signed).
 *
 * Parameters may come from the query string (GET, and also POST: the official Java SDK puts the common
 * parameters in the URL and the API parameters in the body) and from an urlencoded or multipart body.
 * A name sent twice is refused: the gateway cannot know which value the caller signed.
 */
import type { IncomingMessage } from 'node:http';
import { rejection, type TopErrorBody } from './errors.js';
import { MultipartError, multipartBoundary, parseMultipart } from './multipart.js';

export interface UploadedFile {
  readonly filename: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

export interface GatewayParams {
  /** Text parameters, in arrival order. */
  readonly params: ReadonlyMap<string, string>;
  /** Multipart parts that carry a `filename`. */
  readonly files: ReadonlyMap<string, UploadedFile>;
}

export type DecodeResult =
  { readonly ok: true; readonly value: GatewayParams } | { readonly ok: false; readonly error: TopErrorBody };

export type BodyResult =
  | { readonly kind: 'body'; readonly body: Buffer }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'too-many-params' }
  /** Bodies being read at once already hold the gateway's whole memory budget. */
  | { readonly kind: 'busy' }
  /** The client went away before the body was complete. */
  | { readonly kind: 'aborted' };

/** What one request may send, checked while its body arrives. */
export interface BodyLimits {
  readonly maxBodyBytes: number;
  readonly maxParams: number;
  /** Shared by every request in flight. */
  readonly budget: MemoryBudget;
}

/** Bytes of request bodies the gateway holds at once, across all requests. */
export class MemoryBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  reserve(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

const AMPERSAND = 0x26;

function countByte(chunk: Buffer, byte: number): number {
  let count = 0;
  for (let at = chunk.indexOf(byte); at !== -1; at = chunk.indexOf(byte, at + 1)) count++;
  return count;
}

/**
 * Reads the whole body, checking the limits as chunks arrive: the size, the parameter count of a urlencoded body
 * (counted by its `&` separators, so three million parameters are refused after the first few kilobytes, not
 * parsed) and the gateway-wide memory budget. On a breach it stops keeping the body and settles at once.
 * `release` gives the body's bytes back to the budget; call it once the request is answered. Events rather
 * than `for await`: the async iterator costs more than the rest of a small request's reading.
 */
export function readBody(
  req: IncomingMessage,
  limits: BodyLimits,
): { readonly result: Promise<BodyResult>; release(): void } {
  let held = 0;
  const release = (): void => {
    limits.budget.release(held);
    held = 0;
  };
  const urlencoded = /^\s*application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
  const result = new Promise<BodyResult>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let separators = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      if (result.kind !== 'body') {
        chunks.length = 0;
        release();
      }
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      // After a refusal the rest is read and dropped, so that the answer reaches the client; the connection
      // then closes.
      if (settled) return;
      size += chunk.length;
      if (size > limits.maxBodyBytes) return settle({ kind: 'too-large' });
      if (urlencoded) {
        separators += countByte(chunk, AMPERSAND);
        if (separators + 1 > limits.maxParams) return settle({ kind: 'too-many-params' });
      }
      if (!limits.budget.reserve(chunk.length)) return settle({ kind: 'busy' });
      held += chunk.length;
      chunks.push(chunk);
    });
    req.on('end', () =>
      settle({
        kind: 'body',
        body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size),
      }),
    );
    // The stream only fails, or closes before its end, when the connection breaks (ECONNRESET / aborted).
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
  return { result, release };
}

/** Decodes query string and body. `httpMethod` GET ignores any body, as TOP does. */
export function decodeParams(
  httpMethod: string,
  query: string,
  contentType: string | undefined,
  body: Buffer,
  maxParams = Number.POSITIVE_INFINITY,
): DecodeResult {
  const collector = new ParamCollector(maxParams);
  const queryError = addForm(collector, query);
  if (queryError !== undefined) return { ok: false, error: queryError };
  if (httpMethod === 'POST' && body.length > 0) {
    const bodyError = addBody(collector, contentType ?? '', body);
    if (bodyError !== undefined) return { ok: false, error: bodyError };
  }
  return collector.result();
}

function addBody(collector: ParamCollector, contentType: string, body: Buffer): TopErrorBody | undefined {
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      return rejection('invalidEncoding', `charset ${charset} is not supported; send UTF-8`);
    }
    const text = decodeUtf8(body);
    if (text === undefined) return rejection('invalidEncoding', 'the request body is not valid UTF-8');
    return addForm(collector, text);
  }
  if (mediaType === 'multipart/form-data') return addMultipart(collector, contentType, body);
  return rejection(
    'invalidParameter',
    `unsupported Content-Type ${JSON.stringify(contentType)}; expected application/x-www-form-urlencoded or multipart/form-data`,
  );
}

function addMultipart(
  collector: ParamCollector,
  contentType: string,
  body: Buffer,
): TopErrorBody | undefined {
  const boundary = multipartBoundary(contentType);
  if (boundary === undefined)
    return rejection('invalidParameter', 'multipart/form-data without a valid boundary');
  let parts;
  try {
    parts = parseMultipart(body, boundary);
  } catch (error) {
    if (error instanceof MultipartError)
      return rejection('invalidParameter', `malformed multipart body: ${error.message}`);
    throw error;
  }
  for (const part of parts) {
    if (part.filename !== undefined) {
      const file = {
        filename: part.filename,
        ...(part.contentType === undefined ? {} : { contentType: part.contentType }),
        data: part.data,
      };
      const error = collector.addFile(part.name, file);
      if (error !== undefined) return error;
      continue;
    }
    const text = decodeUtf8(part.data);
    if (text === undefined)
      return rejection('invalidEncoding', `multipart field ${part.name} is not valid UTF-8`);
    const error = collector.addText(part.name, text);
    if (error !== undefined) return error;
  }
  return undefined;
}

/** Decodes one form component: `+` is a space, then percent-escapes. Throws URIError on a malformed escape. */
function decodeFormComponent(raw: string): string {
  const spaced = raw.includes('+') ? raw.replaceAll('+', ' ') : raw;
  return spaced.includes('%') ? decodeURIComponent(spaced) : spaced;
}

/** `a=1&b=x+y` (query strings and urlencoded bodies). `+` is a space; malformed %-escapes or UTF-8 are refused. */
function addForm(collector: ParamCollector, text: string): TopErrorBody | undefined {
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('&', start);
    if (end === -1) end = text.length;
    const piece = text.slice(start, end);
    start = end + 1;
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeFormComponent(eq === -1 ? piece : piece.slice(0, eq));
      value = eq === -1 ? '' : decodeFormComponent(piece.slice(eq + 1));
    } catch {
      return rejection(
        'invalidEncoding',
        `malformed percent-encoding or UTF-8 in ${JSON.stringify(piece.slice(0, 80))}`,
      );
    }
    const error = collector.addText(key, value);
    if (error !== undefined) return error;
  }
  return undefined;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

class ParamCollector {
  private readonly params = new Map<string, string>();
  private readonly files = new Map<string, UploadedFile>();

  constructor(private readonly maxParams: number) {}

  addText(name: string, value: string): TopErrorBody | undefined {
    if (this.params.size + this.files.size >= this.maxParams) return tooManyParams(this.maxParams);
    if (this.has(name)) return duplicate(name);
    this.params.set(name, value);
    return undefined;
  }

  addFile(name: string, file: UploadedFile): TopErrorBody | undefined {
    if (this.params.size + this.files.size >= this.maxParams) return tooManyParams(this.maxParams);
    if (this.has(name)) return duplicate(name);
    this.files.set(name, file);
    return undefined;
  }

  result(): DecodeResult {
    return { ok: true, value: { params: this.params, files: this.files } };
  }

  private has(name: string): boolean {
    return this.params.has(name) || this.files.has(name);
  }
}

export function tooManyParams(maxParams: number): TopErrorBody {
  return rejection('tooManyParameters', `the request has more than ${maxParams} parameters`);
}

function duplicate(name: string): TopErrorBody {
  return rejection('invalidParameter', `parameter ${name} is sent more than once`);
}
