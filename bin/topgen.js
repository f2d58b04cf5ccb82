#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2), { setV8Flags: setFlagsFromString });
