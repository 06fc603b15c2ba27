import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { HANG_GUARD_MS } from './hang-guard';
import { childEnv } from './cli-process';

// The SDK's notice about Node 22 is not this test's subject (harness/clients/factory.ts says why).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// What the CLI loads before it can answer: `idchain --help`, `idchain
// emulator` up to and through its first request, and a harness starting the
// reference emulator in a worker thread. Checked on the build that `npm test`
// makes first, in fresh node processes, by what their main thread has in its
// module cache when they exit. A plain `import` of a heavy module on one of
// these paths (the SDK's HTTP handler through a constant, zod through the
// weather profile's types, the emulator's services through its index) makes
// this fail; how long anything takes is the bench's business (npm run bench).
const root = join(__dirname, '..');

/** A node script that runs the compiled CLI with `args` and, on exit, writes its main thread's loaded modules to stderr. */
const cliProbe = (args: string[]) => `
  process.on('exit', () => require('node:fs').writeSync(2, '\\nMODULES ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));
  process.argv = [process.execPath, 'idchain', ...${JSON.stringify(args)}];
  require('./dist/harness/cli/main.js');`;

/** Loaded modules as `dist/<path>` for the project's own, the package name for a dependency. */
function modulesIn(stderr: string): string[] {
  const line = stderr.split('\n').find((l) => l.startsWith('MODULES '));
  if (!line) throw new Error(`the probe wrote no module list; its stderr:\n${stderr}`);
  const names = (JSON.parse(line.slice('MODULES '.length)) as string[]).map((k) =>
    k.includes('/node_modules/') ? /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(k)![1] : k.replace(/.*\/dist\//, 'dist/'),
  );
  return [...new Set(names)];
}

const heavyForStart = (m: string) => m === 'zod' || m === '@smithy/node-http-handler' || m.startsWith('@aws-sdk/') || m === '@peculiar/x509' || m === 'asn1js';

test('idchain --help loads the CLI and commander, not the SDK, zod or the emulator', () => {
  const result = spawnSync(process.execPath, ['-e', cliProbe(['--help'])], { cwd: root, env: childEnv({}), encoding: 'utf8', timeout: HANG_GUARD_MS });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Usage: idchain');
  const loaded = modulesIn(result.stderr);
  expect(loaded).toEqual(expect.arrayContaining(['commander', 'dist/harness/cli/program.js', 'dist/harness/cli/limits.js']));
  expect(loaded.filter((m) => heavyForStart(m) || m.startsWith('dist/emulator/'))).toEqual([]);
});

test('idchain emulator answers its first request without the SDK, zod or the harness beyond its CLI', async () => {
  const child = spawn(process.execPath, ['-e', cliProbe(['emulator', '--port', '0', '--credentials', 'test:test', '--print-env', 'json'])], {
    cwd: root,
    env: childEnv({}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const env = await new Promise<Record<string, string>>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      // --print-env json prints one JSON object, then lets stdout go.
      if (stdout.trimEnd().endsWith('}')) resolve(JSON.parse(stdout));
    });
    void exited.then((code) => reject(new Error(`the emulator exited (${code}) before printing its environment: ${stderr}`)));
  });
  try {
    const sts = new STSClient({ endpoint: env.AWS_ENDPOINT_URL, region: env.AWS_REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
    sts.destroy();
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  const loaded = modulesIn(stderr);
  expect(loaded).toEqual(expect.arrayContaining(['dist/emulator/start.js', 'dist/emulator/router.js', 'dist/emulator/sts/get-caller-identity.js']));
  expect(loaded.filter(heavyForStart)).toEqual([]);
  // From the harness only what `idchain emulator` is: its CLI, errors, version and the Region check.
  expect(loaded.filter((m) => m.startsWith('dist/harness/') && !/^dist\/harness\/(cli\/|errors\.js|version\.js|targets\/region\.js|clients\/http-timeouts\.js)/.test(m))).toEqual([]);
});

test('a harness starting the emulator in a worker thread loads its services in that thread, not in its own', () => {
  const script = `
    (async () => {
      const { startEmulatorThread } = require('./dist/emulator');
      const emulator = await startEmulatorThread({ port: 0 });
      const res = await fetch(emulator.url + '/_idchain/health');
      const health = await res.json();
      await emulator.stop();
      console.log(JSON.stringify({ status: health.status, modules: Object.keys(require.cache).filter((k) => k.includes('/dist/emulator/')).map((k) => k.replace(/.*\\/dist\\//, 'dist/')) }));
    })();`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: root, env: childEnv({}), encoding: 'utf8', timeout: HANG_GUARD_MS });
  expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });
  const seen = JSON.parse(result.stdout) as { status: string; modules: string[] };
  expect(seen.status).toBe('running');
  expect(seen.modules).toContain('dist/emulator/thread-host.js');
  expect(seen.modules.filter((m) => /^dist\/emulator\/(start|router|server|state)\.js$|^dist\/emulator\/(iam|sts|cognito-idp|cognito-identity|s3|policy)\//.test(m))).toEqual([]);
});
