import type { FixtureSpec } from '../../harness';
import { readyThroughIdentityPool } from '../steps';

/**
 * Linking and merging identities across two user pools: `linked` trusts both
 * `main` and `partner` (and allows the classic flow, since GetOpenIdToken is
 * where AWS documents linking and merging); `single` trusts only `main`. Each
 * case that links or merges uses its own users, as cases share the pools.
 */
export const identityLinkingFixture: FixtureSpec = {
  roles: {
    member: { trust: { identityPools: ['linked', 'single'], amr: 'authenticated' } },
  },
  userPools: {
    main: {
      clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] } },
      users: { gina: {}, ivy: {}, jack: {}, kim: {} },
    },
    partner: {
      clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] } },
      users: { pat: {}, quinn: {}, rosa: {}, pia: {} },
    },
  },
  identityPools: {
    linked: {
      allowClassicFlow: true,
      providers: [
        { userPool: 'main', client: 'web' },
        { userPool: 'partner', client: 'web' },
      ],
      roles: { authenticated: 'member' },
    },
    single: {
      providers: [{ userPool: 'main', client: 'web' }],
      roles: { authenticated: 'member' },
    },
  },
  // Propagation check: a main user gets credentials through the linked pool.
  ready: readyThroughIdentityPool('gina', 'linked'),
};
