/**
 * The request pipeline of the mock gateway: read → fault → decode → common parameters → API parameters →
 * answer. Every answer TOP itself would give is HTTP 200 with a JSON body; only faults, unknown paths,
 * oversized bodies and internal failures use other statuses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Api } from '../model/types.js';
import { rejection, type TopErrorBody } from './errors.js';
import type { FaultAction, FaultQueue } from './faults.js';
import { GATEWAY_PATH, MAX_RECORDED_CALLS, type MockCall, type MockFile } from './options.js';
import { checkCommonParams } from './protocol.js';
import {
  decodeParams,
  readBody,
  tooManyParams,
  type BodyResult,
  type GatewayParams,
  type MemoryBudget,
} from './request-params.js';
import { errorBody, successBody, type ResponseTemplate } from './response.js';
import { checkApiParams } from './validate.js';

export interface HandlerConfig {
  readonly apis: ReadonlyMap<string, Api>;
  readonly templates: ReadonlyMap<string, ResponseTemplate>;
  readonly appKey: string;
  readonly appSecret: string;
  readonly maxTimestampSkewMs: number;
  readonly maxBodyBytes: number;
  readonly maxParams: number;
  /** Request bodies held at once, across all requests. */
  readonly budget: MemoryBudget;
  readonly now: () => number;
  /** Absent when nobody listens: the per-request line is then never built. */
  readonly log: ((line: string) => void) | undefined;
  readonly faults: FaultQueue;
}

type Decision =
  | { readonly ok: true; readonly template: ResponseTemplate; readonly simplify: boolean }
  | { readonly ok: false; readonly error: TopErrorBody };

const JSON_TYPE = 'application/json;charset=UTF-8';
const TEXT_TYPE = 'text/plain;charset=UTF-8';

export class GatewayHandler {
  private requestCounter = 0;
  /** The last MAX_RECORDED_CALLS requests in a ring; turned into MockCall objects only when asked for. */
  private readonly recorded: CallRecord[] = [];
  private nextSlot = 0;
  private readonly pendingDelays = new Set<() => void>();
  private closed = false;

  constructor(private readonly config: HandlerConfig) {}

  calls(): readonly MockCall[] {
    const ring = this.recorded;
    const ordered =
      ring.length < MAX_RECORDED_CALLS
        ? ring
        : [...ring.slice(this.nextSlot), ...ring.slice(0, this.nextSlot)];
    return ordered.map((call) => call.toCall());
  }

  private log(line: string): void {
    this.config.log?.(line);
  }

  /** Ends every fault delay now; their requests are then dropped by the server shutting down. */
  shutdown(): void {
    this.closed = true;
    for (const cancel of this.pendingDelays) cancel();
    this.pendingDelays.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = queryAt === -1 ? '' : rawUrl.slice(queryAt + 1);
    const httpMethod = req.method ?? 'GET';
    const call = new CallRecord(httpMethod);

    if (path !== GATEWAY_PATH) {
      this.sendText(res, call, 404, `Not Found: the gateway serves ${GATEWAY_PATH}`);
      return;
    }
    if (httpMethod !== 'GET' && httpMethod !== 'POST') {
      res.setHeader('Allow', 'GET, POST');
      this.sendError(
        res,
        call,
        rejection('httpAction', `HTTP ${httpMethod} is not allowed; use POST or GET`),
        405,
      );
      return;
    }
    const reading = readBody(req, this.config);
    try {
      await this.answer(req, res, call, reading.result, query);
    } finally {
      reading.release();
    }
  }

  private async answer(
    req: IncomingMessage,
    res: ServerResponse,
    call: CallRecord,
    reading: Promise<BodyResult>,
    query: string,
  ): Promise<void> {
    const httpMethod = call.httpMethod;
    const read = await reading;
    if (read.kind === 'aborted') {
      this.log(`${call.summary()} -> client closed the connection before the body was complete`);
      return;
    }
    if (read.kind !== 'body') {
      // Refused while reading: the rest of the body is not read, so the connection cannot be reused.
      res.setHeader('Connection', 'close');
      const { maxBodyBytes, maxParams, budget } = this.config;
      if (read.kind === 'too-large')
        this.sendError(
          res,
          call,
          rejection('requestTooLarge', `the body exceeds ${maxBodyBytes} bytes`),
          413,
        );
      else if (read.kind === 'too-many-params') this.sendError(res, call, tooManyParams(maxParams));
      else
        this.sendError(
          res,
          call,
          rejection('busy', `request bodies in flight already hold ${budget.limit} bytes; retry later`),
          503,
        );
      return;
    }
    const decoded = decodeParams(
      httpMethod,
      query,
      req.headers['content-type'],
      read.body,
      this.config.maxParams,
    );
    if (decoded.ok) call.params = decoded.value;

    const fault = this.config.faults.take();
    if (fault !== undefined && (await this.applyFault(fault, req, res, call))) return;
    if (this.closed) return;

    const outcome = decoded.ok ? this.decide(decoded.value) : decoded;
    if (!outcome.ok) {
      this.sendError(res, call, outcome.error);
      return;
    }
    const requestId = this.nextRequestId();
    call.finish(200, 'success', requestId);
    this.send(res, call, 200, JSON_TYPE, successBody(outcome.template, requestId, outcome.simplify));
  }

  /** What TOP would answer to a readable request: the checks in order, then the API's example answer. */
  private decide(params: GatewayParams): Decision {
    const common = checkCommonParams(params.params, {
      apis: this.config.apis,
      appKey: this.config.appKey,
      appSecret: this.config.appSecret,
      maxTimestampSkewMs: this.config.maxTimestampSkewMs,
      now: this.config.now(),
    });
    if (!common.ok) return common;
    const problem = checkApiParams(common.api, params);
    if (problem !== undefined) return { ok: false, error: problem };
    const template = this.config.templates.get(common.api.api);
    if (template === undefined) throw new Error(`no response template for ${common.api.api}`);
    // The example is page 1; a later page is the last, empty one (checkApiParams has read page_no as a number).
    const pageNo = Number(params.params.get('page_no') ?? '1');
    const later = template.laterPage !== undefined && pageNo > 1;
    return { ok: true, template: later ? template.laterPage : template, simplify: common.simplify };
  }

  /** Answers an unexpected failure inside the gateway without taking the server down. */
  fail(res: ServerResponse, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.log(`internal error: ${message}`);
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    this.sendText(res, new CallRecord('?'), 500, `Internal Server Error: ${message}`);
  }

  /** True when the fault answered (or dropped) the request. */
  private async applyFault(
    fault: FaultAction,
    req: IncomingMessage,
    res: ServerResponse,
    call: CallRecord,
  ): Promise<boolean> {
    if (fault.delayMs !== undefined && fault.delayMs > 0) await this.delay(fault.delayMs);
    if (this.closed || res.destroyed) return true;
    if (fault.dropConnection === true) {
      call.finish(0, 'fault');
      this.record(call);
      this.log(`${call.summary()} -> connection dropped (injected fault)`);
      req.socket.destroy();
      return true;
    }
    if (fault.status !== undefined) {
      call.outcome = 'fault';
      this.sendText(res, call, fault.status, `${fault.status} injected fault`);
      return true;
    }
    if (fault.topError !== undefined) {
      this.sendError(res, call, fault.topError, 200, 'fault');
      return true;
    }
    return false;
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.pendingDelays.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.pendingDelays.add(done);
    });
  }

  private nextRequestId(): string {
    this.requestCounter++;
    return `mock${this.requestCounter.toString(36).padStart(9, '0')}`;
  }

  private sendError(
    res: ServerResponse,
    call: CallRecord,
    error: TopErrorBody,
    status = 200,
    outcome: 'error' | 'fault' = 'error',
  ): void {
    const requestId = this.nextRequestId();
    call.finish(status, outcome, requestId, error);
    this.send(res, call, status, JSON_TYPE, errorBody(error, requestId));
  }

  private sendText(res: ServerResponse, call: CallRecord, status: number, text: string): void {
    call.finish(status, call.outcome === 'fault' ? 'fault' : 'error');
    this.send(res, call, status, TEXT_TYPE, `${text}\n`);
  }

  private send(
    res: ServerResponse,
    call: CallRecord,
    status: number,
    contentType: string,
    body: string,
  ): void {
    this.record(call);
    if (this.config.log !== undefined) this.config.log(call.logLine());
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body, 'utf8') });
    res.end(body, 'utf8');
  }

  private record(call: CallRecord): void {
    if (this.recorded.length < MAX_RECORDED_CALLS) {
      this.recorded.push(call);
    } else {
      this.recorded[this.nextSlot] = call;
      this.nextSlot = (this.nextSlot + 1) % MAX_RECORDED_CALLS;
    }
  }
}

/** What is known about one request while it goes through the pipeline. */
class CallRecord {
  params: GatewayParams | undefined;
  status = 0;
  outcome: MockCall['outcome'] = 'error';
  requestId: string | undefined;
  error: TopErrorBody | undefined;
  private readonly started = Date.now();

  constructor(readonly httpMethod: string) {}

  finish(status: number, outcome: MockCall['outcome'], requestId?: string, error?: TopErrorBody): void {
    this.status = status;
    this.outcome = outcome;
    this.requestId = requestId;
    this.error = error;
  }

  summary(): string {
    return `${this.httpMethod} ${this.params?.params.get('method') || '-'}`;
  }

  logLine(): string {
    const ms = Date.now() - this.started;
    const id = this.requestId === undefined ? '' : ` request_id=${this.requestId}`;
    if (this.outcome === 'success') return `${this.summary()} -> ${this.status} ok${id} (${ms} ms)`;
    const e = this.error;
    const detail =
      e === undefined
        ? ''
        : ` ${e.code} ${e.sub_code ?? ''}${e.sub_msg === undefined ? '' : `: ${e.sub_msg}`}`.trimEnd();
    const kind = this.outcome === 'fault' ? 'fault' : 'error';
    return `${this.summary()} -> ${this.status} ${kind}${detail}${id} (${ms} ms)`;
  }

  toCall(): MockCall {
    const files: MockFile[] = [];
    for (const [name, file] of this.params?.files ?? []) {
      files.push({
        name,
        filename: file.filename,
        ...(file.contentType === undefined ? {} : { contentType: file.contentType }),
        size: file.data.length,
      });
    }
    const method = this.params?.params.get('method');
    return {
      httpMethod: this.httpMethod,
      ...(method === undefined ? {} : { method }),
      params: Object.fromEntries(this.params?.params ?? []),
      files,
      status: this.status,
      outcome: this.outcome,
      ...(this.error === undefined ? {} : { code: this.error.code }),
      ...(this.error?.sub_code === undefined ? {} : { subCode: this.error.sub_code }),
      ...(this.requestId === undefined ? {} : { requestId: this.requestId }),
    };
  }
}
