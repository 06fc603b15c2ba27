import type { Citation } from '../../harness';
import { observed } from '../citations';

export const S3_ACCESS_DENIED: Citation = {
  kind: 'doc',
  ref: 'S3 User Guide "Troubleshoot access denied (403 Forbidden) errors": AccessDenied 403, "User: <arn> is not authorized to perform: <action> on resource: "<arn>" because no identity-based policy allows the <action> action" (and "no session policy", "with an explicit deny in a resource-based policy")',
  url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html',
};
export const IAM_EVALUATION: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Policy evaluation logic": within one account an allow in an identity-based or a resource-based policy allows, an explicit deny in any policy wins, session policies only narrow',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
};
export const S3_COGNITO_EXAMPLE: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Amazon S3: Allows Amazon Cognito users to access objects in their bucket": ${cognito-identity.amazonaws.com:sub} in the object ARN, s3:ListBucket under an s3:prefix condition',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_cognito-bucket.html',
};
export const IAM_POLICY_VARIABLES: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "IAM policy elements: Variables and tags": ${cognito-identity.amazonaws.com:sub} and ${saml:sub} are replaced by the requester\'s values',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
};
export const S3_GET_OBJECT: Citation = {
  kind: 'doc',
  ref: 'S3-API GetObject, Permissions: without s3:ListBucket a missing key is 403 Access Denied, not 404',
  url: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html',
};
export const CG_IAM_ROLES: Citation = {
  kind: 'doc',
  ref: 'CG "IAM roles"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html',
};
export const IAM_SESSION_POLICIES: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Session policies": the session may do what both the role\'s identity-based policy and the session policy allow',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session',
};
export const FEDERATION_TOKEN_PERMISSIONS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Permissions for GetFederationToken": the federated user may do what both the IAM user and the session policy passed allow; STS-API GetFederationToken: a proxy (broker) gets credentials on behalf of its users',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html',
};
export const SAML_UNIQUE_USERS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Configuring SAML assertions for the authentication response" / "Available keys for SAML-based AWS STS federation": saml:sub is the NameID, usable as ${saml:sub} in permission policies',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml',
};
export const WEB_IDENTITY_ROLE: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Create a role for OpenID Connect federation": the role\'s permission policy is what the web identity\'s session may do',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
};
/** aws-contract.md §2: the basic flow applies no scope-down; enhanced-flow guests carry Cognito's. */
export const BASIC_FLOW_NO_SCOPE_DOWN: Citation = {
  kind: 'doc',
  ref: 'aws-contract.md §2 Guest, after CG "IAM roles": enhanced-flow guest credentials are limited by AmazonCognitoUnAuthedIdentitiesSessionPolicy; "The basic flow applies no such scope-down"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html',
};
/** Neither reading of the guest scope-down lets IAM through: the CG list and the managed policy both leave it out. */
export const SCOPE_DOWN_EXCLUDES_IAM: Citation = {
  kind: 'doc',
  ref: 'AWS managed policy AmazonCognitoUnAuthedIdentitiesSessionPolicy (v3) and CG "IAM roles" § "Services that unauthenticated enhanced flow users can access": neither lists IAM, so an enhanced-flow guest is refused it even where its role allows it',
  url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonCognitoUnAuthedIdentitiesSessionPolicy.html',
};

/**
 * AWS's own pages disagree on whether enhanced-flow guests may use S3; the
 * case asserts aws-contract.md's reading (see emulator/cognito-identity/guest-scope-down.ts).
 */
export const GUEST_SCOPE_DOWN_CONFLICT: Citation = {
  kind: 'conflict',
  ref: 'enhanced-flow guests and Amazon S3',
  sides: [
    {
      ref: 'CG "IAM roles" § "Services that unauthenticated enhanced flow users can access" (as aws-contract.md §2 records it)',
      url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html',
      quote: 'only the services listed … (that list includes Amazon S3, DynamoDB, Lambda and API Gateway); anything else is denied even when the role allows it',
    },
    {
      ref: 'AWS managed policy AmazonCognitoUnAuthedIdentitiesSessionPolicy, version v3 (November 2024)',
      url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonCognitoUnAuthedIdentitiesSessionPolicy.html',
      quote: 'allows rum:PutRumEvents, sagemaker:InvokeEndpoint, polly:*, comprehend:*, translate:*, transcribe:*, rekognition:*, mobiletargeting:*, firehose:*, personalize:*, geo:… and kms:… — neither s3:* nor dynamodb:*',
    },
  ],
  asserts: "aws-contract.md §2's reading, the project's source of truth: S3 is among the services an enhanced-flow guest may use, so the guest role's s3:GetObject on public/ is allowed. A recording on AWS settles it.",
};

/** [obs] Enhanced-flow sessions are named CognitoIdentityCredentials. */
export const ENHANCED_SESSION_OBSERVED = observed('enhanced-flow role sessions are named CognitoIdentityCredentials: arn:aws:sts::<account>:assumed-role/<role>/CognitoIdentityCredentials');
