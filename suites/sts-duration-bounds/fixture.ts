import {
  assumeRoleTrust,
  assumeRoleWithWebIdentity,
  policyDocument,
  samlTrust,
  webIdentityTrust,
  type FixtureSpec,
  type PolicyDocument,
  type TrustRefs,
} from '../../harness';
import { signInUser } from '../steps';

/**
 * One trust for every duration row: the IAM user the long-term rows sign as
 * (the harness's own, or a throwaway one) and the `backend` session may AssumeRole; the user pool's OIDC provider may
 * AssumeRoleWithWebIdentity for the `web` client; the harness's SAML IdP may
 * AssumeRoleWithSAML. So a row's outcome depends on the duration alone.
 */
function trustsEveryone(r: TrustRefs): PolicyDocument {
  return policyDocument(
    assumeRoleTrust([r.iamUserArn, r.roleArn('backend')]),
    webIdentityTrust(r.oidcProvider('pool')),
    samlTrust(r.samlProvider('corp').arn),
  );
}

/**
 * Roles whose MaxSessionDuration is the default (3600), 7200 and the model
 * maximum 43200 (IAM-API CreateRole), all trusting the same principals, and
 * `backend`, whose sessions chain into them.
 */
export const durationFixture: FixtureSpec = {
  userPools: { main: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] } }, users: { ana: {} } } },
  oidcProviders: { pool: { userPool: 'main', clients: ['web'] } },
  samlProviders: { corp: {} },
  roles: {
    backend: { trust: { document: (r) => policyDocument(assumeRoleTrust(r.iamUserArn)) } },
    'max-3600': { trust: { document: trustsEveryone } },
    'max-7200': { trust: { document: trustsEveryone }, maxSessionDuration: 7200 },
    'max-43200': { trust: { document: trustsEveryone }, maxSessionDuration: 43200 },
  },
  // Propagation check: a user-pool ID token into the default role.
  async ready(fx, clients) {
    const { idToken } = await signInUser(clients, fx, 'ana');
    await assumeRoleWithWebIdentity(clients.sts, { roleArn: fx.role('max-3600').arn, roleSessionName: 'ready', webIdentityToken: idToken });
  },
};
