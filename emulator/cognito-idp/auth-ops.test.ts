import { computeSecretHash } from './secret-hash';
import { idpHarness } from './test-support';

const TEMP = 'Temp-Pass-1';
const FINAL = 'Final-Pass-1';

async function setup(client: Record<string, unknown> = {}, userStatus: 'temporary' | 'confirmed' = 'confirmed') {
  const h = idpHarness();
  const poolId = (await h.call('CreateUserPool', { PoolName: 'p' })).UserPool.Id as string;
  const created = (
    await h.call('CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'c',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ...client,
    })
  ).UserPoolClient;
  await h.call('AdminCreateUser', { UserPoolId: poolId, Username: 'alice', MessageAction: 'SUPPRESS', TemporaryPassword: TEMP });
  if (userStatus === 'confirmed') {
    await h.call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: FINAL, Permanent: true });
  }
  return { h, poolId, clientId: created.ClientId as string, secret: created.ClientSecret as string | undefined };
}

function signIn(clientId: string, params: Record<string, string>, flow = 'USER_PASSWORD_AUTH') {
  return { op: 'InitiateAuth', input: { ClientId: clientId, AuthFlow: flow, AuthParameters: params }, opts: { unsigned: true } };
}

describe('InitiateAuth USER_PASSWORD_AUTH', () => {
  it('signs a confirmed user in', async () => {
    const { h, clientId } = await setup();
    const { op, input, opts } = signIn(clientId, { USERNAME: 'alice', PASSWORD: FINAL });
    const result = await h.call(op, input, opts);
    expect(result.ChallengeParameters).toEqual({});
    expect(Object.keys(result.AuthenticationResult).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'RefreshToken', 'TokenType']);
  });

  it('refuses a wrong password: NotAuthorizedException "Incorrect username or password."', async () => {
    const { h, clientId } = await setup();
    const { op, input, opts } = signIn(clientId, { USERNAME: 'alice', PASSWORD: 'Wrong-Pass-1' });
    expect(await h.fail(op, input, opts)).toMatchObject({ code: 'NotAuthorizedException', status: 400, message: 'Incorrect username or password.' });
  });

  it('needs ALLOW_USER_PASSWORD_AUTH on the client; the default client does not have it', async () => {
    for (const client of [{ ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] }, { ExplicitAuthFlows: undefined }]) {
      const { h, clientId } = await setup(client);
      const { op, input, opts } = signIn(clientId, { USERNAME: 'alice', PASSWORD: FINAL });
      expect(await h.fail(op, input, opts)).toMatchObject({
        code: 'InvalidParameterException',
        status: 400,
        message: 'USER_PASSWORD_AUTH flow not enabled for this client',
      });
    }
  });

  it('accepts the legacy USER_PASSWORD_AUTH value of ExplicitAuthFlows', async () => {
    const { h, clientId } = await setup({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] });
    const { op, input, opts } = signIn(clientId, { USERNAME: 'alice', PASSWORD: FINAL });
    await expect(h.call(op, input, opts)).resolves.toHaveProperty('AuthenticationResult');
  });

  it('hides unknown users only when PreventUserExistenceErrors is ENABLED (API default LEGACY)', async () => {
    const legacy = await setup();
    const a = signIn(legacy.clientId, { USERNAME: 'ghost', PASSWORD: FINAL });
    expect(await legacy.h.fail(a.op, a.input, a.opts)).toMatchObject({ code: 'UserNotFoundException', message: 'User does not exist.' });

    const hidden = await setup({ PreventUserExistenceErrors: 'ENABLED' });
    const b = signIn(hidden.clientId, { USERNAME: 'ghost', PASSWORD: FINAL });
    expect(await hidden.h.fail(b.op, b.input, b.opts)).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('requires USERNAME and PASSWORD', async () => {
    const { h, clientId } = await setup();
    const noUser = signIn(clientId, { PASSWORD: FINAL });
    expect(await h.fail(noUser.op, noUser.input, noUser.opts)).toMatchObject({
      code: 'InvalidParameterException',
      message: 'Missing required parameter USERNAME',
    });
    const noPassword = signIn(clientId, { USERNAME: 'alice' });
    expect((await h.fail(noPassword.op, noPassword.input, noPassword.opts)).message).toBe('Missing required parameter PASSWORD');
  });

  it('answers an unknown client with ResourceNotFoundException', async () => {
    const { h } = await setup();
    const { op, input, opts } = signIn('unknownclient', { USERNAME: 'alice', PASSWORD: FINAL });
    expect(await h.fail(op, input, opts)).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'User pool client unknownclient does not exist.',
    });
  });

  it('refuses the admin flow: "Initiate Auth method not supported"', async () => {
    const { h, clientId } = await setup();
    const { op, input, opts } = signIn(clientId, { USERNAME: 'alice', PASSWORD: FINAL }, 'ADMIN_USER_PASSWORD_AUTH');
    expect(await h.fail(op, input, opts)).toMatchObject({ code: 'InvalidParameterException', message: 'Initiate Auth method not supported' });
  });
});

describe('SECRET_HASH (client with a secret)', () => {
  it('is required, must verify, and lets the right hash in', async () => {
    const { h, clientId, secret } = await setup({ GenerateSecret: true });
    const missing = signIn(clientId, { USERNAME: 'alice', PASSWORD: FINAL });
    expect(await h.fail(missing.op, missing.input, missing.opts)).toMatchObject({
      code: 'NotAuthorizedException',
      message: `Client ${clientId} is configured with secret but SECRET_HASH was not received`,
    });
    const wrong = signIn(clientId, { USERNAME: 'alice', PASSWORD: FINAL, SECRET_HASH: computeSecretHash(secret!, 'bob', clientId) });
    expect(await h.fail(wrong.op, wrong.input, wrong.opts)).toMatchObject({
      code: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${clientId}`,
    });
    const right = signIn(clientId, { USERNAME: 'alice', PASSWORD: FINAL, SECRET_HASH: computeSecretHash(secret!, 'alice', clientId) });
    await expect(h.call(right.op, right.input, right.opts)).resolves.toHaveProperty('AuthenticationResult');
  });

  it('is HMAC-SHA256(secret, username + clientId) in base64 [doc: CG "Computing secret hash values"]', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    expect(computeSecretHash('Jefe', 'what do ya want ', 'for nothing?')).toBe(
      Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString('base64'),
    );
  });
});

describe('AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH', () => {
  it('needs ALLOW_ADMIN_USER_PASSWORD_AUTH: "Auth flow not enabled for this client"', async () => {
    const { h, poolId, clientId } = await setup({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    expect(
      await h.fail('AdminInitiateAuth', {
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD: FINAL },
      }),
    ).toMatchObject({ code: 'InvalidParameterException', message: 'Auth flow not enabled for this client' });
  });

  it('refuses USER_PASSWORD_AUTH and a client of another pool', async () => {
    const { h, poolId, clientId } = await setup();
    const base = { UserPoolId: poolId, ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD: FINAL } };
    expect((await h.fail('AdminInitiateAuth', { ...base, AuthFlow: 'USER_PASSWORD_AUTH' })).message).toBe('Initiate Auth method not supported');
    const other = (await h.call('CreateUserPool', { PoolName: 'other' })).UserPool.Id;
    expect(await h.fail('AdminInitiateAuth', { ...base, UserPoolId: other, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' })).toMatchObject({
      code: 'ResourceNotFoundException',
      message: `User pool client ${clientId} does not exist.`,
    });
  });
});

describe('NEW_PASSWORD_REQUIRED (aws-contract.md §1)', () => {
  async function challenge() {
    const s = await setup({}, 'temporary');
    const { op, input, opts } = signIn(s.clientId, { USERNAME: 'alice', PASSWORD: TEMP });
    return { ...s, answer: await s.h.call(op, input, opts) };
  }

  it('a FORCE_CHANGE_PASSWORD user gets the challenge with a Session instead of tokens', async () => {
    const { answer } = await challenge();
    expect(answer.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(typeof answer.Session).toBe('string');
    expect(answer.AuthenticationResult).toBeUndefined();
    expect(answer.ChallengeParameters.USER_ID_FOR_SRP).toBe('alice');
    expect(JSON.parse(answer.ChallengeParameters.requiredAttributes)).toEqual([]);
  });

  it('answering it sets the password, confirms the user and returns tokens; the session is single-use', async () => {
    const { h, poolId, clientId, answer } = await challenge();
    const input = {
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: answer.Session,
      ChallengeResponses: { USERNAME: 'alice', NEW_PASSWORD: FINAL },
    };
    const done = await h.call('RespondToAuthChallenge', input, { unsigned: true });
    expect(done.AuthenticationResult.IdToken).toEqual(expect.any(String));
    expect((await h.call('AdminGetUser', { UserPoolId: poolId, Username: 'alice' })).UserStatus).toBe('CONFIRMED');
    expect(await h.fail('RespondToAuthChallenge', input, { unsigned: true })).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
  });

  it('checks the new password against the policy, and refuses an expired session', async () => {
    const { h, clientId, answer } = await challenge();
    const input = (password: string) => ({
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: answer.Session,
      ChallengeResponses: { USERNAME: 'alice', NEW_PASSWORD: password },
    });
    expect(await h.fail('RespondToAuthChallenge', input('weak'), { unsigned: true })).toMatchObject({
      code: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    });
    h.clock.advance(3 * 60_000); // AuthSessionValidity defaults to 3 minutes
    expect((await h.fail('RespondToAuthChallenge', input(FINAL), { unsigned: true })).message).toBe('Invalid session for the user.');
  });

  it('AdminRespondToAuthChallenge answers it too', async () => {
    const { h, poolId, clientId, answer } = await challenge();
    const done = await h.call('AdminRespondToAuthChallenge', {
      UserPoolId: poolId,
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: answer.Session,
      ChallengeResponses: { USERNAME: 'alice', NEW_PASSWORD: FINAL },
    });
    expect(done.AuthenticationResult.AccessToken).toEqual(expect.any(String));
  });

  it('a temporary password expires after TemporaryPasswordValidityDays (7 by default)', async () => {
    const { h, clientId } = await setup({}, 'temporary');
    h.clock.advance(7 * 86400_000 + 1000);
    const { op, input, opts } = signIn(clientId, { USERNAME: 'alice', PASSWORD: TEMP });
    expect(await h.fail(op, input, opts)).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });
});

describe('REFRESH_TOKEN_AUTH', () => {
  it('refuses an unknown refresh token with "Invalid Refresh Token."', async () => {
    const { h, clientId } = await setup();
    const { op, input, opts } = signIn(clientId, { REFRESH_TOKEN: 'made-up' }, 'REFRESH_TOKEN_AUTH');
    expect(await h.fail(op, input, opts)).toMatchObject({ code: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
  });

  it('refuses refresh on a client without ALLOW_REFRESH_TOKEN_AUTH, and after the refresh validity', async () => {
    const { h, clientId } = await setup({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    const first = signIn(clientId, { USERNAME: 'alice', PASSWORD: FINAL });
    const tokens = (await h.call(first.op, first.input, first.opts)).AuthenticationResult;
    const refresh = signIn(clientId, { REFRESH_TOKEN: tokens.RefreshToken }, 'REFRESH_TOKEN_AUTH');
    expect((await h.fail(refresh.op, refresh.input, refresh.opts)).code).toBe('InvalidParameterException');

    const ok = await setup();
    const signedIn = signIn(ok.clientId, { USERNAME: 'alice', PASSWORD: FINAL });
    const refreshToken = (await ok.h.call(signedIn.op, signedIn.input, signedIn.opts)).AuthenticationResult.RefreshToken;
    ok.h.clock.advance(30 * 86400_000);
    const late = signIn(ok.clientId, { REFRESH_TOKEN: refreshToken }, 'REFRESH_TOKEN_AUTH');
    expect((await ok.h.fail(late.op, late.input, late.opts)).code).toBe('NotAuthorizedException');
  });
});
