/** Every default of the command line lives here. */
export const DEFAULTS = Object.freeze({
  input: 'docs-input',
  out: 'generated',
  packageName: 'top-sdk',
  packageVersion: '0.1.0',
  gateway: 'https://eco.taobao.com/router/rest',
  configFile: 'topgen.config.json',
  mockHost: '127.0.0.1',
  mockPort: 0,
  /** Doc site of `topgen fetch`. */
  site: 'https://open.taobao.com',
  /** Requests in flight: the doc site is a shared public service. */
  fetchConcurrency: 4,
  fetchTimeoutSeconds: 30,
  /** Attempts per request, the first included. */
  fetchAttempts: 5,
});

/** Exit codes, documented in README.md. */
export const EXIT = Object.freeze({
  ok: 0,
  /** Some docs failed (or warnings under --strict), `check` found stale files, `diff` found breaking changes. */
  problems: 1,
  /** Bad command line, bad config, no inputs, output folder that must not be touched. */
  usage: 2,
  /** A bug in topgen: please report it with the stack trace. */
  internal: 3,
});
