// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * The promise every call returns: awaited, it gives the typed response; `.withResponse()` gives the same
 * response together with the raw answer's status and headers (the shape of openai-node's `.withResponse()`).
 */
import { answerHeaders, type HttpAnswer } from './transport.js';

/** What the gateway's final answer looked like, next to the typed result. */
export interface TopResponseInfo {
  /** HTTP status of the answer. */
  readonly status: number;
  readonly headers: Headers;
  /** Requests the call sent, the answered one included. */
  readonly attempts: number;
  /** Whole call, retries and waits included, in ms. */
  readonly durationMs: number;
}

export interface TopResult<T> {
  readonly data: T;
  readonly response: TopResponseInfo;
}

/** What a call settles with inside the client; headers are parsed only if `withResponse()` asks for them. */
export interface CallOutcome<T> {
  readonly data: T;
  readonly answer: HttpAnswer;
  readonly attempts: number;
  readonly durationMs: number;
}

/**
 * A `Promise<T>` with `withResponse()`. The outcome is held by an inner promise and only reached through
 * `then`/`withResponse`, so a failed call whose caller used `withResponse()` alone is not also reported as an
 * unhandled rejection of the outer promise.
 */
export class TopPromise<T> extends Promise<T> {
  readonly #outcome: Promise<CallOutcome<T>>;
  #data: Promise<T> | undefined;

  constructor(outcome: Promise<CallOutcome<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#outcome = outcome;
  }

  /** Promises derived with then/catch/finally are plain promises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The typed response with the answer's status, headers and the number of attempts. */
  withResponse(): Promise<TopResult<T>> {
    return this.#outcome.then(({ data, answer, attempts, durationMs }) => ({
      data,
      response: { status: answer.status, headers: answerHeaders(answer), attempts, durationMs },
    }));
  }

  #parsed(): Promise<T> {
    this.#data ??= this.#outcome.then((result) => result.data);
    return this.#data;
  }

  override then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onFulfilled, onRejected);
  }

  override catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parsed().catch(onRejected);
  }

  override finally(onFinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onFinally);
  }
}
