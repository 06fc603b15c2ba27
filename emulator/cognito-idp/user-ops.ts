import { randomBytes, randomUUID } from 'node:crypto';
import { AwsServiceError } from '../errors';
import type { RequestContext } from '../service';
import { InputCheck } from './input-check';
import { findUser, requirePool, requireUser } from './lookup';
import { assertPasswordConforms } from './password-policy';
import { PASSWORD, USER_POOL_ID, USERNAME } from './shapes';
import { usernameKey, type PoolUser, type UserPool } from './state';
import { assertAttributesConform, readAttributeList } from './user-attributes';

function attributeList(user: PoolUser): { Name: string; Value: string }[] {
  return [...user.attributes].map(([Name, Value]) => ({ Name, Value }));
}

/** UP-API UserType, as AdminCreateUser answers it. */
function userType(user: PoolUser): Record<string, unknown> {
  return {
    Username: user.username,
    Attributes: attributeList(user),
    UserCreateDate: user.createdAt,
    UserLastModifiedDate: user.lastModifiedAt,
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** A temporary password that meets any policy up to 99 characters: every character class, then random letters. */
function generateTemporaryPassword(pool: UserPool): string {
  const filler = randomBytes(64).toString('base64').replace(/[^A-Za-z0-9]/g, '');
  return ('Aa1!' + filler).slice(0, Math.max(pool.passwordPolicy.MinimumLength, 12));
}

function readPoolAndUsername(check: InputCheck, input: Record<string, unknown>): { poolId: string; username: string } {
  const poolId = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  const username = check.string(input.Username, 'Username', USERNAME);
  return { poolId: poolId!, username: username! };
}

/**
 * AdminCreateUser [doc: UP-API AdminCreateUser]: the user starts in
 * FORCE_CHANGE_PASSWORD with the TemporaryPassword given (checked against the
 * pool's policy) or one Cognito makes up. No message is ever sent: the
 * emulator has no mail or SMS, so `SUPPRESS` and the default behave alike.
 */
export function adminCreateUser(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const { poolId, username } = readPoolAndUsername(check, input);
  const attributes = readAttributeList(check, input.UserAttributes, 'UserAttributes');
  readAttributeList(check, input.ValidationData, 'ValidationData');
  const temporaryPassword = check.string(input.TemporaryPassword, 'TemporaryPassword', PASSWORD);
  const action = check.enumValue(input.MessageAction, 'MessageAction', ['RESEND', 'SUPPRESS'] as const);
  check.enumList(input.DesiredDeliveryMediums, 'DesiredDeliveryMediums', ['SMS', 'EMAIL'] as const);
  check.boolean(input.ForceAliasCreation, 'ForceAliasCreation');
  check.done();

  const pool = requirePool(ctx.state, poolId);
  const existing = findUser(pool, username);
  if (action === 'RESEND') {
    const user = requireUser(pool, username);
    if (user.status !== 'FORCE_CHANGE_PASSWORD') {
      // Wording undocumented; the rule is [doc: UP-API AdminCreateUser MessageAction].
      throw new AwsServiceError('UnsupportedUserStateException', `Resend not possible. ${user.username} status is not FORCE_CHANGE_PASSWORD`, 400);
    }
    if (temporaryPassword !== undefined) {
      assertPasswordConforms(pool.passwordPolicy, temporaryPassword);
      user.password = temporaryPassword;
    }
    user.passwordSetAt = ctx.now;
    return { User: userType(user) };
  }
  // [obs: public test fixtures quoting "UsernameExistsException: User account already exists"]
  if (existing) throw new AwsServiceError('UsernameExistsException', 'User account already exists', 400);
  assertAttributesConform(pool.schema, attributes, { creating: true });
  if (temporaryPassword !== undefined) assertPasswordConforms(pool.passwordPolicy, temporaryPassword);

  const sub = randomUUID();
  const user: PoolUser = {
    username,
    sub,
    attributes: new Map([['sub', sub], ...attributes.map((a) => [a.Name, a.Value] as [string, string])]),
    password: temporaryPassword ?? generateTemporaryPassword(pool),
    status: 'FORCE_CHANGE_PASSWORD',
    enabled: true,
    createdAt: ctx.now,
    lastModifiedAt: ctx.now,
    passwordSetAt: ctx.now,
    groups: new Set(),
  };
  pool.users.set(usernameKey(pool, username), user);
  return { User: userType(user) };
}

/** AdminGetUser [doc: UP-API AdminGetUser]. */
export function adminGetUser(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const { poolId, username } = readPoolAndUsername(check, input);
  check.done();
  const user = requireUser(requirePool(ctx.state, poolId), username);
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    UserCreateDate: user.createdAt,
    UserLastModifiedDate: user.lastModifiedAt,
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** AdminDeleteUser: also ends the user's refresh tokens and pending challenges. */
export function adminDeleteUser(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const { poolId, username } = readPoolAndUsername(check, input);
  check.done();
  const pool = requirePool(ctx.state, poolId);
  const user = requireUser(pool, username);
  pool.users.delete(usernameKey(pool, user.username));
  for (const [token, grant] of pool.refreshTokens) if (grant.username === user.username) pool.refreshTokens.delete(token);
  for (const [session, pending] of pool.sessions) if (pending.username === user.username) pool.sessions.delete(session);
  return {};
}

/**
 * AdminSetUserPassword [doc: UP-API AdminSetUserPassword; aws-contract.md §1]:
 * `Permanent: true` → CONFIRMED, the user can sign in at once; otherwise
 * FORCE_CHANGE_PASSWORD and the next sign-in gets NEW_PASSWORD_REQUIRED.
 * The password must meet the pool's policy (`InvalidPasswordException`).
 */
export function adminSetUserPassword(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const { poolId, username } = readPoolAndUsername(check, input);
  const password = check.string(input.Password, 'Password', { ...PASSWORD, required: true });
  const permanent = check.boolean(input.Permanent, 'Permanent') ?? false;
  check.done();
  const pool = requirePool(ctx.state, poolId);
  const user = requireUser(pool, username);
  assertPasswordConforms(pool.passwordPolicy, password!);
  user.password = password!;
  user.passwordSetAt = ctx.now;
  user.status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  user.lastModifiedAt = ctx.now;
  return {};
}

/** AdminUpdateUserAttributes [doc: UP-API AdminUpdateUserAttributes]. */
export function adminUpdateUserAttributes(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const { poolId, username } = readPoolAndUsername(check, input);
  const attributes = readAttributeList(check, input.UserAttributes, 'UserAttributes', true);
  check.done();
  const pool = requirePool(ctx.state, poolId);
  const user = requireUser(pool, username);
  assertAttributesConform(pool.schema, attributes, { creating: false, existing: user.attributes });
  for (const { Name, Value } of attributes) user.attributes.set(Name, Value);
  user.lastModifiedAt = ctx.now;
  return {};
}
