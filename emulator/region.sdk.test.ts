// The emulator started in a Region answers with that Region's names end to end,
// through the AWS SDK: ARNs with the partition, the identity pool's OpenID issuer,
// STS's Provider, the Logins key of an OpenID token, and trust evaluation of the
// documented identity-pool trust policy with the Region's principal (region.ts),
// and the resources AccessDenied names, S3's and Cognito's, in the partition.
import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { decodeJwt } from 'jose';
import { identityPoolTrust, rejection, startWorld, type UserPoolHandle, type World } from './cognito-identity/sdk-test-support';

interface Expected {
  partition: string;
  userPoolHost: string;
  issuer: string;
  principal: string;
  loginsKey: string;
}

// Literal expectations; sources in region.ts and region.test.ts ([doc] unless marked).
const REGIONS: Record<string, Expected> = {
  'us-east-1': {
    partition: 'aws',
    userPoolHost: 'cognito-idp.us-east-1.amazonaws.com',
    issuer: 'https://cognito-identity.amazonaws.com',
    principal: 'cognito-identity.amazonaws.com', // [obs] STS Provider "cognito-identity.amazonaws.com"
    loginsKey: 'cognito-identity.amazonaws.com',
  },
  'eu-south-1': {
    partition: 'aws',
    userPoolHost: 'cognito-idp.eu-south-1.amazonaws.com',
    issuer: 'https://cognito-identity.eu-south-1.amazonaws.com',
    principal: 'cognito-identity.eu-south-1.amazonaws.com', // [inferred]
    loginsKey: 'cognito-identity.eu-south-1.amazonaws.com', // [inferred]
  },
  'cn-north-1': {
    partition: 'aws-cn',
    userPoolHost: 'cognito-idp.cn-north-1.amazonaws.com.cn',
    issuer: 'https://cognito-identity.cn-north-1.amazonaws.com.cn',
    principal: 'cognito-identity.amazonaws.com.cn',
    loginsKey: 'cognito-identity.cn-north-1.amazonaws.com.cn',
  },
  'us-gov-west-1': {
    partition: 'aws-us-gov',
    userPoolHost: 'cognito-idp.us-gov-west-1.amazonaws.com',
    issuer: 'https://cognito-identity.us-gov-west-1.amazonaws.com',
    principal: 'cognito-identity-us-gov.amazonaws.com',
    loginsKey: 'cognito-identity.us-gov-west-1.amazonaws.com', // [inferred]
  },
};
const ACCOUNT = '123456789012';

describe.each(Object.entries(REGIONS))('an emulator in %s', (region, x) => {
  let w: World;
  let users: UserPoolHandle;
  let pool: string;
  let trusted: { arn: string; roleId: string };
  let foreignPrincipal: { arn: string; roleId: string };

  beforeAll(async () => {
    w = await startWorld([], region);
    users = await w.userPool('idchain-region-users', { ana: {} });
    pool = await w.identityPool({ name: 'idchain region', allowGuests: false, classic: true, developerProvider: 'login.idchain', providers: [users] });
    trusted = await w.role('region-app', identityPoolTrust(pool, 'authenticated', x.principal));
    // The same policy naming another partition's principal: it must not let this Region's identities in.
    const other = x.principal === 'cognito-identity.amazonaws.com' ? 'cognito-identity.amazonaws.com.cn' : 'cognito-identity.amazonaws.com';
    foreignPrincipal = await w.role('region-foreign', identityPoolTrust(pool, 'authenticated', other));
  });
  afterAll(() => w?.stop());

  async function openIdToken() {
    const logins = users.logins(await users.idToken('ana'));
    const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: pool, Logins: logins }));
    const { Token } = await w.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins: logins }));
    return { identityId: IdentityId!, token: Token! };
  }

  test('IAM and the bootstrap user carry the partition in their ARNs', async () => {
    expect(trusted.arn).toBe(`arn:${x.partition}:iam::${ACCOUNT}:role/region-app`);
    const who = await w.sts.send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:${x.partition}:iam::${ACCOUNT}:user/idchain-admin`);
  });

  test("user pool tokens are issued by the Region's cognito-idp host, which is also the Logins key", async () => {
    expect(users.provider).toBe(`${x.userPoolHost}/${users.poolId}`);
    expect(decodeJwt(await users.idToken('ana')).iss).toBe(`https://${x.userPoolHost}/${users.poolId}`);
  });

  test("basic flow: the OpenID token carries the Region's issuer; STS trusts the Region's principal and answers it in Provider", async () => {
    const { identityId, token } = await openIdToken();
    expect(decodeJwt(token)).toMatchObject({ iss: x.issuer, aud: pool, sub: identityId });
    const answer = await w.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: trusted.arn, RoleSessionName: 'ss', WebIdentityToken: token }));
    expect(answer.Provider).toBe(x.principal);
    expect(answer.AssumedRoleUser?.Arn).toBe(`arn:${x.partition}:sts::${ACCOUNT}:assumed-role/region-app/ss`);
    expect(answer.AssumedRoleUser?.AssumedRoleId).toBe(`${trusted.roleId}:ss`);
    expect(await rejection(w.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: foreignPrincipal.arn, RoleSessionName: 'ss', WebIdentityToken: token })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
  });

  test("enhanced flow: Cognito presents the Region's principal to the role's trust policy", async () => {
    const logins = users.logins(await users.idToken('ana'));
    const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: pool, Logins: logins }));
    await w.setRoles(pool, { authenticated: trusted.arn });
    const { Credentials } = await w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    const who = await w.stsAs(Credentials!).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:${x.partition}:sts::${ACCOUNT}:assumed-role/region-app/CognitoIdentityCredentials`);

    await w.setRoles(pool, { authenticated: foreignPrincipal.arn });
    expect(await rejection(w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins })))).toMatchObject({
      name: 'InvalidIdentityPoolConfigurationException',
      message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    });
  });

  test("developer flow: GetCredentialsForIdentity takes the OpenID token under the Region's Logins key only", async () => {
    await w.setRoles(pool, { authenticated: trusted.arn });
    const { IdentityId, Token } = await w.identity.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: pool, Logins: { 'login.idchain': 'dev-user-1' } }),
    );
    const answer = await w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [x.loginsKey]: Token! } }));
    expect(answer.IdentityId).toBe(IdentityId);
    const otherKey = x.loginsKey === 'cognito-identity.amazonaws.com' ? 'cognito-identity.cn-north-1.amazonaws.com.cn' : 'cognito-identity.amazonaws.com';
    expect((await rejection(w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [otherKey]: Token! } })))).name).toBe('NotAuthorizedException');
  });

  test('AccessDenied names S3 and Cognito resources in the partition [doc: AWS General Reference "Amazon Resource Names (ARNs)"]', async () => {
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:${x.partition}:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    await w.role('region-nothing', trust);
    const { Credentials } = await w.sts.send(new AssumeRoleCommand({ RoleArn: `arn:${x.partition}:iam::${ACCOUNT}:role/region-nothing`, RoleSessionName: 'rs' }));
    const credentials = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken };
    const caller = `arn:${x.partition}:sts::${ACCOUNT}:assumed-role/region-nothing/rs`;
    const s3 = (creds: typeof credentials | StartedCredentials) =>
      new S3Client({ endpoint: w.emu.url, region, forcePathStyle: true, maxAttempts: 1, credentials: creds, systemClockOffset: w.clock.now().getTime() - Date.now() });
    await s3(w.emu.credentials).send(new CreateBucketCommand({ Bucket: 'idchain-region-bucket' }));
    expect((await rejection(s3(credentials).send(new GetObjectCommand({ Bucket: 'idchain-region-bucket', Key: 'k' })))).message).toBe(
      `User: ${caller} is not authorized to perform: s3:GetObject on resource: "arn:${x.partition}:s3:::idchain-region-bucket/k" because no identity-based policy allows the s3:GetObject action`,
    );
    const identity = new CognitoIdentityClient({ endpoint: w.emu.url, region, credentials });
    expect((await rejection(identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: pool })))).message).toBe(
      `User: ${caller} is not authorized to perform: cognito-identity:DescribeIdentityPool on resource: arn:${x.partition}:cognito-identity:${region}:${ACCOUNT}:identitypool/${pool} because no identity-based policy allows the cognito-identity:DescribeIdentityPool action`,
    );
  });
});

type StartedCredentials = { accessKeyId: string; secretAccessKey: string };
