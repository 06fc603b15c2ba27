import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineSuite, startEmulator, type StartedEmulator } from '../harness';
import { runCommand } from '../harness/cli/commands/run';
import type { CliIo } from '../harness/cli/io';
import { runCli } from '../harness/cli/program';

// The CLI says what happened and exits as DESIGN.md § CLI contract says:
// what is wrong with the configuration is found before anything starts.
const SHIPPED = join(__dirname, '..', 'fixtures', 'golden');
const work = mkdtempSync(join(tmpdir(), 'idchain-honest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function capture(): CliIo & { stdout: string[]; stderr: string[]; all(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), all: () => [...stdout, ...stderr].join('\n') };
}

/** Run with AWS_* taken out of the environment, and these put in. */
async function withEnv<T>(extra: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  // The same object throughout: modules keep a reference to process.env.
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_') || k === 'IDCHAIN_AWS_ACCOUNTS') delete process.env[k];
  Object.assign(process.env, extra);
  try {
    return await fn();
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

let emulator: StartedEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());

test('credentials the endpoint refuses: exit 3 with the target’s reason, nothing created', async () => {
  const io = capture();
  const code = await withEnv({ AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, () =>
    runCli(['run', '--target', 'keyless', '--endpoint', emulator.url, '--suite', 'enhanced-flow', '--report-dir', join(work, 'r1')], io),
  );
  expect(code).toBe(3);
  expect(io.all()).toMatch(new RegExp(`idchain: keyless at ${emulator.url} refused the credentials: InvalidClientTokenId: `));
  expect(existsSync(join(work, 'r1'))).toBe(false);
});

test('an unwritable --report-dir is bad usage before anything starts: exit 2', async () => {
  const file = join(work, 'a-file');
  writeFileSync(file, '');
  const io = capture();
  expect(await runCli(['run', '--suite', 'enhanced-flow', '--report-dir', join(file, 'reports')], io)).toBe(2);
  expect(io.all()).toContain(`--report-dir ${join(file, 'reports')} cannot be written: ${file} is a file, not a folder`);
  expect(io.all()).not.toContain('listening on'); // the reference emulator never started
});

test('a golden whose case.id names another case is an error, not a comparison: exit 2', async () => {
  const dir = join(work, 'swapped');
  cpSync(SHIPPED, dir, { recursive: true });
  const other = readFileSync(join(dir, 'reference', 'enhanced-flow', 'no-group-denied.json'), 'utf8');
  writeFileSync(join(dir, 'reference', 'enhanced-flow', 'admin-gets-preferred-role.json'), other);
  const io = capture();
  expect(await runCli(['run', '--suite', 'enhanced-flow', '--golden-dir', dir, '--report-dir', join(work, 'r2')], io)).toBe(2);
  expect(io.all()).toContain(
    "admin-gets-preferred-role.json holds case 'enhanced/no-group-denied' of suite 'enhanced-flow', but it is the file of case 'enhanced/admin-gets-preferred-role' of suite 'enhanced-flow'",
  );
});

test('record checks every golden before provisioning anything, and its advice works', async () => {
  const dir = join(work, 'record-broken');
  cpSync(SHIPPED, dir, { recursive: true });
  const file = join(dir, 'reference', 'enhanced-flow', 'no-group-denied.json');
  writeFileSync(file, '{ cut short');
  const io = capture();
  expect(await runCli(['record', '--target', 'reference', '--suite', 'enhanced-flow', '--golden-dir', dir], io)).toBe(2);
  expect(io.all()).not.toContain('listening on');
  const advice = /rm '([^']+)' && npx idchain record (--target reference --suite enhanced\/no-group-denied)$/m.exec(io.all());
  expect(advice?.[1]).toBe(file);
  // Doing what it says (with this test's golden folder) mends it.
  rmSync(advice![1]);
  expect(await runCli(['record', ...advice![2].split(' '), '--golden-dir', dir], capture())).toBe(0);
  expect(JSON.parse(readFileSync(file, 'utf8')).case.id).toBe('enhanced/no-group-denied');
});

test('record --target aws with AWS_ENDPOINT_URL set is refused: exit 2, nothing recorded as aws', async () => {
  const dir = join(work, 'aws-goldens');
  const io = capture();
  const code = await withEnv({ AWS_ENDPOINT_URL: emulator.url, AWS_REGION: 'us-east-1', IDCHAIN_AWS_ACCOUNTS: '123456789012', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' }, () =>
    runCli(['record', '--target', 'aws', '--suite', 'enhanced-flow', '--golden-dir', dir], io),
  );
  expect(code).toBe(2);
  expect(io.all()).toContain(`Target aws talks to AWS's own endpoints only, and an endpoint override is configured: AWS_ENDPOINT_URL=${emulator.url}`);
  expect(existsSync(join(dir, 'aws'))).toBe(false);
});

describe('"nothing was checked" is said only when no case ran to a verdict', () => {
  const cite = [{ kind: 'doc' as const, ref: 'test' }];
  const run = (suite: ReturnType<typeof defineSuite>) => {
    const io = capture();
    return runCommand({ target: 'reference', reportDir: join(work, 'r3'), suites: [suite] }, io).then((code) => ({ code, io }));
  };

  it('not when every case ran and failed', async () => {
    const suite = defineSuite({
      name: 'all-fail',
      title: 'cases that find a difference',
      services: ['sts'],
      fixture: {},
      cases: [{ id: 'failing/one', title: 'one', citations: cite, run: async ({ expect }) => void expect.equal('x', 1, 2) }],
    });
    const { code, io } = await run(suite);
    expect(code).toBe(1);
    expect(io.all()).not.toContain('nothing was checked');
  });

  it('when no case could run', async () => {
    const suite = defineSuite({
      name: 'never-runs',
      title: 'a fixture the target refuses',
      services: ['iam'],
      // MaxSessionDuration must be 3600–43200 (IAM-API CreateRole).
      fixture: { roles: { r: { trust: { identityPools: [], amr: 'authenticated' }, maxSessionDuration: 60 } } },
      cases: [{ id: 'never/one', title: 'one', citations: cite, run: async () => {} }],
    });
    const { code, io } = await run(suite);
    expect(code).toBe(1);
    expect(io.all()).toContain('[idchain] no case ran to a verdict on reference (0 unsupported, 1 error): nothing was checked');
  });
});
