/**
 * A `multipart/form-data` reader (RFC 7578) for bodies already held in memory. node:http has none and the gateway
 * takes no dependencies; TOP clients send small bodies, so buffering is fine.
 */

export interface MultipartPart {
  readonly name: string;
  /** Present (possibly empty) when the part's Content-Disposition has a `filename`: a file upload. */
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

export class MultipartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MultipartError';
  }
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The `boundary` parameter of a multipart Content-Type, unquoted. */
export function multipartBoundary(contentType: string): string | undefined {
  const params = headerParams(contentType);
  const boundary = params.get('boundary');
  // RFC 2046 limits boundaries to 1..70 characters.
  return boundary !== undefined && boundary.length > 0 && boundary.length <= 70 ? boundary : undefined;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos === -1) throw new MultipartError('the body does not contain the multipart boundary');
  pos += delimiter.length;
  const parts: MultipartPart[] = [];
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts; // closing `--boundary--`
    if (!body.subarray(pos, pos + 2).equals(CRLF))
      throw new MultipartError('a boundary line is not followed by CRLF');
    const headerStart = pos + 2;
    const headerEnd = body.indexOf(HEADER_END, headerStart);
    if (headerEnd === -1) throw new MultipartError('a part has no end of headers');
    const dataStart = headerEnd + HEADER_END.length;
    const dataEnd = body.indexOf(nextDelimiter, dataStart);
    if (dataEnd === -1) throw new MultipartError('the body ends before the closing boundary');
    parts.push(readPart(body.toString('utf8', headerStart, headerEnd), body.subarray(dataStart, dataEnd)));
    pos = dataEnd + nextDelimiter.length;
  }
}

function readPart(headerText: string, data: Buffer): MultipartPart {
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    else if (name === 'content-type') contentType = value;
  }
  if (disposition === undefined || !/^form-data\s*(;|$)/i.test(disposition)) {
    throw new MultipartError('a part has no `Content-Disposition: form-data` header');
  }
  const params = headerParams(disposition);
  const name = params.get('name');
  if (name === undefined || name === '') throw new MultipartError('a part has no name');
  const filename = params.get('filename');
  return {
    name,
    ...(filename === undefined ? {} : { filename }),
    ...(contentType === undefined ? {} : { contentType }),
    data,
  };
}

/** `type; a=1; b="x \"y\""` → {a: '1', b: 'x "y"'}. Parameter names are case-insensitive. */
function headerParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;
  for (const match of header.matchAll(pattern)) {
    const key = (match[1] ?? '').toLowerCase();
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '');
    if (!params.has(key)) params.set(key, value);
  }
  return params;
}
