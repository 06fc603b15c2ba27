import { assumeRole } from './assume-role';
import { assumeRoleWithSAML } from './assume-role-with-saml';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import { cognitoIdentityIssuer } from './cognito-identity-issuer';
import { getFederationToken } from './federation-token';
import { getCallerIdentity } from './get-caller-identity';
import { iamOidcProviderIssuer } from './oidc-provider-issuer';
import { getSessionToken } from './session-token';
import type { ServiceDefinition } from '../service';
import { STS_ACCESS } from './permissions';
import type { EmulatorState } from '../state';
import type { IssuerResolver } from './web-identity-issuer';

/**
 * The issuers STS trusts, asked in order. This is the one seam for new kinds
 * of issuer: Cognito identity pools' own tokens, then IAM OIDC providers
 * (CreateOpenIDConnectProvider), which look the issuer up in IAM state and
 * fetch its JWKS (oidc-provider-issuer.ts). Composed here, where STS is put
 * together, so the issuers and what verifies their tokens never import each other.
 */
export const WEB_IDENTITY_ISSUERS: readonly IssuerResolver[] = [cognitoIdentityIssuer, iamOidcProviderIssuer];

export function createStsService(_state: EmulatorState): ServiceDefinition {
  return {
    name: 'sts',
    protocol: 'awsQuery',
    signingName: 'sts',
    queryVersion: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    unsignedOperations: new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']),
    operations: {
      GetCallerIdentity: getCallerIdentity,
      AssumeRole: assumeRole,
      AssumeRoleWithWebIdentity: (input, ctx) => assumeRoleWithWebIdentity(input, ctx, WEB_IDENTITY_ISSUERS),
      AssumeRoleWithSAML: assumeRoleWithSAML,
      GetFederationToken: getFederationToken,
      GetSessionToken: getSessionToken,
    },
    access: STS_ACCESS,
  };
}
