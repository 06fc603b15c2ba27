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
export const UP_AUTH_RESULT: Citation = {
  kind: 'doc',
  ref: 'UP-API AuthenticationResultType',
  url: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AuthenticationResultType.html',
};
export const UP_CREATE_GROUP: Citation = {
  kind: 'doc',
  ref: 'UP-API CreateGroup',
  url: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html',
};
export const UP_CREATE_CLIENT: Citation = {
  kind: 'doc',
  ref: 'UP-API CreateUserPoolClient',
  url: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html',
};
export const UP_SET_PASSWORD: Citation = {
  kind: 'doc',
  ref: 'UP-API AdminSetUserPassword',
  url: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserPassword.html',
};
export const CG_ACCESS_TOKEN: Citation = {
  kind: 'doc',
  ref: 'CG "Understanding the access token"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html',
};
export const CG_VERIFY_JWT: Citation = {
  kind: 'doc',
  ref: 'CG "Verifying a JSON web token"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html',
};
export const CG_SECRET_HASH: Citation = {
  kind: 'doc',
  ref: 'CG "Computing secret hash values"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash',
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

// Identity-pool flows beyond the enhanced one (issue 4): basic, guest, developer, rules, linking.
export const CI_GET_ID: Citation = {
  kind: 'doc',
  ref: 'CI-API GetId',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetId.html',
};
export const CI_GET_OPEN_ID_TOKEN: Citation = {
  kind: 'doc',
  ref: 'CI-API GetOpenIdToken',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetOpenIdToken.html',
};
export const CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER: Citation = {
  kind: 'doc',
  ref: 'CI-API GetOpenIdTokenForDeveloperIdentity',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetOpenIdTokenForDeveloperIdentity.html',
};
export const CI_CREATE_IDENTITY_POOL: Citation = {
  kind: 'doc',
  ref: 'CI-API CreateIdentityPool',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CreateIdentityPool.html',
};
export const CI_SET_IDENTITY_POOL_ROLES: Citation = {
  kind: 'doc',
  ref: 'CI-API SetIdentityPoolRoles',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetIdentityPoolRoles.html',
};
export const CI_ROLE_MAPPING: Citation = {
  kind: 'doc',
  ref: 'CI-API RoleMapping, MappingRule',
  url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_RoleMapping.html',
};
export const CG_DEVELOPER_AUTH: Citation = {
  kind: 'doc',
  ref: 'CG "Developer-authenticated identities"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/developer-authenticated-identities.html',
};
export const CG_EXTERNAL_IDPS: Citation = {
  kind: 'doc',
  ref: 'CG "Identity pools external identity providers"',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/external-identity-providers.html',
};
export const STS_ASSUME_ROLE_WITH_WEB_IDENTITY: Citation = {
  kind: 'doc',
  ref: 'STS-API AssumeRoleWithWebIdentity',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html',
};
export const STS_COMMON_ERRORS: Citation = {
  kind: 'doc',
  ref: 'STS-API Common Errors (ValidationError, 400)',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html',
};
export const IAM_CREATE_ROLE: Citation = {
  kind: 'doc',
  ref: 'IAM-API CreateRole (MaxSessionDuration 3600–43200, default 3600)',
  url: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html',
};

export const IAM_GET_ROLE: Citation = {
  kind: 'doc',
  ref: 'IAM-API GetRole',
  url: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html',
};

// STS and IAM pages the federation suites share (issue 5).
export const STS_ASSUME_ROLE: Citation = {
  kind: 'doc',
  ref: 'STS-API AssumeRole',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
};
export const STS_ASSUME_ROLE_WITH_SAML: Citation = {
  kind: 'doc',
  ref: 'STS-API AssumeRoleWithSAML',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html',
};
export const STS_GET_FEDERATION_TOKEN: Citation = {
  kind: 'doc',
  ref: 'STS-API GetFederationToken',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html',
};
export const STS_GET_SESSION_TOKEN: Citation = {
  kind: 'doc',
  ref: 'STS-API GetSessionToken',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html',
};
export const REPOST_CHAINING_LIMIT: Citation = {
  kind: 'doc',
  ref: 're:Post knowledge center "Can I increase the IAM role chaining session duration limit?" (one hour; quotes the ValidationError message)',
  url: 'https://repost.aws/knowledge-center/iam-role-chaining-limit',
};
export const IAM_SAML_ASSERTIONS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Configuring SAML assertions for the authentication response"',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html',
};

/**
 * Observed on the wire in a named public source, outside aws-contract.md: an
 * [obs] fact a real-AWS recording should confirm or correct.
 */
export function observedAt(what: string, where: string, url?: string): Citation {
  return { kind: 'obs', ref: `[obs] ${what} (seen in: ${where})`, ...(url ? { url } : {}) };
}

/** [obs] What STS answers for a Cognito OpenID token; the API reference says Provider is "the value of the iss field". */
export const STS_COGNITO_TOKEN_OBSERVED = observedAt(
  'AssumeRoleWithWebIdentity with a Cognito OpenID token answers Provider "cognito-identity.amazonaws.com", Audience = identity pool id, SubjectFromWebIdentityToken = identity id',
  'AWS CLI transcripts in public write-ups of the Wiz "Big IAM Challenge", challenge 6 (2023–2025)',
  'https://thebigiamchallenge.com/challenge/6',
);
/** [obs] The shape of identity-pool OpenID tokens beyond what the docs state. */
export const OPENID_TOKEN_OBSERVED = observedAt(
  'OpenID tokens carry iss "https://cognito-identity.amazonaws.com" and sub = identity id; a developer token\'s amr is ["authenticated", <DeveloperProviderName>, …]',
  'a decoded identity-pool OpenID token shown on speakerdeck (2024)',
  'https://speakerdeck.com/player/fcca686ecc42459fa57423156ce7561f',
);
/** [obs] The user-pool amr entry, which API Gateway passes on as cognitoAuthenticationProvider. */
export const AMR_COGNITO_SIGN_IN_OBSERVED = observedAt(
  'an OpenID token for a user pool login has "<provider>:CognitoSignIn:<user pool sub>" in amr',
  'API Gateway cognitoAuthenticationProvider values quoted in public code, e.g. serverless-stack "Mapping Cognito Identity Id and User Pool Id"',
  'https://serverless-stack.com/chapters/mapping-cognito-identity-id-and-user-pool-id.html',
);
/** [obs] The status of STS's trust-policy refusal; CG "Role trust and permissions" quotes the name and message. */
export const ACCESS_DENIED_403_OBSERVED = observed('STS AccessDenied (403) "Not authorized to perform sts:AssumeRoleWithWebIdentity"');

/** The same page narrowed to what an assertion rests on: `CG "Using role-based access control": a tie gives no preferred role`. */
export function cite(citation: Citation, detail: string): Citation {
  return { ...citation, ref: `${citation.ref}: ${detail}` };
}
