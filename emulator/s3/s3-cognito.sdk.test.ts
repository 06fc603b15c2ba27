// Credentials from identity pools used on S3: per-identity prefixes with
// ${cognito-identity.amazonaws.com:sub} in the enhanced and basic flows, and the
// enhanced-flow guest scope-down. Sources: IAM-UG "IAM policy elements:
// Variables and tags" and its example "Amazon S3: Allows Amazon Cognito users to
// access objects in their bucket"; CG "IAM roles" and the AWS managed policy
// AmazonCognitoUnAuthedIdentitiesSessionPolicy (aws-contract.md §2).
import { GetCredentialsForIdentityCommand, GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { identityPoolTrust, type UserPoolHandle } from '../cognito-identity/sdk-test-support';
import { s3Rejection, startS3World, type Creds, type S3World } from './s3-test-support';

const bucket = 'idchain-cognito';
const SUB = '${cognito-identity.amazonaws.com:sub}';
let world: S3World;
let users: UserPoolHandle;
let enhancedPool: string;
let classicPool: string;
let authRole: string;
let guestRole: string;

/** The IAM-UG example's statements: list and use only `private/<identity id>/`. */
const perIdentityPolicy = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}`, Condition: { StringLike: { 's3:prefix': [`private/${SUB}/*`] } } },
    { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::${bucket}/private/${SUB}/*` },
  ],
};

/** The guest role allows more than S3 — reading any role, too — so the scope-down has something to take away. */
const guestPolicy = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/public/*` },
    { Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' },
  ],
};

beforeAll(async () => {
  world = await startS3World();
  users = await world.userPool('idchain-s3-users', { alice: {}, bob: {} });
  enhancedPool = await world.identityPool({ name: 'idchain-s3-enhanced', allowGuests: true, providers: [users] });
  classicPool = await world.identityPool({ name: 'idchain-s3-classic', allowGuests: true, classic: true, providers: [users] });
  // One role per kind serves both pools: its trust names both pool ids.
  const trust = (amr: string) => {
    const doc = JSON.parse(identityPoolTrust(enhancedPool, amr));
    doc.Statement[0].Condition.StringEquals['cognito-identity.amazonaws.com:aud'] = [enhancedPool, classicPool];
    return JSON.stringify(doc);
  };
  authRole = (await world.role('idchain-s3-auth', trust('authenticated'))).arn;
  guestRole = (await world.role('idchain-s3-guest', trust('unauthenticated'))).arn;
  await world.iam.send(new PutRolePolicyCommand({ RoleName: 'idchain-s3-auth', PolicyName: 'own-prefix', PolicyDocument: JSON.stringify(perIdentityPolicy) }));
  await world.iam.send(new PutRolePolicyCommand({ RoleName: 'idchain-s3-guest', PolicyName: 'public', PolicyDocument: JSON.stringify(guestPolicy) }));
  for (const pool of [enhancedPool, classicPool]) await world.setRoles(pool, { authenticated: authRole, unauthenticated: guestRole });
  await world.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await world.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'public/welcome', Body: 'hi' }));
  await world.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'internal/plan', Body: 'secret' }));
});
afterAll(() => world.stop());

/** Enhanced flow: GetId, GetCredentialsForIdentity; answers the identity id and its credentials. */
async function enhanced(username?: string): Promise<{ id: string; creds: Creds }> {
  const Logins = username ? users.logins(await users.idToken(username)) : undefined;
  const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId: enhancedPool, Logins }));
  const out = await world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
  return { id: IdentityId!, creds: out.Credentials! };
}

/** Basic flow: GetId, GetOpenIdToken, AssumeRoleWithWebIdentity with the role the app picks. */
async function basic(roleArn: string, username?: string): Promise<{ id: string; creds: Creds }> {
  const Logins = username ? users.logins(await users.idToken(username)) : undefined;
  const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId: classicPool, Logins }));
  const { Token } = await world.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins }));
  const out = await world.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'app', WebIdentityToken: Token }));
  return { id: IdentityId!, creds: out.Credentials! };
}

describe.each([
  ['enhanced', () => enhanced('alice'), () => enhanced('bob')],
  ['basic', () => basic(authRole, 'alice'), () => basic(authRole, 'bob')],
])('%s flow: ${cognito-identity.amazonaws.com:sub} is the identity id', (_flow, alice, bob) => {
  test('a user writes and reads under its own identity id; another user\'s prefix is denied', async () => {
    const a = await alice();
    const b = await bob();
    const s3 = world.s3As(a.creds);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `private/${a.id}/diary`, Body: 'mine' }));
    expect(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `private/${a.id}/diary` }))).Body!.transformToString()).toBe('mine');
    await world.s3As(b.creds).send(new PutObjectCommand({ Bucket: bucket, Key: `private/${b.id}/diary`, Body: 'theirs' }));
    const refused = await s3Rejection(s3.send(new GetObjectCommand({ Bucket: bucket, Key: `private/${b.id}/diary` })));
    expect(refused).toMatchObject({ code: 'AccessDenied', status: 403 });
    expect(refused.message).toContain(`on resource: "arn:aws:s3:::${bucket}/private/${b.id}/diary" because no identity-based policy allows the s3:GetObject action`);
  });

  test('ListObjectsV2 is allowed under its own prefix only (s3:prefix)', async () => {
    const a = await alice();
    const s3 = world.s3As(a.creds);
    const own = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `private/${a.id}/` }));
    expect(own.Contents?.map((c) => c.Key)).toEqual([`private/${a.id}/diary`]);
    expect((await s3Rejection(s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'private/' })))).code).toBe('AccessDenied');
    expect((await s3Rejection(s3.send(new ListObjectsV2Command({ Bucket: bucket })))).code).toBe('AccessDenied');
  });
});

describe('guests', () => {
  const iamAs = (c: Creds) => new IAMClient({ endpoint: world.emu.url, region: world.emu.region, maxAttempts: 1, systemClockOffset: world.clock.now().getTime() - Date.now(), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: (c.SecretAccessKey ?? c.SecretKey)!, sessionToken: c.SessionToken } });

  test('enhanced flow: S3 is in the scope-down, so a guest reads public/ as its role allows, and nothing else', async () => {
    const guest = world.s3As((await enhanced()).creds);
    expect(await (await guest.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/welcome' }))).Body!.transformToString()).toBe('hi');
    expect((await s3Rejection(guest.send(new GetObjectCommand({ Bucket: bucket, Key: 'internal/plan' })))).message).toContain('because no identity-based policy allows the s3:GetObject action');
  });

  // IAM is on neither page's list (guest-scope-down.ts), so IAM refuses it as it refuses any
  // action no session policy allows: awsQuery AccessDenied, 403 [doc: IAM-UG "Troubleshoot access denied error messages"].
  test('enhanced flow: what the role allows outside the scope-down (iam:GetRole) is denied "because no session policy allows"', async () => {
    const iam = iamAs((await enhanced()).creds);
    const refused = await s3Rejection(iam.send(new GetRoleCommand({ RoleName: 'idchain-s3-guest' })));
    const write = await s3Rejection(iam.send(new CreateRoleCommand({ RoleName: 'idchain-guest-made', AssumeRolePolicyDocument: identityPoolTrust(enhancedPool, 'unauthenticated') })));
    iam.destroy();
    expect(refused).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message:
        'User: arn:aws:sts::123456789012:assumed-role/idchain-s3-guest/CognitoIdentityCredentials is not authorized to perform: iam:GetRole on resource: role idchain-s3-guest because no session policy allows the iam:GetRole action',
    });
    // Neither the role nor the scope-down allows the write: the message names the identity-based policy, checked first [inferred].
    expect(write).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message:
        'User: arn:aws:sts::123456789012:assumed-role/idchain-s3-guest/CognitoIdentityCredentials is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/idchain-guest-made because no identity-based policy allows the iam:CreateRole action',
    });
  });

  test('enhanced flow, signed in: no scope-down — a denial outside S3 names the identity-based policy, not a session policy', async () => {
    const iam = iamAs((await enhanced('alice')).creds);
    const refused = await s3Rejection(iam.send(new GetRoleCommand({ RoleName: 'idchain-s3-auth' })));
    iam.destroy();
    expect(refused.message).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/idchain-s3-auth/CognitoIdentityCredentials is not authorized to perform: iam:GetRole on resource: role idchain-s3-auth because no identity-based policy allows the iam:GetRole action',
    );
  });

  test('basic flow: no scope-down, the role\'s own permissions apply (iam:GetRole is allowed)', async () => {
    const iam = iamAs((await basic(guestRole)).creds);
    const role = await iam.send(new GetRoleCommand({ RoleName: 'idchain-s3-guest' }));
    iam.destroy();
    expect(role.Role?.Arn).toBe(guestRole);
  });
});
