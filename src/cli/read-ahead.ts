/**
 * Doc files read on a worker thread ahead of the parser. A one-shot run reads thousands of small files before it
 * has a model to emit; their open, read and close calls took about a tenth of the main thread's time, while the
 * machine's other core had nothing to do yet (the staging writer starts once the model is built). The worker
 * reads the files in order and hands their bytes over in batches, moved rather than copied. The parser takes a
 * file's bytes when they have arrived and otherwise reads the file itself, so it never waits for the worker: a
 * worker that starts late, fails or cannot start at all only leaves the main thread more files to read.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { MAX_INPUT_BYTES, readDocBytes, type DocBytes } from './inputs.js';

/** Files per message: enough that messaging costs little next to the reads, few enough to arrive early. */
const BATCH = 32;

/** What the worker sends: the outcomes of reading `paths[first]`, `paths[first + 1]`, … in that order. */
interface ReadBatch {
  readonly first: number;
  readonly outcomes: readonly DocBytes[];
}

interface ReadAheadData {
  readonly paths: readonly string[];
  readonly port: MessagePort;
  readonly batch: number;
  readonly maxBytes: number;
}

/**
 * The worker's whole program, run from its source text (`eval`) with readDocBytes's source before it: the same
 * code then works from src/ under the test runner, from dist/ and from the bundled command line. Hence nothing
 * from outside the function but its argument.
 */
function readAheadWorker(read: typeof readDocBytes): void {
  const { workerData } = process.getBuiltinModule('node:worker_threads');
  const { paths, port, batch, maxBytes } = workerData as ReadAheadData;
  for (let first = 0; first < paths.length; first += batch) {
    const outcomes: DocBytes[] = [];
    const moved: ArrayBuffer[] = [];
    for (const path of paths.slice(first, first + batch)) {
      let outcome: DocBytes;
      try {
        outcome = read(path, maxBytes);
      } catch (error) {
        const { message, code } = error as NodeJS.ErrnoException;
        outcome = { message: String(message), code };
      }
      if (outcome instanceof Uint8Array && outcome.buffer instanceof ArrayBuffer) moved.push(outcome.buffer);
      outcomes.push(outcome);
    }
    port.postMessage({ first, outcomes } satisfies ReadBatch, moved);
  }
}

/** The read-ahead of one run's doc files; see the module comment. */
export class ReadAhead {
  readonly #worker: Worker | undefined;
  readonly #port: MessagePort;
  /** Outcomes that have arrived and not been taken yet, by index into the paths. */
  readonly #arrived: (DocBytes | undefined)[];
  /** Indices below this have been asked for: outcomes for them that arrive later are dropped. */
  #asked = 0;
  readonly #finished: Promise<void>;

  /** Starts reading `paths` (absolute or relative to the working directory) on a worker thread. */
  constructor(paths: readonly string[]) {
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#arrived = new Array<DocBytes | undefined>(paths.length);
    const data: ReadAheadData = { paths, port: port2, batch: BATCH, maxBytes: MAX_INPUT_BYTES };
    const program = `const readDocBytes = ${readDocBytes.toString()};\n(${readAheadWorker.toString()})(readDocBytes);`;
    let worker: Worker | undefined;
    try {
      worker = new Worker(program, { eval: true, workerData: data, transferList: [port2] });
    } catch {
      // No thread to be had: the parser reads every file itself.
      worker = undefined;
    }
    this.#worker = worker;
    this.#finished = new Promise((resolve) => {
      if (worker === undefined) resolve();
      else worker.once('exit', () => resolve());
    });
    // A worker that fails only leaves files unread; its error must never reach the host process as an event
    // nobody listens to. Nor may it keep the process alive.
    worker?.on('error', () => undefined);
    worker?.unref();
  }

  /** Settles once the worker has sent every file it was given, or has stopped or failed. */
  finished(): Promise<void> {
    return this.#finished;
  }

  /**
   * The outcome of reading `paths[index]` if the worker has delivered it (each is handed out once), else
   * undefined: the caller then reads the file itself. Takes every batch that has arrived, without waiting.
   */
  take(index: number): DocBytes | undefined {
    while (this.#arrived[index] === undefined) {
      const received = receiveMessageOnPort(this.#port);
      if (received === undefined) break;
      const { first, outcomes } = received.message as ReadBatch;
      outcomes.forEach((outcome, offset) => {
        if (first + offset >= this.#asked) this.#arrived[first + offset] = outcome;
      });
    }
    this.#asked = Math.max(this.#asked, index + 1);
    const outcome = this.#arrived[index];
    this.#arrived[index] = undefined;
    return outcome;
  }

  /** Stops the worker (whatever it has not read is no longer needed) and drops what it delivered. */
  async stop(): Promise<void> {
    this.#port.close();
    this.#arrived.length = 0;
    await this.#worker?.terminate();
  }
}
