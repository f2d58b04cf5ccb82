#!/usr/bin/env node
import module from 'node:module';
import { setFlagsFromString } from 'node:v8';

// Node 22.1+ keeps V8's compiled code of the bundle in a cache folder (under os.tmpdir()), as tsc does:
// about 13 ms of every run. NODE_DISABLE_COMPILE_CACHE=1 turns it off; older Node has no such cache.
module.enableCompileCache?.();
const { main } = await import('../dist/bundle/main.js');

process.exitCode = await main(process.argv.slice(2), { setV8Flags: setFlagsFromString });
