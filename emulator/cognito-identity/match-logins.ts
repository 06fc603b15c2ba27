import type { EmulatorState } from '../state';
import { identityNotFound, loginsDoNotMatch } from './identity-errors';
import { mergeIdentities } from './link-identity';
import { identityByLogin, type Identity, type IdentityPool } from './state';
import type { VerifiedLogin } from './verify-logins';

/**
 * Check that the sent logins may act for the identity and link them, as
 * GetOpenIdToken and GetCredentialsForIdentity do [doc: CG "Identity pools
 * authentication flow", GetOpenIdToken]:
 *
 * - "If you have an authenticated identity, you must pass at least one valid
 *   token for a login already associated with that identity", else
 *   NotAuthorizedException "Logins don't match. Please include at least one
 *   valid login for this identity or identity pool." [obs: aws-amplify/amplify-js#2443;
 *   aws/aws-sdk-js#2327 for GetOpenIdTokenForDeveloperIdentity]. A guest
 *   identity has none and may take any login.
 * - "If you pass in a token for a login that is not already associated with any
 *   identity, the login is considered to be linked"; "You may only link one
 *   login per public provider": a second user → ResourceConflictException.
 * - "If you pass in a token for a login that is not currently linked to the
 *   given identity, but is linked to another identity, the two identities are
 *   merged … the identity ID of the parent/owner is returned." Which one is the
 *   parent is undocumented; here, as in GetId, the identity of the first sent
 *   login that has one (so a guest merges into the authenticated identity).
 *
 * @returns the identity the call continues with: the given one, or the parent of a merge.
 */
export function matchLogins(state: EmulatorState, identity: Identity, logins: readonly VerifiedLogin[], now: Date): Identity {
  const owners = logins
    .map((l) => identityByLogin(state.identity, identity.poolId, l.provider, l.userId))
    .filter((o): o is Identity => o !== undefined);
  if (identity.logins.size > 0 && !owners.includes(identity)) throw loginsDoNotMatch();
  const family = [...new Set([...owners, identity])];
  return mergeIdentities(state.identity, family[0], family.slice(1), logins, now);
}

/** An identity and its pool, or ResourceNotFoundException "Identity '<id>' not found.". */
export function findIdentity(state: EmulatorState, identityId: string): { identity: Identity; pool: IdentityPool } {
  const identity = state.identity.identities.get(identityId);
  const pool = identity && state.identity.pools.get(identity.poolId);
  if (!identity || !pool) throw identityNotFound(identityId);
  return { identity, pool };
}
