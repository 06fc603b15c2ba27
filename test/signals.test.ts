import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type StartedEmulator } from '../harness';
import { createClients, type Clients } from '../harness/clients/factory';
import { childEnv, idchainResources, startCli } from './cli-process';

// SIGINT and SIGTERM sent to the package's bin (the compiled CLI, one
// process) reach the CLI, which stops, tears down and exits with a clear message.
// Outcomes are checked in the emulator itself, never by the clock.
const work = mkdtempSync(join(tmpdir(), 'idchain-signals-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let emulator: StartedEmulator;
let admin: Clients;
let onCreate: ((operation: string) => void) | undefined;
beforeAll(async () => {
  emulator = await startEmulator({ observe: ({ operation }) => onCreate?.(operation) });
  admin = createClients({ region: emulator.region, endpoint: emulator.url, credentials: emulator.credentials });
});
afterAll(async () => {
  admin.destroy();
  await emulator.stop();
});

test('SIGTERM to the bin stops the emulator it runs and exits 0', async () => {
  const cli = startCli(['emulator', '--port', '0'], { cwd: work, env: childEnv({}) });
  while (!cli.stdout.includes('Ctrl-C stops it')) await new Promise((r) => setTimeout(r, 20));
  const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.stdout)![1];
  cli.child.kill('SIGTERM'); // the process only, not its process group
  expect(await cli.exited).toEqual({ code: 0, signal: null });
  // The emulator the CLI ran has stopped with it: nothing is left listening.
  await expect(fetch(url)).rejects.toThrow();
});

test('SIGINT during provisioning: no new work, teardown deletes what was created, the report is written, exit 130', async () => {
  const cwd = mkdtempSync(join(work, 'run-'));
  const cli = startCli(['run', '--target', 'sigtest', '--endpoint', emulator.url, '--suite', 'enhanced-flow', '--report-dir', 'reports'], {
    cwd,
    env: childEnv({ AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey }),
  });
  // Interrupted at a known moment: the first create has reached the emulator, its answer not yet sent.
  onCreate = (operation) => {
    if (operation.startsWith('Create')) {
      onCreate = undefined;
      cli.child.kill('SIGINT');
    }
  };
  const exit = await cli.exited;
  expect(exit).toEqual({ code: 130, signal: null });
  expect(cli.stderr).toContain('idchain: SIGINT received: starting no new work, cancelling the calls in flight, tearing down');
  expect(cli.stderr).toContain('idchain: stopped (SIGINT); exit 130');
  expect(await idchainResources(admin)).toEqual([]);
  expect(existsSync(join(cwd, '.idchain', 'ledger')) ? readdirSync(join(cwd, '.idchain', 'ledger')) : []).toEqual([]);
  const report = JSON.parse(readFileSync(join(cwd, 'reports', 'sigtest', 'report.json'), 'utf8'));
  expect(report.summary.pass).toBe(0);
  expect(report.cases.every((c: { verdict: string }) => c.verdict === 'error')).toBe(true);
});

test('a Ctrl-C in a terminal (SIGINT to the whole process group) is counted once: teardown runs', async () => {
  const cwd = mkdtempSync(join(work, 'run-'));
  const cli = startCli(['run', '--target', 'sigtest', '--endpoint', emulator.url, '--suite', 'enhanced-flow', '--report-dir', 'reports'], {
    cwd,
    env: childEnv({ AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey }),
    group: true,
  });
  onCreate = (operation) => {
    if (operation.startsWith('Create')) {
      onCreate = undefined;
      process.kill(-cli.child.pid!, 'SIGINT'); // what a terminal does: the whole foreground process group
    }
  };
  expect(await cli.exited).toEqual({ code: 130, signal: null });
  expect(cli.stderr).not.toContain('again: quitting at once');
  expect(cli.stderr).toContain('idchain: stopped (SIGINT); exit 130');
  expect(await idchainResources(admin)).toEqual([]);
  expect(existsSync(join(cwd, '.idchain', 'ledger')) ? readdirSync(join(cwd, '.idchain', 'ledger')) : []).toEqual([]);
});
