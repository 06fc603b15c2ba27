// Guest (unauthenticated) access and developer-authenticated identities end to
// end through the AWS SDK v3 clients (aws-contract.md §2 Flows; CI-API GetId,
// GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity, LookupDeveloperIdentity,
// UnlinkDeveloperIdentity, GetCredentialsForIdentity).
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  LookupDeveloperIdentityCommand,
  UnlinkDeveloperIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { decodeJwt } from 'jose';
import { identityPoolTrust, rejection, startWorld, type World } from './sdk-test-support';

const DEV = 'login.idchain.dev';
let w: World;
let guestPool: string;
let devPool: string;
let roles: Record<'guest' | 'authOnly' | 'dev', string>;

beforeAll(async () => {
  w = await startWorld();
  guestPool = await w.identityPool({ name: 'idchain guests', allowGuests: true, classic: true });
  devPool = await w.identityPool({ name: 'idchain dev', allowGuests: true, classic: true, developerProvider: DEV });
  roles = {
    guest: (await w.role('guest-unauth', identityPoolTrust(guestPool, 'unauthenticated'))).arn,
    authOnly: (await w.role('guest-auth-only', identityPoolTrust(guestPool, 'authenticated'))).arn,
    dev: (await w.role('dev-auth', identityPoolTrust(devPool, 'authenticated'))).arn,
  };
  await w.setRoles(guestPool, { unauthenticated: roles.guest });
  await w.setRoles(devPool, { authenticated: roles.dev });
});

afterAll(() => w?.stop());

async function callerArn(c: Parameters<World['stsAs']>[0]) {
  return (await w.stsAs(c).send(new GetCallerIdentityCommand({}))).Arn;
}

describe('guest access', () => {
  test('enhanced: GetId and GetCredentialsForIdentity without Logins land in the unauthenticated role; the id comes back as passed', async () => {
    const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: guestPool }));
    const answer = await w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    expect(answer.IdentityId).toBe(IdentityId);
    expect(await callerArn(answer.Credentials!)).toBe(`arn:aws:sts::${w.emu.accountId}:assumed-role/guest-unauth/CognitoIdentityCredentials`);
    const again = await w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    expect(again.IdentityId).toBe(IdentityId);
  });

  test('basic: the guest OpenID token has amr ["unauthenticated"] and STS lets it into the unauthenticated role only', async () => {
    const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: guestPool }));
    const { Token, IdentityId: answered } = await w.identity.send(new GetOpenIdTokenCommand({ IdentityId }));
    expect(answered).toBe(IdentityId);
    expect(decodeJwt(Token!)).toMatchObject({ amr: ['unauthenticated'], sub: IdentityId, aud: guestPool });
    const assume = (RoleArn: string) =>
      w.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn, RoleSessionName: 'guest', WebIdentityToken: Token! }));
    expect((await assume(roles.guest)).AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${w.emu.accountId}:assumed-role/guest-unauth/guest`);
    // A role that trusts only `authenticated` refuses a guest.
    expect(await rejection(assume(roles.authOnly))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  test('a pool without AllowUnauthenticatedIdentities refuses GetId without Logins: NotAuthorizedException [obs]', async () => {
    const closed = await w.identityPool({ name: 'idchain closed', allowGuests: false, classic: true });
    expect(await rejection(w.identity.send(new GetIdCommand({ IdentityPoolId: closed })))).toEqual({
      name: 'NotAuthorizedException',
      status: 400,
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
  });

  test('the enhanced flow refuses a guest whose unauthenticated role trusts only authenticated identities', async () => {
    const pool = await w.identityPool({ name: 'idchain misrolled', allowGuests: true });
    await w.setRoles(pool, { unauthenticated: (await w.role('misrolled', identityPoolTrust(pool, 'authenticated'))).arn });
    const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: pool }));
    expect((await rejection(w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId })))).name).toBe(
      'InvalidIdentityPoolConfigurationException',
    );
  });
});

describe('developer-authenticated identities', () => {
  const devToken = (userId: string, extra: { IdentityId?: string; TokenDuration?: number } = {}) =>
    w.identity.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: devPool, Logins: { [DEV]: userId }, ...extra }));

  test('a new user gets a new identity, the same user the same one; the token lasts 15 minutes and names the developer login in amr', async () => {
    const first = await devToken('user-1');
    expect((await devToken('user-1')).IdentityId).toBe(first.IdentityId);
    const claims = decodeJwt(first.Token!);
    expect(claims).toMatchObject({ iss: 'https://cognito-identity.amazonaws.com', aud: devPool, sub: first.IdentityId });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(claims.amr).toEqual(['authenticated', DEV, `${DEV}:${devPool}:user-1`]);
  });

  test.each([1, 86400])('TokenDuration %i is accepted and is the token lifetime', async (seconds) => {
    const claims = decodeJwt((await devToken('user-duration', { TokenDuration: seconds })).Token!);
    expect(claims.exp! - claims.iat!).toBe(seconds);
  });

  test.each<[number, string]>([
    [0, 'Member must have value greater than or equal to 1'],
    [86401, 'Member must have value less than or equal to 86400'],
  ])('TokenDuration %i → ValidationException (CI-API TokenDuration 1–86400)', async (seconds, constraint) => {
    expect(await rejection(devToken('user-duration', { TokenDuration: seconds }))).toEqual({
      name: 'ValidationException',
      status: 400,
      message: `1 validation error detected: Value '${seconds}' at 'tokenDuration' failed to satisfy constraint: ${constraint}`,
    });
  });

  test('the token goes through GetCredentialsForIdentity as the cognito-identity.amazonaws.com login: the default authenticated role', async () => {
    const { IdentityId, Token } = await devToken('user-enhanced');
    const answer = await w.identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: { 'cognito-identity.amazonaws.com': Token! } }),
    );
    expect(answer.IdentityId).toBe(IdentityId);
    expect(await callerArn(answer.Credentials!)).toBe(`arn:aws:sts::${w.emu.accountId}:assumed-role/dev-auth/CognitoIdentityCredentials`);
  });

  test('the token goes through the basic flow: STS AssumeRoleWithWebIdentity', async () => {
    const { IdentityId, Token } = await devToken('user-basic');
    const answer = await w.sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: roles.dev, RoleSessionName: 'dev', WebIdentityToken: Token! }),
    );
    expect(answer).toMatchObject({ SubjectFromWebIdentityToken: IdentityId, Audience: devPool, Provider: 'cognito-identity.amazonaws.com' });
  });

  test('the token of another identity → NotAuthorizedException "Logins don\'t match…"', async () => {
    const a = await devToken('user-a');
    const b = await devToken('user-b');
    expect(
      await rejection(w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: a.IdentityId, Logins: { 'cognito-identity.amazonaws.com': b.Token! } }))),
    ).toMatchObject({ name: 'NotAuthorizedException', message: "Logins don't match. Please include at least one valid login for this identity or identity pool." });
  });

  test('an existing guest identity takes the developer login and keeps its id; the same user on another identity → DeveloperUserAlreadyRegisteredException', async () => {
    const { IdentityId: guest } = await w.identity.send(new GetIdCommand({ IdentityPoolId: devPool }));
    expect((await devToken('user-linked', { IdentityId: guest })).IdentityId).toBe(guest);
    const { IdentityId: other } = await w.identity.send(new GetIdCommand({ IdentityPoolId: devPool }));
    expect(await rejection(devToken('user-linked', { IdentityId: other }))).toMatchObject({
      name: 'DeveloperUserAlreadyRegisteredException',
      status: 400,
    });
  });

  test('LookupDeveloperIdentity finds the identity of a user and the user of an identity; UnlinkDeveloperIdentity frees the user', async () => {
    const { IdentityId } = await devToken('user-lookup');
    const byUser = await w.identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: devPool, DeveloperUserIdentifier: 'user-lookup' }));
    expect(byUser).toMatchObject({ IdentityId, DeveloperUserIdentifierList: ['user-lookup'] });
    const byId = await w.identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: devPool, IdentityId }));
    expect(byId.DeveloperUserIdentifierList).toEqual(['user-lookup']);
    await w.identity.send(
      new UnlinkDeveloperIdentityCommand({ IdentityPoolId: devPool, IdentityId, DeveloperProviderName: DEV, DeveloperUserIdentifier: 'user-lookup' }),
    );
    expect((await rejection(w.identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: devPool, DeveloperUserIdentifier: 'user-lookup' })))).name).toBe(
      'ResourceNotFoundException',
    );
    // "Unlinked developer users will be considered new identities next time they are seen."
    expect((await devToken('user-lookup')).IdentityId).not.toBe(IdentityId);
  });

  test('a developer provider the pool does not have → NotAuthorizedException [obs: danilop/LambdAuth#32]', async () => {
    const refused = await rejection(
      w.identity.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: devPool, Logins: { 'login.someone.else': 'u' } })),
    );
    expect(refused).toEqual({ name: 'NotAuthorizedException', status: 400, message: 'This identity pool does not support the specified developer provider' });
  });

  test('GetId with the OpenID token as a login → NotAuthorizedException "Invalid login token. Can\'t pass in a Cognito token." [obs: aws-amplify/amplify-js#665]', async () => {
    const { Token } = await devToken('user-getid');
    expect(
      await rejection(w.identity.send(new GetIdCommand({ IdentityPoolId: devPool, Logins: { 'cognito-identity.amazonaws.com': Token! } }))),
    ).toEqual({ name: 'NotAuthorizedException', status: 400, message: "Invalid login token. Can't pass in a Cognito token." });
  });

  test('unknown pool → ResourceNotFoundException', async () => {
    const missing = 'us-east-1:00000000-0000-4000-8000-000000000000';
    expect(
      await rejection(w.identity.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: missing, Logins: { [DEV]: 'u' } }))),
    ).toEqual({ name: 'ResourceNotFoundException', status: 400, message: `IdentityPool '${missing}' not found.` });
  });
});
