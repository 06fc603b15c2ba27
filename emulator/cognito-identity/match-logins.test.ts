import { newIdentity, resolveIdentity } from './link-identity';
import { matchLogins } from './match-logins';
import { errorOf, testState } from './test-support';
import type { VerifiedLogin } from './verify-logins';

const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const A = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_PoolA1';
const B = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_PoolB2';
const login = (provider: string, userId: string): VerifiedLogin => ({ provider, userId, clientId: 'c', claims: { sub: userId } });

function world() {
  const { state, clock } = testState();
  const now = clock.now();
  const resolve = (...logins: VerifiedLogin[]) => resolveIdentity(state.identity, POOL, logins, now);
  return { state, now, resolve };
}

describe('matchLogins (CG "Identity pools authentication flow", GetOpenIdToken)', () => {
  test('a guest takes a new login and keeps its id', () => {
    const { state, now } = world();
    const guest = newIdentity(state.identity, POOL, now);
    expect(matchLogins(state, guest, [login(A, 'alice')], now)).toBe(guest);
    expect(Object.fromEntries(guest.logins)).toEqual({ [A]: 'alice' });
  });

  test('an authenticated identity needs one of its own logins: "Logins don\'t match"', async () => {
    const { state, now, resolve } = world();
    const alice = resolve(login(A, 'alice'));
    expect((await errorOf(() => matchLogins(state, alice, [login(B, 'stranger')], now))).message).toBe(
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
  });

  test('a login of another identity merges the two; the first sent login\'s identity is the parent, the other is gone', () => {
    const { state, now, resolve } = world();
    const first = resolve(login(A, 'alice'));
    const second = resolve(login(B, 'alice-b'));
    const parent = matchLogins(state, first, [login(A, 'alice'), login(B, 'alice-b')], now);
    expect(parent).toBe(first);
    expect(state.identity.identities.has(second.identityId)).toBe(false);
    expect(Object.fromEntries(parent.logins)).toEqual({ [A]: 'alice', [B]: 'alice-b' });
  });

  test('a guest presenting another identity\'s login merges into that identity', () => {
    const { state, now, resolve } = world();
    const owner = resolve(login(A, 'alice'));
    const guest = newIdentity(state.identity, POOL, now);
    expect(matchLogins(state, guest, [login(A, 'alice')], now)).toBe(owner);
    expect(state.identity.identities.has(guest.identityId)).toBe(false);
  });

  test('a second user of a linked provider → ResourceConflictException, and nothing changes', async () => {
    const { state, now, resolve } = world();
    const alice = resolve(login(A, 'alice'), login(B, 'alice-b'));
    expect(await errorOf(() => matchLogins(state, alice, [login(A, 'bob'), login(B, 'alice-b')], now))).toMatchObject({
      code: 'ResourceConflictException',
      status: 400,
    });
    expect(Object.fromEntries(alice.logins)).toEqual({ [A]: 'alice', [B]: 'alice-b' });
  });
});
