import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { callerKind, referenceTarget, runContract, type StartedTarget } from '../harness';
import { federationTokensSuite } from '../suites/federation-tokens/suite';
import { stsDurationBoundsSuite } from '../suites/sts-duration-bounds/suite';

// On AWS, CI may sign as a role session. GetFederationToken and GetSessionToken
// need an IAM user's long-term keys, and a role session's AssumeRole is role
// chaining: those cases are then unsupported, naming the caller, not failures.
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-caller-'));
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

test('signed as a role session, the cases that need an IAM user are unsupported with the caller as evidence; the others still run', async () => {
  const started = await referenceTarget().start({});
  try {
    const base = { region: started.region, endpoint: started.endpoint, credentials: started.credentials };
    const admin = (await new STSClient(base).send(new GetCallerIdentityCommand({}))).Arn!;
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: admin }, Action: 'sts:AssumeRole' }] });
    const iam = new IAMClient(base);
    await iam.send(new CreateRoleCommand({ RoleName: 'ci-role', AssumeRolePolicyDocument: trust }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'ci-role', PolicyName: 'all', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));
    const session = (await new STSClient(base).send(new AssumeRoleCommand({ RoleArn: `${admin.split(':user/')[0]}:role/ci-role`, RoleSessionName: 'build-42' }))).Credentials!;
    const asRole: StartedTarget = {
      ...started,
      credentials: { accessKeyId: session.AccessKeyId!, secretAccessKey: session.SecretAccessKey!, sessionToken: session.SessionToken },
    };
    const run = await runContract({ target: asRole, suites: [federationTokensSuite, stsDurationBoundsSuite], baseline: false, ledgerDir });

    const fed = run.cases.filter((c) => c.suite === 'federation-tokens');
    expect(new Set(fed.map((c) => c.verdict))).toEqual(new Set(['unsupported']));
    expect(fed[0].findings).toEqual([
      expect.objectContaining({ path: 'caller', kind: 'unsupported', actual: expect.stringMatching(/:assumed-role\/ci-role\/build-42$/) }),
    ]);
    const verdict = (id: string) => run.cases.find((c) => c.id === id)!.verdict;
    expect(verdict('sts-duration/session-token-omitted')).toBe('unsupported');
    expect(verdict('sts-duration/assume-role-max43200-43200')).toBe('unsupported');
    // Rows that do not depend on who the harness is still run, and pass.
    expect(verdict('sts-duration/saml-max43200-43200')).toBe('pass');
    expect(verdict('sts-duration/web-identity-max3600-899')).toBe('pass');
    expect(run.leftovers).toEqual([]);
  } finally {
    await started.stop();
  }
});
