import type { RequestContext } from '../service';
import { loginsDoNotMatch } from './identity-errors';
import { InputCheck, SHAPES } from './input-check';
import { findIdentity } from './match-logins';
import { identityByLogin } from './state';
import { readLogins, verifyLogins } from './verify-logins';

/**
 * UnlinkIdentity (unsigned) [doc: CI-API UnlinkIdentity]: "Unlinks a federated
 * identity from an existing account. Unlinked logins will be considered new
 * identities next time they are seen. Removing the last linked login will make
 * this identity inaccessible." The caller proves ownership with Logins: each
 * must verify and at least one must be linked to the identity (else "Logins
 * don't match"). Names in LoginsToRemove the identity is not linked to are
 * ignored [undocumented].
 */
export async function unlinkIdentity(input: Record<string, unknown>, ctx: RequestContext) {
  const check = new InputCheck();
  const identityId = check.string(input.IdentityId, 'identityId', { ...SHAPES.identityId, required: true });
  const sent = readLogins(check, input.Logins);
  if (sent === undefined) check.fail(undefined, 'logins', 'Member must not be null');
  const toRemove = check.stringList(input.LoginsToRemove, 'loginsToRemove', SHAPES.identityProviderName);
  if (toRemove === undefined) check.fail(undefined, 'loginsToRemove', 'Member must not be null');
  check.done();

  const { state, now } = ctx;
  const { identity, pool } = findIdentity(state, identityId!);
  const logins = await verifyLogins(state, pool, sent!, now);
  const owned = logins.some((l) => identityByLogin(state.identity, pool.IdentityPoolId, l.provider, l.userId) === identity);
  if (!owned) throw loginsDoNotMatch();
  for (const provider of toRemove!) {
    if (identity.logins.delete(provider)) identity.lastModifiedAt = now;
  }
  return {};
}
