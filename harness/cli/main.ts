#!/usr/bin/env node
// The `idchain` command (package.json bin): the compiled CLI, run in this process.
import './tier-up-later';
import { runCli } from './program';
import { processIo } from './io';

runCli(process.argv.slice(2), processIo).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`idchain: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
