import yargs, { type Argv } from 'yargs';
import { ConfigError, MAX_FETCH_CONCURRENCY } from './config.js';
import { InputError, UsageError } from './errors.js';
import { OutputError } from './output-error.js';
import { TemplateError } from '../emit/template-error.js';
import { DEFAULTS, EXIT } from './options.js';
import { terminalSafe, terminalSafeLines } from '../model/terminal-text.js';
import type { V8FlagSetter } from './one-shot-tuning.js';

const withConfig = (y: Argv) =>
  y.option('config', {
    type: 'string',
    describe: `config file (default ${DEFAULTS.configFile} when present); flags override it`,
  });

const withInput = (y: Argv) =>
  y.option('input', {
    alias: 'i',
    type: 'string',
    array: true,
    describe: `doc files or folders (default ${DEFAULTS.input})`,
  });

const withOutputOptions = (y: Argv) =>
  withInput(withConfig(y))
    .option('out', { alias: 'o', type: 'string', describe: `package folder (default ${DEFAULTS.out})` })
    .option('package-name', {
      type: 'string',
      describe: `npm name of the package (default ${DEFAULTS.packageName})`,
    })
    .option('package-version', {
      type: 'string',
      describe: `version of the package (default ${DEFAULTS.packageVersion})`,
    })
    .option('gateway', {
      type: 'string',
      describe: `default gateway URL of the client (default ${DEFAULTS.gateway})`,
    })
    .option('templates', {
      type: 'string',
      describe:
        'folder of template overrides (*.ts.hbs, README.md.hbs); missing files fall back to the built-in ones',
    })
    .option('strict', {
      type: 'boolean',
      describe: 'treat warnings as errors (a doc with a warning is not generated)',
    })
    .option('typecheck', {
      type: 'boolean',
      describe: 'compile the package in memory (strict) first; on errors nothing is written',
    });

// Commands are imported when chosen: `topgen --help` should not load the emitter, cheerio or the mock server.

/** An error Node raised for a failed system call: it carries the call's name (`open`, `write`, `listen`) and code. */
function isSystemError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { syscall?: unknown }).syscall === 'string'
  );
}

/**
 * Runs the command line and returns the exit code; never calls process.exit itself. `setV8Flags`, which only the
 * `topgen` executable passes, lets a one-shot generate tune V8 for itself (see one-shot-tuning.ts).
 */
export async function main(
  argv: readonly string[],
  { setV8Flags }: { readonly setV8Flags?: V8FlagSetter } = {},
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser = yargs([...argv])
    .scriptName('topgen')
    .usage(
      '$0 <command> [options]\n\nGenerate a typed TypeScript SDK for Taobao Open Platform APIs from their doc pages.',
    )
    .command(
      'generate',
      'parse the docs and write the SDK package',
      (y) =>
        withOutputOptions(y)
          .option('watch', { alias: 'w', type: 'boolean', describe: 'regenerate whenever a doc changes' })
          .option('wait', {
            type: 'number',
            describe: `seconds to wait for another run writing the same --out (default ${DEFAULTS.lockWaitSeconds}); then exit 2`,
          })
          .option('build', {
            type: 'boolean',
            describe:
              "also write dist/ (JS + .d.ts, as the package's npm run build would) from the in-memory compile; implies --typecheck",
          })
          .option('changelog-from', {
            type: 'string',
            describe: 'previous docs folder or model JSON: prepend an API diff to <out>/CHANGELOG.md',
          }),
      async (args) => {
        exitCode = await (await import('./commands/generate.js')).runGenerate(args, setV8Flags);
      },
    )
    .command(
      'check',
      'exit 1 and name the stale files when the output differs from what generate would write',
      (y) => withOutputOptions(y),
      async (args) => {
        exitCode = await (await import('./commands/generate.js')).runCheck(args, setV8Flags);
      },
    )
    .command(
      'parse <files..>',
      'parse docs and print their API model',
      (y) =>
        y
          .positional('files', {
            type: 'string',
            array: true,
            describe: 'doc files or folders',
            demandOption: true,
          })
          .option('json', { type: 'boolean', describe: 'print the model as a JSON array on stdout' })
          .option('strict', { type: 'boolean', describe: 'treat warnings as errors' }),
      async (args) => {
        exitCode = await (await import('./commands/parse.js')).runParse(args);
      },
    )
    .command(
      'mock',
      'run a local TOP gateway for the APIs in the docs',
      (y) =>
        withInput(withConfig(y))
          .option('port', {
            type: 'number',
            default: DEFAULTS.mockPort,
            describe: 'port (0 = any free port)',
          })
          .option('host', { type: 'string', default: DEFAULTS.mockHost, describe: 'interface to listen on' })
          .option('app-key', { type: 'string', demandOption: true, describe: 'app key callers must use' })
          .option('app-secret', {
            type: 'string',
            demandOption: true,
            describe: 'app secret signatures are checked with',
          }),
      async (args) => {
        exitCode = await (await import('./commands/mock.js')).runMock(args);
      },
    )
    .command(
      'diff <old> <new>',
      'compare two sets of docs (or saved models) and classify each change',
      (y) =>
        y
          .positional('old', {
            type: 'string',
            demandOption: true,
            describe: 'docs file/folder or model JSON',
          })
          .positional('new', {
            type: 'string',
            demandOption: true,
            describe: 'docs file/folder or model JSON',
          })
          .option('json', { type: 'boolean', describe: 'print the diff as JSON' })
          .option('fail-on-breaking', { type: 'boolean', describe: 'exit 1 when a change breaks callers' }),
      async (args) => {
        exitCode = await (await import('./commands/diff.js')).runDiff(args);
      },
    )
    .command(
      'openapi',
      'write the model as an OpenAPI 3.1 document',
      (y) =>
        withInput(withConfig(y))
          .option('out', { alias: 'o', type: 'string', describe: 'output file (default: stdout)' })
          .option('gateway', { type: 'string', describe: `server URL (default ${DEFAULTS.gateway})` }),
      async (args) => {
        exitCode = await (await import('./commands/openapi.js')).runOpenApi(args);
      },
    )
    .command(
      'fetch [apis..]',
      'download API docs (doc JSON) from the TOP doc site into the docs folder',
      (y) =>
        withConfig(y)
          .positional('apis', {
            type: 'string',
            array: true,
            describe: 'API names, e.g. taobao.user.seller.get',
          })
          .option('category', {
            type: 'string',
            array: true,
            describe: 'every API of these catalogue categories (by name, e.g. 用户API)',
          })
          .option('all', { type: 'boolean', describe: 'every API in the catalogue (about 5,300)' })
          .option('out', {
            alias: 'o',
            type: 'string',
            describe: `docs folder to update (default: the configured input folder, else ${DEFAULTS.input})`,
          })
          .option('site', {
            type: 'string',
            describe: `doc site root or a mirror (default ${DEFAULTS.site})`,
          })
          .option('concurrency', {
            type: 'number',
            describe: `requests in flight, 1 to ${MAX_FETCH_CONCURRENCY} (default ${DEFAULTS.fetchConcurrency})`,
          })
          .option('timeout', {
            type: 'number',
            describe: `seconds one request may take before it is retried (default ${DEFAULTS.fetchTimeoutSeconds})`,
          })
          .option('dry-run', {
            alias: 'check',
            type: 'boolean',
            describe: 'list what would change without writing anything; exit 1 when something would',
          })
          .option('prune', {
            type: 'boolean',
            describe: 'delete the files of APIs the catalogue lists no more (default: report them only)',
          })
          .epilog(
            'Without API names, --category or --all, fetch takes fetch.apis / fetch.categories from the config, else refreshes the APIs fetched into the folder before. Failed requests are retried with backoff; a doc that still fails keeps its old file. Exit 0: all arrived; 1: some failed (the rest written) or, with --dry-run, something would change; 2: usage error.',
          ),
      async (args) => {
        exitCode = await (await import('./commands/fetch.js')).runFetch(args);
      },
    )
    .option('verbose', { type: 'boolean', global: true, describe: 'also print notes (info diagnostics)' })
    .demandCommand(1, 'Name a command: generate, check, parse, mock, diff, openapi or fetch.')
    .strict()
    .help()
    .alias('help', 'h')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      // Throwing stops yargs: a command must not run with arguments it did not understand.
      if (error !== undefined && error !== null) throw error;
      throw new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      // The message may quote an argument, which may hold escape sequences.
      process.stderr.write(`topgen: ${terminalSafe(error.message)}\nRun "topgen --help" for usage.\n`);
      return EXIT.usage;
    }
    if (
      error instanceof ConfigError ||
      error instanceof InputError ||
      error instanceof OutputError ||
      error instanceof TemplateError
    ) {
      // Template and config messages lay out several lines themselves (a caret under the error, one problem each).
      const message =
        error instanceof TemplateError || error instanceof ConfigError
          ? terminalSafeLines(error.message)
          : terminalSafe(error.message);
      process.stderr.write(`topgen: ${message}\n`);
      return EXIT.usage;
    }
    if (isSystemError(error)) {
      // The machine refused (disk full, permissions, a port in use, a folder where a file was asked for): the
      // system's message names the call and the path; no stack, since nothing in topgen needs mending.
      process.stderr.write(`topgen: ${terminalSafe(error.message)}\n`);
      return EXIT.usage;
    }
    process.stderr.write(
      `topgen: internal error, please report it:\n${(error as Error).stack ?? String(error)}\n`,
    );
    return EXIT.internal;
  }
  return exitCode;
}
