import { decodeJwt, decodeProtectedHeader } from 'jose';
import { issueOpenIdToken, openIdJwks, OpenIdTokenError, verifyOpenIdToken } from './openid-token';
import { testState } from './test-support';

const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const IDENTITY = 'us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

async function reasonOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    if (err instanceof OpenIdTokenError) return err.reason;
    throw err;
  }
  throw new Error('expected the token to be refused');
}

describe('identity-pool OpenID tokens', () => {
  const { state, clock } = testState();
  const now = clock.now();
  const issue = (lifetimeSeconds = 600, amr = ['unauthenticated']) =>
    issueOpenIdToken(state, { poolId: POOL, identityId: IDENTITY, amr, lifetimeSeconds, now });

  test('claims: sub the identity, aud the pool, amr, iss cognito-identity, exp = iat + lifetime (CI-API GetOpenIdToken)', async () => {
    const claims = decodeJwt(await issue());
    const iat = Math.floor(now.getTime() / 1000);
    expect(claims).toEqual({ sub: IDENTITY, aud: POOL, amr: ['unauthenticated'], iss: 'https://cognito-identity.amazonaws.com', exp: iat + 600, iat });
    // Real tokens list the claims in this order [obs: decoded tokens in public write-ups].
    expect(Object.keys(claims)).toEqual(['sub', 'aud', 'amr', 'iss', 'exp', 'iat']);
  });

  test('header: RS512, typ JWS, a regional kid that the published JWKS holds [obs: real token headers]', async () => {
    const header = decodeProtectedHeader(await issue());
    expect(header).toEqual({ kid: 'us-east-1-1', typ: 'JWS', alg: 'RS512' });
    expect(openIdJwks(state).keys).toEqual([expect.objectContaining({ kid: 'us-east-1-1', alg: 'RS512', kty: 'RSA', use: 'sig' })]);
  });

  test('verifies; a changed payload, a foreign issuer, another key and expiry are refused with their reason', async () => {
    const token = await issue(600, ['authenticated', 'p', 'p:CognitoSignIn:s']);
    expect((await verifyOpenIdToken(state, token, now)).amr).toEqual(['authenticated', 'p', 'p:CognitoSignIn:s']);

    const [h, p, sig] = token.split('.');
    const changed = { ...decodeJwt(token), amr: ['authenticated', 'x'] };
    expect(await reasonOf(() => verifyOpenIdToken(state, [h, Buffer.from(JSON.stringify(changed)).toString('base64url'), sig].join('.'), now))).toBe(
      'bad-signature',
    );
    const foreign = { ...decodeJwt(token), iss: 'https://evil.example' };
    expect(await reasonOf(() => verifyOpenIdToken(state, [h, Buffer.from(JSON.stringify(foreign)).toString('base64url'), sig].join('.'), now))).toBe(
      'wrong-issuer',
    );
    const other = testState().state;
    const fromOther = await issueOpenIdToken(other, { poolId: POOL, identityId: IDENTITY, amr: [], lifetimeSeconds: 600, now });
    expect(await reasonOf(() => verifyOpenIdToken(state, fromOther, now))).toBe('bad-signature');
    expect(await reasonOf(() => verifyOpenIdToken(state, token, new Date(now.getTime() + 600_000)))).toBe('expired');
    expect(await reasonOf(() => verifyOpenIdToken(state, 'nope', now))).toBe('malformed');
  });

  test('one key per emulator: every pool shares the issuer and key', async () => {
    const a = decodeProtectedHeader(await issueOpenIdToken(state, { poolId: POOL, identityId: IDENTITY, amr: [], lifetimeSeconds: 1, now }));
    const b = decodeProtectedHeader(
      await issueOpenIdToken(state, { poolId: 'us-east-1:99999999-2222-3333-4444-555555555555', identityId: IDENTITY, amr: [], lifetimeSeconds: 1, now }),
    );
    expect(a.kid).toBe(b.kid);
  });
});
