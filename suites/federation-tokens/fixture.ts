import { assumeRole, assumeRoleTrust, policyDocument, stsArn, type FixtureSpec, type PolicyDocument, type TrustRefs } from '../../harness';

/** The federated user the cases ask STS for (2–32 characters, STS-API GetFederationToken Name). */
export const FEDERATED_NAME = 'carol';

/**
 * `target` trusts the harness's IAM user and the federated user `carol`
 * (IAM-UG "AWS JSON policy elements: Principal": federated user sessions may
 * be named), so when carol's AssumeRole is refused it is because federated
 * credentials cannot call STS, not because the trust policy leaves her out.
 */
function trustsCallerAndCarol(r: TrustRefs): PolicyDocument {
  return policyDocument(assumeRoleTrust([r.callerArn, stsArn(r.region, r.accountId, `federated-user/${FEDERATED_NAME}`)]));
}

export const federationTokensFixture: FixtureSpec = {
  roles: {
    target: { trust: { document: trustsCallerAndCarol } },
  },
  // Propagation check: the harness can assume the role it trusts.
  async ready(fx, clients) {
    await assumeRole(clients.sts, { roleArn: fx.role('target').arn, roleSessionName: 'ready' });
  },
};
