// The basic (classic) flow end to end through the AWS SDK v3 clients against a
// started emulator: GetId → GetOpenIdToken → STS AssumeRoleWithWebIdentity, the
// DurationSeconds matrix, and every refusal the contract lists
// (aws-contract.md §2 Flows, Trust policy; §3; §5 OIDC errors).
import { GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { identityPoolTrust, rejection, startWorld, type UserPoolHandle, type World } from './sdk-test-support';

const SESSION = 'idchain-basic';
let w: World;
let users: UserPoolHandle;
let basicPool: string;
let roles: Record<'app' | 'long' | 'guestsOnly' | 'foreign' | 'poolDefault', { arn: string; roleId: string }>;

beforeAll(async () => {
  w = await startWorld();
  users = await w.userPool('idchain-basic-users', { ana: {} });
  basicPool = await w.identityPool({ name: 'idchain basic', allowGuests: true, classic: true, providers: [users] });
  const foreignPool = 'us-east-1:00000000-0000-4000-8000-000000000000';
  roles = {
    app: await w.role('basic-app', identityPoolTrust(basicPool, 'authenticated')),
    long: await w.role('basic-long', identityPoolTrust(basicPool, 'authenticated'), 7200),
    guestsOnly: await w.role('basic-guests-only', identityPoolTrust(basicPool, 'unauthenticated')),
    foreign: await w.role('basic-foreign', identityPoolTrust(foreignPool, 'authenticated')),
    poolDefault: await w.role('basic-pool-default', identityPoolTrust(basicPool, 'authenticated')),
  };
  await w.setRoles(basicPool, { authenticated: roles.poolDefault.arn });
});

afterAll(() => w?.stop());

/** Sign ana in, GetId, GetOpenIdToken with the same Logins. */
async function openIdToken(pool = basicPool) {
  const logins = users.logins(await users.idToken('ana'));
  const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: pool, Logins: logins }));
  const answer = await w.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins: logins }));
  return { identityId: IdentityId!, answer, token: answer.Token!, idToken: logins[users.provider] };
}

function assume(roleArn: string, token: string, durationSeconds?: number, sessionName = SESSION) {
  return w.sts.send(
    new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: sessionName, WebIdentityToken: token, DurationSeconds: durationSeconds }),
  );
}

describe('happy path', () => {
  test('the OpenID token: issuer cognito-identity, aud the pool, sub the identity, amr with the user pool login, 10 minutes (CI-API GetOpenIdToken)', async () => {
    const { identityId, answer, token, idToken } = await openIdToken();
    expect(answer.IdentityId).toBe(identityId);
    const claims = decodeJwt(token);
    const sub = decodeJwt(idToken).sub!;
    expect(claims).toMatchObject({ iss: 'https://cognito-identity.amazonaws.com', aud: basicPool, sub: identityId });
    // CG "Role trust and permissions": amr holds "authenticated" and the providers used.
    expect(claims.amr).toEqual(['authenticated', users.provider, `${users.provider}:CognitoSignIn:${sub}`]);
    expect(claims.exp! - claims.iat!).toBe(600);
    expect(claims.iat).toBe(Math.floor(w.clock.now().getTime() / 1000));
  });

  test('the token verifies against the keys the emulator publishes for the identity service', async () => {
    const { token } = await openIdToken();
    const jwks = (await (await fetch(`${w.emu.url}/.well-known/cognito-identity/jwks`)).json()) as JSONWebKeySet;
    const config = (await (await fetch(`${w.emu.url}/.well-known/cognito-identity/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config.issuer).toBe('https://cognito-identity.amazonaws.com');
    expect(config.jwks_uri).toBe(`${w.emu.url}/.well-known/cognito-identity/jwks`);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: 'https://cognito-identity.amazonaws.com',
      audience: basicPool,
      currentDate: w.clock.now(),
    });
    expect(payload.aud).toBe(basicPool);
    expect(protectedHeader.kid).toBe(jwks.keys[0].kid);
  });

  test('STS answers credentials for the role the app chose, with Subject, Provider and Audience (STS-API AssumeRoleWithWebIdentity)', async () => {
    const { identityId, token } = await openIdToken();
    const sentAt = w.clock.now().getTime();
    const answer = await assume(roles.app.arn, token);
    expect(answer.SubjectFromWebIdentityToken).toBe(identityId);
    expect(answer.Audience).toBe(basicPool);
    expect(answer.Provider).toBe('cognito-identity.amazonaws.com');
    expect(answer.AssumedRoleUser).toEqual({
      Arn: `arn:aws:sts::${w.emu.accountId}:assumed-role/basic-app/${SESSION}`,
      AssumedRoleId: `${roles.app.roleId}:${SESSION}`,
    });
    expect(answer.PackedPolicySize).toBeUndefined();
    const c = answer.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA/);
    expect(c.SecretAccessKey).toHaveLength(40);
    expect(c.SessionToken).toBeTruthy();
    expect(c.Expiration!.getTime() - sentAt).toBe(3600 * 1000);
    // The app's role, not the pool's default authenticated role.
    const caller = await w.stsAs(c).send(new GetCallerIdentityCommand({}));
    expect(caller.Arn).toBe(`arn:aws:sts::${w.emu.accountId}:assumed-role/basic-app/${SESSION}`);
    expect(caller.UserId).toBe(`${roles.app.roleId}:${SESSION}`);
  });

  test('a session policy makes STS answer PackedPolicySize', async () => {
    const { token } = await openIdToken();
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
    const answer = await w.sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: roles.app.arn, RoleSessionName: SESSION, WebIdentityToken: token, Policy: policy }),
    );
    expect(answer.PackedPolicySize).toBeGreaterThan(0);
  });
});

describe('DurationSeconds (aws-contract.md §3: 900 to the role MaxSessionDuration, default 3600)', () => {
  const OVER_ROLE = 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
  it.each<[string, 'app' | 'long', number | undefined, number | string]>([
    ['899 refused', 'app', 899, "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"],
    ['900 accepted', 'app', 900, 900],
    ['omitted gives 3600', 'app', undefined, 3600],
    ['3600 accepted (max 3600)', 'app', 3600, 3600],
    ['3601 refused (max 3600)', 'app', 3601, OVER_ROLE],
    ['7200 accepted (max 7200)', 'long', 7200, 7200],
    ['7201 refused (max 7200)', 'long', 7201, OVER_ROLE],
    ['43201 refused (model maximum)', 'long', 43201, "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"],
  ])('%s', async (_label, role, duration, expected) => {
    const { token } = await openIdToken();
    if (typeof expected === 'string') {
      expect(await rejection(assume(roles[role].arn, token, duration))).toEqual({ name: 'ValidationError', status: 400, message: expected });
      return;
    }
    const sentAt = w.clock.now().getTime();
    const answer = await assume(roles[role].arn, token, duration);
    expect(answer.Credentials!.Expiration!.getTime() - sentAt).toBe(expected * 1000);
  });
});

describe('refusals', () => {
  test('a pool without AllowClassicFlow → InvalidParameterException "Basic (classic) flow is not enabled, please use enhanced flow." [obs]', async () => {
    const pool = await w.identityPool({ name: 'idchain no classic', allowGuests: false, classic: false, providers: [users] });
    const logins = users.logins(await users.idToken('ana'));
    const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: pool, Logins: logins }));
    expect(await rejection(w.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins: logins })))).toEqual({
      name: 'InvalidParameterException',
      status: 400,
      message: 'Basic (classic) flow is not enabled, please use enhanced flow.',
    });
  });

  test('a pool with RoleMappings → InvalidParameterException "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow." [obs]', async () => {
    const pool = await w.identityPool({ name: 'idchain mapped', allowGuests: false, classic: true, providers: [users] });
    await w.setRoles(pool, { authenticated: roles.poolDefault.arn }, {
      [`${users.provider}:${users.clientId}`]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' },
    });
    const logins = users.logins(await users.idToken('ana'));
    const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: pool, Logins: logins }));
    expect(await rejection(w.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins: logins })))).toEqual({
      name: 'InvalidParameterException',
      status: 400,
      message: 'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.',
    });
  });

  test.each<[string, 'foreign' | 'guestsOnly']>([
    ['aud (a role trusting another pool)', 'foreign'],
    ['amr (a role trusting only guests)', 'guestsOnly'],
  ])('a trust policy that does not match %s → AccessDenied 403 (CG "Role trust and permissions")', async (_label, role) => {
    const { token } = await openIdToken();
    expect(await rejection(assume(roles[role].arn, token))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
  });

  test('a role that does not exist → AccessDenied 403', async () => {
    const { token } = await openIdToken();
    expect((await rejection(assume(`arn:aws:iam::${w.emu.accountId}:role/never-made`, token))).name).toBe('AccessDenied');
  });

  test('an OpenID token past its 10 minutes → ExpiredTokenException "Token expired: current date/time <now> must be before … <exp>" [obs, aws-contract.md §5]', async () => {
    const { token } = await openIdToken();
    const exp = decodeJwt(token).exp!;
    const start = w.clock.now();
    w.clock.set(new Date(exp * 1000 + 1000));
    try {
      expect(await rejection(assume(roles.app.arn, token))).toEqual({
        name: 'ExpiredTokenException',
        status: 400,
        message: `Token expired: current date/time ${exp + 1} must be before the expiration date/time ${exp}`,
      });
    } finally {
      w.clock.set(start);
    }
  });

  test('a tampered token (aud changed, signature kept) → InvalidIdentityToken 400', async () => {
    const { token } = await openIdToken();
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    claims.aud = 'us-east-1:00000000-0000-4000-8000-000000000000';
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    const refused = await rejection(assume(roles.foreign.arn, tampered));
    // The wire code is InvalidIdentityToken; SDK v3 names the class InvalidIdentityTokenException.
    expect([refused.name, refused.status]).toEqual(['InvalidIdentityTokenException', 400]);
    expect(decodeProtectedHeader(tampered).alg).toBe('RS512');
  });

  test('not a JWT → InvalidIdentityToken "The ID Token provided is not a valid JWT. …" [obs, aws-contract.md §5]', async () => {
    expect(await rejection(assume(roles.app.arn, 'not-a-jwt'))).toEqual({
      name: 'InvalidIdentityTokenException',
      status: 400,
      message: 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
    });
  });

  test('a session name with a colon → ValidationError with the pattern (aws-contract.md §3)', async () => {
    const { token } = await openIdToken();
    expect(await rejection(assume(roles.app.arn, token, undefined, 'Session1:2'))).toEqual({
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    });
  });
});
