import { AwsServiceError } from '../errors';
import { regionalUuid } from '../ids';
import type { IdentityState, Identity } from './state';
import { identityByLogin } from './state';
import type { VerifiedLogin } from './verify-logins';

/** A new identity in a pool; ids are `<region>:<uuid>` like the pool's [doc: CI-API IdentityId "REGION:GUID"]. */
export function newIdentity(state: IdentityState, poolId: string, now: Date): Identity {
  const region = poolId.slice(0, poolId.indexOf(':'));
  const identity: Identity = { identityId: regionalUuid(region), poolId, logins: new Map(), createdAt: now, lastModifiedAt: now };
  state.identities.set(identity.identityId, identity);
  return identity;
}

/**
 * Resolve the identity of a set of verified logins in a pool (GetId): the
 * identity any of them is already linked to, else a new one; the others are
 * linked to it. "Supplying multiple logins will create an implicit linked
 * account" [doc: CI-API GetId]; a login already linked to another identity
 * merges the two and the surviving id is returned [doc: CG "Identity pools
 * authentication flow"; which one survives is undocumented — here the identity
 * of the first login that has one]. A second user of a provider the identity
 * is already linked to → ResourceConflictException [doc: same; wording undocumented].
 */
export function resolveIdentity(state: IdentityState, poolId: string, logins: readonly VerifiedLogin[], now: Date): Identity {
  const linked = [
    ...new Set(
      logins.map((l) => identityByLogin(state, poolId, l.provider, l.userId)).filter((i): i is Identity => i !== undefined),
    ),
  ];
  return mergeIdentities(state, linked[0] ?? newIdentity(state, poolId, now), linked.slice(1), logins, now);
}

/**
 * Merge identities into `target` and link `logins` to it: every login of the
 * others moves to the target and the others are removed ("one identity becomes
 * the parent/owner of all associated logins and the other is disabled" [doc:
 * CG "Identity pools authentication flow"]; here it is deleted). Two users of
 * one provider among all of them → ResourceConflictException ("You may only
 * link one login per public provider" [doc: same]), checked before anything
 * changes.
 *
 * @returns the target.
 */
export function mergeIdentities(
  state: IdentityState,
  target: Identity,
  others: readonly Identity[],
  logins: readonly VerifiedLogin[],
  now: Date,
): Identity {
  const merged = new Map<string, string>();
  const wanted = [...[target, ...others].flatMap((i) => [...i.logins]), ...logins.map((l) => [l.provider, l.userId] as [string, string])];
  for (const [provider, userId] of wanted) {
    const existing = merged.get(provider);
    if (existing !== undefined && existing !== userId) throw conflict(target.identityId, provider);
    merged.set(provider, userId);
  }
  for (const other of others) if (other !== target) state.identities.delete(other.identityId);
  for (const [provider, userId] of merged) linkLogin(target, provider, userId, now);
  return target;
}

function conflict(identityId: string | undefined, provider: string): AwsServiceError {
  return new AwsServiceError(
    'ResourceConflictException',
    `Logins name two users of ${provider}${identityId ? ` for identity ${identityId}` : ''}. Expected one login per provider.`,
    400,
  );
}

/** Link one login to an identity; refuses a second user of the same provider. */
export function linkLogin(identity: Identity, provider: string, userId: string, now: Date): void {
  const existing = identity.logins.get(provider);
  if (existing === userId) return;
  if (existing !== undefined) throw conflict(identity.identityId, provider);
  identity.logins.set(provider, userId);
  identity.lastModifiedAt = now;
}
