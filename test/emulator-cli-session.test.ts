import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HANG_GUARD_MS } from './hang-guard';

// README "An AWS CLI session" as a user types it: the compiled bin started in
// the background through `eval "$(… --print-env shell &)"`, then the AWS CLI,
// boto3 and curl against it, all configured by the environment alone.
// Needs bash, curl and python3 with awscli and boto3 (pip install awscli boto3);
// without them it fails naming what is missing, or is skipped when
// IDCHAIN_SKIP_MOTO=1 (never counted as passed).
const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'idchain-cli-session-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function missing(): string | undefined {
  if (spawnSync('bash', ['-c', 'true']).error) return 'bash is not installed';
  if (spawnSync('curl', ['--version']).error) return 'curl is not installed';
  const probe = spawnSync('python3', ['-c', 'import awscli, boto3'], { encoding: 'utf8' });
  if (probe.error) return 'python3 is not installed';
  if (probe.status !== 0) return `python3 cannot import awscli and boto3 (${probe.stderr.trim().split('\n').pop()}); pip install awscli boto3`;
  return undefined;
}

const absent = missing();
const maybe = absent && process.env.IDCHAIN_SKIP_MOTO === '1' ? test.skip : test;

function session(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /### An AWS CLI session[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README has no "An AWS CLI session" ```sh block');
  return block[1];
}

maybe('the README AWS CLI session runs as written: fixed keys, AWS CLI, boto3, health, a signed reset, kill', () => {
  if (absent) throw new Error(`The AWS CLI session test needs ${absent}, or IDCHAIN_SKIP_MOTO=1 to skip it.`);
  const script = session();
  expect(script).toContain('eval "$(./node_modules/.bin/idchain emulator');

  // What the README's reader has: the bin in node_modules/.bin (exec: no shell left holding the pipe), `aws` on PATH.
  mkdirSync(join(work, 'node_modules', '.bin'), { recursive: true });
  mkdirSync(join(work, 'path'));
  const shim = (file: string, command: string) => {
    writeFileSync(file, `#!/bin/sh\nexec ${command} "$@"\n`);
    chmodSync(file, 0o755);
  };
  shim(join(work, 'node_modules', '.bin', 'idchain'), `${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'dist', 'harness', 'cli', 'main.js'))}`);
  shim(join(work, 'path', 'aws'), 'python3 -m awscli');

  // If a line fails, the emulator is still stopped; its pid is printed for the check below.
  const wrapped = `set -e\ntrap 'kill "$IDCHAIN_EMULATOR_PID" 2>/dev/null || true' EXIT\n${script.replace(/^kill .*$/m, 'echo "pid=$IDCHAIN_EMULATOR_PID"\n$&')}`;
  const env = { PATH: `${join(work, 'path')}:${process.env.PATH}`, HOME: work, AWS_SESSION_TOKEN: 'left-over-from-another-account' };
  const result = spawnSync('bash', ['-c', wrapped], { cwd: work, env, encoding: 'utf8', timeout: HANG_GUARD_MS });
  expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });

  const lines = result.stdout.trim().split('\n');
  expect(lines.slice(0, 5)).toEqual([
    'arn:aws:iam::123456789012:user/idchain-admin',
    'arn:aws:iam::123456789012:role/app',
    'arn:aws:sts::123456789012:assumed-role/app/cli',
    'demo',
    'arn:aws:iam::123456789012:user/idchain-admin',
  ]);
  expect(JSON.parse(lines[5])).toEqual({ status: 'running', services: ['iam', 'sts', 'cognito-idp', 'cognito-identity', 's3'], region: 'us-east-1', version: '0.1.0' });
  expect(lines.slice(6, 8)).toEqual(['{"status":"reset"}', '0']);

  // The emulator outlived the command substitution that started it, and `kill` ended it.
  const pid = Number(/^pid=(\d+)$/m.exec(result.stdout)?.[1]);
  expect(pid).toBeGreaterThan(0);
  const deadline = Date.now() + 30_000;
  let alive = true;
  while (alive && Date.now() < deadline) {
    try {
      process.kill(pid, 0);
      spawnSync('sleep', ['0.1']);
    } catch {
      alive = false;
    }
  }
  expect(alive).toBe(false);
});
