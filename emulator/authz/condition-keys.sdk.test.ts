// The condition keys a least-privilege policy scopes resources with, on the
// operations SAR lists them for: tags asked for on create (aws:RequestTag,
// aws:TagKeys) and tags a resource carries (aws:ResourceTag) — the only way
// to scope Cognito pools, whose ARNs carry ids, not names.
import { CreateRoleCommand, CreateOpenIDConnectProviderCommand, DeleteOpenIDConnectProviderCommand } from '@aws-sdk/client-iam';
import { CognitoIdentityProviderClient, CreateUserPoolCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, CreateIdentityPoolCommand, DescribeIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import { allow, entityWorld, failure, type EntityWorld } from '../iam/entity-test-support';

let w: EntityWorld;
beforeAll(async () => {
  w = await entityWorld();
});
afterAll(() => w.stop());

const TAGGED = { Null: { 'aws:RequestTag/idchain:run': 'false' } };
const OURS = { Null: { 'aws:ResourceTag/idchain:run': 'false' } };
const config = (c: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) => ({ endpoint: w.emu.url, region: w.emu.region, credentials: c, maxAttempts: 1 });

test('CreateRole with Tags also needs iam:TagRole on the new role (obs: openshift/installer#1073)', async () => {
  const creator = await w.role('creator-no-tag', { policy: allow('iam:CreateRole') });
  const iam = w.iamAs(await w.session(creator));
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: w.adminArn }, Action: 'sts:AssumeRole' }] });
  await iam.send(new CreateRoleCommand({ RoleName: 'untagged', AssumeRolePolicyDocument: trust }));
  expect(await failure(iam.send(new CreateRoleCommand({ RoleName: 'tagged', AssumeRolePolicyDocument: trust, Tags: [{ Key: 'idchain:run', Value: 'r' }] })))).toEqual({
    code: 'AccessDenied',
    status: 403,
    message: `User: arn:aws:sts::${w.account}:assumed-role/creator-no-tag/test is not authorized to perform: iam:TagRole on resource: arn:aws:iam::${w.account}:role/tagged because no identity-based policy allows the iam:TagRole action`,
  });
});

test('user pools: CreateUserPool scoped by aws:RequestTag, DescribeUserPool by aws:ResourceTag (SAR cognito-idp)', async () => {
  const scoped = await w.role('pool-runner', {
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'cognito-idp:CreateUserPool', Resource: '*', Condition: TAGGED },
        { Effect: 'Allow', Action: 'cognito-idp:DescribeUserPool', Resource: `arn:aws:cognito-idp:${w.emu.region}:${w.account}:userpool/*`, Condition: OURS },
      ],
    },
  });
  const idp = new CognitoIdentityProviderClient(config(await w.session(scoped)));
  const admin = new CognitoIdentityProviderClient(config(w.emu.credentials));
  try {
    const ours = await idp.send(new CreateUserPoolCommand({ PoolName: 'ours', UserPoolTags: { 'idchain:run': 'r' } }));
    await expect(idp.send(new DescribeUserPoolCommand({ UserPoolId: ours.UserPool!.Id }))).resolves.toBeDefined();
    expect(await failure(idp.send(new CreateUserPoolCommand({ PoolName: 'untagged' })))).toMatchObject({ code: 'AccessDeniedException', status: 400 });
    const theirs = await admin.send(new CreateUserPoolCommand({ PoolName: 'theirs' }));
    const refused = await failure(idp.send(new DescribeUserPoolCommand({ UserPoolId: theirs.UserPool!.Id })));
    expect(refused).toMatchObject({ code: 'AccessDeniedException', status: 400 });
    expect(refused.message).toContain(`cognito-idp:DescribeUserPool on resource: arn:aws:cognito-idp:${w.emu.region}:${w.account}:userpool/${theirs.UserPool!.Id}`);
  } finally {
    idp.destroy();
    admin.destroy();
  }
});

test('identity pools: CreateIdentityPool scoped by aws:RequestTag, DescribeIdentityPool by aws:ResourceTag (SAR cognito-identity)', async () => {
  const scoped = await w.role('identity-runner', {
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'cognito-identity:CreateIdentityPool', Resource: '*', Condition: TAGGED },
        { Effect: 'Allow', Action: 'cognito-identity:DescribeIdentityPool', Resource: '*', Condition: OURS },
      ],
    },
  });
  const identity = new CognitoIdentityClient(config(await w.session(scoped)));
  const admin = new CognitoIdentityClient(config(w.emu.credentials));
  try {
    const ours = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'ours', AllowUnauthenticatedIdentities: false, IdentityPoolTags: { 'idchain:run': 'r' } }));
    await expect(identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: ours.IdentityPoolId }))).resolves.toBeDefined();
    const theirs = await admin.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'theirs', AllowUnauthenticatedIdentities: false }));
    expect(await failure(identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: theirs.IdentityPoolId })))).toMatchObject({ code: 'AccessDeniedException', status: 400 });
    expect(await failure(identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'untagged', AllowUnauthenticatedIdentities: false })))).toMatchObject({ code: 'AccessDeniedException' });
  } finally {
    identity.destroy();
    admin.destroy();
  }
});

test('OIDC providers: DeleteOpenIDConnectProvider scoped by aws:ResourceTag (SAR oidc-provider resource type)', async () => {
  const deleter = await w.role('provider-deleter', { policy: allow('iam:DeleteOpenIDConnectProvider', '*', OURS) });
  const iam = w.iamAs(await w.session(deleter));
  const tagged = await w.iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://tagged.example.com', ClientIDList: ['a'], Tags: [{ Key: 'idchain:run', Value: 'r' }] }));
  const untagged = await w.iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://untagged.example.com', ClientIDList: ['a'] }));
  await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: tagged.OpenIDConnectProviderArn }));
  expect(await failure(iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: untagged.OpenIDConnectProviderArn })))).toMatchObject({ code: 'AccessDenied', status: 403 });
});
