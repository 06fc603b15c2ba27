import type { Citation } from '../../harness';
import { inferred, observedAt } from '../citations';

/** The STS and IAM pages the duration-bounds table cites live in ../citations and ../duration-table; these are the rest. */
/** [obs] GetSessionToken above its 129600 maximum: real AWS SDK output. */
export const OVER_USER_MODEL_MAX = observedAt(
  `ValidationError (400) "1 validation error detected: Value '345600' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600" (Service: AWSSecurityTokenService; Status Code: 400; Error Code: ValidationError), for session credentials (GetSessionToken)`,
  'Apache Hadoop S3A "Working with IAM Assumed Roles", troubleshooting ("For full sessions, the duration limit is 129600 seconds: 36h.")',
  'https://hadoop.apache.org/docs/stable/hadoop-aws/tools/hadoop-aws/assumed_roles.html',
);
/** [inferred] GetFederationToken above 129600: the same message as GetSessionToken's, which is all that was seen. */
export const FEDERATION_OVER_MAX_INFERRED = inferred(
  `GetFederationToken answers DurationSeconds 129601 with the same ValidationError "… Member must have value less than or equal to 129600"`,
  "GetSessionToken's real message (Apache Hadoop S3A troubleshooting) and STS-API GetFederationToken's maximum of 129,600 seconds; no GetFederationToken output above it was found",
  'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html',
);

export { IAM_SAML_ASSERTIONS, REPOST_CHAINING_LIMIT, STS_ASSUME_ROLE, STS_ASSUME_ROLE_WITH_SAML, STS_GET_FEDERATION_TOKEN, STS_GET_SESSION_TOKEN } from '../citations';

/** aws-contract.md §5 [doc] on the assertion's SessionDuration attribute. */
export const SESSION_DURATION_SHORTENS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Configuring SAML assertions for the authentication response": optional SessionDuration (900–43200), which can only shorten an API session (aws-contract.md §5)',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html',
};
/**
 * Neither page says how SessionDuration meets an explicit DurationSeconds;
 * the smaller winning is issue 5's reading of "can only shorten". A recording
 * against AWS should confirm it.
 */
export const SMALLER_WINS_INFERRED = inferred(
  'With both DurationSeconds and the assertion\'s SessionDuration given, the smaller wins',
  'IAM-UG "Configuring SAML assertions for the authentication response": SessionDuration "can only shorten" an API session; neither that page nor STS-API AssumeRoleWithSAML says how the two meet',
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html',
);
