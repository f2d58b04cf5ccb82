/**
 * Checks of TOP's common parameters (method, app_key, timestamp, format, v, sign_method, sign), in the order a
 * caller would fix them: who is calling, which API, whether the request is fresh, whether it is signed.
 */
import type { Api } from '../model/types.js';
import { isBlank, isSignMethod, sign, SIGN_METHODS, type SignMethod } from '../runtime/sign.js';
import { formatTopTime } from '../runtime/timestamp.js';
import { rejection, type TopErrorBody } from './errors.js';
import { parseGmt8 } from './timestamp.js';

export interface ProtocolContext {
  readonly apis: ReadonlyMap<string, Api>;
  readonly appKey: string;
  readonly appSecret: string;
  readonly maxTimestampSkewMs: number;
  /** Current time, epoch milliseconds. */
  readonly now: number;
}

export type ProtocolResult =
  | { readonly ok: true; readonly api: Api; readonly simplify: boolean }
  | { readonly ok: false; readonly error: TopErrorBody };

/** Validates the common parameters of one request. `params` are the text parameters (file parts excluded). */
export function checkCommonParams(params: ReadonlyMap<string, string>, ctx: ProtocolContext): ProtocolResult {
  const fail = (error: TopErrorBody): ProtocolResult => ({ ok: false, error });
  const value = (name: string): string | undefined => {
    const v = params.get(name);
    return v === undefined || v === '' ? undefined : v;
  };

  const method = value('method');
  if (method === undefined) return fail(rejection('missingMethod', 'parameter method is required'));
  const appKey = value('app_key');
  if (appKey === undefined) return fail(rejection('missingAppKey', 'parameter app_key is required'));
  if (appKey !== ctx.appKey)
    return fail(rejection('invalidAppKey', `app_key ${appKey} is not known to this gateway`));
  const api = ctx.apis.get(method);
  if (api === undefined)
    return fail(rejection('invalidMethod', `method ${method} is not served by this gateway`));

  const timestamp = value('timestamp');
  if (timestamp === undefined) return fail(rejection('missingTimestamp', 'parameter timestamp is required'));
  const timestampError = checkTimestamp(timestamp, ctx);
  if (timestampError !== undefined) return fail(timestampError);

  const format = value('format') ?? 'json';
  if (format !== 'json') {
    return fail(
      rejection('invalidFormat', `format ${format} is not supported; this gateway answers format=json only`),
    );
  }
  const version = value('v');
  if (version === undefined) return fail(rejection('missingVersion', 'parameter v is required'));
  if (version !== '2.0') return fail(rejection('invalidVersion', `v must be 2.0, found ${version}`));

  // TOP treats a request without sign_method as md5, the official SDKs' default.
  const signMethod = value('sign_method') ?? 'md5';
  if (!isSignMethod(signMethod)) {
    return fail(
      rejection(
        'invalidParameter',
        `sign_method must be one of ${SIGN_METHODS.join(', ')}; found ${signMethod}`,
      ),
    );
  }
  const signature = value('sign');
  if (signature === undefined) return fail(rejection('missingSignature', 'parameter sign is required'));
  const signatureError = checkSignature(params, signature, signMethod, ctx.appSecret);
  if (signatureError !== undefined) return fail(signatureError);

  const simplify = value('simplify');
  if (simplify !== undefined && simplify !== 'true' && simplify !== 'false') {
    return fail(rejection('invalidParameter', `simplify must be true or false, found ${simplify}`));
  }
  return { ok: true, api, simplify: simplify === 'true' };
}

function checkTimestamp(timestamp: string, ctx: ProtocolContext): TopErrorBody | undefined {
  const at = parseGmt8(timestamp);
  if (at === undefined) {
    return rejection('invalidTimestamp', `timestamp must be yyyy-MM-dd HH:mm:ss (GMT+8), found ${timestamp}`);
  }
  const skew = at - ctx.now;
  if (Math.abs(skew) > ctx.maxTimestampSkewMs) {
    const minutes = Math.round(Math.abs(skew) / 60_000);
    const direction = skew < 0 ? 'behind' : 'ahead of';
    return rejection(
      'invalidTimestamp',
      `timestamp ${timestamp} is ${minutes} minutes ${direction} the gateway time ${formatTopTime(ctx.now)} (GMT+8); ` +
        `allowed skew is ${Math.round(ctx.maxTimestampSkewMs / 60_000)} minutes`,
    );
  }
  return undefined;
}

/**
 * Every text parameter except `sign` is signed (blank values are skipped by `sign` itself); file parts never reach
 * `params`. The sub_msg lists the signed keys (never the secret or the expected value) so that a caller can see
 * what the gateway signed.
 */
function checkSignature(
  params: ReadonlyMap<string, string>,
  signature: string,
  method: SignMethod,
  secret: string,
): TopErrorBody | undefined {
  // No prototype: a parameter named `__proto__` must stay an ordinary key.
  const signed = Object.create(null) as Record<string, string>;
  for (const [key, value] of params) if (key !== 'sign') signed[key] = value;
  // Hex digits compare case-insensitively, as the runtime's own verifier does.
  if (sign(signed, secret, method) === signature.toUpperCase()) return undefined;
  const keys = Object.keys(signed)
    .filter((key) => !isBlank(signed[key] ?? ''))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return rejection(
    'invalidSignature',
    `sign does not match the ${method} signature of the parameters ${keys.join(', ')} with the app secret`,
  );
}
