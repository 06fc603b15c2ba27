import { assumeRole, assumeRoleTrust, longTermUser, policyDocument, stsArn, type FixtureSpec, type PolicyDocument, type TrustRefs } from '../../harness';

/** The federated user the cases ask STS for (2–32 characters, STS-API GetFederationToken Name). */
export const FEDERATED_NAME = 'carol';

/**
 * `target` trusts the IAM user whose long-term keys the cases sign with (the
 * harness's own, or a throwaway one when the harness is a role session) and the federated user `carol`
 * (IAM-UG "AWS JSON policy elements: Principal": federated user sessions may
 * be named), so when carol's AssumeRole is refused it is because federated
 * credentials cannot call STS, not because the trust policy leaves her out.
 */
function trustsCallerAndCarol(r: TrustRefs): PolicyDocument {
  return policyDocument(assumeRoleTrust([r.iamUserArn, stsArn(r.region, r.accountId, `federated-user/${FEDERATED_NAME}`)]));
}

export const federationTokensFixture: FixtureSpec = {
  roles: {
    target: { trust: { document: trustsCallerAndCarol } },
  },
  // Propagation check: the long-term user can assume the role that trusts it.
  async ready(fx) {
    await assumeRole(longTermUser(fx).sts, { roleArn: fx.role('target').arn, roleSessionName: 'ready' });
  },
};
