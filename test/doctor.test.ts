import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { runCli } from '../harness/cli/program';
import type { CliIo } from '../harness/cli/io';
import { doctorExitCode } from '../harness/contract/doctor/doctor-check';
import { awsEnvironmentChecks, credentialSource } from '../harness/contract/doctor/environment-checks';
import { runDoctor } from '../harness/contract/doctor/run-doctor';
import { ciPolicy } from '../harness/contract/ci-policies';
import { defineSuite, referenceTarget } from '../harness';

// `idchain doctor`: one line per check, ok/warn/fail with what to do; exit 0
// when a run can start, 2 when a check failed, 3 when the target or its
// credentials cannot be reached (DESIGN.md § CLI contract).
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-doctor-'));
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

function capture(): CliIo & { stdout: string[] } {
  const stdout: string[] = [];
  return { stdout, out: (t) => void stdout.push(t), err: () => undefined };
}

test('`idchain doctor --target reference` exits 0, every line ok', async () => {
  const io = capture();
  expect(await runCli(['doctor', '--target', 'reference'], io)).toBe(0);
  const lines = io.stdout.join('\n').split('\n');
  expect(lines.filter((l) => !l.startsWith('ok ') && l !== 'a run can start')).toEqual([]);
  expect(lines.map((l) => l.split(/\s+/)[1])).toEqual(expect.arrayContaining(['credentials', 'target', 'region', 'account', 'permissions', 'quotas', 'leftovers']));
});

test('a --region that is no Region is bad usage (exit 2) before anything is reached; --region is the Region the aws checks read', async () => {
  const io = capture();
  const err: string[] = [];
  expect(await runCli(['doctor', '--target', 'aws', '--region', 'mars-north-1'], { ...io, err: (t) => void err.push(t) })).toBe(2);
  expect(err.join('\n')).toMatch(/Region not allowed: "mars-north-1" \(--region\)/);
  expect(io.stdout).toEqual([]);
  expect(awsEnvironmentChecks({ AWS_REGION: 'us-east-1', IDCHAIN_AWS_ACCOUNTS: '111111111111' }, '111111111111', 'eu-south-1')[0]).toEqual({ check: 'region', status: 'ok', detail: 'eu-south-1 (--region)' });
});

test('as the CI runner it checks the boundary and simulates the runner role, and a run can start', async () => {
  const io = capture();
  expect(await runCli(['doctor', '--target', 'reference', '--as-runner'], io)).toBe(0);
  const out = io.stdout.join('\n');
  expect(out).toMatch(/^ok {3}boundary {9}roles and users are created with arn:aws:iam::\d{12}:policy\/ci-idchain-boundary$/m);
  expect(out).toMatch(/^ok {3}permissions {6}all \d+ actions the run needs are allowed for arn:aws:iam::\d{12}:role\/ci-idchain-runner$/m);
});

// The runner policy names what differs by Region through the stack's own placeholders: the user pools'
// OIDC issuers (cognito-idp.<Region>.<URLSuffix>) and the name Cognito Identity is passed roles under.
test.each(['eu-south-1', 'cn-north-1', 'us-gov-west-1'])('as the CI runner in %s, every permission the run needs is allowed', async (region) => {
  const checks = await runDoctor({ target: 'reference', region, asRunner: true });
  expect(checks.filter((c) => c.status !== 'ok').map((c) => `${c.check}: ${c.detail}`)).toEqual([]);
  expect(checks.find((c) => c.check === 'permissions')?.detail).toMatch(new RegExp(`^all \\d+ actions the run needs are allowed for arn:${region === 'cn-north-1' ? 'aws-cn' : region.startsWith('us-gov') ? 'aws-us-gov' : 'aws'}:iam::`));
});

test('a runner policy without the statement that creates user pools fails the permission check naming the action: exit 2', async () => {
  const policy = ciPolicy('runner-policy.json', { partition: 'aws', accountId: '123456789012', region: 'us-east-1', prefix: 'idchain-', ciName: 'ci-idchain' });
  policy.Statement = (policy.Statement as { Sid?: string }[]).filter((s) => s.Sid !== 'CreateUserPoolsTagged');
  const checks = await runDoctor({ target: 'reference', asRunner: true, runner: { runnerPolicy: policy } });
  expect(checks.filter((c) => c.status === 'fail').map((c) => c.detail)).toEqual([
    'cognito-idp:CreateUserPool on *: implicitDeny (needed to create tagged user pools)',
  ]);
  expect(doctorExitCode(checks)).toBe(2);
});

test('leftovers of an earlier run are a warning naming sweep; a run can still start', async () => {
  const started = await referenceTarget().start({});
  try {
    const iam = new IAMClient({ region: started.region, endpoint: started.endpoint, credentials: started.credentials });
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await iam.send(new CreateRoleCommand({ RoleName: 'idchain-0badf00d-left', AssumeRolePolicyDocument: trust }));
    iam.destroy();
    const checks = await runDoctor({ started, now: new Date(Date.now() + 3 * 3_600_000) });
    expect(checks.find((c) => c.check === 'leftovers')).toEqual({
      check: 'leftovers',
      status: 'warn',
      detail: '1 from earlier runs (iam-role)',
      fix: 'run idchain sweep --target reference',
    });
    expect(doctorExitCode(checks)).toBe(0);
  } finally {
    await started.stop();
  }
});

test('a run that would not fit a quota fails it: 101 SAML providers against 100 (IAM-UG quotas)', async () => {
  const samlProviders = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}`, {}]));
  const huge = defineSuite({ name: 'huge', title: 'too many providers', services: ['iam'], fixture: { samlProviders }, cases: [] });
  const checks = await runDoctor({ target: 'reference', suites: [huge] });
  expect(checks.filter((c) => c.status === 'fail').map((c) => c.detail)).toEqual(['SAML providers 0+101/100: a run would not fit']);
});

describe('the aws target, from the environment alone (no network)', () => {
  test('no credentials: exit 3, with the Region, allow-list and endpoint checks still reported', async () => {
    const checks = await runDoctor({ target: 'aws', env: {}, awsDeps: { resolveCredentials: async () => Promise.reject(new Error('Could not load credentials from any providers')) } });
    expect(checks.map((c) => [c.check, c.status])).toEqual([
      ['credentials', 'fail'],
      ['region', 'fail'],
      ['account', 'fail'],
      ['endpoints', 'ok'],
    ]);
    expect(doctorExitCode(checks)).toBe(3);
  });

  test('allow-list, Region and endpoint overrides, each with what to do', () => {
    const env = { AWS_REGION: 'eu-west-1', IDCHAIN_AWS_ACCOUNTS: '111111111111', AWS_ENDPOINT_URL_STS: 'http://localhost:4566' };
    expect(awsEnvironmentChecks(env, '222222222222')).toEqual([
      { check: 'region', status: 'ok', detail: 'eu-west-1 (AWS_REGION)' },
      { check: 'account', status: 'fail', detail: 'account 222222222222 is not in IDCHAIN_AWS_ACCOUNTS (111111111111)', fix: 'use credentials of the sandbox account, or add it if it is one' },
      {
        check: 'endpoints',
        status: 'fail',
        detail: 'AWS_ENDPOINT_URL_STS would send calls elsewhere than AWS',
        fix: "unset AWS_ENDPOINT_URL_STS; the aws target talks to AWS's own endpoints only",
      },
    ]);
    expect(awsEnvironmentChecks({ AWS_DEFAULT_REGION: 'us-west-2', IDCHAIN_AWS_ACCOUNTS: '111111111111' }, '111111111111').map((c) => c.status)).toEqual(['ok', 'ok', 'ok']);
  });

  test('the credential source is named the way the default chain will find it', () => {
    expect(credentialSource({ AWS_ACCESS_KEY_ID: 'AKIA…', AWS_SESSION_TOKEN: 't' })).toBe('environment variables (AWS_ACCESS_KEY_ID with a session token)');
    expect(credentialSource({ AWS_WEB_IDENTITY_TOKEN_FILE: '/t', AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/r' })).toBe('web identity token file for arn:aws:iam::111111111111:role/r');
    expect(credentialSource({ AWS_PROFILE: 'sandbox' })).toBe('profile sandbox');
  });
});
