// S3 authorization through the SDK: identity policies with policy variables,
// session policies, bucket policies granting and denying, condition keys.
// Expected decisions: IAM-UG "Policy evaluation logic", "Session policies",
// "IAM policy elements: Variables and tags"; messages: S3 User Guide
// "Troubleshoot access denied (403 Forbidden) errors" [obs: Privado-Inc/privado#573].
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetObjectCommand,
  PutBucketAbacCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { GetFederationTokenCommand } from '@aws-sdk/client-sts';
import { allow, s3Rejection, startS3World, type S3World } from './s3-test-support';

let world: S3World;
const bucket = 'idchain-authz';
const ACCOUNT = '123456789012';
const arn = (key: string) => `arn:aws:s3:::${bucket}/${key}`;
const denied = (who: string, action: string, key: string, why: string) => ({
  code: 'AccessDenied',
  status: 403,
  message: `User: ${who} is not authorized to perform: ${action} on resource: "${arn(key)}" ${why}`,
});
const noAllow = (kind: string, action: string) => `because no ${kind} policy allows the ${action} action`;

beforeAll(async () => {
  world = await startS3World();
  await world.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const key of ['shared/readme', 'blue/plan', 'red/plan', 'users/bob/notes', 'users/eve/notes']) {
    await world.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
  }
});
afterEach(() => world.s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket })));
afterAll(() => world.stop());

const setBucketPolicy = (statements: unknown[]) =>
  world.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
const get = (s3: ReturnType<S3World['s3As']>, key: string) => s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
const put = (s3: ReturnType<S3World['s3As']>, key: string) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));

test('${aws:userid} is the session\'s RoleId:session-name: a session writes under its own prefix only', async () => {
  const role = await world.roleWith('idchain-userid', [allow(['s3:PutObject', 's3:GetObject'], arn('home/${aws:userid}/*'))]);
  const session = await world.assume(role, { sessionName: 'alice' });
  const s3 = world.s3As(session.creds);
  const roleId = (await world.iam.send(new GetRoleCommand({ RoleName: 'idchain-userid' }))).Role!.RoleId!;
  await expect(put(s3, `home/${roleId}:alice/todo`)).resolves.toBeDefined();
  expect(await s3Rejection(put(s3, `home/${roleId}:mallory/todo`))).toMatchObject(
    denied(session.arn, 's3:PutObject', `home/${roleId}:mallory/todo`, noAllow('identity-based', 's3:PutObject')),
  );
});

test('${aws:PrincipalTag/team} reads the role\'s tags, and a session tag wins over the role\'s', async () => {
  const role = await world.roleWith('idchain-team', [allow('s3:GetObject', arn('${aws:PrincipalTag/team}/*'))], { team: 'blue' });
  const plain = await world.assume(role);
  const s3 = world.s3As(plain.creds);
  await expect(get(s3, 'blue/plan')).resolves.toBeDefined();
  expect(await s3Rejection(get(s3, 'red/plan'))).toMatchObject(denied(plain.arn, 's3:GetObject', 'red/plan', noAllow('identity-based', 's3:GetObject')));
  const tagged = world.s3As((await world.assume(role, { tags: [{ Key: 'team', Value: 'red' }] })).creds);
  await expect(get(tagged, 'red/plan')).resolves.toBeDefined();
  expect((await s3Rejection(get(tagged, 'blue/plan'))).code).toBe('AccessDenied');
});

test('a session policy narrows the role: what it does not allow is denied "because no session policy allows"', async () => {
  const role = await world.roleWith('idchain-narrowed', [allow(['s3:GetObject', 's3:PutObject'], arn('*'))]);
  const session = await world.assume(role, { policy: allow('s3:GetObject', arn('*')) });
  const s3 = world.s3As(session.creds);
  await expect(get(s3, 'shared/readme')).resolves.toBeDefined();
  expect(await s3Rejection(put(s3, 'shared/new'))).toMatchObject(denied(session.arn, 's3:PutObject', 'shared/new', noAllow('session', 's3:PutObject')));
});

test('a bucket policy grants a role session what its identity policy lacks, by the session ARN or the role ARN', async () => {
  const roleArn = await world.roleWith('idchain-granted', [allow('s3:ListAllMyBuckets', '*')]);
  const session = await world.assume(roleArn);
  const s3 = world.s3As(session.creds);
  expect(await s3Rejection(get(s3, 'shared/readme'))).toMatchObject(denied(session.arn, 's3:GetObject', 'shared/readme', noAllow('identity-based', 's3:GetObject')));
  await setBucketPolicy([{ Effect: 'Allow', Principal: { AWS: session.arn }, Action: 's3:GetObject', Resource: arn('shared/*') }]);
  await expect(get(s3, 'shared/readme')).resolves.toBeDefined();
  await setBucketPolicy([{ Effect: 'Allow', Principal: { AWS: roleArn }, Action: 's3:GetObject', Resource: arn('shared/*') }]);
  await expect(get(s3, 'shared/readme')).resolves.toBeDefined();
});

test('a grant to the role ARN stays within the session policy; a grant to the session ARN does not [doc: IAM-UG "Session policies"]', async () => {
  const roleArn = await world.roleWith('idchain-grant-scoped', [allow('s3:ListAllMyBuckets', '*')]);
  const session = await world.assume(roleArn, { policy: allow('s3:ListAllMyBuckets', '*') });
  const s3 = world.s3As(session.creds);
  await setBucketPolicy([{ Effect: 'Allow', Principal: { AWS: roleArn }, Action: 's3:GetObject', Resource: arn('shared/*') }]);
  expect(await s3Rejection(get(s3, 'shared/readme'))).toMatchObject(denied(session.arn, 's3:GetObject', 'shared/readme', noAllow('session', 's3:GetObject')));
  await setBucketPolicy([{ Effect: 'Allow', Principal: { AWS: session.arn }, Action: 's3:GetObject', Resource: arn('shared/*') }]);
  await expect(get(s3, 'shared/readme')).resolves.toBeDefined();
});

test('a bucket policy naming the account delegates to identity policies and grants nothing on its own', async () => {
  const roleArn = await world.roleWith('idchain-account-named', [allow('s3:ListAllMyBuckets', '*')]);
  const session = await world.assume(roleArn);
  await setBucketPolicy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 's3:GetObject', Resource: arn('*') }]);
  expect((await s3Rejection(get(world.s3As(session.creds), 'shared/readme'))).code).toBe('AccessDenied');
});

test('an explicit Deny beats an Allow, in the bucket policy or the identity policy', async () => {
  const roleArn = await world.roleWith('idchain-denied', [
    allow('s3:GetObject', arn('*')),
    { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: arn('red/*') }] },
  ]);
  const session = await world.assume(roleArn);
  const s3 = world.s3As(session.creds);
  await setBucketPolicy([
    { Effect: 'Deny', Principal: { AWS: roleArn }, Action: 's3:GetObject', Resource: arn('blue/*') },
    { Effect: 'Allow', Principal: { AWS: session.arn }, Action: 's3:GetObject', Resource: arn('red/*') },
  ]);
  await expect(get(s3, 'shared/readme')).resolves.toBeDefined();
  expect(await s3Rejection(get(s3, 'blue/plan'))).toMatchObject(denied(session.arn, 's3:GetObject', 'blue/plan', 'with an explicit deny in a resource-based policy'));
  expect(await s3Rejection(get(s3, 'red/plan'))).toMatchObject(denied(session.arn, 's3:GetObject', 'red/plan', 'with an explicit deny in an identity-based policy'));
});

// The bootstrap administrator is an IAM user holding AdministratorAccess, not the
// account's root user: a bucket policy's explicit Deny refuses it too, even
// DeleteBucketPolicy — only the root principal is exempt from that [doc: S3-API
// DeleteBucketPolicy, PutBucketPolicy; IAM-UG "Policy evaluation logic": an explicit deny wins].
test('the administrator may do everything a bucket policy does not deny; an explicit Deny refuses it like anyone', async () => {
  const admin = `arn:aws:iam::${ACCOUNT}:user/idchain-admin`;
  await setBucketPolicy([{ Effect: 'Deny', Principal: '*', Action: ['s3:GetObject', 's3:DeleteBucketPolicy'], Resource: [arn('*'), `arn:aws:s3:::${bucket}`] }]);
  expect((await s3Rejection(get(world.s3, 'shared/readme'))).message).toBe(
    `User: ${admin} is not authorized to perform: s3:GetObject on resource: "${arn('shared/readme')}" with an explicit deny in a resource-based policy`,
  );
  expect(await s3Rejection(world.s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket })))).toMatchObject({
    code: 'AccessDenied',
    status: 403,
    message: `User: ${admin} is not authorized to perform: s3:DeleteBucketPolicy on resource: "arn:aws:s3:::${bucket}" with an explicit deny in a resource-based policy`,
  });
  // PutBucketPolicy is not denied, so the administrator can still replace the policy.
  await setBucketPolicy([{ Effect: 'Allow', Principal: { AWS: admin }, Action: 's3:GetObject', Resource: arn('*') }]);
  await expect(get(world.s3, 'shared/readme')).resolves.toBeDefined();
  await world.s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
});

test('GetFederationToken: the session policy is all a federated user may do; without one, nothing [doc: IAM-UG "Permissions for GetFederationToken"]', async () => {
  const scoped = await world.sts.send(new GetFederationTokenCommand({ Name: 'bob', Policy: JSON.stringify(allow('s3:GetObject', arn('users/bob/*'))) }));
  const bob = world.s3As(scoped.Credentials!);
  await expect(get(bob, 'users/bob/notes')).resolves.toBeDefined();
  const who = scoped.FederatedUser!.Arn!;
  expect(await s3Rejection(get(bob, 'users/eve/notes'))).toMatchObject(denied(who, 's3:GetObject', 'users/eve/notes', noAllow('session', 's3:GetObject')));
  const bare = await world.sts.send(new GetFederationTokenCommand({ Name: 'nobody' }));
  expect((await s3Rejection(get(world.s3As(bare.Credentials!), 'users/bob/notes'))).message).toContain(noAllow('session', 's3:GetObject'));
});

test('aws:SourceIdentity, set with AssumeRole, is a condition key of every later request', async () => {
  const role = await world.roleWith('idchain-sourced', [allow('s3:GetObject', arn('*'), { StringEquals: { 'aws:SourceIdentity': 'alice' } })]);
  await expect(get(world.s3As((await world.assume(role, { sourceIdentity: 'alice' })).creds), 'shared/readme')).resolves.toBeDefined();
  expect((await s3Rejection(get(world.s3As((await world.assume(role, { sourceIdentity: 'mallory' })).creds), 'shared/readme'))).code).toBe('AccessDenied');
  expect((await s3Rejection(get(world.s3As((await world.assume(role)).creds), 'shared/readme'))).code).toBe('AccessDenied');
});

test('aws:ResourceTag is the bucket\'s tags once ABAC is enabled on it, and absent before', async () => {
  const role = await world.roleWith('idchain-abac', [allow('s3:GetObject', arn('*'), { StringEquals: { 'aws:ResourceTag/env': 'dev' } })]);
  const s3 = world.s3As((await world.assume(role)).creds);
  await world.s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'env', Value: 'dev' }] } }));
  expect((await s3Rejection(get(s3, 'shared/readme'))).code).toBe('AccessDenied');
  await world.s3.send(new PutBucketAbacCommand({ Bucket: bucket, AbacStatus: { Status: 'Enabled' } }));
  await expect(get(s3, 'shared/readme')).resolves.toBeDefined();
  await world.s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'env', Value: 'prod' }] } }));
  expect((await s3Rejection(get(s3, 'shared/readme'))).code).toBe('AccessDenied');
});
