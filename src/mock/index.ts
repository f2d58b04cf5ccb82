/**
 * `topgen mock`: a local HTTP gateway that behaves like TOP (`/router/rest`) for the APIs of a model.
 *
 * It checks the common parameters and the signature (md5, hmac, hmac-sha256) as TOP does, validates the API
 * parameters against the model, and answers with the doc's example values. Errors use TOP's `error_response`
 * shape and codes (catalogue in ./errors.ts). Faults can be injected to exercise retries and timeouts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { terminalSafe } from '../model/terminal-text.js';
import type { Api } from '../model/types.js';
import { FaultQueue } from './faults.js';
import { GatewayHandler } from './handler.js';
import {
  DEFAULT_HOST,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_BUFFERED_BYTES,
  DEFAULT_MAX_PARAMS,
  DEFAULT_MAX_TIMESTAMP_SKEW_MS,
  GATEWAY_PATH,
  type MockGateway,
  type MockOptions,
} from './options.js';
import { MemoryBudget } from './request-params.js';
import { buildResponseTemplate, type ResponseTemplate } from './response.js';

export type { MockCall, MockFile, MockGateway, MockOptions } from './options.js';
export type { FaultSpec } from './faults.js';
export { TOP_ERRORS, type TopErrorBody, type TopErrorKind } from './errors.js';
export { responseKey } from './response.js';

/** Starts the gateway and resolves once it listens. Rejects when the port cannot be bound. */
export async function startMockGateway(options: MockOptions): Promise<MockGateway> {
  // Request values (`method`, parameter names) reach the log: escaped, so they cannot forge lines or colours.
  const sink = options.log;
  const log = sink === undefined ? undefined : (line: string): void => sink(terminalSafe(line));
  const { apis, templates } = indexApis(options.apis, log ?? ((): void => undefined));
  const faults = new FaultQueue();
  for (const fault of options.faults ?? []) faults.add(fault);
  const handler = new GatewayHandler({
    apis,
    templates,
    appKey: options.appKey,
    appSecret: options.appSecret,
    maxTimestampSkewMs: options.maxTimestampSkewMs ?? DEFAULT_MAX_TIMESTAMP_SKEW_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxParams: options.maxParams ?? DEFAULT_MAX_PARAMS,
    budget: new MemoryBudget(options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES),
    now: options.now ?? Date.now,
    log,
    faults,
  });
  const server = createServer((req, res) => {
    handler.handle(req, res).catch((error: unknown) => handler.fail(res, error));
  });
  const host = options.host ?? DEFAULT_HOST;
  const port = await listen(server, options.port ?? 0, host);

  let closing: Promise<void> | undefined;
  return {
    url: gatewayUrl(host, port),
    port,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve, reject) => {
        handler.shutdown();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // close() alone waits for idle keep-alive sockets to time out; drop them now.
        server.closeAllConnections();
      });
      return closing;
    },
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    calls: () => handler.calls(),
  };
}

/** Map by method name; the first doc of an API wins, later duplicates are reported and ignored. */
function indexApis(
  list: readonly Api[],
  log: (line: string) => void,
): { apis: Map<string, Api>; templates: Map<string, ResponseTemplate> } {
  const apis = new Map<string, Api>();
  const templates = new Map<string, ResponseTemplate>();
  for (const api of list) {
    const first = apis.get(api.api);
    if (first !== undefined) {
      log(`warning: ${api.api} from ${api.source.file} ignored; already served from ${first.source.file}`);
      continue;
    }
    const built = buildResponseTemplate(api);
    for (const warning of built.warnings) log(`warning: ${api.api} ${warning}`);
    apis.set(api.api, api);
    templates.set(api.api, built.template);
  }
  return { apis, templates };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function gatewayUrl(host: string, port: number): string {
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return `http://${urlHost}:${port}${GATEWAY_PATH}`;
}
