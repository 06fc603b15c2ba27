import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, ListUsersCommand, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { callerKind, referenceTarget, runContract, type StartedTarget } from '../harness';
import { iamUserKind } from '../harness/provisioning/kinds/iam-user';
import { findLeftovers } from '../harness/contract/doctor/leftovers';
import { scanByPrefix } from '../harness/provisioning/prefix-scan';
import { reclaim } from '../harness/provisioning/reclaim';
import { createClients } from '../harness/clients/factory';
import { federationTokensSuite } from '../suites/federation-tokens/suite';
import { stsDurationBoundsSuite } from '../suites/sts-duration-bounds/suite';

// GetFederationToken and GetSessionToken need an IAM user's long-term keys, and
// a role session's AssumeRole is role chaining. When the harness signs as a
// role session (CI on AWS), a fixture that needs such a user gets a throwaway
// `idchain-<run>-…-caller` user with an access key, deleted at teardown and
// known to sweep — so those cases run instead of being unsupported.
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-long-term-'));
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

test('callerKind reads the principal kind from the ARN (IAM-UG "IAM identifiers")', () => {
  expect(
    [
      'arn:aws:iam::123456789012:user/ci',
      'arn:aws:iam::123456789012:root',
      'arn:aws:sts::123456789012:assumed-role/ci-role/build-42',
      'arn:aws:sts::123456789012:federated-user/carol',
      'arn:aws-us-gov:iam::123456789012:user/path/ci',
      'arn:aws:iam::123456789012:role/r',
    ].map(callerKind),
  ).toEqual(['iam-user', 'root', 'assumed-role', 'federated-user', 'iam-user', 'unknown']);
});

/** The reference emulator signing as a session of `ci-role`, which may do anything. */
async function asRoleSession(started: StartedTarget): Promise<{ target: StartedTarget; iam: IAMClient }> {
  const base = { region: started.region, endpoint: started.endpoint, credentials: started.credentials };
  const admin = (await new STSClient(base).send(new GetCallerIdentityCommand({}))).Arn!;
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: admin }, Action: 'sts:AssumeRole' }] });
  const iam = new IAMClient(base);
  await iam.send(new CreateRoleCommand({ RoleName: 'ci-role', AssumeRolePolicyDocument: trust }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'ci-role', PolicyName: 'all', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));
  const session = (await new STSClient(base).send(new AssumeRoleCommand({ RoleArn: `${admin.split(':user/')[0]}:role/ci-role`, RoleSessionName: 'build-42' }))).Credentials!;
  return { target: { ...started, credentials: { accessKeyId: session.AccessKeyId!, secretAccessKey: session.SecretAccessKey!, sessionToken: session.SessionToken } }, iam };
}

test('signed as a role session, the long-term cases run through a throwaway IAM user, pass, and leave no user behind', async () => {
  const started = await referenceTarget().start({});
  try {
    const { target, iam } = await asRoleSession(started);
    // As each case finishes, its suite's fixture (and its throwaway user) still exists: each suite
    // tears its own fixture down only after its last case.
    const during: Promise<string[]>[] = [];
    const run = await runContract({
      target,
      suites: [federationTokensSuite, stsDurationBoundsSuite],
      baseline: false,
      ledgerDir,
      onCase: () => void during.push(iam.send(new ListUsersCommand({})).then((u) => u.Users!.map((x) => x.UserName!))),
    });
    expect(run.cases.filter((c) => c.verdict !== 'pass').map((c) => `${c.id}: ${c.verdict} ${JSON.stringify(c.findings)} ${c.error ?? ''}`)).toEqual([]);
    expect(run.cases.length).toBe(federationTokensSuite.cases.length + stsDurationBoundsSuite.cases.length);
    // One throwaway user per fixture that needs one, named idchain-<run>-<suite>-caller.
    const throwaway = [...new Set((await Promise.all(during)).flat())].filter((u) => u !== 'idchain-admin');
    expect(throwaway.map((u) => u.replace(/^idchain-[0-9a-f]{8}-/, 'idchain-<run>-')).sort()).toEqual(['idchain-<run>-federation-token-caller', 'idchain-<run>-sts-duration-bou-caller']);
    expect(run.leftovers).toEqual([]);
    expect((await iam.send(new ListUsersCommand({}))).Users!.map((u) => u.UserName)).toEqual(['idchain-admin']);
  } finally {
    await started.stop();
  }
});

test('signed as an IAM user, the harness is its own long-term user: no user is created', async () => {
  const started = await referenceTarget().start({});
  try {
    const run = await runContract({ target: started, suites: [federationTokensSuite], baseline: false, ledgerDir });
    expect(run.cases.every((c) => c.verdict === 'pass')).toBe(true);
    const names = run.cases[0].fixtureNames.filter((n) => n.logical === 'caller').map((n) => n.value);
    expect(names).toEqual([expect.stringMatching(/:user\/idchain-admin$/)]);
  } finally {
    await started.stop();
  }
});

test("sweep's view of throwaway users: found by their idchain-<run>- name (not the emulator's idchain-admin), reclaimed with their key and policy, deletion confirmed", async () => {
  const started = await referenceTarget().start({});
  const clients = createClients(started);
  try {
    await clients.iam.send(new CreateUserCommand({ UserName: 'idchain-0badf00d-fx-caller', Tags: [{ Key: 'idchain:run', Value: '0badf00d' }] }));
    await clients.iam.send(new CreateAccessKeyCommand({ UserName: 'idchain-0badf00d-fx-caller' }));
    await clients.iam.send(new PutUserPolicyCommand({ UserName: 'idchain-0badf00d-fx-caller', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' }] }) }));
    expect((await iamUserKind.ledgered!.list(clients)).map((u) => u.name)).toEqual(['idchain-0badf00d-fx-caller']);
    // Sweep by prefix (and the doctor, which looks the same way) finds it once it is old enough…
    const later = new Date(Date.now() + 3 * 3_600_000);
    expect((await scanByPrefix(clients, { now: later, olderThanMs: 2 * 3_600_000 })).found.filter((f) => f.kind === 'iam-user')).toEqual([
      { kind: 'iam-user', name: 'idchain-0badf00d-fx-caller', id: 'idchain-0badf00d-fx-caller', runId: '0badf00d' },
    ]);
    expect((await findLeftovers(clients, later, 2 * 3_600_000)).found.filter((l) => l.kind === 'iam-user')).toEqual([{ kind: 'iam-user', name: 'idchain-0badf00d-fx-caller' }]);
    // …and reclaims it as it reclaims a ledger entry: deleted with its key and policy, then confirmed gone by asking IAM again.
    const done = await reclaim(clients, { kind: 'iam-user', name: 'idchain-0badf00d-fx-caller', id: 'idchain-0badf00d-fx-caller' });
    expect([done.status, done.ids]).toEqual(['deleted', ['idchain-0badf00d-fx-caller']]);
    expect((await clients.iam.send(new ListUsersCommand({}))).Users!.map((u) => u.UserName)).toEqual(['idchain-admin']);
    expect((await reclaim(clients, { kind: 'iam-user', name: 'idchain-0badf00d-fx-caller', id: 'idchain-0badf00d-fx-caller' })).status).toBe('already gone');
  } finally {
    clients.destroy();
    await started.stop();
  }
});
