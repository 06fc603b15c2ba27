import type { Citation } from '../../harness';
import { inferred, observed, observedAt } from '../citations';

export const IAM_METHODS_TO_ASSUME: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Methods to assume a role" (role chaining: at most one hour)',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html',
};
export const IAM_ROLE_TERMS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Roles terms and concepts": Role chaining',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining',
};
export const IAM_SESSION_POLICIES: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Session policies" / "Permissions for AssumeRole…": the session\'s permissions are the intersection of the role\'s identity-based policy and the session policies',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_assumerole.html',
};
export const IAM_TRUST_POLICY_UPDATE: Citation = {
  kind: 'doc',
  ref: 'AWS Security Blog "Announcing an update to IAM role trust policy behavior" (2022): a role must be explicitly trusted by its own trust policy to assume itself',
  url: 'https://aws.amazon.com/blogs/security/announcing-an-update-to-iam-role-trust-policy-behavior/',
};

/** [obs] The AccessDenied message AssumeRole gives a caller the trust policy does not name. */
export const ASSUME_DENIED_OBSERVED = observedAt(
  'AssumeRole refused by the trust policy: AccessDenied, StatusCode 403, "User: <caller arn> is not authorized to perform: sts:AssumeRole on resource: <role arn>"; a role session assuming its own role unless trusted gets the same',
  'SDK output quoted in cloud-toolkit/cloud-toolkit-aws#31 (IAM user caller) and cloudposse/terraform-aws-components release 1.231.0 (assumed-role caller, its own role)',
  'https://github.com/cloud-toolkit/cloud-toolkit-aws/issues/31',
);
/** aws-contract.md §3 [obs, recorded against AWS]: the pattern message. */
export const SESSION_NAME_PATTERN_OBSERVED = observed(
  `ValidationError "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*" (recorded against AWS)`,
);
/** [obs] The over-length message, quoted from AWS SDK output: the template the too-short message is inferred from. */
export const SESSION_NAME_TOO_LONG_OBSERVED = observedAt(
  `ValidationError (400) "1 validation error detected: Value '<name>' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64"`,
  'AWS SDK output quoted in bringmeister/aws-kinesis-spring-boot-starter#19 (Status Code: 400; Error Code: ValidationError), zalando-incubator/kube-aws-iam-controller#16 (status code: 400) and benkehoe/aws-assume-role-lib#2',
  'https://github.com/bringmeister/aws-kinesis-spring-boot-starter/issues/19',
);
/**
 * [inferred] No real output of the too-short message was found (older SDKs
 * refuse a one-character name client-side, so the server's text is rarely
 * seen): its wording follows the observed template above.
 */
export const SESSION_NAME_TOO_SHORT_INFERRED = inferred(
  `The too-short message "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"`,
  "the real messages of the same constraint family (roleSessionName's 64 upper bound; durationSeconds' 900 lower bound) and STS-API AssumeRole's RoleSessionName \"Minimum length of 2\"",
  'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
);
/** aws-contract.md §3 [obs]: no PackedPolicySize without a session policy. */
export const NO_PACKED_SIZE_OBSERVED = observed('AssumeRole returns no PackedPolicySize when no session policy is passed (recorded against AWS)');

export { STS_ASSUME_ROLE, REPOST_CHAINING_LIMIT } from '../citations';
