import { resolveIdentity } from './link-identity';
import { createIdentityState } from './state';
import type { VerifiedLogin } from './verify-logins';

const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const A = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_PoolA1';
const B = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_PoolB2';
const now = new Date(Date.UTC(2026, 0, 1));
const login = (provider: string, userId: string): VerifiedLogin => ({ provider, userId, clientId: 'c', claims: { sub: userId } });

describe('resolveIdentity', () => {
  test('a new login makes a new identity in the pool, named <region>:<uuid>', () => {
    const state = createIdentityState();
    const identity = resolveIdentity(state, POOL, [login(A, 'alice')], now);
    expect(identity.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect([...identity.logins]).toEqual([[A, 'alice']]);
  });

  test('several logins at once are linked to one identity (CI-API GetId: "an implicit linked account")', () => {
    const state = createIdentityState();
    const both = resolveIdentity(state, POOL, [login(A, 'alice'), login(B, 'alice-b')], now);
    expect(resolveIdentity(state, POOL, [login(B, 'alice-b')], now).identityId).toBe(both.identityId);
    expect(state.identities.size).toBe(1);
  });

  test('logins already linked to two identities merge into one; the other id is gone (CG "Identity pools authentication flow")', () => {
    const state = createIdentityState();
    const first = resolveIdentity(state, POOL, [login(A, 'alice')], now);
    const second = resolveIdentity(state, POOL, [login(B, 'alice-b')], now);
    const merged = resolveIdentity(state, POOL, [login(A, 'alice'), login(B, 'alice-b')], now);
    expect(merged.identityId).toBe(first.identityId);
    expect(state.identities.has(second.identityId)).toBe(false);
    expect(Object.fromEntries(merged.logins)).toEqual({ [A]: 'alice', [B]: 'alice-b' });
  });

  test('two users of one provider on one identity → ResourceConflictException, and nothing changes (CG auth flow)', () => {
    const state = createIdentityState();
    const alice = resolveIdentity(state, POOL, [login(A, 'alice'), login(B, 'alice-b')], now);
    const bob = resolveIdentity(state, POOL, [login(A, 'bob')], now);
    let error: { code?: string; status?: number } = {};
    try {
      resolveIdentity(state, POOL, [login(A, 'bob'), login(B, 'alice-b')], now);
    } catch (err) {
      error = err as typeof error;
    }
    expect(error).toMatchObject({ code: 'ResourceConflictException', status: 400 });
    expect(state.identities.has(alice.identityId) && state.identities.has(bob.identityId)).toBe(true);
  });

  test('the same login in another identity pool is another identity', () => {
    const state = createIdentityState();
    const here = resolveIdentity(state, POOL, [login(A, 'alice')], now);
    const there = resolveIdentity(state, 'us-east-1:99999999-2222-3333-4444-555555555555', [login(A, 'alice')], now);
    expect(there.identityId).not.toBe(here.identityId);
  });
});
