import type { FixtureSpec, PolicyDocument, TrustRefs } from '../../harness';
import { assumeRoleWithWebIdentity, policyDocument, webIdentityTrust } from '../../harness';
import { signInUser } from '../steps';

/** The session name this suite gives STS; it must come back in the assumed-role ARN. */
export const SESSION_NAME = 'idchain-oidc';

/**
 * A web-identity trust on the `main` provider (IAM-UG "Create a role for
 * OpenID Connect federation"): `Federated` is the provider ARN and the
 * condition keys are the issuer without https:// plus `:aud` / `:sub`
 * (aws-contract.md §5; IAM-UG condition keys for OIDC federation).
 */
function trustsMainProvider(r: TrustRefs, claims: { aud?: boolean; sub?: string }): PolicyDocument {
  const provider = r.oidcProvider('main');
  // The provider's ClientIDList is just the `web` client (see oidcProviders below).
  return policyDocument(webIdentityTrust(provider, { aud: claims.aud ? provider.clientIds[0] : undefined, sub: claims.sub }));
}

/**
 * Web identity straight from a user pool, with no identity pool: `main`'s
 * issuer is an IAM OIDC provider whose ClientIDList holds `web` only.
 *
 * - `main`: clients `web` (in the ClientIDList) and `other` (not in it); users `ana`, `bob`.
 * - `unregistered`: a second pool (client `web`, user `cy`) with no IAM provider.
 * - role `web`: `:aud` = the web client and `:sub` = ana's sub.
 * - role `audience-only`: `:aud` = the web client, any user — bob's token passes it,
 *   so `web` refusing bob is its `:sub` condition.
 * - role `ana-any-client`: `:sub` = ana's sub and no `:aud` condition, so a token
 *   issued to `other` satisfies the trust and only the provider's ClientIDList
 *   can refuse it.
 */
export const webIdentityOidcFixture: FixtureSpec = {
  userPools: {
    main: {
      clients: {
        web: { authFlows: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] },
        other: { authFlows: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] },
      },
      users: { ana: {}, bob: {} },
    },
    unregistered: {
      clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] } },
      users: { cy: {} },
    },
  },
  oidcProviders: {
    main: { userPool: 'main', clients: ['web'] },
  },
  roles: {
    web: { trust: { document: (r) => trustsMainProvider(r, { aud: true, sub: r.userSub('main', 'ana') }) } },
    'audience-only': { trust: { document: (r) => trustsMainProvider(r, { aud: true }) } },
    'ana-any-client': { trust: { document: (r) => trustsMainProvider(r, { sub: r.userSub('main', 'ana') }) } },
  },
  // Propagation check: ana's ID token into every role, straight through STS.
  async ready(fx, clients) {
    const { idToken } = await signInUser(clients, fx, 'ana');
    for (const role of ['web', 'audience-only', 'ana-any-client']) {
      await assumeRoleWithWebIdentity(clients.sts, { roleArn: fx.role(role).arn, roleSessionName: SESSION_NAME, webIdentityToken: idToken });
    }
  },
};
