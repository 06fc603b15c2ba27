import type { Citation } from '../../harness';
import { observed, observedAt } from '../citations';

/** The STS and IAM pages the duration-bounds table cites (aws-contract.md §3). */
export const STS_ASSUME_ROLE: Citation = {
  kind: 'doc',
  ref: 'STS-API AssumeRole (DurationSeconds 900 to the role MaxSessionDuration, default 3600; one hour when role chaining)',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
};
export const STS_ASSUME_ROLE_WITH_SAML: Citation = {
  kind: 'doc',
  ref: 'STS-API AssumeRoleWithSAML ("lasts for the duration that you specify, or until the time specified in the SAML authentication response\'s SessionNotOnOrAfter value, whichever is shorter")',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html',
};
export const STS_GET_FEDERATION_TOKEN: Citation = {
  kind: 'doc',
  ref: 'STS-API GetFederationToken (DurationSeconds 900–129600, default 43200)',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html',
};
export const STS_GET_SESSION_TOKEN: Citation = {
  kind: 'doc',
  ref: 'STS-API GetSessionToken (DurationSeconds 900–129600, default 43200)',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html',
};
export const IAM_ROLE_CHAINING: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Methods to assume a role" / re:Post "role chaining": sessions assumed by role chaining are limited to one hour',
  url: 'https://repost.aws/knowledge-center/iam-role-chaining-limit',
};
export const SAML_SESSION_DURATION: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Configure SAML assertions for the authentication response": optional SessionDuration attribute, 900–43200 seconds; aws-contract.md §5: it can only shorten an API session',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html',
};

export const TOO_SHORT = observed(
  `ValidationError "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"`,
);
export const OVER_ROLE_MAX = observed('ValidationError "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."');
export const OVER_ROLE_MODEL_MAX = observedAt(
  `ValidationError "1 validation error detected: Value '<n>' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"`,
  'Apache Hadoop S3A assumed-roles troubleshooting (AWS SDK output)',
  'https://hadoop.apache.org/docs/stable/hadoop-aws/tools/hadoop-aws/assumed_roles.html',
);
/** The same constraint message family as the 899 and 43201 messages, with the bound STS-API gives for these operations. */
export const OVER_USER_MODEL_MAX = observed(
  `ValidationError in the constraint-message form of the 899 message ("… Member must have value less than or equal to 129600"), bound from STS-API`,
);
