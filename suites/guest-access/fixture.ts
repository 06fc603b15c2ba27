import type { FixtureSpec } from '../../harness';
import { guestCredentials } from '../../harness';

/**
 * Guest (unauthenticated) access: `open` allows guests and the classic flow,
 * with `guest` as its unauthenticated role; `closed` has the same role but
 * AllowUnauthenticatedIdentities false; `misrouted` allows guests but its
 * unauthenticated role, `member`, trusts only `authenticated` identities.
 */
export const guestAccessFixture: FixtureSpec = {
  roles: {
    guest: { trust: { identityPools: ['open', 'closed'], amr: 'unauthenticated' } },
    member: { trust: { identityPools: ['open', 'misrouted'], amr: 'authenticated' } },
  },
  identityPools: {
    open: { allowUnauthenticated: true, allowClassicFlow: true, roles: { unauthenticated: 'guest' } },
    closed: { allowUnauthenticated: false, roles: { unauthenticated: 'guest' } },
    misrouted: { allowUnauthenticated: true, roles: { unauthenticated: 'member' } },
  },
  // Propagation check: guest credentials through the open pool.
  async ready(fx, clients) {
    await guestCredentials(clients.identity, { identityPoolId: fx.identityPool('open').id });
  },
};
