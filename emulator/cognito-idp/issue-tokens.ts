import { randomBytes, randomUUID } from 'node:crypto';
import { signRsaJwt } from '../jwt-sign';
import type { MutantName } from '../mutants';
import { selectRoles } from './preferred-role';
import { poolIssuer, readyPoolSigningKey } from './signing-key';
import { clientTokenSeconds } from './token-validity';
import type { AppClient, PoolGroup, PoolUser, UserPool } from './state';

/** One authentication event: what the ID and access tokens of one sign-in share. */
export interface AuthEvent {
  /** Epoch seconds of the sign-in (kept across refreshes). */
  authTime: number;
  /** Shared by every token descending from one sign-in. */
  originJti: string;
  eventId: string;
  /** Epoch seconds the tokens are issued at. */
  iat: number;
}

/** `AuthenticationResultType` as InitiateAuth and friends answer it [doc: UP-API AuthenticationResultType]. */
export interface AuthenticationResult {
  AccessToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
  RefreshToken?: string;
  IdToken: string;
}

// [doc: CG "Understanding the identity (ID) token"] these attributes are booleans in the token.
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

function userGroups(pool: UserPool, user: PoolUser): PoolGroup[] {
  return [...user.groups].map((name) => pool.groups.get(name)).filter((g): g is PoolGroup => g !== undefined);
}

/**
 * Claims of an ID token [doc: CG "Understanding the identity (ID) token"]:
 * sub, the user's attributes (custom ones as `custom:*`), `cognito:username`,
 * `cognito:groups` when the user is in a group, `cognito:roles` (a JSON array
 * [obs, aws-contract.md §1]) and `cognito:preferred_role` per preferred-role.ts,
 * and iss, aud (the app client), token_use "id", auth_time, iat, exp, jti,
 * origin_jti, event_id.
 */
export function idTokenClaims(
  pool: UserPool,
  client: AppClient,
  user: PoolUser,
  event: AuthEvent,
  mutants: ReadonlySet<MutantName>,
  jti: string = randomUUID(),
): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: user.sub };
  const groups = userGroups(pool, user);
  if (groups.length > 0) claims['cognito:groups'] = groups.map((g) => g.groupName);
  for (const [name, value] of user.attributes) {
    if (name === 'sub') continue;
    claims[name] = BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value;
  }
  const { roles, preferredRole } = selectRoles(groups, mutants);
  if (preferredRole) claims['cognito:preferred_role'] = preferredRole;
  if (roles.length > 0) claims['cognito:roles'] = roles;
  Object.assign(claims, {
    iss: poolIssuer(pool),
    'cognito:username': user.username,
    origin_jti: event.originJti,
    aud: client.clientId,
    event_id: event.eventId,
    token_use: 'id',
    auth_time: event.authTime,
    exp: event.iat + clientTokenSeconds(client, 'IdToken'),
    iat: event.iat,
    jti,
  });
  return claims;
}

/**
 * Claims of an access token [doc: CG "Understanding the access token"]: sub,
 * `cognito:groups` when the user is in a group, iss, client_id, origin_jti,
 * event_id, token_use "access", scope `aws.cognito.signin.user.admin` (the
 * scope of tokens from the user pools API), auth_time, exp, iat, jti, username.
 * No `aud`.
 */
export function accessTokenClaims(
  pool: UserPool,
  client: AppClient,
  user: PoolUser,
  event: AuthEvent,
  jti: string = randomUUID(),
): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: user.sub };
  const groups = userGroups(pool, user);
  if (groups.length > 0) claims['cognito:groups'] = groups.map((g) => g.groupName);
  Object.assign(claims, {
    iss: poolIssuer(pool),
    client_id: client.clientId,
    origin_jti: event.originJti,
    event_id: event.eventId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: event.authTime,
    exp: event.iat + clientTokenSeconds(client, 'AccessToken'),
    iat: event.iat,
    jti,
    username: user.username,
  });
  return claims;
}

/** Sign claims with the pool's key: RS256 with its `kid`. */
export async function signPoolToken(pool: UserPool, claims: Record<string, unknown>): Promise<string> {
  const key = await readyPoolSigningKey(pool);
  return signRsaJwt({ kid: key.kid, alg: 'RS256' }, claims, key.privateKey);
}

/**
 * Mint the tokens of a successful sign-in or refresh. A fresh sign-in also
 * gets an opaque refresh token remembered in the pool; a refresh keeps the
 * original auth_time and origin_jti and returns no new refresh token
 * [doc: UP-API InitiateAuth, REFRESH_TOKEN_AUTH].
 */
export async function issueTokens(
  pool: UserPool,
  client: AppClient,
  user: PoolUser,
  opts: { now: Date; mutants: ReadonlySet<MutantName>; refreshOf?: { authTime: number; originJti: string } },
): Promise<AuthenticationResult> {
  const iat = Math.floor(opts.now.getTime() / 1000);
  const event: AuthEvent = {
    authTime: opts.refreshOf?.authTime ?? iat,
    originJti: opts.refreshOf?.originJti ?? randomUUID(),
    eventId: randomUUID(),
    iat,
  };
  // Both signed at once: each on its own thread of the pool.
  const [accessToken, idToken] = await Promise.all([
    signPoolToken(pool, accessTokenClaims(pool, client, user, event)),
    signPoolToken(pool, idTokenClaims(pool, client, user, event, opts.mutants)),
  ]);
  const result: AuthenticationResult = {
    AccessToken: accessToken,
    ExpiresIn: clientTokenSeconds(client, 'AccessToken'),
    TokenType: 'Bearer',
    IdToken: idToken,
  };
  if (!opts.refreshOf) {
    // Opaque on purpose: AWS refresh tokens are encrypted and callers must not read them.
    const refreshToken = randomBytes(96).toString('base64url');
    pool.refreshTokens.set(refreshToken, {
      clientId: client.clientId,
      username: user.username,
      authTime: event.authTime,
      originJti: event.originJti,
      expiresAt: new Date(opts.now.getTime() + clientTokenSeconds(client, 'RefreshToken') * 1000),
    });
    result.RefreshToken = refreshToken;
  }
  return result;
}
