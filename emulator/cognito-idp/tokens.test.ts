import { decodeJwt, decodeProtectedHeader } from 'jose';
import { idpHarness, type IdpHarness } from './test-support';
import { UserPoolTokenError, verifyUserPoolToken } from './verify-token';

const ADMIN = 'arn:aws:iam::123456789012:role/admin';
const EDITOR = 'arn:aws:iam::123456789012:role/editor';
const PASSWORD = 'Correct-Horse-1';

async function signedInUser(h: IdpHarness, opts: { groups?: { name: string; role?: string; precedence?: number }[]; client?: Record<string, unknown> } = {}) {
  const pool = (
    await h.call('CreateUserPool', { PoolName: 'tokens', Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }] })
  ).UserPool;
  const client = (
    await h.call('CreateUserPoolClient', {
      UserPoolId: pool.Id,
      ClientName: 'app',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ...opts.client,
    })
  ).UserPoolClient;
  await h.call('AdminCreateUser', {
    UserPoolId: pool.Id,
    Username: 'alice',
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: 'alice@example.com' },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'custom:tenant', Value: 'acme' },
    ],
  });
  await h.call('AdminSetUserPassword', { UserPoolId: pool.Id, Username: 'alice', Password: PASSWORD, Permanent: true });
  for (const group of opts.groups ?? []) {
    await h.call('CreateGroup', { UserPoolId: pool.Id, GroupName: group.name, RoleArn: group.role, Precedence: group.precedence });
    await h.call('AdminAddUserToGroup', { UserPoolId: pool.Id, Username: 'alice', GroupName: group.name });
  }
  const auth = await h.call('AdminInitiateAuth', {
    UserPoolId: pool.Id,
    ClientId: client.ClientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'alice', PASSWORD },
  });
  return { pool, client, result: auth.AuthenticationResult };
}

describe('user pool tokens', () => {
  it('ID token carries the documented claims [doc: CG "Understanding the identity (ID) token"]', async () => {
    const h = idpHarness();
    const { pool, client, result } = await signedInUser(h, {
      groups: [
        { name: 'admins', role: ADMIN, precedence: 0 },
        { name: 'editors', role: EDITOR, precedence: 10 },
      ],
    });
    const header = decodeProtectedHeader(result.IdToken);
    expect(header.alg).toBe('RS256');
    expect(typeof header.kid).toBe('string');

    const claims = decodeJwt(result.IdToken);
    const now = Math.floor(Date.UTC(2026, 0, 1) / 1000);
    expect(claims).toMatchObject({
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${pool.Id}`,
      aud: client.ClientId,
      token_use: 'id',
      'cognito:username': 'alice',
      email: 'alice@example.com',
      email_verified: true,
      'custom:tenant': 'acme',
      auth_time: now,
      iat: now,
      exp: now + 3600,
      'cognito:preferred_role': ADMIN,
    });
    expect(claims.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect([...(claims['cognito:groups'] as string[])].sort()).toEqual(['admins', 'editors']);
    expect([...(claims['cognito:roles'] as string[])].sort()).toEqual([ADMIN, EDITOR]);
    for (const claim of ['jti', 'origin_jti', 'event_id']) expect(typeof claims[claim]).toBe('string');
  });

  it('access token carries client_id, username, scope and groups, and no aud [doc: CG "Understanding the access token"]', async () => {
    const h = idpHarness();
    const { client, result } = await signedInUser(h, { groups: [{ name: 'admins', role: ADMIN }] });
    const claims = decodeJwt(result.AccessToken);
    expect(claims).toMatchObject({
      client_id: client.ClientId,
      username: 'alice',
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      'cognito:groups': ['admins'],
    });
    expect(claims.aud).toBeUndefined();
    expect(claims['cognito:roles']).toBeUndefined();
    expect(decodeJwt(result.IdToken).origin_jti).toBe(claims.origin_jti);
    expect(result).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(typeof result.RefreshToken).toBe('string');
  });

  it('leaves group and role claims out for a user in no group', async () => {
    const h = idpHarness();
    const claims = decodeJwt((await signedInUser(h)).result.IdToken);
    expect(claims['cognito:groups']).toBeUndefined();
    expect(claims['cognito:roles']).toBeUndefined();
    expect(claims['cognito:preferred_role']).toBeUndefined();
  });

  it('leaves out cognito:preferred_role on a precedence tie between different roles, keeps cognito:roles', async () => {
    const h = idpHarness();
    const { result } = await signedInUser(h, {
      groups: [
        { name: 'a', role: ADMIN, precedence: 1 },
        { name: 'b', role: EDITOR, precedence: 1 },
      ],
    });
    const claims = decodeJwt(result.IdToken);
    expect(claims['cognito:preferred_role']).toBeUndefined();
    expect([...(claims['cognito:roles'] as string[])].sort()).toEqual([ADMIN, EDITOR]);
  });

  it("honours the 'precedence-reversed' mutant in issued tokens", async () => {
    const h = idpHarness(['precedence-reversed']);
    const { result } = await signedInUser(h, {
      groups: [
        { name: 'admins', role: ADMIN, precedence: 0 },
        { name: 'editors', role: EDITOR, precedence: 10 },
      ],
    });
    expect(decodeJwt(result.IdToken)['cognito:preferred_role']).toBe(EDITOR);
  });

  it('uses the lifetimes set on the client, in their units', async () => {
    const h = idpHarness();
    const { result } = await signedInUser(h, {
      client: { IdTokenValidity: 5, AccessTokenValidity: 1, TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'days' } },
    });
    const id = decodeJwt(result.IdToken);
    const access = decodeJwt(result.AccessToken);
    expect(id.exp! - id.iat!).toBe(300);
    expect(access.exp! - access.iat!).toBe(86400);
    expect(result.ExpiresIn).toBe(86400);
  });

  it('refresh keeps auth_time and origin_jti and returns no new refresh token', async () => {
    const h = idpHarness();
    const { pool, client, result } = await signedInUser(h);
    h.clock.advance(10 * 60_000);
    const refreshed = await h.call('AdminInitiateAuth', {
      UserPoolId: pool.Id,
      ClientId: client.ClientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: result.RefreshToken },
    });
    expect(refreshed.AuthenticationResult.RefreshToken).toBeUndefined();
    const before = decodeJwt(result.IdToken);
    const after = decodeJwt(refreshed.AuthenticationResult.IdToken);
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.iat).toBe(before.iat! + 600);
    expect(after.jti).not.toBe(before.jti);
  });
});

describe('verifyUserPoolToken', () => {
  async function reason(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (err) {
      expect(err).toBeInstanceOf(UserPoolTokenError);
      return (err as UserPoolTokenError).reason;
    }
    throw new Error('expected the token to be refused');
  }

  it('accepts ID and access tokens and says which pool and client they belong to', async () => {
    const h = idpHarness();
    const { pool, client, result } = await signedInUser(h);
    const id = await verifyUserPoolToken(h.state, result.IdToken, h.clock.now());
    expect(id).toMatchObject({ poolId: pool.Id, clientId: client.ClientId, tokenUse: 'id' });
    expect(id.claims['cognito:username']).toBe('alice');
    const access = await verifyUserPoolToken(h.state, result.AccessToken, h.clock.now());
    expect(access).toMatchObject({ poolId: pool.Id, clientId: client.ClientId, tokenUse: 'access' });
  });

  it('refuses an expired token', async () => {
    const h = idpHarness();
    const { result } = await signedInUser(h);
    const later = new Date(h.clock.now().getTime() + 3600_000);
    expect(await reason(verifyUserPoolToken(h.state, result.IdToken, later))).toBe('expired');
  });

  it('refuses a token whose payload was changed', async () => {
    const h = idpHarness();
    const { result } = await signedInUser(h);
    const [header, payload, signature] = result.IdToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims['cognito:preferred_role'] = ADMIN;
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expect(await reason(verifyUserPoolToken(h.state, forged, h.clock.now()))).toBe('bad-signature');
  });

  it('refuses a token from a pool that no longer exists, and a token signed by another pool', async () => {
    const h = idpHarness();
    const first = await signedInUser(h);
    const second = await signedInUser(h);
    const [, payload] = first.result.IdToken.split('.');
    const [header, , signature] = second.result.IdToken.split('.');
    expect(await reason(verifyUserPoolToken(h.state, [header, payload, signature].join('.'), h.clock.now()))).toBe('bad-signature');
    await h.call('DeleteUserPool', { UserPoolId: first.pool.Id });
    expect(await reason(verifyUserPoolToken(h.state, first.result.IdToken, h.clock.now()))).toBe('unknown-issuer');
  });

  it('refuses something that is not a JWT', async () => {
    const h = idpHarness();
    expect(await reason(verifyUserPoolToken(h.state, 'not-a-token', h.clock.now()))).toBe('malformed');
  });
});
