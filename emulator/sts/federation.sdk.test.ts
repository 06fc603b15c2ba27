// Federation end to end through the AWS SDK against a started emulator: a
// user pool registered as an IAM OIDC provider, a SAML IdP made at run time,
// AssumeRole with role chaining and session policies, GetFederationToken and
// GetSessionToken. Expected values: STS-API, IAM-API, aws-contract.md §3 and §5.
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateOpenIDConnectProviderCommand,
  CreateSAMLProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetSAMLProviderCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListRolesCommand,
  ListSAMLProvidersCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { decodeJwt } from 'jose';
import { rejection, startWorld, type UserPoolHandle, type World } from '../cognito-identity/sdk-test-support';
import { createIdpKey, encode, metadataXml, responseXml, sign, type TestIdpKey } from './saml-test-idp';

const ACCOUNT = '123456789012';
// The SDK names modelled errors by their shape: code InvalidIdentityToken arrives as
// InvalidIdentityTokenException; unmodelled codes (AccessDenied, ValidationError) keep their code.
const PASSWORD = 'Federation-Test-9-Pass';
type Creds = { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string };

let world: World;
let idpKey: TestIdpKey;
const extraClients: { destroy(): void }[] = [];

function clientsFor(c: Creds) {
  const config = {
    endpoint: world.emu.url,
    region: world.emu.region,
    maxAttempts: 1,
    // Sign by the emulator's (manual) clock: it refuses signatures 15 minutes off its own time.
    systemClockOffset: world.clock.now().getTime() - Date.now(),
    credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken },
  };
  const clients = { sts: new STSClient(config), iam: new IAMClient(config) };
  extraClients.push(clients.sts, clients.iam);
  return clients;
}

async function role(name: string, trust: unknown, opts: { max?: number; allow?: string[] } = {}): Promise<string> {
  const arn = await world.role(name, JSON.stringify(trust), opts.max);
  if (opts.allow) {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: opts.allow, Resource: '*' }] };
    await world.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'permissions', PolicyDocument: JSON.stringify(policy) }));
  }
  return arn.arn;
}

beforeAll(async () => {
  [world, idpKey] = await Promise.all([startWorld(), createIdpKey()]);
});

afterAll(async () => {
  for (const c of extraClients) c.destroy();
  await world.stop();
});

describe('web identity straight from a user pool, through an IAM OIDC provider', () => {
  let pool: UserPoolHandle;
  let issuer: string;
  let providerArn: string;
  let roleArn: string;

  beforeAll(async () => {
    pool = await world.userPool('federation', { alice: {}, bob: {} });
    issuer = `https://cognito-idp.${world.emu.region}.amazonaws.com/${pool.poolId}`;
    const hostPath = issuer.slice('https://'.length);
    providerArn = (
      await world.iam.send(new CreateOpenIDConnectProviderCommand({ Url: issuer, ClientIDList: [pool.clientId], ThumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'] }))
    ).OpenIDConnectProviderArn!;
    const aliceSub = decodeJwt(await pool.idToken('alice')).sub as string;
    roleArn = await role('oidc-web', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${hostPath}:aud`]: pool.clientId, [`${hostPath}:sub`]: aliceSub } },
        },
      ],
    });
  });

  const assume = (token: string) => world.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'web', WebIdentityToken: token }));

  test('IAM answers the provider: ARN oidc-provider/<host/path>, Url without https://, listed', async () => {
    expect(providerArn).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer.slice('https://'.length)}`);
    const got = await world.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: providerArn }));
    expect(got).toMatchObject({ Url: issuer.slice('https://'.length), ClientIDList: [pool.clientId] });
    const listed = await world.iam.send(new ListOpenIDConnectProvidersCommand({}));
    expect(listed.OpenIDConnectProviderList?.map((p) => p.Arn)).toContain(providerArn);
  });

  test("alice's ID token → credentials; Provider is the provider ARN, Audience the client id, Subject her sub", async () => {
    const idToken = await pool.idToken('alice');
    const out = await assume(idToken);
    expect(out).toMatchObject({ Provider: providerArn, Audience: pool.clientId, SubjectFromWebIdentityToken: decodeJwt(idToken).sub });
    const me = await clientsFor(out.Credentials!).sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/oidc-web/web`);
  });

  test("bob's ID token fails the :sub condition → AccessDenied 403", async () => {
    expect(await rejection(assume(await pool.idToken('bob')))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  test('an access token (no aud) → InvalidIdentityToken "Missing a required claim: aud"', async () => {
    await world.idp.send(new AdminCreateUserCommand({ UserPoolId: pool.poolId, Username: 'dave', MessageAction: 'SUPPRESS' }));
    await world.idp.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.poolId, Username: 'dave', Password: PASSWORD, Permanent: true }));
    const auth = await world.idp.send(
      new AdminInitiateAuthCommand({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', UserPoolId: pool.poolId, ClientId: pool.clientId, AuthParameters: { USERNAME: 'dave', PASSWORD } }),
    );
    expect(await rejection(assume(auth.AuthenticationResult!.AccessToken!))).toMatchObject({ name: 'InvalidIdentityTokenException', status: 400, message: 'Missing a required claim: aud' });
  });

  test('an ID token for a client not in ClientIDList → "Incorrect token audience"', async () => {
    const other = (
      await world.idp.send(new CreateUserPoolClientCommand({ UserPoolId: pool.poolId, ClientName: 'other', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))
    ).UserPoolClient!.ClientId!;
    await world.idp.send(new AdminCreateUserCommand({ UserPoolId: pool.poolId, Username: 'carol', MessageAction: 'SUPPRESS' }));
    await world.idp.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.poolId, Username: 'carol', Password: PASSWORD, Permanent: true }));
    const auth = await world.idp.send(
      new AdminInitiateAuthCommand({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', UserPoolId: pool.poolId, ClientId: other, AuthParameters: { USERNAME: 'carol', PASSWORD } }),
    );
    expect(await rejection(assume(auth.AuthenticationResult!.IdToken!))).toMatchObject({ name: 'InvalidIdentityTokenException', message: 'Incorrect token audience' });
  });

  test('an expired ID token → ExpiredTokenException; a deleted provider → "No OpenIDConnect provider found …"', async () => {
    const idToken = await pool.idToken('alice');
    world.clock.advance(3600_000);
    expect(await rejection(assume(idToken))).toMatchObject({ name: 'ExpiredTokenException', status: 400 });
    const fresh = await pool.idToken('alice');
    await world.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: providerArn }));
    expect(await rejection(assume(fresh))).toMatchObject({ name: 'InvalidIdentityTokenException', message: `No OpenIDConnect provider found in your account for ${issuer}` });
  });
});

describe('SAML federation with a run-time IdP', () => {
  const ISSUER = 'https://idp.idchain.test/saml';
  let providerArn: string;
  let roleArn: string;

  beforeAll(async () => {
    providerArn = (await world.iam.send(new CreateSAMLProviderCommand({ Name: 'idchain-sdk-idp', SAMLMetadataDocument: metadataXml(ISSUER, [idpKey.certificateBase64]) })))
      .SAMLProviderArn!;
    roleArn = await role('saml-sdk', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }],
    });
  });

  const assertion = () =>
    sign(
      responseXml({
        issuer: ISSUER,
        nameId: 'alice',
        nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
        recipient: 'https://signin.aws.amazon.com/saml',
        notOnOrAfter: new Date(world.clock.now().getTime() + 300_000),
        roles: [`${roleArn},${providerArn}`],
        roleSessionName: 'alice',
        sessionDuration: '1800',
      }),
      idpKey,
    );

  test('IAM lists and answers the provider', async () => {
    expect(providerArn).toBe(`arn:aws:iam::${ACCOUNT}:saml-provider/idchain-sdk-idp`);
    expect((await world.iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList?.map((p) => p.Arn)).toContain(providerArn);
    const got = await world.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: providerArn }));
    expect(got.SAMLMetadataDocument).toContain(`entityID="${ISSUER}"`);
  });

  test('AssumeRoleWithSAML answers the SAML fields and 30-minute credentials (SessionDuration 1800)', async () => {
    const out = await world.sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: roleArn, PrincipalArn: providerArn, SAMLAssertion: encode(assertion()) }));
    expect(out).toMatchObject({ Subject: 'alice', SubjectType: 'transient', Issuer: ISSUER, Audience: 'https://signin.aws.amazon.com/saml' });
    expect(out.NameQualifier).toMatch(/^[A-Za-z0-9+/]{27}=$/); // base64 of a 20-byte SHA-1
    expect((out.Credentials!.Expiration!.getTime() - world.clock.now().getTime()) / 1000).toBe(1800);
    expect((await clientsFor(out.Credentials!).sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/saml-sdk/alice`);
  });

  test('a tampered assertion → InvalidIdentityToken 400 "Response signature invalid"', async () => {
    const tampered = assertion().replace('>alice<', '>mallory<');
    expect(await rejection(world.sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: roleArn, PrincipalArn: providerArn, SAMLAssertion: encode(tampered) })))).toMatchObject({
      name: 'InvalidIdentityTokenException',
      status: 400,
      message: 'Response signature invalid',
    });
  });
});

describe('AssumeRole, role chaining and session policies', () => {
  let backendArn: string;
  let targetArn: string;

  beforeAll(async () => {
    const admin = (await world.sts.send(new GetCallerIdentityCommand({}))).Arn!;
    backendArn = await role('api-backend', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: admin }, Action: 'sts:AssumeRole' }] });
    targetArn = await role(
      'reports-reader',
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [admin, backendArn] }, Action: 'sts:AssumeRole' }] },
      { max: 43_200, allow: ['iam:GetRole', 'iam:ListRoles'] },
    );
  });

  const backend = async () =>
    clientsFor((await world.sts.send(new AssumeRoleCommand({ RoleArn: backendArn, RoleSessionName: 'backend' }))).Credentials!);

  test('chaining from the backend role: 3601 s → the documented ValidationError; 3600 s works', async () => {
    const { sts } = await backend();
    expect(await rejection(sts.send(new AssumeRoleCommand({ RoleArn: targetArn, RoleSessionName: 'chained', DurationSeconds: 3601 })))).toMatchObject({
      name: 'ValidationError',
      status: 400,
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: targetArn, RoleSessionName: 'chained', DurationSeconds: 3600 }));
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/reports-reader/chained`);
    expect(out.PackedPolicySize).toBeUndefined();
  });

  test('a session policy narrows: ListRoles allowed, GetRole (allowed by the role) denied by the session policy', async () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' }] });
    const out = await world.sts.send(new AssumeRoleCommand({ RoleArn: targetArn, RoleSessionName: 'narrowed', Policy: policy }));
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    const { iam, sts } = clientsFor(out.Credentials!);
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/reports-reader/narrowed`);
    expect((await iam.send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName)).toContain('reports-reader');
    expect(await rejection(iam.send(new GetRoleCommand({ RoleName: 'reports-reader' })))).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/reports-reader/narrowed is not authorized to perform: iam:GetRole on resource: role reports-reader because no session policy allows the iam:GetRole action`,
    });
  });

  test('a role that does not trust the caller → AccessDenied 403', async () => {
    const { sts } = await backend();
    expect(await rejection(sts.send(new AssumeRoleCommand({ RoleArn: backendArn, RoleSessionName: 'self' })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});

describe('GetFederationToken and GetSessionToken', () => {
  test('a federated user: FederatedUser in the answer, federated-user/<name> as caller identity', async () => {
    const out = await world.sts.send(new GetFederationTokenCommand({ Name: 'carol' }));
    expect(out.FederatedUser).toEqual({ FederatedUserId: `${ACCOUNT}:carol`, Arn: `arn:aws:sts::${ACCOUNT}:federated-user/carol` });
    expect(out.PackedPolicySize).toBe(0);
    expect((out.Credentials!.Expiration!.getTime() - world.clock.now().getTime()) / 1000).toBe(43_200);
    const me = await clientsFor(out.Credentials!).sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Arn: `arn:aws:sts::${ACCOUNT}:federated-user/carol`, UserId: `${ACCOUNT}:carol`, Account: ACCOUNT });
  });

  test('session-token credentials act as the user, are refused by IAM, and cannot get another session token', async () => {
    const admin = await world.sts.send(new GetCallerIdentityCommand({}));
    const out = await world.sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const { sts, iam } = clientsFor(out.Credentials!);
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({ Arn: admin.Arn, UserId: admin.UserId });
    expect(await rejection(iam.send(new ListRolesCommand({})))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    expect(await rejection(sts.send(new GetSessionTokenCommand({})))).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: 'Cannot call GetSessionToken with session credentials',
    });
  });

  test('DurationSeconds out of range → ValidationError', async () => {
    expect(await rejection(world.sts.send(new GetSessionTokenCommand({ DurationSeconds: 129_601 })))).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(await rejection(world.sts.send(new GetFederationTokenCommand({ Name: 'carol', DurationSeconds: 899 })))).toMatchObject({ name: 'ValidationError' });
  });
});
