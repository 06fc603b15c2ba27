import { cognitoIdentityIssuer } from './cognito-identity-issuer';
import { iamOidcProviderIssuer } from './oidc-provider-issuer';
import type { IssuerResolver } from './web-identity-issuer';

/**
 * The issuers STS trusts, asked in order. This is the one seam for new kinds
 * of issuer: Cognito identity pools' own tokens, then IAM OIDC providers
 * (CreateOpenIDConnectProvider), which look the issuer up in IAM state and
 * fetch its JWKS (oidc-provider-issuer.ts). Composed here, apart from both,
 * so the issuers and what verifies their tokens never import each other.
 */
export const WEB_IDENTITY_ISSUERS: readonly IssuerResolver[] = [cognitoIdentityIssuer, iamOidcProviderIssuer];
