import { OPEN_ID_TOKEN_ALGORITHM, openIdSigningKey } from '../cognito-identity/openid-token';
import { trustRequestForAmr } from '../cognito-identity/trust-context';
import { regionFacts } from '../region';
import type { IssuerResolver } from './web-identity-issuer';

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

/**
 * Cognito identity pools' own OpenID tokens (GetOpenIdToken,
 * GetOpenIdTokenForDeveloperIdentity). STS needs no IAM OIDC provider for them:
 * trust policies name the principal `{"Federated": "cognito-identity.amazonaws.com"}`
 * and the condition keys `cognito-identity.amazonaws.com:aud`, `:amr`, `:sub`
 * [doc: CG "Role trust and permissions"]. Any audience (identity pool) is
 * accepted here; the trust policy's `aud` condition is what binds a role to a
 * pool. STS answers `Provider` "cognito-identity.amazonaws.com", the issuer
 * without its scheme [obs: AWS CLI output of assume-role-with-web-identity with
 * an identity-pool token, `"Provider": "cognito-identity.amazonaws.com"`,
 * `"Audience": "<identity pool id>"`, `"SubjectFromWebIdentityToken": "<identity id>"`,
 * quoted in public write-ups of Wiz's "Big IAM Challenge", challenge 6; the same
 * in a CloudTrail event quoted in catnekaise/catnekaise.github.io, content/github-actions-abac-aws/].
 * Outside the Regions with the global issuer, the issuer, principal and
 * `Provider` come from region.ts (`Provider` = the principal there: inferred).
 */
export const cognitoIdentityIssuer: IssuerResolver = (state, iss) => {
  const names = regionFacts(state.region);
  if (iss !== names.identityIssuer) return undefined;
  return {
    issuer: names.identityIssuer,
    provider: names.identityPrincipal,
    async keys() {
      const key = openIdSigningKey(state);
      return [{ kid: key.kid, alg: OPEN_ID_TOKEN_ALGORITHM, key: key.publicKey }];
    },
    checkAudience: () => undefined,
    trustRequest: (claims) => trustRequestForAmr(names.identityPrincipal, String(claims.aud), String(claims.sub), stringList(claims.amr)),
  };
};
