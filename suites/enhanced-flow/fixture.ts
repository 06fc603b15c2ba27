import type { FixtureSpec } from '../../harness';
import { identityPoolTrustPolicy } from '../../harness';
import { readyThroughIdentityPool } from '../steps';

/** An identity pool id that is not this run's: a role trusting it must be refused. */
export const FOREIGN_IDENTITY_POOL_ID = 'us-east-1:00000000-0000-4000-8000-000000000000';

const trustsOurPools = { identityPools: ['main', 'deny'], amr: 'authenticated' as const };

/**
 * The role-based access control set-up platform teams build: admin and editor
 * roles trusting the identity pool, groups that carry them with precedence,
 * editor as the pool's default authenticated role, and Token role mapping.
 * `deny` is the same pool with AmbiguousRoleResolution Deny; `misconfigured`
 * defaults to a role that trusts another pool.
 */
export const enhancedFixture: FixtureSpec = {
  roles: {
    admin: { trust: trustsOurPools },
    editor: { trust: trustsOurPools },
    foreign: { trust: { document: (r) => identityPoolTrustPolicy([FOREIGN_IDENTITY_POOL_ID], 'authenticated', r.region) } },
  },
  userPools: {
    main: {
      clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] } },
      groups: {
        admin: { precedence: 1, role: 'admin' },
        editor: { precedence: 10, role: 'editor' },
        'tie-admin': { precedence: 5, role: 'admin' },
        'tie-editor': { precedence: 5, role: 'editor' },
        'same-a': { precedence: 7, role: 'editor' },
        'same-b': { precedence: 7, role: 'editor' },
      },
      users: {
        erin: { groups: ['editor'] },
        alice: { groups: ['admin'] },
        bob: { groups: ['admin', 'editor'] },
        tess: { groups: ['tie-admin', 'tie-editor'] },
        sam: { groups: ['same-a', 'same-b'] },
        nora: {},
      },
    },
  },
  identityPools: {
    main: {
      providers: [{ userPool: 'main', client: 'web' }],
      roles: { authenticated: 'editor' },
      roleMappings: [{ userPool: 'main', client: 'web', type: 'Token', ambiguous: 'AuthenticatedRole' }],
    },
    deny: {
      providers: [{ userPool: 'main', client: 'web' }],
      roles: { authenticated: 'editor' },
      roleMappings: [{ userPool: 'main', client: 'web', type: 'Token', ambiguous: 'Deny' }],
    },
    misconfigured: {
      providers: [{ userPool: 'main', client: 'web' }],
      roles: { authenticated: 'foreign' },
    },
  },
  // Propagation check: a user in no group gets the default role through the main pool.
  ready: readyThroughIdentityPool('nora', 'main'),
};
