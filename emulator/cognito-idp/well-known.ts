import type { IncomingRequest } from '../auth/sigv4';
import type { HttpRoute } from '../service';
import { poolIssuer, poolJwks } from './signing-key';

const POOL_ID = '([\\w-]+_[0-9a-zA-Z]+)';

function notFound(poolId: string) {
  return { status: 404, body: { message: `User pool ${poolId} does not exist.` } };
}

/** The emulator's own base URL as the caller reached it. */
function baseUrl(request: IncomingRequest): string {
  return `http://${request.headers['host'] ?? '127.0.0.1'}`;
}

/**
 * The pool's public discovery documents, served the way AWS serves them at
 * `https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/…`
 * [doc: CG "Verifying JSON web tokens"], so relying parties (and jose's
 * createRemoteJWKSet) can verify tokens against the emulator.
 */
export const WELL_KNOWN_ROUTES: readonly HttpRoute[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/${POOL_ID}/\\.well-known/jwks\\.json$`),
    handle(match, state) {
      const pool = state.idp.pools.get(match[1]);
      return pool ? { status: 200, body: poolJwks(pool) } : notFound(match[1]);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/${POOL_ID}/\\.well-known/openid-configuration$`),
    handle(match, state, request) {
      const pool = state.idp.pools.get(match[1]);
      if (!pool) return notFound(match[1]);
      return {
        status: 200,
        body: {
          // The issuer stays AWS's, because that is what the tokens carry and what
          // verifiers compare. jwks_uri points at this emulator instead of
          // cognito-idp.<region>.amazonaws.com: the AWS address would not know this
          // pool, and an offline run must be able to fetch the keys it verifies with.
          issuer: poolIssuer(pool),
          jwks_uri: `${baseUrl(request)}/${pool.id}/.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['code', 'token'],
          scopes_supported: ['openid', 'email', 'phone', 'profile'],
          subject_types_supported: ['public'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          // No authorization, token or userinfo endpoint: the emulator has no hosted UI or domain.
        },
      };
    },
  },
];
