import { limitExceeded } from './iam-errors';

/** "IAM doesn't count white space when calculating the size of a policy" [doc: IAM-UG "IAM and AWS STS quotas"]. */
export function policySize(json: string): number {
  return json.replace(/\s/g, '').length;
}

/** Role trust policy length, default quota [doc: IAM-UG "IAM and AWS STS quotas"]. */
export const TRUST_POLICY_MAX = 2048;
/** All inline policies of a role together [doc: same page]. */
export const ROLE_INLINE_POLICIES_MAX = 10240;

/** `LimitExceeded` (409) "Cannot exceed quota for ACLSizePerRole: 2048" [obs: kubeflow/kubeflow#6687]. */
export function checkTrustPolicySize(json: string): void {
  if (policySize(json) > TRUST_POLICY_MAX) throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_MAX}`);
}

/** `LimitExceeded` (409) "Maximum policy size of 10240 bytes exceeded for role X" [obs: gchq/sleeper#1459, aws/aws-cdk#12403]. */
export function checkInlinePoliciesSize(roleName: string, documents: Iterable<string>): void {
  let total = 0;
  for (const doc of documents) total += policySize(doc);
  if (total > ROLE_INLINE_POLICIES_MAX) {
    throw limitExceeded(`Maximum policy size of ${ROLE_INLINE_POLICIES_MAX} bytes exceeded for role ${roleName}`);
  }
}
