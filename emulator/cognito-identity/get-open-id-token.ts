import type { RequestContext } from '../service';
import { checkClassicFlow } from './classic-flow';
import { loginsDoNotMatch, unauthenticatedNotSupported } from './identity-errors';
import { InputCheck, SHAPES } from './input-check';
import { findIdentity, matchLogins } from './match-logins';
import { OPEN_ID_TOKEN_SECONDS, issueOpenIdToken } from './openid-token';
import { amrValues } from './trust-context';
import { readLogins, verifyLogins, type VerifiedLogin } from './verify-logins';

/**
 * GetOpenIdToken (unsigned), the first half of the basic (classic) flow [doc:
 * CI-API GetOpenIdToken; CG "Identity pools authentication flow"]: "Gets an
 * OpenID token, using a known Cognito ID … You can optionally add additional
 * logins for the identity. … The OpenID token is valid for 10 minutes."
 *
 * In order: the identity exists (ResourceNotFoundException "Identity '<id>' not
 * found."); the pool serves the classic flow (classic-flow.ts); a guest needs a
 * pool that allows guests and an identity without logins; sent logins are
 * verified and must be this identity's (new ones are linked, identities they
 * belong to are merged, match-logins.ts).
 * The token: `sub` the identity id, `aud` the pool id, `amr` per
 * trust-context.ts amrValues, issuer `https://cognito-identity.amazonaws.com`,
 * 600 seconds (openid-token.ts).
 *
 * Mutant `classic-flow-flag-ignored`: the AllowClassicFlow check is skipped.
 */
export async function getOpenIdToken(input: Record<string, unknown>, ctx: RequestContext) {
  const check = new InputCheck();
  const identityId = check.string(input.IdentityId, 'identityId', { ...SHAPES.identityId, required: true });
  const sent = readLogins(check, input.Logins) ?? {};
  check.done();

  const { state, now } = ctx;
  const found = findIdentity(state, identityId!);
  const pool = found.pool;
  let identity = found.identity;
  const refused = checkClassicFlow(pool, state.mutants.has('classic-flow-flag-ignored'));
  if (refused) throw refused;

  let logins: VerifiedLogin[] = [];
  if (Object.keys(sent).length === 0) {
    if (!pool.AllowUnauthenticatedIdentities) throw unauthenticatedNotSupported();
    if (identity.logins.size > 0) throw loginsDoNotMatch();
  } else {
    logins = await verifyLogins(state, pool, sent, now);
    // "the identity ID you pass in may not be the one that is returned": a merge answers its parent.
    identity = matchLogins(state, identity, logins, now);
  }

  const token = await issueOpenIdToken(state, {
    poolId: pool.IdentityPoolId,
    identityId: identity.identityId,
    amr: amrValues(logins),
    lifetimeSeconds: OPEN_ID_TOKEN_SECONDS,
    now,
  });
  return { IdentityId: identity.identityId, Token: token };
}
