import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HANG_GUARD_MS } from './hang-guard';

// The package as a team gets it: `npm pack` (which builds through prepack),
// the tarball installed into an empty project, then the bin and the library
// used from there, with nothing of this checkout on the path.
const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'idchain-pack-'));
const app = join(work, 'app');
afterAll(() => rmSync(work, { recursive: true, force: true }));

// npm run sets npm_* variables (the project's own prefix among them) that must not leak into the app's npm.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_(package|lifecycle|config_local_prefix|config_prefix)/i.test(k)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: HANG_GUARD_MS });
}

function ok(result: SpawnSyncReturns<string>): string {
  expect({ status: result.status, stderr: result.status === 0 ? '' : `${result.stderr}\n${result.stdout}` }).toEqual({ status: 0, stderr: '' });
  return result.stdout;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let shipped: string[];
let installed: string;

beforeAll(() => {
  const packed = JSON.parse(ok(run(npm, ['pack', '--json', '--pack-destination', work], root))) as [{ filename: string; files: { path: string }[] }];
  shipped = packed[0].files.map((f) => f.path);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  // The registry is reachable, but the dependencies are already in npm's cache from this checkout's install.
  ok(run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed[0].filename)], app));
  installed = join(app, 'node_modules', 'idchain');
});

test('the tarball ships the compiled code, goldens and deviations, and no test or test helper', () => {
  expect(shipped.filter((f) => /\.test\.|test-support|(^|\/)test\/|\.tsbuildinfo$/.test(f))).toEqual([]);
  expect(shipped.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  expect(shipped).toEqual(expect.arrayContaining(['dist/harness/cli/main.js', 'dist/harness/index.d.ts', 'dist/emulator/index.d.ts', 'dist/suites/index.js']));
  expect(shipped.some((f) => f.startsWith('fixtures/golden/reference/enhanced-flow/'))).toBe(true);
  // Not TypeScript, so tsc does not emit them: the build copies the weather profiles `--weather aws` loads.
  expect(shipped).toEqual(expect.arrayContaining(['dist/emulator/weather/profiles/aws.json', 'dist/emulator/weather/profiles/calm.json']));
});

test('its bin is the compiled CLI itself: no tsx, no second node process, and nothing shipped needs tsx', () => {
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const bin = readFileSync(join(installed, manifest.bin.idchain), 'utf8');
  expect(bin.startsWith('#!/usr/bin/env node\n')).toBe(true);
  expect(bin).not.toMatch(/tsx|child_process|spawn/);
  expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
  const needsTsx = filesUnder(join(installed, 'dist')).filter((f) => /require\("tsx|import\("tsx|from 'tsx/.test(readFileSync(f, 'utf8')));
  expect(needsTsx).toEqual([]);
});

test('npx idchain run --suite enhanced-flow passes there, compared with the shipped goldens', () => {
  const stdout = ok(run(npx, ['--no', 'idchain', 'run', '--suite', 'enhanced-flow', '--report-dir', join(work, 'reports')], app));
  // The enhanced-flow suite has 14 cases (README "What it checks").
  expect(stdout).toMatch(/^reference: 14 cases, 14 pass, 0 fail, 0 unsupported, 0 error in /m);
  expect(stdout).toContain('compared with the reference goldens');
});

test("import('idchain') and import('idchain/emulator') give the library API, and the emulator starts", () => {
  const script = `
    const lib = await import('idchain');
    const names = ['runContract', 'recordContract', 'openSession', 'defineSuite', 'startEmulator'];
    console.log(names.map((n) => n + ':' + typeof lib[n]).join(' '));
    const { startEmulator } = await import('idchain/emulator');
    const emulator = await startEmulator({ port: 0 });
    const health = await fetch(emulator.url + '/_idchain/health').then((r) => r.json());
    console.log(emulator.url.startsWith('http://127.0.0.1:'), health.services.join(','));
    await emulator.stop();`;
  const stdout = ok(run(process.execPath, ['--input-type=module', '-e', script], app));
  expect(stdout).toContain('runContract:function recordContract:function openSession:function defineSuite:function startEmulator:function');
  expect(stdout).toContain('true iam,sts,cognito-idp,cognito-identity,s3');
});

test("require('idchain') works from CommonJS too, with no warning", () => {
  const script = "const lib = require('idchain'); const emu = require('idchain/emulator'); console.log(typeof lib.runContract, typeof emu.startEmulator);";
  const result = run(process.execPath, ['-e', script], app);
  expect({ status: result.status, stdout: result.stdout.trim(), stderr: result.stderr }).toEqual({ status: 0, stdout: 'function function', stderr: '' });
});

test('the shipped types type-check a consumer, and refuse a wrong option', () => {
  writeFileSync(
    join(app, 'consumer.ts'),
    [
      "import { runContract, type RunContractOptions } from 'idchain';",
      "import { startEmulator, type StartedEmulator } from 'idchain/emulator';",
      "const options: RunContractOptions = { target: 'reference', suite: 'enhanced-flow' };",
      'export const run = () => runContract(options);',
      'export const url = (e: StartedEmulator): string => e.url;',
      'export const start = () => startEmulator({ port: 0 });',
      '// @ts-expect-error suite is a glob string, not a number',
      'export const wrong = () => runContract({ suite: 42 });',
    ].join('\n'),
  );
  const compilerOptions = { strict: true, noEmit: true, skipLibCheck: true, module: 'nodenext', moduleResolution: 'nodenext', types: [] };
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
  ok(run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], app));
});

test('README "In a jest suite": its globalSetup and globalTeardown, as written, serve an SDK configured by nothing but the environment', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### In a jest suite'), readme.indexOf('### In a container'));
  const blocks = [...section.matchAll(/```js\n\/\/ (\S+)\n([\s\S]*?)```/g)].map((m) => ({ file: m[1], code: m[2] }));
  expect(blocks.map((b) => b.file)).toEqual(['jest.config.js', 'emulator-setup.js', 'emulator-teardown.js']);
  const dir = join(app, 'jest-example');
  mkdirSync(dir);
  for (const { file, code } of blocks) writeFileSync(join(dir, file), code);
  writeFileSync(
    join(dir, 'sts.test.js'),
    [
      "const { GetCallerIdentityCommand, STSClient } = require('@aws-sdk/client-sts');",
      "test('an unconfigured SDK client reaches the emulator as its administrator', async () => {",
      '  const who = await new STSClient({}).send(new GetCallerIdentityCommand({}));',
      "  expect(who.Arn).toBe('arn:aws:iam::123456789012:user/idchain-admin');",
      '});',
    ].join('\n'),
  );
  const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  const result = run(process.execPath, [jest, '--config', join(dir, 'jest.config.js'), '--rootDir', dir, '--ci'], dir);
  expect({ status: result.status, out: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, out: '' });
  expect(result.stderr).toMatch(/Tests: +1 passed, 1 total/);
});

test('--target localstack without the optional testcontainers exits 2 saying what to install', () => {
  const result = run(npx, ['--no', 'idchain', 'run', '--target', 'localstack', '--report-dir', join(work, 'reports')], app);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/testcontainers .*not installed.*npm install --save-dev testcontainers/);
});
