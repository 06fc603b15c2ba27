import type { RequestContext } from '../service';
import { unauthenticatedNotSupported } from './identity-errors';
import { InputCheck, SHAPES } from './input-check';
import { newIdentity, resolveIdentity } from './link-identity';
import { findPool } from './pool-operations';
import { readLogins, verifyLogins } from './verify-logins';

/**
 * GetId (unsigned) [doc: CI-API GetId]: without Logins, a new guest identity
 * on every call — the pool must allow guests (NotAuthorizedException
 * "Unauthenticated access is not supported for this identity pool." [obs,
 * aws-contract.md §2]); with Logins, each token is verified (verify-logins.ts)
 * and the same (pool, provider, sub) always maps to the same identity id.
 * An OpenID token (`cognito-identity.amazonaws.com`) is refused: "Invalid
 * login token. Can't pass in a Cognito token." [obs: aws-amplify/amplify-js#665].
 *
 * Mutant `guest-allowed-when-disabled`: a guest identity is made even when the
 * pool does not allow unauthenticated identities.
 */
export async function getId(input: Record<string, unknown>, ctx: RequestContext) {
  const check = new InputCheck();
  const poolId = check.string(input.IdentityPoolId, 'identityPoolId', { ...SHAPES.identityPoolId, required: true });
  check.string(input.AccountId, 'accountId', SHAPES.accountId);
  const logins = readLogins(check, input.Logins) ?? {};
  check.done();

  const pool = findPool(ctx.state, poolId!);
  if (Object.keys(logins).length === 0) {
    if (!pool.AllowUnauthenticatedIdentities && !ctx.state.mutants.has('guest-allowed-when-disabled')) throw unauthenticatedNotSupported();
    return { IdentityId: newIdentity(ctx.state.identity, pool.IdentityPoolId, ctx.now).identityId };
  }
  const verified = await verifyLogins(ctx.state, pool, logins, ctx.now);
  if (ctx.state.mutants.has('sign-in-identity-not-reused')) {
    return { IdentityId: newIdentity(ctx.state.identity, pool.IdentityPoolId, ctx.now).identityId };
  }
  return { IdentityId: resolveIdentity(ctx.state.identity, pool.IdentityPoolId, verified, ctx.now).identityId };
}
