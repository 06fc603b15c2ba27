import { CreateIdentityPoolCommand, CognitoIdentityClient, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRolePermissionsBoundaryCommand,
  IAMClient,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { referenceTarget, type StartedTarget } from '../harness';
import { startAsRunner, type Runner } from '../harness/contract/as-runner';

// What the runner must not be able to do, as the emulator authorizes it from
// ci/aws/runner-policy.json: escape the boundary, touch roles outside the
// prefix, or hand Cognito a role that is not idchain's. Each refusal is
// AccessDenied naming the action (IAM-UG "Troubleshoot access denied error messages").
let started: StartedTarget;
let runner: Runner;
let iam: IAMClient;
let admin: IAMClient;
const config = (t: StartedTarget) => ({ region: t.region, endpoint: t.endpoint, credentials: t.credentials, maxAttempts: 1 });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const TAGS = [{ Key: 'idchain:run', Value: '0badf00d' }];

beforeAll(async () => {
  started = await referenceTarget().start({});
  runner = await startAsRunner(started);
  iam = new IAMClient(config(runner.target));
  admin = new IAMClient(config(started));
  await admin.send(new CreateRoleCommand({ RoleName: 'team-production', AssumeRolePolicyDocument: TRUST }));
});
afterAll(async () => {
  iam.destroy();
  admin.destroy();
  await started.stop();
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect((err as Error).name).toMatch(/^AccessDenied(Exception)?$/);
    return (err as Error).message;
  }
  throw new Error('expected AccessDenied');
}

const RUNNER = () => runner.sessionArn;
const ARN = (resource: string) => `arn:aws:iam::123456789012:${resource}`;

test('creating a role without the boundary, or with another one, is refused; with it, allowed', async () => {
  expect(await refusal(iam.send(new CreateRoleCommand({ RoleName: 'idchain-0badf00d-free', AssumeRolePolicyDocument: TRUST, Tags: TAGS })))).toBe(
    `User: ${RUNNER()} is not authorized to perform: iam:CreateRole on resource: ${ARN('role/idchain-0badf00d-free')} because no identity-based policy allows the iam:CreateRole action`,
  );
  const other = ARN('policy/ci-idchain-runner-policy');
  expect(await refusal(iam.send(new CreateRoleCommand({ RoleName: 'idchain-0badf00d-other', AssumeRolePolicyDocument: TRUST, PermissionsBoundary: other, Tags: TAGS })))).toContain('iam:CreateRole');
  await iam.send(new CreateRoleCommand({ RoleName: 'idchain-0badf00d-bounded', AssumeRolePolicyDocument: TRUST, PermissionsBoundary: runner.permissionsBoundary, Tags: TAGS }));
});

test('attaching a policy to a role outside idchain-* is refused (and the runner attaches none at all)', async () => {
  const policy = 'arn:aws:iam::aws:policy/AdministratorAccess';
  expect(await refusal(iam.send(new AttachRolePolicyCommand({ RoleName: 'team-production', PolicyArn: policy })))).toBe(
    `User: ${RUNNER()} is not authorized to perform: iam:AttachRolePolicy on resource: role team-production because no identity-based policy allows the iam:AttachRolePolicy action`,
  );
  expect(await refusal(iam.send(new AttachRolePolicyCommand({ RoleName: 'idchain-0badf00d-bounded', PolicyArn: policy })))).toContain('iam:AttachRolePolicy');
});

test('passing a role that is not idchain-* to Cognito is refused naming iam:PassRole', async () => {
  const identity = new CognitoIdentityClient(config(runner.target));
  try {
    const pool = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'idchain_probe', AllowUnauthenticatedIdentities: false, IdentityPoolTags: { 'idchain:run': '0badf00d' } }));
    const message = await refusal(identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: pool.IdentityPoolId, Roles: { authenticated: ARN('role/team-production') } })));
    expect(message).toBe(`User: ${RUNNER()} is not authorized to perform: iam:PassRole on resource: ${ARN('role/team-production')} because no identity-based policy allows the iam:PassRole action`);
  } finally {
    identity.destroy();
  }
});

test('the runner cannot loosen its own role, drop a boundary, or write policies of a role without one', async () => {
  expect(await refusal(iam.send(new PutRolePolicyCommand({ RoleName: 'ci-idchain-runner', PolicyName: 'more', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) })))).toContain('iam:PutRolePolicy');
  expect(await refusal(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'ci-idchain-runner', PolicyDocument: TRUST })))).toContain('iam:UpdateAssumeRolePolicy');
  expect(await refusal(iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'idchain-0badf00d-bounded' })))).toContain('iam:DeleteRolePermissionsBoundary');
  await admin.send(new CreateRoleCommand({ RoleName: 'idchain-0badf00d-unbounded', AssumeRolePolicyDocument: TRUST }));
  expect(await refusal(iam.send(new PutRolePolicyCommand({ RoleName: 'idchain-0badf00d-unbounded', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }] }) })))).toContain('iam:PutRolePolicy');
  expect(await refusal(iam.send(new CreateUserCommand({ UserName: 'idchain-0badf00d-free-user', Tags: TAGS })))).toContain('iam:CreateUser');
});

test('a role the runner makes cannot escalate: granted iam:* by the runner, its sessions stay inside the boundary', async () => {
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: runner.sessionArn }, Action: 'sts:AssumeRole' }] });
  await iam.send(new CreateRoleCommand({ RoleName: 'idchain-0badf00d-greedy', AssumeRolePolicyDocument: trust, PermissionsBoundary: runner.permissionsBoundary, Tags: TAGS }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'idchain-0badf00d-greedy', PolicyName: 'all', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }) }));
  const sts = new STSClient(config(runner.target));
  const c = (await sts.send(new AssumeRoleCommand({ RoleArn: ARN('role/idchain-0badf00d-greedy'), RoleSessionName: 'greedy' }))).Credentials!;
  sts.destroy();
  const greedy = new IAMClient({ ...config(runner.target), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken } });
  try {
    expect(await refusal(greedy.send(new CreateRoleCommand({ RoleName: 'idchain-0badf00d-escape', AssumeRolePolicyDocument: TRUST })))).toBe(
      `User: arn:aws:sts::123456789012:assumed-role/idchain-0badf00d-greedy/greedy is not authorized to perform: iam:CreateRole on resource: ${ARN('role/idchain-0badf00d-escape')} because no permissions boundary allows the iam:CreateRole action`,
    );
  } finally {
    greedy.destroy();
  }
});
