import { startMockGateway } from '../../mock/index.js';
import { loadModel } from '../load.js';
import { EXIT, DEFAULTS } from '../options.js';
import { effectiveDiagnostics, printDiagnostics } from '../report.js';
import { readConfigFor } from '../settings.js';
import { UsageError } from '../errors.js';

export interface MockFlags {
  readonly config?: string;
  readonly input?: readonly string[];
  readonly port: number;
  readonly host: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly verbose?: boolean;
}

/** Serves until SIGINT/SIGTERM, then closes every connection and resolves. */
export async function runMock(flags: MockFlags): Promise<number> {
  if (!Number.isInteger(flags.port) || flags.port < 0 || flags.port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, got ${String(flags.port)}`);
  const config = await readConfigFor(flags);
  const model = await loadModel(flags.input ?? config.input ?? [DEFAULTS.input], false);
  printDiagnostics(
    effectiveDiagnostics(model.diagnostics, false),
    (line) => process.stderr.write(`${line}\n`),
    flags.verbose,
  );
  const gateway = await startMockGateway({
    apis: model.apis,
    appKey: flags.appKey,
    appSecret: flags.appSecret,
    port: flags.port,
    host: flags.host,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${gateway.url}\n`);
  process.stderr.write(`topgen mock: ${model.apis.length} APIs at ${gateway.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await gateway.close();
  process.stderr.write('topgen mock: stopped\n');
  return EXIT.ok;
}
