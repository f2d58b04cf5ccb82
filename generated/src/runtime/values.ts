// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * Integers beyond 2^53 arrive as decimal strings so that no digit is lost. As a request value the type also
 * admits `0x`, `0o` and `0b` spellings; they are sent as decimal digits.
 */
export type Int64String = `${bigint}`;

/** A TOP `Number` in a response: a JS number, or a decimal string when it does not fit one exactly. */
export type TopNumber = number | Int64String;

/** A TOP `Number` in a request. bigint and decimal strings carry 64-bit ids exactly. */
export type TopNumberInput = number | bigint | Int64String;

/** A `byte[]` parameter: sent as a multipart file part, not signed. */
export type TopFile =
  | Blob
  | Uint8Array
  | {
      readonly data: Blob | Uint8Array;
      readonly filename?: string | undefined;
      readonly contentType?: string | undefined;
    };

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
