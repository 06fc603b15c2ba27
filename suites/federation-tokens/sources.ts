import type { Citation } from '../../harness';
import { observed, observedAt } from '../citations';

export const IAM_STS_COMPARISON: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Compare AWS STS credentials" (who can call each operation; restrictions on the resulting credentials)',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html',
};
export const IAM_REQUEST_TEMP_CREDENTIALS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Requesting temporary security credentials" (GetFederationToken and GetSessionToken need the long-term credentials of an IAM user)',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html',
};
export const IAM_GET_FEDERATION_TOKEN_PERMISSIONS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Permissions for GetFederationToken" (the session\'s permissions are the intersection of the user\'s and the session policy)',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html',
};
export const IAM_POLICY_PRINCIPAL: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "AWS JSON policy elements: Principal" (AWS STS federated user principals: arn:aws:sts::<account>:federated-user/<name>)',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
};

/** [obs] aws-contract.md §3, recorded against AWS. */
export const FEDERATED_USER_SHAPE_OBSERVED = observed(
  'GetFederationToken returns PackedPolicySize 0 without a policy; FederatedUser.Arn arn:aws:sts::<acct>:federated-user/<name>, FederatedUserId <acct>:<name>',
);
/** [obs] The too-long Name refusal, quoted from AWS in several tool issues. */
export const NAME_TOO_LONG_OBSERVED = observedAt(
  `ValidationError (400) "1 validation error detected: Value '<name>' at 'name' failed to satisfy constraint: Member must have length less than or equal to 32"`,
  '99designs/aws-vault#350, fwdcloudsec/granted#141, tenesys/awsconsole#2 (GetFederationToken output)',
  'https://github.com/99designs/aws-vault/issues/350',
);
/** [obs] GetFederationToken signed with a role session's credentials. */
export const FEDERATION_SESSION_REFUSED_OBSERVED = observedAt(
  'AccessDenied (403) "Cannot call GetFederationToken with session credentials"',
  'fwdcloudsec/granted#151 (credentials from an instance-profile role)',
  'https://github.com/fwdcloudsec/granted/issues/151',
);
/** [obs] GetSessionToken signed with a role session's credentials. */
export const SESSION_TOKEN_SESSION_REFUSED_OBSERVED = observedAt(
  'AccessDenied "Cannot call GetSessionToken with session credentials"',
  'aws/aws-sdk-js#3670 (EC2 instance role), aws/aws-sdk-net#1704, aws/aws-sdk-php#1876',
  'https://github.com/aws/aws-sdk-js/issues/3670',
);
/** [obs] IAM refusing GetSessionToken credentials obtained without MFA. */
export const SESSION_TOKEN_IAM_REFUSED_OBSERVED = observedAt(
  'IAM answers InvalidClientTokenId (403) "The security token included in the request is invalid" to GetSessionToken credentials without MFA',
  'cloudyr/aws.iam#15 (ListRoles), 99designs/aws-vault#328 (ListUsers), aws/aws-sdk-js#460 (ListUsers)',
  'https://github.com/cloudyr/aws.iam/issues/15',
);

export { STS_GET_FEDERATION_TOKEN, STS_GET_SESSION_TOKEN } from '../citations';
