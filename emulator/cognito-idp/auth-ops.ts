import { randomBytes } from 'node:crypto';
import { AwsServiceError } from '../errors';
import type { RequestContext } from '../service';
import { flowEnabled } from './auth-flows';
import { assertEnabled, missing, type AuthTarget } from './auth-target';
import { clientNotFound, incorrectCredentials, invalidParameter, notAuthorized, userNotFound } from './idp-errors';
import { InputCheck } from './input-check';
import { issueTokens } from './issue-tokens';
import { findUser, requireClient, requirePool } from './lookup';
import { assertSecretHash } from './secret-hash';
import { AUTH_FLOWS, CLIENT_ID, USER_POOL_ID, type AuthFlow } from './shapes';
import { findClient, type PoolUser } from './state';

const ADMIN_PASSWORD_FLOWS: readonly AuthFlow[] = ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];

/**
 * USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH (aws-contract.md §1; UP-API
 * InitiateAuth, AdminInitiateAuth): SECRET_HASH when the client has a secret,
 * then the user and password. An unknown user is `UserNotFoundException`
 * "User does not exist." unless the client sets PreventUserExistenceErrors to
 * ENABLED, which hides it behind "Incorrect username or password." — the API
 * default is LEGACY [doc: CG "Managing user existence error responses": "When
 * you create a new app client with the Amazon Cognito user pools API,
 * PreventUserExistenceErrors is LEGACY, or disabled, by default"].
 */
async function passwordFlow(target: AuthTarget, params: Record<string, string>): Promise<unknown> {
  const { pool, client, ctx } = target;
  const username = params.USERNAME;
  if (username === undefined || username === '') throw missing('USERNAME');
  const password = params.PASSWORD;
  if (password === undefined || password === '') throw missing('PASSWORD');
  assertSecretHash(client, params.SECRET_HASH, [username]);

  const user = findUser(pool, username);
  if (!user) throw client.preventUserExistenceErrors === 'ENABLED' ? incorrectCredentials() : userNotFound();
  assertEnabled(user);
  if (user.password !== password) throw incorrectCredentials();

  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const days = pool.passwordPolicy.TemporaryPasswordValidityDays;
    if (days > 0 && ctx.now.getTime() > user.passwordSetAt.getTime() + days * 86400_000) {
      // [obs: public client code mapping this Cognito message]
      throw notAuthorized('Temporary password has expired and must be reset by an administrator.');
    }
    return newPasswordChallenge(target, user);
  }
  if (user.status === 'UNCONFIRMED') throw new AwsServiceError('UserNotConfirmedException', 'User is not confirmed.', 400);
  if (user.status === 'RESET_REQUIRED') {
    throw new AwsServiceError('PasswordResetRequiredException', 'Password reset required for the user', 400);
  }
  return { ChallengeParameters: {}, AuthenticationResult: await issueTokens(pool, client, user, { now: ctx.now, mutants: ctx.state.mutants }) };
}

/**
 * NEW_PASSWORD_REQUIRED [doc: UP-API RespondToAuthChallenge; CG "User pool
 * authentication flow"]: a Session to answer with, and ChallengeParameters
 * USER_ID_FOR_SRP, requiredAttributes and userAttributes (JSON strings).
 */
function newPasswordChallenge(target: AuthTarget, user: PoolUser): unknown {
  const { pool, client, ctx } = target;
  const session = randomBytes(96).toString('base64url');
  pool.sessions.set(session, {
    clientId: client.clientId,
    username: user.username,
    challengeName: 'NEW_PASSWORD_REQUIRED',
    expiresAt: new Date(ctx.now.getTime() + client.authSessionValidity * 60_000),
  });
  const userAttributes = Object.fromEntries([...user.attributes].filter(([name]) => name !== 'sub'));
  const requiredAttributes = pool.schema
    .filter((a) => a.Required && a.Name !== 'sub' && !user.attributes.has(a.Name))
    .map((a) => `userAttributes.${a.Name}`);
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: session,
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: JSON.stringify(requiredAttributes),
      userAttributes: JSON.stringify(userAttributes),
    },
  };
}

/**
 * REFRESH_TOKEN_AUTH [doc: UP-API InitiateAuth]: new ID and access tokens, no
 * new refresh token. An unknown or foreign token is `NotAuthorizedException`
 * "Invalid Refresh Token." [obs: aws/aws-sdk-cpp#1789, wire body].
 */
async function refreshFlow(target: AuthTarget, params: Record<string, string>): Promise<unknown> {
  const { pool, client, ctx } = target;
  const token = params.REFRESH_TOKEN;
  if (token === undefined || token === '') throw missing('REFRESH_TOKEN');
  const grant = pool.refreshTokens.get(token);
  const user = grant && findUser(pool, grant.username);
  if (!grant || grant.clientId !== client.clientId || !user) throw notAuthorized('Invalid Refresh Token.');
  // Wording not found in a public wire capture.
  if (ctx.now.getTime() >= grant.expiresAt.getTime()) throw notAuthorized('Refresh Token has expired');
  assertSecretHash(
    client,
    params.SECRET_HASH,
    [params.USERNAME, grant.username, user.sub].filter((n): n is string => Boolean(n)),
  );
  assertEnabled(user);
  const result = await issueTokens(pool, client, user, {
    now: ctx.now,
    mutants: ctx.state.mutants,
    refreshOf: { authTime: grant.authTime, originJti: grant.originJti },
  });
  return { ChallengeParameters: {}, AuthenticationResult: result };
}

async function runFlow(target: AuthTarget, flow: AuthFlow, params: Record<string, string>): Promise<unknown> {
  const { client, admin } = target;
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH': {
      const gate = flow === 'USER_PASSWORD_AUTH' ? 'USER_PASSWORD_AUTH' : 'ADMIN_USER_PASSWORD_AUTH';
      if (!flowEnabled(client, gate)) {
        // [obs: many reports of InitiateAuth "USER_PASSWORD_AUTH flow not enabled for this client";
        //  AdminInitiateAuth answers "Auth flow not enabled for this client"]
        throw invalidParameter(admin ? 'Auth flow not enabled for this client' : 'USER_PASSWORD_AUTH flow not enabled for this client');
      }
      return passwordFlow(target, params);
    }
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      // Wording undocumented for refresh; the admin-flow wording is used.
      if (!flowEnabled(client, 'REFRESH_TOKEN_AUTH')) throw invalidParameter('Auth flow not enabled for this client');
      return refreshFlow(target, params);
    case 'USER_SRP_AUTH':
      // [obs: public client code matching "USER_SRP_AUTH is not enabled for the client"]
      if (!flowEnabled(client, 'USER_SRP_AUTH')) throw invalidParameter('USER_SRP_AUTH is not enabled for the client.');
      throw invalidParameter('USER_SRP_AUTH is not supported by the idchain reference emulator. Use USER_PASSWORD_AUTH or ADMIN_USER_PASSWORD_AUTH.');
    case 'CUSTOM_AUTH':
      if (!flowEnabled(client, 'CUSTOM_AUTH')) throw invalidParameter('Auth flow not enabled for this client');
      // The emulator runs no Lambda triggers. [obs: public client code matching this message]
      throw invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
    case 'USER_AUTH':
      throw invalidParameter('USER_AUTH is not supported by the idchain reference emulator. Use USER_PASSWORD_AUTH or ADMIN_USER_PASSWORD_AUTH.');
  }
}

function readAuthInput(check: InputCheck, input: Record<string, unknown>) {
  const flow = check.enumValue(input.AuthFlow, 'AuthFlow', AUTH_FLOWS, true);
  const clientId = check.string(input.ClientId, 'ClientId', CLIENT_ID);
  const params = check.stringMap(input.AuthParameters, 'AuthParameters') ?? {};
  check.stringMap(input.ClientMetadata, 'ClientMetadata');
  return { flow: flow!, clientId: clientId!, params };
}

/**
 * InitiateAuth (unsigned) [doc: UP-API InitiateAuth]. The admin password flow
 * belongs to AdminInitiateAuth: asking InitiateAuth for it is
 * `InvalidParameterException` "Initiate Auth method not supported"
 * [obs: deployment notes quoting the message; moto's tests].
 */
export async function initiateAuth(input: Record<string, unknown>, ctx: RequestContext): Promise<unknown> {
  const check = new InputCheck();
  const { flow, clientId, params } = readAuthInput(check, input);
  check.done();
  if (ADMIN_PASSWORD_FLOWS.includes(flow)) throw invalidParameter('Initiate Auth method not supported');
  const found = findClient(ctx.state.idp, clientId);
  if (!found) throw clientNotFound(clientId);
  return runFlow({ ...found, admin: false, ctx }, flow, params);
}

/** AdminInitiateAuth (signed) [doc: UP-API AdminInitiateAuth]; USER_PASSWORD_AUTH belongs to InitiateAuth. */
export async function adminInitiateAuth(input: Record<string, unknown>, ctx: RequestContext): Promise<unknown> {
  const check = new InputCheck();
  const poolId = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  const { flow, clientId, params } = readAuthInput(check, input);
  check.done();
  if (flow === 'USER_PASSWORD_AUTH') throw invalidParameter('Initiate Auth method not supported');
  const pool = requirePool(ctx.state, poolId!);
  const client = requireClient(pool, clientId);
  return runFlow({ pool, client, admin: true, ctx }, flow, params);
}
