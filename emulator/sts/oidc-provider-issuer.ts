import { poolIssuer, poolSigningKey } from '../cognito-idp/signing-key';
import { dataPlane } from '../iam/data-plane';
import { USER_POOL_ISSUER } from '../region';
import type { EmulatorState } from '../state';
import { discoverSigningKeys, fetchJsonOverHttps, KeysUnavailable, type FetchJson } from './oidc-discovery';
import { invalidIdentityToken } from './sts-errors';
import type { IssuerResolver, VerificationKey } from './web-identity-issuer';

/**
 * "Couldn't retrieve verification key from your identity provider,  please
 * reference AssumeRoleWithWebIdentity documentation for requirements" — the
 * double space is AWS's [obs: a raw STS ErrorResponse quoted in a public Go
 * OIDC discovery type's comment, and OpenShift machine-api logs; GitLab's
 * docs quote the same message for a JWKS STS cannot use].
 * Answered when the issuer's keys cannot be fetched or none matches the token's `kid`.
 */
export const KEY_NOT_RETRIEVED =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";

/** "Incorrect token audience" [obs, aws-contract.md §5]. */
const INCORRECT_AUDIENCE = 'Incorrect token audience';

/**
 * The keys of one of this emulator's user pools, when `iss` is a user pool
 * issuer. AWS fetches an issuer's JWKS over the network; for the emulator's
 * own pools the same keys are read in-process, which is the same data without
 * a network hop (and works offline, where cognito-idp.<region>.amazonaws.com
 * would not know the pool). A user-pool issuer the emulator does not hold has
 * no keys. Undefined when `iss` is not a user-pool issuer.
 */
function userPoolKeys(state: EmulatorState, iss: string): VerificationKey[] | undefined {
  const match = USER_POOL_ISSUER.exec(iss);
  if (!match) return undefined;
  const pool = state.idp.pools.get(match[2]);
  if (!pool || poolIssuer(pool) !== iss) throw invalidIdentityToken(KEY_NOT_RETRIEVED);
  const key = poolSigningKey(pool);
  return [{ kid: key.kid, alg: 'RS256', key: key.publicKey }];
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

export interface OidcProviderIssuerOptions {
  /** How JWKS of issuers outside the emulator are fetched; defaults to HTTPS. */
  fetchJson?: FetchJson;
}

/**
 * Issuers registered as IAM OIDC providers (CreateOpenIDConnectProvider),
 * found by the token's `iss` with `https://` removed [doc: STS-API
 * AssumeRoleWithWebIdentity; IAM-UG "OIDC federation"]:
 * - keys: the issuer's JWKS (discovery, oidc-discovery.ts), in-process for this
 *   emulator's user pools;
 * - audience: one of the token's `aud` must be in the provider's ClientIDList,
 *   else "Incorrect token audience" (mutant `oidc-audience-unchecked` skips this);
 * - trust: principal `{"Federated": "<provider ARN>"}` with the condition keys
 *   `<host/path>:aud`, `:sub` and, when the token has one, `:amr` [doc: IAM-UG
 *   "Available keys for AWS OIDC federation"; aws-contract.md §5];
 * - `Provider` in the answer is the provider ARN [obs: AWS CLI output of
 *   assume-role-with-web-identity for IAM OIDC providers, e.g. `"Provider":
 *   "arn:aws:iam::012345678901:oidc-provider/spire-oidc.example.org"`
 *   (spiffe/spiffe.io#110) and `"arn:aws:iam::688655246681:oidc-provider/oidc.eks.us-west-1.amazonaws.com/id/…"`
 *   in public write-ups of Wiz's EKS Cluster Games], unlike Cognito identity
 *   tokens, whose Provider is the issuer host (web-identity-issuer.ts). The
 *   STS-API text says "For OpenID Connect ID tokens, this contains the value of
 *   the iss field"; recorded output disagrees, and recorded output wins.
 * The provider is looked up on every call, so a deleted provider stops working at once.
 */
export function iamOidcProviderIssuers(options: OidcProviderIssuerOptions = {}): IssuerResolver {
  const fetchJson = options.fetchJson ?? fetchJsonOverHttps;
  return (state, iss) => {
    if (!iss.startsWith('https://')) return undefined;
    const provider = dataPlane(state).oidcProviderByUrl(iss.slice('https://'.length));
    if (!provider) return undefined;
    const matchedAudience = (audiences: readonly string[]) => audiences.find((a) => provider.clientIds.includes(a));
    return {
      issuer: iss,
      provider: provider.arn,
      async keys() {
        const own = userPoolKeys(state, iss);
        if (own) return own;
        try {
          return await discoverSigningKeys(iss, fetchJson);
        } catch (err) {
          if (err instanceof KeysUnavailable) throw invalidIdentityToken(KEY_NOT_RETRIEVED);
          throw err;
        }
      },
      checkAudience(audiences) {
        if (state.mutants.has('oidc-audience-unchecked')) return undefined;
        return matchedAudience(audiences) === undefined ? INCORRECT_AUDIENCE : undefined;
      },
      trustRequest(claims) {
        const audiences = stringList(claims.aud);
        const amr = stringList(claims.amr);
        return {
          action: 'sts:AssumeRoleWithWebIdentity',
          principal: { Federated: provider.arn },
          context: {
            [`${provider.url}:aud`]: matchedAudience(audiences) ?? audiences[0],
            [`${provider.url}:sub`]: typeof claims.sub === 'string' ? claims.sub : undefined,
            [`${provider.url}:amr`]: amr.length > 0 ? amr : undefined,
          },
        };
      },
    };
  };
}

/** The resolver STS uses by default: discovery over HTTPS for issuers outside the emulator. */
export const iamOidcProviderIssuer: IssuerResolver = iamOidcProviderIssuers();
