import type { FixtureSpec } from '../../harness';
import { developerFlow } from '../../harness';

/**
 * Developer-authenticated identities: the `dev` pool has a developer provider,
 * `dev-auth` as its default authenticated role, allows guests (so a guest
 * identity can be the existing identity a developer user is linked to) and the
 * classic flow (so developer tokens can go straight to STS). `dev-alt` is a
 * second role trusting the pool, for the app to pick in the basic flow.
 */
export const developerIdentitiesFixture: FixtureSpec = {
  roles: {
    'dev-auth': { trust: { identityPools: ['dev'], amr: 'authenticated' } },
    'dev-alt': { trust: { identityPools: ['dev'], amr: 'authenticated' } },
  },
  identityPools: {
    dev: { developerProvider: 'dev-login', allowUnauthenticated: true, allowClassicFlow: true, roles: { authenticated: 'dev-auth' } },
  },
  // Propagation check: a developer user's token exchanged for the default role's credentials.
  async ready(fx, clients) {
    const pool = fx.identityPool('dev');
    await developerFlow(clients.identity, { identityPoolId: pool.id, developerProviderName: pool.developerProviderName!, developerUserId: 'ready-check' });
  },
};
