import { nextRsaKeyPair, orderRsaKeyPair, takeRsaKeyPair, type RsaKeyPair } from '../rsa-key-reserve';
import type { ProtectedHeaderParameters } from 'jose';
import { loadJose } from '../lazy-modules';
import { signRsaJwt } from '../jwt-sign';
import type { SigningKey } from '../cognito-idp/state';
import { regionFacts } from '../region';
import type { EmulatorState } from '../state';

/**
 * The issuer of the OpenID tokens this emulator's identity pools hand out:
 * `https://cognito-identity.amazonaws.com` in most Regions, a regional issuer in
 * GovCloud, China and opt-in Regions (region.ts `identityIssuer`) [doc: CG "Role
 * trust and permissions": "cognito-identity.amazonaws.com (the issuer of the OpenID
 * Connect token)"; CG "Identity pools authentication flow"; obs: decoded tokens carry
 * `"iss": "https://cognito-identity.amazonaws.com"`, e.g. benorama/grails-cognito-auth README].
 */
export function openIdIssuer(state: EmulatorState): string {
  return regionFacts(state.region).identityIssuer;
}

/** GetOpenIdToken: "The OpenID token is valid for 10 minutes" [doc: CI-API GetOpenIdToken]. */
export const OPEN_ID_TOKEN_SECONDS = 600;

/**
 * Real tokens are RS512 with `typ` "JWS" and a regional `kid`: header
 * `{"kid":"us-east-1-7","typ":"JWS","alg":"RS512"}` [obs: AWS CLI output of
 * get-open-id-token quoted in public write-ups of Wiz's "Big IAM Challenge",
 * challenge 6]. STS-API says web identity tokens must be RS256, but that is for
 * tokens of OIDC providers; STS accepts its sibling service's RS512 tokens.
 */
export const OPEN_ID_TOKEN_ALGORITHM = 'RS512';

/** The claims of an identity-pool OpenID token, in the order real tokens carry them [obs: same sources]. */
export interface OpenIdTokenClaims {
  /** The identity id. */
  sub: string;
  /** The identity pool id. */
  aud: string;
  /** `unauthenticated`, or `authenticated` followed by the providers used (trust-context.ts amrValues). */
  amr: string[];
  iss: string;
  exp: number;
  iat: number;
}

/**
 * The identity service's signing key, made on first use (RSA key generation
 * takes tens of milliseconds; most runs never need it). One key per emulator:
 * AWS signs every pool's tokens under the one issuer.
 */
const ordered = new WeakSet<EmulatorState>();

/** The first identity pool orders the issuer's key, so it is made while the pool is set up. */
export function orderOpenIdSigningKey(state: EmulatorState): void {
  if (state.identity.openIdKey || ordered.has(state)) return;
  ordered.add(state);
  orderRsaKeyPair();
}

function openIdKeyFrom(state: EmulatorState, { privateKey, publicKey }: RsaKeyPair): SigningKey {
  const kid = `${state.region}-1`;
  const { n, e } = publicKey.export({ format: 'jwk' });
  return { kid, privateKey, publicKey, jwk: { kty: 'RSA', alg: OPEN_ID_TOKEN_ALGORITHM, use: 'sig', kid, n, e } };
}

/** The issuer's key for callers that cannot wait (the JWKS, verification): without one it is made now. */
export function openIdSigningKey(state: EmulatorState): SigningKey {
  return (state.identity.openIdKey ??= openIdKeyFrom(state, takeRsaKeyPair()));
}

const coming = new WeakMap<EmulatorState, Promise<SigningKey>>();

/** The issuer's key for a token about to be signed: waits for the ordered key rather than making one on the emulator's thread. */
export function readyOpenIdSigningKey(state: EmulatorState): Promise<SigningKey> {
  if (state.identity.openIdKey) return Promise.resolve(state.identity.openIdKey);
  let key = coming.get(state);
  if (!key) {
    key = nextRsaKeyPair().then((pair) => (state.identity.openIdKey ??= openIdKeyFrom(state, pair)));
    coming.set(state, key);
  }
  return key;
}

/** The JSON Web Key Set relying parties verify OpenID tokens with. */
export function openIdJwks(state: EmulatorState): { keys: Record<string, unknown>[] } {
  return { keys: [openIdSigningKey(state).jwk] };
}

export interface OpenIdTokenRequest {
  poolId: string;
  identityId: string;
  amr: readonly string[];
  /** 600 for GetOpenIdToken; TokenDuration (default 900) for GetOpenIdTokenForDeveloperIdentity. */
  lifetimeSeconds: number;
  now: Date;
  /**
   * GetOpenIdTokenForDeveloperIdentity's PrincipalTags ("attribute mappings for
   * custom providers", CI-API): carried as the `https://aws.amazon.com/tags`
   * claim STS reads session tags from [doc: IAM-UG "Passing session tags using
   * AssumeRoleWithWebIdentity"; inferred: that Cognito uses this claim for them].
   */
  principalTags?: Record<string, string>;
}

/** Sign an OpenID token for an identity: `sub` the identity id, `aud` the pool id, `amr` as given. */
export async function issueOpenIdToken(state: EmulatorState, req: OpenIdTokenRequest): Promise<string> {
  const key = await readyOpenIdSigningKey(state);
  const iat = Math.floor(req.now.getTime() / 1000);
  const claims: OpenIdTokenClaims = {
    sub: req.identityId,
    aud: req.poolId,
    amr: [...req.amr],
    iss: openIdIssuer(state),
    exp: iat + req.lifetimeSeconds,
    iat,
  };
  const tags = req.principalTags && Object.keys(req.principalTags).length > 0
    ? { 'https://aws.amazon.com/tags': { principal_tags: Object.fromEntries(Object.entries(req.principalTags).map(([k, v]) => [k, [v]])) } }
    : {};
  return signRsaJwt({ kid: key.kid, typ: 'JWS', alg: OPEN_ID_TOKEN_ALGORITHM }, { ...claims, ...tags }, key.privateKey);
}

/** Why an OpenID token was refused; each caller turns it into its own service's error. */
export class OpenIdTokenError extends Error {
  constructor(
    readonly reason: 'malformed' | 'wrong-issuer' | 'bad-signature' | 'expired',
    message: string,
    /** `exp` of an expired token, for messages that quote it. */
    readonly exp?: number,
  ) {
    super(message);
    this.name = 'OpenIdTokenError';
  }
}

function decode(token: string): { header: ProtectedHeaderParameters; claims: Record<string, unknown> } {
  try {
    const { decodeProtectedHeader, decodeJwt } = loadJose();
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) as Record<string, unknown> };
  } catch {
    throw new OpenIdTokenError('malformed', 'Token is not a JWT. Expected an OpenID token from GetOpenIdToken or GetOpenIdTokenForDeveloperIdentity.');
  }
}

/**
 * Verify an OpenID token this emulator's identity service issued, the way a
 * relying party verifies any OIDC token: issuer, signature with the issuer's
 * key (selected by `kid`), then `exp` after `now`. Audience and `amr` are the
 * caller's business (STS leaves them to the role's trust policy).
 *
 * @throws OpenIdTokenError naming what was wrong.
 */
export async function verifyOpenIdToken(state: EmulatorState, token: string, now: Date): Promise<OpenIdTokenClaims> {
  const { header, claims } = decode(token);
  const issuer = openIdIssuer(state);
  if (claims.iss !== issuer) {
    throw new OpenIdTokenError('wrong-issuer', `Token issuer not allowed: ${String(claims.iss)}. Expected: ${issuer}.`);
  }
  const key = openIdSigningKey(state);
  if (header.kid !== key.kid || header.alg !== OPEN_ID_TOKEN_ALGORITHM) {
    throw new OpenIdTokenError(
      'bad-signature',
      `Token signing key not allowed: kid ${String(header.kid)}, alg ${String(header.alg)}. Expected kid ${key.kid}, alg ${OPEN_ID_TOKEN_ALGORITHM}.`,
    );
  }
  try {
    await loadJose().compactVerify(token, key.publicKey, { algorithms: [OPEN_ID_TOKEN_ALGORITHM] });
  } catch (err) {
    if (err instanceof loadJose().errors.JWSSignatureVerificationFailed) {
      throw new OpenIdTokenError('bad-signature', 'Token signature does not verify with the identity service key. Expected a token as issued, unmodified.');
    }
    throw new OpenIdTokenError('malformed', `Token could not be verified: ${(err as Error).message}`);
  }
  const { exp, iat, sub, aud, amr } = claims;
  if (typeof exp !== 'number' || typeof iat !== 'number' || typeof sub !== 'string' || typeof aud !== 'string' || !Array.isArray(amr)) {
    throw new OpenIdTokenError('malformed', 'Token lacks sub, aud, amr, iat or exp. Expected every claim an identity-pool OpenID token carries.');
  }
  if (exp <= Math.floor(now.getTime() / 1000)) {
    throw new OpenIdTokenError('expired', `Token expired at ${new Date(exp * 1000).toISOString()}; it is now ${now.toISOString()}.`, exp);
  }
  return { sub, aud, amr: amr.map(String), iss: issuer, exp, iat };
}
