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

/** [obs] What STS answers for a Cognito OpenID token beside Provider (for which see STS_PROVIDER_CONFLICT). */
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
/** [doc] The OpenID issuer by Region: global in most, regional in GovCloud, China and opt-in Regions. */
export const IDENTITY_ISSUER_BY_REGION: Citation = {
  ...CG_AUTH_FLOW,
  ref: 'CG "Identity pools authentication flow": "The default Amazon Cognito Identity jwks_uri document contains information about the keys that sign tokens for identity pools in most AWS Regions"; GovCloud (US-West), China (Beijing) and "Opt-in Regions like Europe (Milan) and Africa (Cape Town)" have their own, at https://cognito-identity.<Region>.<suffix>',
};
/** [obs] The status of STS's trust-policy refusal; CG "Role trust and permissions" quotes the name and message. */
export const ACCESS_DENIED_403_OBSERVED = observed('STS AccessDenied (403) "Not authorized to perform sts:AssumeRoleWithWebIdentity"');

/** The same page narrowed to what an assertion rests on: `CG "Using role-based access control": a tie gives no preferred role`. */
export function cite(citation: Citation, detail: string): Citation {
  return { ...citation, ref: `${citation.ref}: ${detail}` };
}

/**
 * Neither documented nor seen on the wire: what a case asserts anyway, and what
 * it is inferred from, so a reader of report.md sees which verdicts rest on
 * inference. A recording on AWS confirms or corrects each.
 */
export function inferred(what: string, from: string, url?: string): Citation {
  return { kind: 'inferred', ref: `${what} — inferred from ${from}`, ...(url ? { url } : {}) };
}

// Where AWS contradicts itself (issue 10): both sides quoted, and which reading the cases assert and why.

/** Basic flow, DurationSeconds above 3600 with a Cognito OpenID token. */
export const BASIC_FLOW_OVER_ONE_HOUR: Citation = {
  kind: 'conflict',
  ref: 'Credentials above one hour from a Cognito OpenID token in the basic flow',
  sides: [
    {
      ref: "CI-API GetOpenIdTokenForDeveloperIdentity, TokenDuration (as the AWS SDKs' API documentation carries it)",
      url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetOpenIdTokenForDeveloperIdentity.html',
      quote: "If you don't provide an expiration time, the token is valid for 15 minutes. You can exchange the token with Amazon STS for temporary AWS credentials, which are valid for a maximum of one hour. The maximum token duration you can set is 24 hours.",
    },
    {
      ref: 'CG "Identity pools authentication flow"',
      url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html',
      quote: 'The AssumeRoleWithWebIdentity request in the classic workflow grants your app a greater ability to request credentials for any AWS Identity and Access Management role that you have configured with a sufficient trust policy. You can also request a custom role session duration.',
    },
  ],
  asserts:
    "The CG reading, which STS-API AssumeRoleWithWebIdentity backs (DurationSeconds from 900 up to the role's MaxSessionDuration): 7200 s is granted on a role whose maximum is 7200, and 7201 is refused for that maximum, not for a one-hour cap. The CI-API sentence is read as describing the enhanced flow, whose credentials \"are valid for one hour\" (same CG page); an AWS re:Post answer names the basic flow as the way to credentials of up to 12 hours. No real AWS output either way was found: a recording on AWS settles it.",
};

/** `cognito:roles`: a comma-separated string (CG) or a JSON array (real tokens). */
export const COGNITO_ROLES_TYPE: Citation = {
  kind: 'conflict',
  ref: 'cognito:roles: a comma-separated string or a JSON array',
  sides: [
    {
      ref: 'CG "Using role-based access control", § Using tokens to assign roles to users',
      url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html',
      quote: 'The cognito:roles claim is a comma-separated string containing a set of allowed role ARNs.',
    },
    {
      ref: "Real ID tokens decoded in public code (an eu-central-1 token; an eu-west-2 token), and AWS's own verifier, awslabs/aws-jwt-verify src/jwt-model.ts",
      url: 'https://github.com/awslabs/aws-jwt-verify/blob/main/src/jwt-model.ts',
      quote: '"cognito:roles": ["arn:aws:iam::912468240823:role/base-administrator-role"] (decoded token); "cognito:roles"?: string[]; (aws-jwt-verify)',
    },
  ],
  asserts:
    "A JSON array of role ARNs, as real tokens carry it and AWS's own verifier types it; the cases compare it as a list, sorted (no order is documented). The CG sentence is read as loose prose for \"a set of role ARNs\". Role selection in the identity pool does not depend on it.",
};

const STS_PROVIDER_DOC = {
  ref: 'STS-API AssumeRoleWithWebIdentity, response element Provider',
  url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html',
  quote:
    'The issuing authority of the web identity token presented. For OpenID Connect ID tokens, this contains the value of the iss field. For OAuth 2.0 access tokens, this contains the value of the ProviderId parameter that was passed in the AssumeRoleWithWebIdentity request.',
};

/** STS `Provider` for a Cognito identity-pool OpenID token. */
export const STS_PROVIDER_CONFLICT: Citation = {
  kind: 'conflict',
  ref: 'STS Provider for a Cognito identity-pool OpenID token',
  sides: [
    STS_PROVIDER_DOC,
    {
      ref: 'Real AWS CLI output in a write-up of Wiz "Big IAM Challenge" challenge 6, where the token\'s iss is https://cognito-identity.amazonaws.com',
      url: 'https://github.com/reumachoi/The-Big-IAM-Challenge-Solutions/blob/main/solution_6.md',
      quote: '"Provider": "cognito-identity.amazonaws.com"',
    },
  ],
  asserts:
    "What AWS answered: the issuer's host without https://, the identity pool's federated principal. Outside the default Regions, where the issuer is regional, the case expects that Region's principal (inferred: no output from such a Region was found).",
};

/** STS `Provider` for a token of an issuer registered as an IAM OIDC provider. */
export const STS_PROVIDER_OIDC_CONFLICT: Citation = {
  kind: 'conflict',
  ref: 'STS Provider for a token of an IAM OIDC provider',
  sides: [
    STS_PROVIDER_DOC,
    {
      ref: 'Amazon EKS Best Practices Guide, "IAM Roles for Service Accounts", sample STS answer (also SPIRE\'s and EKS Cluster Games\' AWS CLI output)',
      url: 'https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html',
      quote: '"Provider": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/…" for a token whose iss is https://oidc.eks.us-west-2.amazonaws.com/id/…',
    },
  ],
  asserts: 'What AWS answered every time it was seen: the ARN of the IAM OIDC provider, not the token\'s iss.',
};

// What stays unverified (issue 10, research C1–C7): kind `inferred`.

export const NO_GROUP_DENIED_INFERRED = inferred(
  'A user in no group (no cognito:roles, no cognito:preferred_role) falls to AmbiguousRoleResolution, so Deny refuses',
  'CG "Using role-based access control": "If the cognito:preferred_role claim is not set, the cognito:roles claim is set, and CustomRoleArn is not specified … the Role resolution setting … is used"; a token with neither claim is not described',
  'https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html',
);
export const CONTAINS_ON_LIST_INFERRED = inferred(
  'Contains on the multi-valued cognito:groups claim matches a member of the list',
  'CI-API MappingRule, MatchType "Equals, Contains, StartsWith, and NotEqual", which does not say how Contains treats a list (membership, or a substring of its text)',
  'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_MappingRule.html',
);
export const SAME_POOL_LINK_INFERRED = inferred(
  'Linking a second user of the same Cognito user pool to an identity is refused with ResourceConflictException',
  'CG "Identity pools authentication flow": "You may only link one login per public provider. Attempts to link more than one login with a public provider results in a ResourceConflictException"; whether a user pool counts as a public provider is not said, and no real output was found',
  'https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html',
);
export const NO_EXPIRY_LEEWAY_INFERRED = inferred(
  'STS refuses a web identity token one second after its exp: no clock-skew leeway',
  'STS-API AssumeRoleWithWebIdentity (ExpiredTokenException, no leeway stated); every real refusal found came long after exp (aws/aws-sdk-java-v2#5709: 3005 s; awslabs/aws-orbit-workbench#707: 198 s)',
  'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html',
);
export const COGNITO_SIGN_IN_AMR_INFERRED = inferred(
  'An OpenID token for a user-pool login has "<provider>:CognitoSignIn:<user pool sub>" in amr',
  'API Gateway Developer Guide, $context.identity.cognitoAuthenticationProvider: "cognito-idp.region.amazonaws.com/user_pool_id,cognito-idp.region.amazonaws.com/user_pool_id:CognitoSignIn:token subject claim"; that the token\'s amr carries the same entries is not documented, and no decoded user-pool OpenID token was found',
  'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference',
);
