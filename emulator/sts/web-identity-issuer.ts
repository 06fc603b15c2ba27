import type { KeyObject } from 'node:crypto';
import { OPEN_ID_TOKEN_ALGORITHM, openIdSigningKey } from '../cognito-identity/openid-token';
import { trustRequestForAmr } from '../cognito-identity/trust-context';
import type { PolicyRequest } from '../policy/evaluate';
import { regionFacts } from '../region';
import type { EmulatorState } from '../state';
import { iamOidcProviderIssuer } from './oidc-provider-issuer';

/** A key an issuer signs with, as selected by the token's `kid`. */
export interface VerificationKey {
  kid: string;
  /** JWS algorithm the key is used with, e.g. RS256. */
  alg: string;
  key: KeyObject;
}

/**
 * Everything STS needs to know about one issuer of web identity tokens to
 * verify a token and judge it against a role's trust policy.
 */
export interface WebIdentityIssuer {
  /** The `iss` the tokens carry. */
  readonly issuer: string;
  /** What AssumeRoleWithWebIdentity answers in `Provider`. */
  readonly provider: string;
  /** The keys the issuer signs with (a JWKS, for an OIDC provider). */
  keys(): Promise<readonly VerificationKey[]>;
  /**
   * Issuer-specific audience check, after STS made sure `aud` is present.
   * @returns undefined when allowed, else the InvalidIdentityToken message.
   */
  checkAudience(audiences: readonly string[]): string | undefined;
  /** The request the role's trust policy is evaluated against: principal and condition keys. */
  trustRequest(claims: Record<string, unknown>): PolicyRequest;
}

/** Finds the issuer of a token by its `iss`, or undefined when this kind of issuer does not know it. */
export type IssuerResolver = (state: EmulatorState, iss: string) => WebIdentityIssuer | undefined;

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

/**
 * The issuers STS trusts, asked in order. This is the one seam for new kinds
 * of issuer: Cognito identity pools' own tokens, then IAM OIDC providers
 * (CreateOpenIDConnectProvider), which look the issuer up in IAM state and
 * fetch its JWKS (oidc-provider-issuer.ts).
 */
export const WEB_IDENTITY_ISSUERS: readonly IssuerResolver[] = [cognitoIdentityIssuer, iamOidcProviderIssuer];

/** The issuer of `iss` among `resolvers`, or undefined when none knows it. */
export function resolveIssuer(
  state: EmulatorState,
  iss: string,
  resolvers: readonly IssuerResolver[] = WEB_IDENTITY_ISSUERS,
): WebIdentityIssuer | undefined {
  for (const resolve of resolvers) {
    const issuer = resolve(state, iss);
    if (issuer) return issuer;
  }
  return undefined;
}
