import type { FixtureSpec } from '../../harness';
import { basicFlow, identityPoolTrustPolicy } from '../../harness';
import { loginsOf, signInUser } from '../steps';

/** An identity pool id that is not this run's: a role trusting only it must refuse our tokens. */
export const FOREIGN_IDENTITY_POOL_ID = 'us-east-1:00000000-0000-4000-8000-000000000000';

const trustsBasicPool = { identityPools: ['basic'], amr: 'authenticated' as const };

/**
 * The basic (classic) flow set-up: `basic` allows the classic flow and has no
 * role mappings, so the app may pick any role that trusts the pool.
 *
 * - `app`: the role the app picks; MaxSessionDuration left at AWS's default, 3600.
 * - `long`: the same trust with MaxSessionDuration 7200.
 * - `pool-default`: the pool's default authenticated role, which the basic flow must *not* use.
 * - `foreign`: trusts another identity pool (aud mismatch).
 * - `guests-only`: trusts the pool for `unauthenticated` only (amr mismatch).
 *
 * `no-classic` leaves AllowClassicFlow off; `mapped` allows it but has a Token
 * role mapping, which refuses the classic flow (CG "Identity pools authentication flow").
 */
export const basicFlowFixture: FixtureSpec = {
  roles: {
    app: { trust: trustsBasicPool },
    long: { trust: trustsBasicPool, maxSessionDuration: 7200 },
    'pool-default': { trust: trustsBasicPool },
    'guests-only': { trust: { identityPools: ['basic'], amr: 'unauthenticated' } },
    foreign: { trust: { document: (r) => identityPoolTrustPolicy([FOREIGN_IDENTITY_POOL_ID], 'authenticated', r.region) } },
  },
  userPools: {
    main: {
      clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] } },
      users: { ana: {} },
    },
  },
  identityPools: {
    basic: {
      allowClassicFlow: true,
      // A developer provider mints short-lived OpenID tokens (TokenDuration 1 s) for the expiry case.
      developerProvider: 'basic-dev',
      providers: [{ userPool: 'main', client: 'web' }],
      roles: { authenticated: 'pool-default' },
    },
    'no-classic': {
      allowClassicFlow: false,
      providers: [{ userPool: 'main', client: 'web' }],
    },
    mapped: {
      allowClassicFlow: true,
      providers: [{ userPool: 'main', client: 'web' }],
      roles: { authenticated: 'pool-default' },
      roleMappings: [{ userPool: 'main', client: 'web', type: 'Token', ambiguous: 'AuthenticatedRole' }],
    },
  },
  // Propagation check: the whole basic flow into the app role.
  async ready(fx, clients) {
    const { idToken } = await signInUser(clients, fx, 'ana');
    await basicFlow(clients, { identityPoolId: fx.identityPool('basic').id, logins: loginsOf(fx, idToken), roleArn: fx.role('app').arn });
  },
};
