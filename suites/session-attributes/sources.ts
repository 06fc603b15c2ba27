import type { Citation } from '../../harness';
import { observedAt } from '../citations';

export const CG_AFAC: Citation = {
  kind: 'doc',
  ref: 'CG "Using attributes for access control": the claim mapped to a tag key sets the session tag; the role\'s trust must allow sts:TagSession besides sts:AssumeRoleWithWebIdentity',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/using-afac-with-cognito-identity-pools.html',
};
export const CG_AFAC_EXAMPLE: Citation = {
  kind: 'doc',
  ref: 'CG "Using attributes for access control policy example": ${aws:PrincipalTag/<tag>} in the permissions policy, sts:TagSession in the trust policy',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/using-attributes-for-access-control-policy-example.html',
};
export const CG_DEFAULT_MAPPINGS: Citation = {
  kind: 'doc',
  ref: 'CG "Default provider mappings": a user pool ID token\'s default principal tag values are aud (client ID) and sub (user ID)',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/provider-mappings.html',
};
export const CI_SET_PRINCIPAL_TAGS: Citation = {
  kind: 'doc',
  ref: 'CI-API SetPrincipalTagAttributeMap: "default (username and clientID) attribute or custom attribute mappings"; PrincipalTags tag → claim',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetPrincipalTagAttributeMap.html',
};
export const CI_GET_PRINCIPAL_TAGS: Citation = {
  kind: 'doc',
  ref: 'CI-API GetPrincipalTagAttributeMap: IdentityPoolId, IdentityProviderName, UseDefaults, PrincipalTags',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetPrincipalTagAttributeMap.html',
};
export const DEFAULT_TAG_KEYS_INFERRED: Citation = {
  kind: 'inferred',
  ref: 'The default mappings answer PrincipalTags {"client": "aud", "username": "sub"}: the key names from CI-API\'s "default (username and clientID)" and CG\'s aud/sub table; no AWS answer quoting them was found (other emulators calibrated against AWS answer the same)',
};
export const TAG_SESSION_REFUSAL_INFERRED: Citation = {
  kind: 'inferred',
  ref: 'Without sts:TagSession the enhanced flow is refused as any trust failure of the role is: InvalidIdentityPoolConfigurationException "Invalid identity pool configuration. Check assigned IAM roles for this pool." (aws-contract.md §2 Trust policy); no AWS answer for this exact set-up was found',
};
export const IAM_SESSION_TAGS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Passing session tags in AWS STS": session tags are principal tags (aws:PrincipalTag), passing them needs sts:TagSession, transitive tags persist during role chaining and an inherited one cannot be set again',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html',
};
export const STS_TAG: Citation = {
  kind: 'doc',
  ref: 'STS-API AssumeRole Tags / Tag: up to 50 session tags, keys 1–128, values 0–256 characters; TransitiveTagKeys: the keys must be among the passed Tags',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_Tag.html',
};
export const TRANSITIVE_CONFLICT_OBSERVED = observedAt(
  'a chained AssumeRole passing a tag with the key of an inherited transitive tag: InvalidParameterValue "… conflicts with a transitive tag key from the calling session"; one changing the source identity: ValidationError "The source identity is already set for this assume role session"; inherited tags need sts:TagSession on the next role',
  'recorded against AWS in mahitotsu/gekko_08, experiments/multi-hop-propagation/RESULTS.md (2026)',
  'https://github.com/mahitotsu/gekko_08/blob/main/experiments/multi-hop-propagation/RESULTS.md',
);
export const TRANSITIVE_MESSAGES_INFERRED: Citation = {
  kind: 'inferred',
  ref: "The full texts \"One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.\" and \"The specified transitive tag key must be included in the requested tags.\" (InvalidParameterValue, 400) are LocalStack's (localstack/localstack#12508, built against AWS); only their code and tail were seen in AWS output",
  url: 'https://github.com/localstack/localstack/pull/12508',
};
export const TAG_SESSION_DENIED_OBSERVED = observedAt(
  'AssumeRole passing session tags to a role whose trust lacks sts:TagSession: AccessDenied "… is not authorized to perform: sts:TagSession on resource: arn:aws:iam::444455556666:role/automation"',
  'mattrobinsonsre/terrapod#1546 (AWS output quoted), aws-actions/configure-aws-credentials#1396',
  'https://github.com/mattrobinsonsre/terrapod/pull/1546',
);
export const VALIDATION_FAMILY_INFERRED: Citation = {
  kind: 'inferred',
  ref: "The limit messages follow STS's validation family (\"1 validation error detected: Value '…' at '<member>' failed to satisfy constraint: Member must have length less than or equal to <n>\", aws-contract.md §3 [obs]); the member names 'tags' and 'tags.1.member.key' are inferred from the AssumeRole request shape",
};
export const IAM_THIRD_PARTY: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Access to AWS accounts owned by third parties": a trust policy condition on sts:ExternalId; AssumeRole without the matching ExternalId fails',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
};
export const IAM_SOURCE_IDENTITY: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Monitor and control actions taken with assumed roles": a source identity is set once, persists through role chaining, cannot be changed, and is aws:SourceIdentity in later requests; setting it needs sts:SetSourceIdentity',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html',
};
export const SAML_SESSION_TAGS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Passing session tags using AssumeRoleWithSAML": attributes https://aws.amazon.com/SAML/Attributes/PrincipalTag:<key> and …/TransitiveTagKeys',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_adding-assume-role-saml',
};
export const WEB_IDENTITY_SESSION_TAGS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Passing session tags using AssumeRoleWithWebIdentity": the token claim https://aws.amazon.com/tags with principal_tags and transitive_tag_keys',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_adding-assume-role-idp',
};
export const DEVELOPER_PRINCIPAL_TAGS: Citation = {
  kind: 'doc',
  ref: 'CI-API GetOpenIdTokenForDeveloperIdentity, PrincipalTags: "Use this operation to configure attribute mappings for custom providers"',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetOpenIdTokenForDeveloperIdentity.html',
};
export const DEVELOPER_TAGS_CLAIM_INFERRED: Citation = {
  kind: 'inferred',
  ref: "A developer OpenID token carries its PrincipalTags as the https://aws.amazon.com/tags claim STS reads, so AssumeRoleWithWebIdentity tags the session with them; no decoded token showing it was found",
};
export const ACCESS_DENIED_ASSUME_OBSERVED = observedAt(
  'AssumeRole refused by the trust policy: AccessDenied 403 "User: <caller arn> is not authorized to perform: sts:AssumeRole on resource: <role arn>"',
  'SDK output quoted in cloud-toolkit/cloud-toolkit-aws#31',
  'https://github.com/cloud-toolkit/cloud-toolkit-aws/issues/31',
);
