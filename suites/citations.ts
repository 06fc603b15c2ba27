import type { Citation } from '../harness';

/** The AWS pages the suites cite, named as in aws-contract.md. */
export const CG_RBAC: Citation = {
  kind: 'doc',
  ref: 'CG "Using role-based access control"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html',
};
export const CG_GROUPS: Citation = {
  kind: 'doc',
  ref: 'CG "Adding groups to a user pool"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html',
};
export const CG_ID_TOKEN: Citation = {
  kind: 'doc',
  ref: 'CG "Understanding the identity (ID) token"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html',
};
export const CG_AUTH_FLOW: Citation = {
  kind: 'doc',
  ref: 'CG "Identity pools authentication flow"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html',
};
export const CG_ROLE_TRUST: Citation = {
  kind: 'doc',
  ref: 'CG "Role trust and permissions"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html',
};
export const CI_GET_CREDENTIALS: Citation = {
  kind: 'doc',
  ref: 'CI-API GetCredentialsForIdentity',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html',
};
export const CI_CREDENTIALS: Citation = {
  kind: 'doc',
  ref: 'CI-API Credentials',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_Credentials.html',
};
export const UP_INITIATE_AUTH: Citation = {
  kind: 'doc',
  ref: 'UP-API InitiateAuth / AdminInitiateAuth',
  url: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html',
};
export const IAM_IDENTIFIERS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "IAM identifiers"',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html',
};
export const STS_GET_CALLER_IDENTITY: Citation = {
  kind: 'doc',
  ref: 'STS-API GetCallerIdentity',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
};

/** Observed on the wire, not documented (aws-contract.md marks these [obs]). */
export function observed(what: string): Citation {
  return { kind: 'obs', ref: `aws-contract.md [obs]: ${what}` };
}
