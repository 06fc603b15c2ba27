import type { RequestContext } from '../service';
import {
  developerProviderNotSupported,
  developerUserAlreadyRegistered,
  identityNotFound,
} from './identity-errors';
import { InputCheck, SHAPES } from './input-check';
import { linkLogin, newIdentity, resolveIdentity } from './link-identity';
import { matchLogins } from './match-logins';
import { issueOpenIdToken } from './openid-token';
import { findPool } from './pool-operations';
import { identityByLogin, type Identity, type IdentityPool } from './state';
import { amrValues, developerAmrLogin } from './trust-context';
import { verifyLogins, type VerifiedLogin } from './verify-logins';

/** "If you don't provide an expiration time, the token is valid for 15 minutes." [doc: CI-API GetOpenIdTokenForDeveloperIdentity, TokenDuration] */
export const DEFAULT_DEVELOPER_TOKEN_SECONDS = 900;

/** The developer user of a Logins map, as a login: no token, the back end vouches for it by signing the call. */
export function developerLogin(pool: IdentityPool, userId: string): VerifiedLogin {
  const provider = pool.DeveloperProviderName!;
  return { ...developerAmrLogin(provider, pool.IdentityPoolId, userId), clientId: '', claims: {} };
}

/**
 * Split the Logins of a developer call into the developer user and the other
 * providers' tokens. The pool must have a DeveloperProviderName and the map
 * must name it — "You can only specify one developer provider as part of the
 * Logins map, which is linked to the identity pool" [doc: CI-API
 * GetOpenIdTokenForDeveloperIdentity]; otherwise NotAuthorizedException "This
 * identity pool does not support the specified developer provider" [obs:
 * danilop/LambdAuth#32; a map with no developer provider at all is refused the
 * same way, undocumented].
 */
export function splitDeveloperLogins(
  pool: IdentityPool,
  logins: Record<string, string>,
): { developerUserId: string; others: Record<string, string> } {
  const name = pool.DeveloperProviderName;
  if (name === undefined || !Object.prototype.hasOwnProperty.call(logins, name)) throw developerProviderNotSupported();
  const { [name]: developerUserId, ...others } = logins;
  return { developerUserId, others };
}

/**
 * The identity a developer call is for [doc: CI-API GetOpenIdTokenForDeveloperIdentity]:
 *
 * - no IdentityId: the developer user's identity, or the identity of any other
 *   login sent, or a new one ("Registers (or retrieves) a Cognito IdentityId");
 *   the logins are linked to it ("Supplying multiple logins will create an
 *   implicit linked account").
 * - IdentityId given ("associate a new login with an existing authenticated/
 *   unauthenticated identity"): it must exist in the pool (ResourceNotFoundException);
 *   a developer user registered to another identity →
 *   DeveloperUserAlreadyRegisteredException; linking a new login to an identity
 *   that already has logins needs one of them in the map, else "Logins don't
 *   match" [obs: aws/aws-sdk-js#2327].
 *
 * The emulator links one developer user per identity: a second one can only be
 * sent together with another login the identity has, and is then a
 * ResourceConflictException here, while AWS allows several (CI-API
 * LookupDeveloperIdentity, DeveloperUserIdentifierList).
 */
export function developerIdentity(
  ctx: RequestContext,
  pool: IdentityPool,
  identityId: string | undefined,
  developer: VerifiedLogin,
  others: readonly VerifiedLogin[],
): Identity {
  const { state, now } = ctx;
  const logins = [developer, ...others];
  if (identityId === undefined) {
    if (state.mutants.has('developer-identity-not-reused')) return newDeveloperIdentity(state.identity, pool.IdentityPoolId, logins, now);
    return resolveIdentity(state.identity, pool.IdentityPoolId, logins, now);
  }
  const identity = state.identity.identities.get(identityId);
  if (!identity || identity.poolId !== pool.IdentityPoolId) throw identityNotFound(identityId);
  const owner = identityByLogin(state.identity, pool.IdentityPoolId, developer.provider, developer.userId);
  if (owner && owner !== identity) throw developerUserAlreadyRegistered();
  return matchLogins(state, identity, logins, now);
}

/**
 * GetOpenIdTokenForDeveloperIdentity (signed: "You must use AWS Developer
 * credentials to call this API") [doc: CI-API]: register or retrieve the
 * identity of a user the back end authenticated and answer an OpenID token for
 * it. TokenDuration 1–86400 seconds (ValidationException outside), 900 when
 * omitted. The token's `amr` lists `authenticated`, the developer provider and
 * `<provider>:<identityPoolId>:<developerUserId>`, then any other provider sent.
 * PrincipalTags go into the token (openid-token.ts) as session tags for STS.
 */
export async function getOpenIdTokenForDeveloperIdentity(input: Record<string, unknown>, ctx: RequestContext) {
  const check = new InputCheck();
  const poolId = check.string(input.IdentityPoolId, 'identityPoolId', { ...SHAPES.identityPoolId, required: true });
  const identityId = check.string(input.IdentityId, 'identityId', SHAPES.identityId);
  const logins = check.stringMap(input.Logins, 'logins', {
    required: true,
    max: 10,
    key: SHAPES.identityProviderName,
    value: SHAPES.identityProviderToken,
    sensitive: true,
  });
  const principalTags = check.stringMap(input.PrincipalTags, 'principalTags', { max: 50, key: SHAPES.principalTagId, value: SHAPES.principalTagValue });
  const tokenDuration = check.integer(input.TokenDuration, 'tokenDuration', SHAPES.tokenDuration);
  check.done();

  const { state, now } = ctx;
  const pool = findPool(state, poolId!);
  const { developerUserId, others } = splitDeveloperLogins(pool, logins!);
  const developer = developerLogin(pool, developerUserId);
  const verified = await verifyLogins(state, pool, others, now);
  const identity = developerIdentity(ctx, pool, identityId, developer, verified);

  const token = await issueOpenIdToken(state, {
    poolId: pool.IdentityPoolId,
    identityId: identity.identityId,
    amr: amrValues([developer, ...verified]),
    lifetimeSeconds: tokenDuration ?? DEFAULT_DEVELOPER_TOKEN_SECONDS,
    now,
    principalTags,
  });
  return { IdentityId: identity.identityId, Token: token };
}

/** The 'developer-identity-not-reused' mutant: a fresh identity every time, holding the logins. */
function newDeveloperIdentity(state: Parameters<typeof newIdentity>[0], poolId: string, logins: readonly VerifiedLogin[], now: Date): Identity {
  const identity = newIdentity(state, poolId, now);
  for (const login of logins) {
    for (const other of state.identities.values()) if (other !== identity && other.logins.get(login.provider) === login.userId) other.logins.delete(login.provider);
    linkLogin(identity, login.provider, login.userId, now);
  }
  return identity;
}
