// GetId and GetCredentialsForIdentity as functions, with the two collaborators
// other parts of the emulator own replaced by stand-ins: the user pool token
// verifier (signature and expiry) and the policy evaluator. The SDK test
// (enhanced-flow.sdk.test.ts) runs the same flow with the real ones.
import { decodeJwt } from 'jose';
import { UserPoolTokenError, verifyUserPoolToken } from '../cognito-idp/verify-token';
import { evaluatePolicy } from '../policy/evaluate';
import { getCredentialsForIdentity } from './get-credentials';
import { getId } from './get-id';
import { describeIdentity, listIdentities, deleteIdentities } from './identity-operations';
import { createIdentityPool } from './pool-operations';
import { setIdentityPoolRoles } from './role-operations';
import { addRole, errorOf, fakeJwt, testContext, testState } from './test-support';
import type { MutantName } from '../mutants';

jest.mock('../cognito-idp/verify-token', () => ({
  ...jest.requireActual('../cognito-idp/verify-token'),
  verifyUserPoolToken: jest.fn(),
}));
jest.mock('../policy/evaluate', () => ({ ...jest.requireActual('../policy/evaluate'), evaluatePolicy: jest.fn() }));

const verifyMock = verifyUserPoolToken as jest.MockedFunction<typeof verifyUserPoolToken>;
const evaluateMock = evaluatePolicy as jest.MockedFunction<typeof evaluatePolicy>;

const USER_POOL_ID = 'us-east-1_Abc123';
const PROVIDER = `cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
const CLIENT = 'client1';

beforeEach(() => {
  verifyMock.mockReset();
  // Stand-in verifier: honours `exp` against `now`, a `bad` signature marker, and reports token use.
  verifyMock.mockImplementation(async (_state, token, now) => {
    const claims = decodeJwt(token) as Record<string, unknown>;
    if (token.endsWith('.bad')) throw new UserPoolTokenError('bad-signature', 'bad signature');
    if (typeof claims.exp === 'number' && claims.exp <= now.getTime() / 1000) throw new UserPoolTokenError('expired', 'expired');
    const tokenUse = claims.token_use as 'id' | 'access';
    return { poolId: USER_POOL_ID, clientId: String(tokenUse === 'id' ? claims.aud : claims.client_id), tokenUse, claims };
  });
  evaluateMock.mockReset();
  evaluateMock.mockReturnValue('Allow');
});

/** A trust policy told apart by its Sid; the stand-in evaluator decides, not its content. */
const markedTrust = (sid: string) => ({ Statement: [{ Sid: sid, Effect: 'Allow' as const }] });

function setup(opts: { allowUnauth?: boolean; mutants?: MutantName[] } = {}) {
  const { state, clock } = testState(opts.mutants);
  const ctx = () => testContext(state);
  const pool = createIdentityPool(
    {
      IdentityPoolName: 'p',
      AllowUnauthenticatedIdentities: opts.allowUnauth ?? true,
      CognitoIdentityProviders: [{ ProviderName: PROVIDER, ClientId: CLIENT }],
    },
    ctx(),
  ) as { IdentityPoolId: string };
  const auth = addRole(state, 'auth', markedTrust('auth'));
  const unauth = addRole(state, 'unauth', markedTrust('unauth'));
  const admin = addRole(state, 'admin', markedTrust('admin'));
  setIdentityPoolRoles({ IdentityPoolId: pool.IdentityPoolId, Roles: { authenticated: auth.arn, unauthenticated: unauth.arn } }, ctx());
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  const idToken = (claims: Record<string, unknown> = {}) =>
    fakeJwt({
      sub: 'sub-alice',
      iss: `https://${PROVIDER}`,
      aud: CLIENT,
      token_use: 'id',
      iat: nowSeconds(),
      exp: nowSeconds() + 3600,
      ...claims,
    });
  const run = {
    getId: (input: Record<string, unknown>) => getId({ IdentityPoolId: pool.IdentityPoolId, ...input }, ctx()),
    creds: (input: Record<string, unknown>) => getCredentialsForIdentity(input, ctx()),
  };
  return { state, clock, poolId: pool.IdentityPoolId, roles: { auth, unauth, admin }, idToken, run, ctx };
}

describe('GetId', () => {
  test('the same (pool, provider, sub) always maps to the same identity (CI-API GetId)', async () => {
    const { run, idToken } = setup();
    const a = await run.getId({ Logins: { [PROVIDER]: idToken() } });
    const b = await run.getId({ Logins: { [PROVIDER]: idToken({ iat: 1 }) } });
    const other = await run.getId({ Logins: { [PROVIDER]: idToken({ sub: 'sub-bob' }) } });
    expect(a.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(b.IdentityId).toBe(a.IdentityId);
    expect(other.IdentityId).not.toBe(a.IdentityId);
  });

  test('without Logins each call creates a new guest identity', async () => {
    const { run } = setup();
    const a = await run.getId({});
    const b = await run.getId({});
    expect(a.IdentityId).not.toBe(b.IdentityId);
  });

  test('without Logins on a pool without guests → NotAuthorizedException [obs, aws-contract.md §2 Guest]', async () => {
    const { run } = setup({ allowUnauth: false });
    expect(await errorOf(() => run.getId({}))).toEqual({
      code: 'NotAuthorizedException',
      status: 400,
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
  });

  test('unknown pool → ResourceNotFoundException', async () => {
    const { ctx } = setup();
    const id = 'us-east-1:00000000-0000-0000-0000-000000000000';
    expect(await errorOf(() => getId({ IdentityPoolId: id }, ctx()))).toEqual({
      code: 'ResourceNotFoundException',
      status: 400,
      message: `IdentityPool '${id}' not found.`,
    });
  });

  test('a token for an app client the pool does not list → "Token is not from a supported provider…" [obs: aws-amplify/amplify-js#2067]', async () => {
    const { run, idToken } = setup();
    expect(await errorOf(() => run.getId({ Logins: { [PROVIDER]: idToken({ aud: 'otherclient' }) } }))).toEqual({
      code: 'NotAuthorizedException',
      status: 400,
      message: 'Token is not from a supported provider of this identity pool.',
    });
  });

  test('a user pool the identity pool does not list → the same refusal [obs: amazon-cognito-identity-js#153]', async () => {
    const { run, idToken } = setup();
    const other = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other9';
    const err = await errorOf(() => run.getId({ Logins: { [other]: idToken({ iss: `https://${other}` }) } }));
    expect(err.message).toBe('Token is not from a supported provider of this identity pool.');
  });

  test('a Logins key that is not the token\'s issuer → "Invalid login token. Issuer doesn\'t match providerName" [obs: amazon-cognito-identity-js#407]', async () => {
    const { run, idToken } = setup();
    const err = await errorOf(() =>
      run.getId({ Logins: { [PROVIDER]: idToken({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other9' }) } }),
    );
    expect(err).toEqual({ code: 'NotAuthorizedException', status: 400, message: "Invalid login token. Issuer doesn't match providerName" });
  });

  test('an access token (no aud) → "Invalid login token. Missing a required claim: aud" [obs: amazon-cognito-identity-js#7]', async () => {
    const { run, idToken } = setup();
    const access = idToken({ aud: undefined, token_use: 'access', client_id: CLIENT });
    expect((await errorOf(() => run.getId({ Logins: { [PROVIDER]: access } }))).message).toBe(
      'Invalid login token. Missing a required claim: aud',
    );
  });

  test('an expired ID token → "Invalid login token. Token expired: <now> >= <exp>" [obs: aws-amplify/amplify-js#3675]', async () => {
    const { run, idToken, clock } = setup();
    const token = idToken();
    const exp = (decodeJwt(token).exp as number);
    clock.advance(3601 * 1000);
    const now = Math.floor(clock.now().getTime() / 1000);
    expect(await errorOf(() => run.getId({ Logins: { [PROVIDER]: token } }))).toEqual({
      code: 'NotAuthorizedException',
      status: 400,
      message: `Invalid login token. Token expired: ${now} >= ${exp}`,
    });
  });

  test('a token whose signature does not verify → "Invalid login token. Couldn\'t verify signed token." [obs: amazon-cognito-identity-js#91]', async () => {
    const { run, idToken } = setup();
    const forged = idToken().replace(/\.[^.]+$/, '.bad');
    expect((await errorOf(() => run.getId({ Logins: { [PROVIDER]: forged } }))).message).toBe(
      "Invalid login token. Couldn't verify signed token.",
    );
  });

  test('not a JWT → "Invalid login token. Not a valid OpenId Connect identity token."', async () => {
    const { run } = setup();
    expect((await errorOf(() => run.getId({ Logins: { [PROVIDER]: 'not-a-jwt' } }))).message).toBe(
      'Invalid login token. Not a valid OpenId Connect identity token.',
    );
  });

  test('more than 10 Logins → ValidationException; tokens are not echoed (CI-API LoginsMap max 10, sensitive)', async () => {
    const { run, idToken } = setup();
    const logins = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, idToken()]));
    const err = await errorOf(() => run.getId({ Logins: logins }));
    expect(err.code).toBe('ValidationException');
    expect(err.message).toBe(
      "1 validation error detected: Value at 'logins' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  });
});

describe('GetCredentialsForIdentity', () => {
  async function signedIn(s: ReturnType<typeof setup>, claims: Record<string, unknown> = {}) {
    const token = s.idToken(claims);
    const { IdentityId } = await s.run.getId({ Logins: { [PROVIDER]: token } });
    return { IdentityId, Logins: { [PROVIDER]: token } };
  }

  test('issues one-hour CognitoIdentityCredentials for the authenticated role, secret named SecretKey', async () => {
    const s = setup();
    const login = await signedIn(s);
    const out = await s.run.creds(login);
    expect(out.IdentityId).toBe(login.IdentityId);
    expect(Object.keys(out.Credentials).sort()).toEqual(['AccessKeyId', 'Expiration', 'SecretKey', 'SessionToken']);
    expect(out.Credentials.AccessKeyId).toMatch(/^ASIA/);
    // aws-contract.md §2 Flows: enhanced credentials last 1 hour
    expect(out.Credentials.Expiration!.getTime() - s.clock.now().getTime()).toBe(3600 * 1000);
    const record = s.state.credentials.get(out.Credentials.AccessKeyId)!;
    expect(record.principal.arn).toBe(`arn:aws:sts::${s.state.accountId}:assumed-role/auth/CognitoIdentityCredentials`);
    expect(record.secretAccessKey).toBe(out.Credentials.SecretKey);
  });

  test('evaluates the chosen role\'s trust policy as cognito-identity.amazonaws.com with aud, amr and sub', async () => {
    const s = setup();
    const login = await signedIn(s);
    await s.run.creds(login);
    expect(evaluateMock).toHaveBeenCalledTimes(1);
    const [doc, request] = evaluateMock.mock.calls[0];
    expect(doc).toEqual(markedTrust('auth'));
    expect(request).toEqual({
      action: 'sts:AssumeRoleWithWebIdentity',
      principal: { Federated: 'cognito-identity.amazonaws.com' },
      context: {
        'cognito-identity.amazonaws.com:aud': s.poolId,
        'cognito-identity.amazonaws.com:amr': ['authenticated', PROVIDER, `${PROVIDER}:CognitoSignIn:sub-alice`],
        'cognito-identity.amazonaws.com:sub': login.IdentityId,
      },
    });
  });

  test('a trust policy that does not allow → InvalidIdentityPoolConfigurationException (400) [aws-contract.md §2 Trust policy]', async () => {
    const s = setup();
    const login = await signedIn(s);
    evaluateMock.mockReturnValue('ImplicitDeny');
    expect(await errorOf(() => s.run.creds(login))).toEqual({
      code: 'InvalidIdentityPoolConfigurationException',
      status: 400,
      message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    });
  });

  test('mutant trust-policy-ignored skips the evaluation', async () => {
    const s = setup({ mutants: ['trust-policy-ignored'] });
    const login = await signedIn(s);
    evaluateMock.mockReturnValue('ExplicitDeny');
    await expect(s.run.creds(login)).resolves.toHaveProperty('Credentials');
    expect(evaluateMock).not.toHaveBeenCalled();
  });

  test('mutant credential-lifetime-2h issues 7200-second credentials', async () => {
    const s = setup({ mutants: ['credential-lifetime-2h'] });
    const out = await s.run.creds(await signedIn(s));
    expect(out.Credentials.Expiration!.getTime() - s.clock.now().getTime()).toBe(7200 * 1000);
  });

  test('a guest gets the unauthenticated role with amr ["unauthenticated"]', async () => {
    const s = setup();
    const { IdentityId } = await s.run.getId({});
    const out = await s.run.creds({ IdentityId });
    expect(s.state.credentials.get(out.Credentials.AccessKeyId)!.principal.arn).toMatch(/assumed-role\/unauth\/CognitoIdentityCredentials$/);
    expect(evaluateMock.mock.calls[0][1].context['cognito-identity.amazonaws.com:amr']).toEqual(['unauthenticated']);
  });

  test('Token mapping: cognito:preferred_role is assumed (aws-contract.md §2 Role selection, Token (2))', async () => {
    const s = setup();
    setIdentityPoolRoles(
      {
        IdentityPoolId: s.poolId,
        Roles: { authenticated: s.roles.auth.arn },
        RoleMappings: { [`${PROVIDER}:${CLIENT}`]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
      },
      s.ctx(),
    );
    const login = await signedIn(s, { 'cognito:roles': [s.roles.admin.arn], 'cognito:preferred_role': s.roles.admin.arn });
    const out = await s.run.creds(login);
    expect(s.state.credentials.get(out.Credentials.AccessKeyId)!.principal.arn).toMatch(/assumed-role\/admin\/CognitoIdentityCredentials$/);
    expect(evaluateMock.mock.calls[0][0]).toEqual(markedTrust('admin'));
  });

  test('mutant custom-role-unchecked honours a CustomRoleArn outside cognito:roles', async () => {
    const mapping = (s: ReturnType<typeof setup>) =>
      setIdentityPoolRoles(
        {
          IdentityPoolId: s.poolId,
          Roles: { authenticated: s.roles.auth.arn },
          RoleMappings: { [`${PROVIDER}:${CLIENT}`]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } },
        },
        s.ctx(),
      );
    const strict = setup();
    mapping(strict);
    const strictLogin = await signedIn(strict, { 'cognito:roles': [strict.roles.auth.arn] });
    expect((await errorOf(() => strict.run.creds({ ...strictLogin, CustomRoleArn: strict.roles.admin.arn }))).code).toBe(
      'NotAuthorizedException',
    );
    const mutant = setup({ mutants: ['custom-role-unchecked'] });
    mapping(mutant);
    const login = await signedIn(mutant, { 'cognito:roles': [mutant.roles.auth.arn] });
    const out = await mutant.run.creds({ ...login, CustomRoleArn: mutant.roles.admin.arn });
    expect(mutant.state.credentials.get(out.Credentials.AccessKeyId)!.principal.arn).toMatch(/assumed-role\/admin\//);
  });

  test('Logins of another user → "Logins don\'t match…" [obs: aws-amplify/amplify-js#2443]', async () => {
    const s = setup();
    const alice = await signedIn(s);
    const bob = await signedIn(s, { sub: 'sub-bob' });
    expect(await errorOf(() => s.run.creds({ IdentityId: alice.IdentityId, Logins: bob.Logins }))).toEqual({
      code: 'NotAuthorizedException',
      status: 400,
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
  });

  test('an authenticated identity asked for without Logins → "Logins don\'t match…"', async () => {
    const s = setup();
    const alice = await signedIn(s);
    expect((await errorOf(() => s.run.creds({ IdentityId: alice.IdentityId }))).message).toBe(
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
  });

  test('without Logins on a pool without guests → "Unauthenticated access is not supported…"', async () => {
    const s = setup({ allowUnauth: false });
    const alice = await signedIn(s);
    expect((await errorOf(() => s.run.creds({ IdentityId: alice.IdentityId }))).message).toBe(
      'Unauthenticated access is not supported for this identity pool.',
    );
  });

  test('a role deleted from IAM since it was set → InvalidIdentityPoolConfigurationException (CI-API: "…or if the AssumeRole fails")', async () => {
    const s = setup();
    const login = await signedIn(s);
    s.state.iam.roles.delete('auth');
    expect((await errorOf(() => s.run.creds(login))).code).toBe('InvalidIdentityPoolConfigurationException');
  });

  test('unknown identity → ResourceNotFoundException "Identity \'<id>\' not found."', async () => {
    const s = setup();
    const id = 'us-east-1:00000000-0000-0000-0000-000000000000';
    expect(await errorOf(() => s.run.creds({ IdentityId: id }))).toEqual({
      code: 'ResourceNotFoundException',
      status: 400,
      message: `Identity '${id}' not found.`,
    });
  });

  test('IdentityId is required (CI-API GetCredentialsForIdentity)', async () => {
    const s = setup();
    expect((await errorOf(() => s.run.creds({}))).message).toBe(
      "1 validation error detected: Value null at 'identityId' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('DescribeIdentity / ListIdentities / DeleteIdentities', () => {
  test('describe names the linked providers; list pages them; delete removes them', async () => {
    const s = setup();
    const { IdentityId } = await s.run.getId({ Logins: { [PROVIDER]: s.idToken() } });
    await s.run.getId({});
    expect(describeIdentity({ IdentityId }, s.ctx())).toEqual({
      IdentityId,
      Logins: [PROVIDER],
      CreationDate: s.clock.now(),
      LastModifiedDate: s.clock.now(),
    });
    const listed = listIdentities({ IdentityPoolId: s.poolId, MaxResults: 1 }, s.ctx());
    expect(listed.Identities).toHaveLength(1);
    expect(listed.NextToken).toEqual(expect.any(String));
    expect(deleteIdentities({ IdentityIdsToDelete: [IdentityId] }, s.ctx())).toEqual({ UnprocessedIdentityIds: [] });
    expect((await errorOf(() => describeIdentity({ IdentityId }, s.ctx()))).code).toBe('ResourceNotFoundException');
  });
});
