import { createPublicKey, type JsonWebKey } from 'node:crypto';
import type { VerificationKey } from './web-identity-issuer';

/** Fetches and parses a JSON document. The seam tests replace so they never leave 127.0.0.1. */
export type FetchJson = (url: string) => Promise<unknown>;

/** Why an issuer's keys could not be had; STS answers it as one InvalidIdentityToken. */
export class KeysUnavailable extends Error {
  override readonly name = 'KeysUnavailable';
}

/** The default {@link FetchJson}: an HTTPS GET with a five-second limit. */
export const fetchJsonOverHttps: FetchJson = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000), headers: { accept: 'application/json' } });
  if (!response.ok) throw new KeysUnavailable(`GET ${url} answered ${response.status}. Expected 200 with a JSON document.`);
  return response.json();
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An issuer's signing keys the way STS finds them for an IAM OIDC provider:
 * `<issuer>/.well-known/openid-configuration`, then its `jwks_uri` [doc:
 * IAM-UG "Create an OpenID Connect (OIDC) identity provider in IAM"; OpenID
 * Connect Discovery 1.0 §4]. Only RSA signing keys are kept: "Only tokens with
 * RSA algorithms (RS256) are supported" [doc: STS-API AssumeRoleWithWebIdentity,
 * WebIdentityToken].
 *
 * @throws KeysUnavailable when a document cannot be fetched or lacks what is needed.
 */
export async function discoverSigningKeys(issuer: string, fetchJson: FetchJson): Promise<VerificationKey[]> {
  let config: unknown;
  let jwks: unknown;
  try {
    config = await fetchJson(`${issuer}/.well-known/openid-configuration`);
    if (!isRecord(config) || typeof config.jwks_uri !== 'string') {
      throw new KeysUnavailable(`The discovery document of ${issuer} has no jwks_uri. Expected an OpenID Connect discovery document.`);
    }
    jwks = await fetchJson(config.jwks_uri);
  } catch (err) {
    if (err instanceof KeysUnavailable) throw err;
    throw new KeysUnavailable(`Could not fetch the keys of ${issuer}: ${(err as Error).message}`);
  }
  if (!isRecord(jwks) || !Array.isArray(jwks.keys)) throw new KeysUnavailable(`The JWKS of ${issuer} has no keys array.`);
  const keys: VerificationKey[] = [];
  for (const jwk of jwks.keys) {
    if (!isRecord(jwk) || jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || jwk.use === 'enc') continue;
    try {
      keys.push({ kid: jwk.kid, alg: typeof jwk.alg === 'string' ? jwk.alg : 'RS256', key: createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }) });
    } catch {
      // A key that does not import is one STS cannot verify with either.
    }
  }
  return keys;
}
