import type { HttpRoute } from '../service';
import { OPEN_ID_TOKEN_ALGORITHM, openIdIssuer, openIdJwks } from './openid-token';

/**
 * Where the emulator publishes the identity service's token keys.
 *
 * AWS serves them at the issuer's own root, e.g.
 * `https://cognito-identity.amazonaws.com/.well-known/…`. The emulator answers
 * every service and every issuer from one host: user pools already live at
 * `/<userPoolId>/.well-known/jwks.json`, and test OpenID providers will share
 * the host too. Serving the identity service's keys at the bare root
 * `/.well-known/jwks.json` would make the emulator's root look like an issuer of
 * its own, so the path names the service instead.
 */
export const OPEN_ID_JWKS_PATH = '/.well-known/cognito-identity/jwks';
export const OPEN_ID_CONFIGURATION_PATH = '/.well-known/cognito-identity/openid-configuration';

/** The JWKS and a minimal discovery document for the identity service's OpenID tokens. */
export const OPEN_ID_ROUTES: readonly HttpRoute[] = [
  {
    method: 'GET',
    pattern: /^\/\.well-known\/cognito-identity\/jwks$/,
    handle: (_match, state) => ({ status: 200, body: openIdJwks(state) }),
  },
  {
    method: 'GET',
    pattern: /^\/\.well-known\/cognito-identity\/openid-configuration$/,
    handle(_match, state, request) {
      const base = `http://${request.headers['host'] ?? '127.0.0.1'}`;
      return {
        status: 200,
        body: {
          // The issuer stays AWS's: it is what the tokens carry and what verifiers compare.
          issuer: openIdIssuer(state),
          jwks_uri: `${base}${OPEN_ID_JWKS_PATH}`,
          id_token_signing_alg_values_supported: [OPEN_ID_TOKEN_ALGORITHM],
          response_types_supported: ['id_token'],
          subject_types_supported: ['public'],
          claims_supported: ['sub', 'aud', 'amr', 'iss', 'exp', 'iat'],
        },
      };
    },
  },
];
