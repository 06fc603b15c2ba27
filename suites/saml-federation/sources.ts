import type { Citation } from '../../harness';
import { observedAt } from '../citations';

export const IAM_SAML_TROUBLESHOOTING: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Troubleshooting SAML 2.0 federation"',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html',
};
export const IAM_SAML_ROLE: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Creating a role for SAML 2.0 federation"',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html',
};
export const IAM_SAML_CONDITION_KEYS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Available keys for SAML-based AWS STS federation" (SAML:aud, SAML:sub)',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml',
};

/** [obs] aws-contract.md §5 gives the name and message as observed; this is where it was seen. */
export const SAML_EXPIRED_OBSERVED = observedAt(
  'AssumeRoleWithSAML with a response past its NotOnOrAfter: ExpiredTokenException (400) "Response has expired"',
  'saml2aws issue #759 (AWS SDK output, 2022)',
  'https://github.com/Versent/saml2aws/issues/759',
);

/** [obs] Not in aws-contract.md: what STS answers when RoleArn is not among the assertion's Role attribute values. */
export const SAML_ROLE_NOT_LISTED_OBSERVED = observedAt(
  `AssumeRoleWithSAML for a role the assertion does not list: InvalidIdentityToken "SAML Assertion doesn't contain the requested Role and Metadata in the attributes"`,
  'botocore InvalidIdentityTokenException output quoted in the code of public ADFS/SAML CLI login helpers',
);

export { STS_ASSUME_ROLE_WITH_SAML, IAM_SAML_ASSERTIONS } from '../citations';
