// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/** `byte[]` parameters: recognising TopFile values and turning them into multipart parts. */
import type { TopFile } from './values.js';

function isBinary(value: unknown): value is Blob | Uint8Array {
  return value instanceof Uint8Array || value instanceof Blob;
}

/** True for a Blob, a Uint8Array (Buffer included) or `{ data: Blob | Uint8Array, filename?, contentType? }`. */
export function isFileValue(value: unknown): value is TopFile {
  if (isBinary(value)) return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'data') &&
    isBinary((value as { data?: unknown }).data)
  );
}

/** A file part ready for `FormData.append(name, blob, filename)`. */
export interface FilePart {
  readonly name: string;
  readonly blob: Blob;
  readonly filename: string;
}

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/**
 * The part is named after the parameter; the file name is the given one, else the File's own name, else the
 * parameter name (as the official SDK does).
 */
export function toFilePart(name: string, file: TopFile): FilePart {
  const data = isBinary(file) ? file : file.data;
  const explicitName = isBinary(file) ? undefined : file.filename;
  const explicitType = isBinary(file) ? undefined : file.contentType;
  let blob: Blob;
  if (data instanceof Blob) {
    blob =
      explicitType !== undefined && explicitType !== data.type
        ? data.slice(0, data.size, explicitType)
        : data;
  } else {
    // Copy into a fresh ArrayBuffer-backed view: the caller may reuse its buffer before the request is sent.
    blob = new Blob([new Uint8Array(data)], { type: explicitType ?? DEFAULT_CONTENT_TYPE });
  }
  // A File (a Blob with a name) keeps its own name; read structurally, `File` is not a global in every runtime.
  const fileName: unknown = data instanceof Blob ? (data as Blob & { name?: unknown }).name : undefined;
  const ownName = typeof fileName === 'string' && fileName !== '' ? fileName : undefined;
  return { name, blob, filename: explicitName ?? ownName ?? name };
}
