#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so no build step is needed. tsx is
// resolved from this package, not from the caller's directory.
//
// The CLI handles SIGINT and SIGTERM itself: it stops starting work, tears
// down within its deadline and exits with a clear message. This launcher only
// relays the signals it gets and waits for the CLI to finish, then exits with
// its code. It relays them as messages on an IPC channel, not as signals, so
// the CLI can tell a relayed Ctrl-C from the one the terminal also sent it
// directly, and count one keypress once (harness/cli/io.ts).
const { spawn } = require('node:child_process');
const { constants } = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const root = path.join(__dirname, '..');
const loader = pathToFileURL(require.resolve('tsx', { paths: [root] })).href;
const main = path.join(root, 'harness', 'cli', 'main.ts');
const child = spawn(process.execPath, ['--import', loader, main, ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send({ idchainSignal: signal }, (err) => err && child.kill(signal));
    else child.kill(signal);
  });
}
child.on('error', (err) => {
  process.stderr.write(`idchain: could not start the CLI: ${err.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
});
