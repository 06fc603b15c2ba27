import type { KeyObject } from 'node:crypto';
import type { PolicyRequest } from '../policy/evaluate';
import type { EmulatorState } from '../state';

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

/** The issuer of `iss` among `resolvers`, or undefined when none knows it. */
export function resolveIssuer(state: EmulatorState, iss: string, resolvers: readonly IssuerResolver[]): WebIdentityIssuer | undefined {
  for (const resolve of resolvers) {
    const issuer = resolve(state, iss);
    if (issuer) return issuer;
  }
  return undefined;
}
