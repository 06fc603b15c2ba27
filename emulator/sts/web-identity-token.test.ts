import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { issueOpenIdToken } from '../cognito-identity/openid-token';
import { testState, withSharedOpenIdKey } from '../cognito-identity/test-support';
import { AwsServiceError } from '../errors';
import type { IssuerResolver, WebIdentityIssuer } from './web-identity-issuer';
import { WEB_IDENTITY_ISSUERS } from './web-identity-issuers';
import { resolveIssuer } from './web-identity-issuer';
import { verifyWebIdentityToken } from './web-identity-token';

const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const IDENTITY = 'us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

async function refusal(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof AwsServiceError)) throw err;
    return { code: err.code, status: err.status, message: err.message };
  }
  throw new Error('expected the token to be refused');
}

/** A stand-in OIDC issuer with its own RS256 key: what the federation work will plug in as an IAM OIDC provider. */
const issuerKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });

function testIssuer(audiences: string[]) {
  const { privateKey, publicKey } = issuerKeys;
  const iss = 'https://idp.example.test';
  const issuer: WebIdentityIssuer = {
    issuer: iss,
    provider: 'arn:aws:iam::123456789012:oidc-provider/idp.example.test',
    keys: async () => [{ kid: 'k1', alg: 'RS256', key: publicKey }],
    checkAudience: (aud) => (aud.some((a) => audiences.includes(a)) ? undefined : 'Incorrect token audience'),
    trustRequest: (claims) => ({ action: 'sts:AssumeRoleWithWebIdentity', principal: { Federated: 'x' }, context: { 'idp.example.test:sub': String(claims.sub) } }),
  };
  const resolver: IssuerResolver = (_state, candidate) => (candidate === iss ? issuer : undefined);
  const sign = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey);
  return { iss, resolver, sign };
}

describe('verifyWebIdentityToken: Cognito identity OpenID tokens', () => {
  test('a token the identity service issued verifies; Provider is cognito-identity.amazonaws.com, Audience the pool, subject the identity', async () => {
    const { state } = withSharedOpenIdKey(testState());
    const token = await issueOpenIdToken(state, { poolId: POOL, identityId: IDENTITY, amr: ['unauthenticated'], lifetimeSeconds: 600, now: state.clock.now() });
    const verified = await verifyWebIdentityToken(state, token, state.clock.now(), WEB_IDENTITY_ISSUERS);
    expect(verified).toMatchObject({ subject: IDENTITY, audience: POOL });
    expect(verified.issuer.provider).toBe('cognito-identity.amazonaws.com');
    expect(verified.issuer.trustRequest(verified.claims)).toEqual({
      action: 'sts:AssumeRoleWithWebIdentity',
      principal: { Federated: 'cognito-identity.amazonaws.com' },
      context: {
        'cognito-identity.amazonaws.com:aud': POOL,
        'cognito-identity.amazonaws.com:amr': ['unauthenticated'],
        'cognito-identity.amazonaws.com:sub': IDENTITY,
      },
    });
  });

  test('a token from another emulator (another key) → InvalidIdentityToken', async () => {
    const other = testState().state; // a key of its own
    const { state } = withSharedOpenIdKey(testState());
    const token = await issueOpenIdToken(other, { poolId: POOL, identityId: IDENTITY, amr: ['unauthenticated'], lifetimeSeconds: 600, now: state.clock.now() });
    expect(await refusal(() => verifyWebIdentityToken(state, token, state.clock.now(), WEB_IDENTITY_ISSUERS))).toMatchObject({ code: 'InvalidIdentityToken', status: 400 });
  });

  test('at exp → ExpiredTokenException with now and exp in epoch seconds (aws-contract.md §5)', async () => {
    const { state, clock } = withSharedOpenIdKey(testState());
    const token = await issueOpenIdToken(state, { poolId: POOL, identityId: IDENTITY, amr: ['unauthenticated'], lifetimeSeconds: 600, now: clock.now() });
    const exp = Math.floor(clock.now().getTime() / 1000) + 600;
    expect((await verifyWebIdentityToken(state, token, new Date((exp - 1) * 1000), WEB_IDENTITY_ISSUERS)).subject).toBe(IDENTITY);
    expect(await refusal(() => verifyWebIdentityToken(state, token, new Date(exp * 1000), WEB_IDENTITY_ISSUERS))).toEqual({
      code: 'ExpiredTokenException',
      status: 400,
      message: `Token expired: current date/time ${exp} must be before the expiration date/time ${exp}`,
    });
  });
});

describe('verifyWebIdentityToken: generic checks (aws-contract.md §5)', () => {
  const { state } = testState();
  const now = state.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);

  test('not a JWT', async () => {
    expect(await refusal(() => verifyWebIdentityToken(state, 'abcd', now, WEB_IDENTITY_ISSUERS))).toEqual({
      code: 'InvalidIdentityToken',
      status: 400,
      message: 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
    });
  });

  test('an issuer STS does not know → "No OpenIDConnect provider found in your account for <iss>"', async () => {
    const { sign } = testIssuer(['app']);
    const token = await sign({ iss: 'https://idp.example.test', aud: 'app', sub: 's', exp: nowSeconds + 60 });
    expect(await refusal(() => verifyWebIdentityToken(state, token, now, WEB_IDENTITY_ISSUERS))).toEqual({
      code: 'InvalidIdentityToken',
      status: 400,
      message: 'No OpenIDConnect provider found in your account for https://idp.example.test',
    });
  });

  test('a resolver added to the registry is consulted: the seam the OIDC providers plug into', async () => {
    const { resolver, sign, iss } = testIssuer(['app']);
    const resolvers = [...WEB_IDENTITY_ISSUERS, resolver];
    expect(resolveIssuer(state, iss, resolvers)?.issuer).toBe(iss);
    expect(resolveIssuer(state, iss, WEB_IDENTITY_ISSUERS)).toBeUndefined();
    const token = await sign({ iss, aud: 'app', sub: 'user-1', exp: nowSeconds + 60 });
    const verified = await verifyWebIdentityToken(state, token, now, resolvers);
    expect(verified).toMatchObject({ subject: 'user-1', audience: 'app' });
    expect(verified.issuer.provider).toBe('arn:aws:iam::123456789012:oidc-provider/idp.example.test');
  });

  test('no aud → "Missing a required claim: aud"; an audience the issuer refuses → its message', async () => {
    const { resolver, sign, iss } = testIssuer(['app']);
    const resolvers = [resolver];
    const noAud = await sign({ iss, sub: 's', exp: nowSeconds + 60 });
    expect((await refusal(() => verifyWebIdentityToken(state, noAud, now, resolvers))).message).toBe('Missing a required claim: aud');
    const wrongAud = await sign({ iss, aud: 'other', sub: 's', exp: nowSeconds + 60 });
    expect((await refusal(() => verifyWebIdentityToken(state, wrongAud, now, resolvers))).message).toBe('Incorrect token audience');
  });

  test('a token without exp is refused as expired', async () => {
    const { resolver, sign, iss } = testIssuer(['app']);
    const token = await sign({ iss, aud: 'app', sub: 's' });
    expect((await refusal(() => verifyWebIdentityToken(state, token, now, [resolver]))).code).toBe('ExpiredTokenException');
  });

  test('a kid the issuer does not publish → InvalidIdentityToken', async () => {
    const { resolver, iss } = testIssuer(['app']);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = await new SignJWT({ iss, aud: 'app', exp: nowSeconds + 60 }).setProtectedHeader({ alg: 'RS256', kid: 'k2' }).sign(privateKey);
    expect((await refusal(() => verifyWebIdentityToken(state, token, now, [resolver]))).code).toBe('InvalidIdentityToken');
  });
});
