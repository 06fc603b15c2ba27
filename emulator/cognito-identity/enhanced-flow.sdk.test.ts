// The enhanced flow end to end through the real AWS SDK v3 clients against a
// started emulator: IAM roles, a user pool with groups, an ID token, GetId,
// GetCredentialsForIdentity, and STS GetCallerIdentity signed with the result.
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { decodeJwt } from 'jose';
import { ManualClock } from '../clock';
import { startEmulator, type StartedEmulator } from '../index';

const PASSWORD = 'Correct-Horse-9-Battery';

/** The documented identity-pool trust policy [aws-contract.md §2 Trust policy; CG "Role trust and permissions"]. */
function trustPolicy(identityPoolId: string, amr: 'authenticated' | 'unauthenticated'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
        },
      },
    ],
  });
}

let emu: StartedEmulator;
const clock = new ManualClock(Date.UTC(2026, 0, 1));
let identity: CognitoIdentityClient;
let idp: CognitoIdentityProviderClient;
let iam: IAMClient;

beforeAll(async () => {
  emu = await startEmulator({ clock });
  const base = { endpoint: emu.url, region: emu.region, credentials: emu.credentials };
  identity = new CognitoIdentityClient(base);
  idp = new CognitoIdentityProviderClient(base);
  iam = new IAMClient(base);
});

afterAll(async () => {
  for (const c of [identity, idp, iam]) c?.destroy();
  await emu?.stop();
});

/** A user pool with an app client, groups `admins` (precedence 0, admin role) and `readers` (precedence 5, reader role), and alice in both. */
async function userPoolWithGroups(roles: { admin: string; reader: string }) {
  const pool = (await idp.send(new CreateUserPoolCommand({ PoolName: 'idchain-ci-users' }))).UserPool!;
  const client = (
    await idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.Id!,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    )
  ).UserPoolClient!;
  await idp.send(new CreateGroupCommand({ UserPoolId: pool.Id!, GroupName: 'admins', Precedence: 0, RoleArn: roles.admin }));
  await idp.send(new CreateGroupCommand({ UserPoolId: pool.Id!, GroupName: 'readers', Precedence: 5, RoleArn: roles.reader }));
  await idp.send(new AdminCreateUserCommand({ UserPoolId: pool.Id!, Username: 'alice', MessageAction: 'SUPPRESS' }));
  await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id!, Username: 'alice', Password: PASSWORD, Permanent: true }));
  for (const group of ['admins', 'readers']) {
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id!, Username: 'alice', GroupName: group }));
  }
  const auth = await idp.send(
    new AdminInitiateAuthCommand({
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      UserPoolId: pool.Id!,
      ClientId: client.ClientId!,
      AuthParameters: { USERNAME: 'alice', PASSWORD },
    }),
  );
  return {
    poolId: pool.Id!,
    clientId: client.ClientId!,
    providerName: `cognito-idp.${emu.region}.amazonaws.com/${pool.Id!}`,
    idToken: auth.AuthenticationResult!.IdToken!,
  };
}

async function createRole(name: string, trust: string): Promise<string> {
  return (await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }))).Role!.Arn!;
}

test('user pool groups → ID token → GetId → GetCredentialsForIdentity → credentials that sign STS as the preferred role for one hour', async () => {
  const identityPoolId = (
    await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'idchain ci enhanced', AllowUnauthenticatedIdentities: false }))
  ).IdentityPoolId!;
  const authRole = await createRole('ci-authenticated', trustPolicy(identityPoolId, 'authenticated'));
  const adminRole = await createRole('ci-admin', trustPolicy(identityPoolId, 'authenticated'));
  const readerRole = await createRole('ci-reader', trustPolicy(identityPoolId, 'authenticated'));
  const users = await userPoolWithGroups({ admin: adminRole, reader: readerRole });

  // The pool accepts the user pool's app client; its role mapping takes the role from the token.
  await identity.send(
    new UpdateIdentityPoolCommand({
      IdentityPoolId: identityPoolId,
      IdentityPoolName: 'idchain ci enhanced',
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: users.providerName, ClientId: users.clientId, ServerSideTokenCheck: false }],
    }),
  );
  await identity.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: identityPoolId,
      Roles: { authenticated: authRole },
      RoleMappings: { [`${users.providerName}:${users.clientId}`]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
    }),
  );

  const logins = { [users.providerName]: users.idToken };
  const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: logins }));
  expect(IdentityId).toMatch(new RegExp(`^${emu.region}:[0-9a-f-]{36}$`));
  // The same login maps to the same identity (CI-API GetId).
  expect((await identity.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: logins }))).IdentityId).toBe(IdentityId);

  const issuedAt = clock.now();
  const answer = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  expect(answer.IdentityId).toBe(IdentityId);
  const c = answer.Credentials!;
  expect(c.AccessKeyId).toMatch(/^ASIA/);
  // aws-contract.md §2 Flows: one hour, no duration parameter.
  expect(c.Expiration!.getTime() - issuedAt.getTime()).toBe(3600 * 1000);

  const sts = (at: number) => {
    clock.set(new Date(issuedAt.getTime() + at * 1000));
    return new STSClient({
      endpoint: emu.url,
      region: emu.region,
      credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretKey!, sessionToken: c.SessionToken! },
    });
  };
  // precedence 0 wins → admins' role is cognito:preferred_role (aws-contract.md §1); session name [obs, §2].
  const early = sts(3599);
  const caller = await early.send(new GetCallerIdentityCommand({}));
  early.destroy();
  expect(caller.Arn).toBe(`arn:aws:sts::${emu.accountId}:assumed-role/ci-admin/CognitoIdentityCredentials`);
  expect(caller.Account).toBe(emu.accountId);

  const late = sts(3600);
  await expect(late.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'ExpiredToken' });
  late.destroy();
  clock.set(issuedAt);
});

test('a role whose trust policy names another identity pool → InvalidIdentityPoolConfigurationException (aws-contract.md §2 Trust policy)', async () => {
  const create = async (name: string) =>
    (await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: name, AllowUnauthenticatedIdentities: true }))).IdentityPoolId!;
  const ours = await create('idchain ci ours');
  const theirs = await create('idchain ci theirs');
  const guestRole = await createRole('ci-guest-of-theirs', trustPolicy(theirs, 'unauthenticated'));
  await identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: ours, Roles: { unauthenticated: guestRole } }));

  const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: ours }));
  const err = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId })).then(
    () => undefined,
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => e,
  );
  expect(err?.name).toBe('InvalidIdentityPoolConfigurationException');
  expect(err?.$metadata?.httpStatusCode).toBe(400);
  expect(err?.message).toBe('Invalid identity pool configuration. Check assigned IAM roles for this pool.');
});

test('SetIdentityPoolRoles with a role IAM does not know → NotAuthorizedException "Access to Role \'<arn>\' is forbidden." [obs, aws-contract.md §4]', async () => {
  const pool = (
    await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'idchain ci roles', AllowUnauthenticatedIdentities: true }))
  ).IdentityPoolId!;
  const ghost = `arn:aws:iam::${emu.accountId}:role/ci-never-created`;
  await expect(identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: pool, Roles: { authenticated: ghost } }))).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: `Access to Role '${ghost}' is forbidden.`,
    $metadata: { httpStatusCode: 400 },
  });
});

test('an ID token past its exp → NotAuthorizedException "Invalid login token. Token expired: <now> >= <exp>" [obs: aws-amplify/amplify-js#3675]', async () => {
  const identityPoolId = (
    await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'idchain ci expiry', AllowUnauthenticatedIdentities: false }))
  ).IdentityPoolId!;
  const role = await createRole('ci-expiry', trustPolicy(identityPoolId, 'authenticated'));
  const users = await userPoolWithGroups({ admin: role, reader: role });
  await identity.send(
    new UpdateIdentityPoolCommand({
      IdentityPoolId: identityPoolId,
      IdentityPoolName: 'idchain ci expiry',
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: users.providerName, ClientId: users.clientId }],
    }),
  );
  const exp = decodeJwt(users.idToken).exp!;
  const start = clock.now();
  clock.set(new Date(exp * 1000));
  await expect(
    identity.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [users.providerName]: users.idToken } })),
  ).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: `Invalid login token. Token expired: ${exp} >= ${exp}`,
    $metadata: { httpStatusCode: 400 },
  });
  clock.set(start);
});
