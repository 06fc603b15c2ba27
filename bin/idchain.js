#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so no build step is needed. tsx is
// resolved from this package, not from the caller's directory.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const root = path.join(__dirname, '..');
const loader = pathToFileURL(require.resolve('tsx', { paths: [root] })).href;
const main = path.join(root, 'harness', 'cli', 'main.ts');
const result = spawnSync(process.execPath, ['--import', loader, main, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
