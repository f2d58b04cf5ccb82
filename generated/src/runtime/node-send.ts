// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * The built-in sender, loaded on first use: `node:net`, `node:tls` and `node:zlib` are imported only by a
 * client that sends without a `fetch` option, so a bundle for a runtime with `fetch` does not need them.
 */
import type { HttpSend } from './transport.js';

let loaded: HttpSend | undefined;
let loading: Promise<HttpSend> | undefined;

function load(): Promise<HttpSend> {
  loading ??= import('./http-agent.js').then((agent) => (loaded = agent.defaultAgent.send));
  return loading;
}

/** Sends through the process-wide built-in agent, importing it on the first call. */
export const builtInSend: HttpSend = (target, body, done) => {
  if (loaded !== undefined) return loaded(target, body, done);
  let cancelled = false;
  let cancel: ((reason: unknown) => void) | undefined;
  load().then(
    (send) => {
      if (!cancelled) cancel = send(target, body, done);
    },
    // Nothing was sent when the sender could not even be loaded.
    (error: unknown) => done(error, undefined, true),
  );
  return (reason) => {
    cancelled = true;
    cancel?.(reason);
  };
};
