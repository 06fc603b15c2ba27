#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so no build step is needed.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const main = path.join(__dirname, '..', 'harness', 'cli', 'main.ts');
const result = spawnSync(process.execPath, ['--import', 'tsx', main, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
