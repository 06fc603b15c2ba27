import type { RequestContext } from '../service';
import { assertEnabled, missing, type AuthTarget } from './auth-target';
import { clientNotFound, invalidParameter, notAuthorized, userNotFound } from './idp-errors';
import { InputCheck } from './input-check';
import { issueTokens } from './issue-tokens';
import { findUser, requireClient, requirePool } from './lookup';
import { assertPasswordConforms } from './password-policy';
import { assertSecretHash } from './secret-hash';
import { CHALLENGE_NAMES, CLIENT_ID, USER_POOL_ID } from './shapes';
import { findClient, usernameKey } from './state';
import { assertAttributesConform } from './user-attributes';

/**
 * Answer NEW_PASSWORD_REQUIRED: ChallengeResponses USERNAME and NEW_PASSWORD
 * (plus SECRET_HASH, and `userAttributes.<name>` to set attributes). The new
 * password must meet the pool's policy; the user becomes CONFIRMED and gets
 * tokens. Sessions are single-use and expire after the client's
 * AuthSessionValidity; an unknown, used or expired one is
 * `NotAuthorizedException` "Invalid session for the user."
 * [obs: aws-amplify/amplify-js#10959].
 */
async function answerChallenge(target: AuthTarget, challengeName: string, session: string | undefined, responses: Record<string, string>): Promise<unknown> {
  const { pool, client, ctx } = target;
  const username = responses.USERNAME;
  if (username === undefined || username === '') throw missing('USERNAME');
  const pending = session === undefined ? undefined : pool.sessions.get(session);
  if (
    !pending ||
    pending.clientId !== client.clientId ||
    ctx.now.getTime() >= pending.expiresAt.getTime() ||
    usernameKey(pool, pending.username) !== usernameKey(pool, username)
  ) {
    throw notAuthorized('Invalid session for the user.');
  }
  if (challengeName !== pending.challengeName) {
    // Wording undocumented.
    throw invalidParameter(`Challenge ${challengeName} does not match the pending challenge ${pending.challengeName}.`);
  }
  const newPassword = responses.NEW_PASSWORD;
  if (newPassword === undefined || newPassword === '') throw missing('NEW_PASSWORD');
  assertSecretHash(client, responses.SECRET_HASH, [username]);

  const user = findUser(pool, pending.username);
  if (!user) throw userNotFound();
  assertEnabled(user);
  assertPasswordConforms(pool.passwordPolicy, newPassword);
  const attributes = Object.entries(responses)
    .filter(([key]) => key.startsWith('userAttributes.'))
    .map(([key, Value]) => ({ Name: key.slice('userAttributes.'.length), Value }));
  assertAttributesConform(pool.schema, attributes, { creating: false, existing: user.attributes });

  pool.sessions.delete(session!);
  for (const { Name, Value } of attributes) user.attributes.set(Name, Value);
  user.password = newPassword;
  user.passwordSetAt = ctx.now;
  user.status = 'CONFIRMED';
  user.lastModifiedAt = ctx.now;
  return { ChallengeParameters: {}, AuthenticationResult: await issueTokens(pool, client, user, { now: ctx.now, mutants: ctx.state.mutants }) };
}

function readChallengeInput(check: InputCheck, input: Record<string, unknown>) {
  const clientId = check.string(input.ClientId, 'ClientId', CLIENT_ID);
  const challengeName = check.enumValue(input.ChallengeName, 'ChallengeName', CHALLENGE_NAMES, true);
  const session = check.string(input.Session, 'Session', { min: 20, max: 2048 });
  const responses = check.stringMap(input.ChallengeResponses, 'ChallengeResponses') ?? {};
  check.stringMap(input.ClientMetadata, 'ClientMetadata');
  return { clientId: clientId!, challengeName: challengeName!, session, responses };
}

/** RespondToAuthChallenge (unsigned) [doc: UP-API RespondToAuthChallenge]. */
export async function respondToAuthChallenge(input: Record<string, unknown>, ctx: RequestContext): Promise<unknown> {
  const check = new InputCheck();
  const { clientId, challengeName, session, responses } = readChallengeInput(check, input);
  check.done();
  const found = findClient(ctx.state.idp, clientId);
  if (!found) throw clientNotFound(clientId);
  return answerChallenge({ ...found, admin: false, ctx }, challengeName, session, responses);
}

/** AdminRespondToAuthChallenge (signed) [doc: UP-API AdminRespondToAuthChallenge]. */
export async function adminRespondToAuthChallenge(input: Record<string, unknown>, ctx: RequestContext): Promise<unknown> {
  const check = new InputCheck();
  const poolId = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  const { clientId, challengeName, session, responses } = readChallengeInput(check, input);
  check.done();
  const pool = requirePool(ctx.state, poolId!);
  const client = requireClient(pool, clientId);
  return answerChallenge({ pool, client, admin: true, ctx }, challengeName, session, responses);
}
