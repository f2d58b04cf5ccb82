/**
 * Which proxy the built-in sender goes through for a gateway: the `proxy` client option, else the usual
 * environment variables (`HTTPS_PROXY` for https gateways, `HTTP_PROXY` for http ones, lower-case names first
 * as curl reads them), unless `NO_PROXY` names the gateway's host.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

function envValue(env: Environment, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The process environment where there is one (Node, Deno, Bun); empty elsewhere. */
export function processEnv(): Environment {
  const process = (globalThis as { process?: { env?: Environment } }).process;
  return process?.env ?? {};
}

/**
 * True when a `NO_PROXY` list covers the host: `*`, the host itself, or a domain it belongs to
 * (`example.com`, `.example.com` and `*.example.com` all cover `api.example.com`); an entry with `:port` only
 * that port.
 */
export function bypassesProxy(noProxy: string, host: string, port: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const portMatch = /^(.*?):(\d+)$/.exec(entry);
    if (portMatch !== null && !entry.startsWith('[')) {
      if (portMatch[2] !== port) continue;
      entry = portMatch[1] as string;
    }
    entry = entry.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (name === entry || name.endsWith(`.${entry}`)) return true;
  }
  return false;
}

function environmentProxy(url: URL, env: Environment): string | undefined {
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  const noProxy = envValue(env, 'NO_PROXY');
  if (noProxy !== undefined && bypassesProxy(noProxy, url.hostname, port)) return undefined;
  return envValue(env, url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY');
}

/**
 * The proxy URL for `gateway`, or undefined for a direct connection. `option`: a proxy URL, or `false` to
 * ignore the environment.
 */
export function proxyFor(
  gateway: string,
  option: string | false | undefined,
  env: Environment,
): string | undefined {
  if (option === false) return undefined;
  // An explicit proxy is used as given; NO_PROXY qualifies only the environment's proxies.
  const proxy = option ?? environmentProxy(new URL(gateway), env);
  if (proxy === undefined) return undefined;
  // `host:port` without a scheme is common in these variables; it means an http proxy.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    // URL's own error carries the whole input, password included: say what is wrong without it.
    throw new TypeError(`TopClient: proxy ${JSON.stringify(withoutCredentials(text))} is not a valid URL`);
  }
  if (parsed.protocol !== 'http:')
    throw new TypeError(`TopClient: proxy must be an http:// URL, got ${JSON.stringify(parsed.protocol)}`);
  if (parsed.port === '0')
    throw new TypeError(`TopClient: proxy ${JSON.stringify(withoutCredentials(text))} has port 0`);
  return parsed.href;
}

/** A URL's text with whatever stands before the host's `@` replaced, for messages (it may be a password). */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#]*@/i, '$1[redacted]@');
}
