// Session attributes through the SDK: AssumeRole session tags and transitive
// keys across role chaining, source identity across chaining, the
// web-identity tags claim of developer OpenID tokens, and identity pools'
// attributes for access control. Expected behaviour: IAM-UG "Passing session
// tags in AWS STS", "Monitor and control actions taken with assumed roles";
// STS-API AssumeRole; CG "Using attributes for access control"; messages
// recorded against AWS in mahitotsu/gekko_08 (see session-tags.ts).
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, type Tag } from '@aws-sdk/client-sts';
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  GetPrincipalTagAttributeMapCommand,
  SetPrincipalTagAttributeMapCommand,
} from '@aws-sdk/client-cognito-identity';
import { UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { rejection } from '../cognito-identity/sdk-test-support';
import { allow, s3Rejection, startS3World, type Creds, type S3World } from '../s3/s3-test-support';

const bucket = 'idchain-session-tags';
const arn = (key: string) => `arn:aws:s3:::${bucket}/${key}`;
const byProject = allow('s3:GetObject', arn('projects/${aws:PrincipalTag/project}/*'));
const byStage = allow('s3:GetObject', arn('stages/${aws:PrincipalTag/stage}/*'));
const chainAnything = allow(['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], '*');

function suite(mutants: string[]) {
  let world: S3World;
  beforeAll(async () => {
    world = await startS3World(mutants);
    await world.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const key of ['projects/alpha/plan', 'projects/beta/plan', 'stages/blue/plan', 'audit/log']) {
      await world.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
    }
  });
  afterAll(() => world.stop());
  const get = (creds: Creds, key: string) => world.s3As(creds).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const chain = (creds: Creds, roleArn: string, extra: { Tags?: Tag[]; SourceIdentity?: string } = {}) =>
    world.stsAs(creds).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'chained', ...extra }));
  const first = (roleArn: string, extra: { Tags?: Tag[]; TransitiveTagKeys?: string[]; SourceIdentity?: string } = {}) =>
    world.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'first', ...extra }));
  return { world: () => world, get, chain, first };
}

describe('the contract', () => {
  const s = suite([]);
  const tagged = { Tags: [{ Key: 'project', Value: 'alpha' }, { Key: 'stage', Value: 'blue' }], TransitiveTagKeys: ['project'] };

  test('a transitive tag survives role chaining, a plain session tag does not', async () => {
    const a = await s.world().roleWith('idchain-tagger', [byProject, byStage, chainAnything]);
    const b = await s.world().roleWith('idchain-chained', [byProject, byStage]);
    const one = await s.first(a, tagged);
    await expect(s.get(one.Credentials!, 'stages/blue/plan')).resolves.toBeDefined();
    const two = await s.chain(one.Credentials!, b);
    await expect(s.get(two.Credentials!, 'projects/alpha/plan')).resolves.toBeDefined();
    expect((await s3Rejection(s.get(two.Credentials!, 'stages/blue/plan'))).code).toBe('AccessDenied');
  });

  test('a chained AssumeRole may not pass a tag an inherited transitive tag has, in any case of its key', async () => {
    const a = await s.world().roleWith('idchain-tagger-2', [chainAnything]);
    const b = await s.world().roleWith('idchain-chained-2', []);
    const one = await s.first(a, tagged);
    expect(await rejection(s.chain(one.Credentials!, b, { Tags: [{ Key: 'Project', Value: 'beta' }] }))).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    });
    await expect(s.chain(one.Credentials!, b, { Tags: [{ Key: 'stage', Value: 'red' }] })).resolves.toBeDefined();
  });

  test('TransitiveTagKeys must name passed tags', async () => {
    const a = await s.world().roleWith('idchain-tagger-3', []);
    expect(await rejection(s.first(a, { Tags: [{ Key: 'project', Value: 'alpha' }], TransitiveTagKeys: ['team'] }))).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: 'The specified transitive tag key must be included in the requested tags.',
    });
  });

  test('inherited tags need sts:TagSession in the next role\'s trust, even for a chain that passes none', async () => {
    const w = s.world();
    const a = await w.roleWith('idchain-tagger-4', [chainAnything]);
    const b = await w.roleWith('idchain-untagging', []);
    await w.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'idchain-untagging',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: a }, Action: 'sts:AssumeRole' }] }),
      }),
    );
    const plain = await s.first(a);
    await expect(s.chain(plain.Credentials!, b)).resolves.toBeDefined();
    const one = await s.first(a, tagged);
    const refused = await rejection(s.chain(one.Credentials!, b));
    expect(refused).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(refused.message).toMatch(/is not authorized to perform: sts:TagSession on resource: arn:aws:iam::\d{12}:role\/idchain-untagging$/);
  });

  test('a source identity is answered, persists through chaining, and cannot be changed', async () => {
    const audited = allow('s3:GetObject', arn('audit/*'), { StringEquals: { 'aws:SourceIdentity': 'alice' } });
    const a = await s.world().roleWith('idchain-audited', [audited, chainAnything]);
    const b = await s.world().roleWith('idchain-audited-2', [audited]);
    const one = await s.first(a, { SourceIdentity: 'alice' });
    expect(one.SourceIdentity).toBe('alice');
    const two = await s.chain(one.Credentials!, b);
    await expect(s.get(two.Credentials!, 'audit/log')).resolves.toBeDefined();
    expect(await rejection(s.chain(one.Credentials!, b, { SourceIdentity: 'mallory' }))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: 'The source identity is already set for this assume role session',
    });
  });

  test("a developer OpenID token's PrincipalTags become session tags of AssumeRoleWithWebIdentity, given sts:TagSession", async () => {
    const w = s.world();
    const pool = await w.identityPool({ name: 'idchain-dev', allowGuests: false, classic: true, developerProvider: 'login.idchain' });
    const trust = (actions: string[]) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: actions, Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': pool } } }],
      });
    const tagging = await w.roleWith('idchain-web-tagged', [byProject]);
    await w.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'idchain-web-tagged', PolicyDocument: trust(['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']) }));
    const strict = await w.roleWith('idchain-web-strict', [byProject]);
    await w.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'idchain-web-strict', PolicyDocument: trust(['sts:AssumeRoleWithWebIdentity']) }));
    const { Token } = await w.identity.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: pool, Logins: { 'login.idchain': 'dana' }, PrincipalTags: { project: 'beta' } }),
    );
    const web = (RoleArn: string) => w.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn, RoleSessionName: 'web', WebIdentityToken: Token! }));
    const session = await web(tagging);
    await expect(s.get(session.Credentials!, 'projects/beta/plan')).resolves.toBeDefined();
    expect((await s3Rejection(s.get(session.Credentials!, 'projects/alpha/plan'))).code).toBe('AccessDenied');
    expect(await rejection(web(strict))).toEqual({ name: 'AccessDenied', status: 403, message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' });
  });

  test('attributes for access control: defaults answered, claims tag the enhanced-flow session, sts:TagSession required', async () => {
    const w = s.world();
    const users = await w.userPool('idchain-abac', { ana: { attributes: { email: 'ana@example.com' } } });
    const pool = await w.identityPool({ name: 'idchain-abac', allowGuests: false, providers: [users] });
    const trust = (actions: string[]) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: actions, Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': pool } } }],
      });
    const role = await w.roleWith('idchain-abac-role', [allow('s3:PutObject', arn('users/${aws:PrincipalTag/username}/*'))]);
    await w.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'idchain-abac-role', PolicyDocument: trust(['sts:AssumeRoleWithWebIdentity']) }));
    await w.setRoles(pool, { authenticated: role });
    const map = { IdentityPoolId: pool, IdentityProviderName: users.provider };
    expect(await w.identity.send(new SetPrincipalTagAttributeMapCommand({ ...map, UseDefaults: true }))).toMatchObject({ UseDefaults: true, PrincipalTags: { client: 'aud', username: 'sub' } });
    expect(await w.identity.send(new GetPrincipalTagAttributeMapCommand(map))).toMatchObject({ ...map, UseDefaults: true, PrincipalTags: { client: 'aud', username: 'sub' } });

    const idToken = await users.idToken('ana');
    const sub = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString()).sub as string;
    const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: pool, Logins: users.logins(idToken) }));
    const credentials = () => w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: users.logins(idToken) }));
    expect((await rejection(credentials())).name).toBe('InvalidIdentityPoolConfigurationException');

    await w.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'idchain-abac-role', PolicyDocument: trust(['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']) }));
    const creds = (await credentials()).Credentials!;
    const s3 = w.s3As(creds);
    await expect(s3.send(new PutObjectCommand({ Bucket: bucket, Key: `users/${sub}/note`, Body: 'x' }))).resolves.toBeDefined();
    expect((await s3Rejection(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'users/someone-else/note', Body: 'x' })))).code).toBe('AccessDenied');

    await w.identity.send(new SetPrincipalTagAttributeMapCommand({ ...map, UseDefaults: false, PrincipalTags: {} }));
    expect((await rejection(w.identity.send(new GetPrincipalTagAttributeMapCommand(map)))).name).toBe('ResourceNotFoundException');
  });
});

describe('mutant transitive-tags-dropped', () => {
  const s = suite(['transitive-tags-dropped']);

  test('the chained session has lost its transitive tag', async () => {
    const a = await s.world().roleWith('idchain-tagger', [byProject, chainAnything]);
    const b = await s.world().roleWith('idchain-chained', [byProject]);
    const one = await s.first(a, { Tags: [{ Key: 'project', Value: 'alpha' }], TransitiveTagKeys: ['project'] });
    const two = await s.chain(one.Credentials!, b);
    expect((await s3Rejection(s.get(two.Credentials!, 'projects/alpha/plan'))).code).toBe('AccessDenied');
  });
});
