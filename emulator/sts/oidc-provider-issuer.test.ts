// IAM OIDC providers as issuers of web identity tokens: discovery through an
// injected fetcher (never the network), audience against ClientIDList, the
// trust request, and the `oidc-audience-unchecked` mutant.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { createOpenIDConnectProvider } from '../iam/oidc-provider-ops';
import type { MutantName } from '../mutants';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import { WEB_IDENTITY_ISSUERS } from './web-identity-issuers';
import type { FetchJson } from './oidc-discovery';
import { iamOidcProviderIssuers } from './oidc-provider-issuer';
import { cognitoIdentityIssuer } from './cognito-identity-issuer';
import { verifyWebIdentityToken } from './web-identity-token';
import { refusal, stsWorld } from './sts-test-support';

/**
 * STS's answer when it cannot get a key for the token, double space and all
 * [obs: a raw STS ErrorResponse quoted in a public Go OIDC discovery type's
 * comment, and OpenShift machine-api logs].
 */
const KEY_NOT_RETRIEVED =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";

const ISSUER = 'https://idp.example.test/tenant';
const PROVIDER_ARN = 'arn:aws:iam::123456789012:oidc-provider/idp.example.test/tenant';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...keys.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };

/** An IdP outside the emulator, reached only through this fake. */
function fakeIdp(documents: Record<string, unknown> = {}): { fetchJson: FetchJson; fetched: string[] } {
  const fetched: string[] = [];
  const all: Record<string, unknown> = {
    [`${ISSUER}/.well-known/openid-configuration`]: { issuer: ISSUER, jwks_uri: 'https://keys.example.test/jwks.json' },
    'https://keys.example.test/jwks.json': { keys: [jwk] },
    ...documents,
  };
  return {
    fetched,
    fetchJson: async (url) => {
      fetched.push(url);
      if (!(url in all)) throw new Error(`404 ${url}`);
      return all[url];
    },
  };
}

function setup(opts: { mutants?: MutantName[]; documents?: Record<string, unknown> } = {}) {
  const w = stsWorld(opts.mutants);
  createOpenIDConnectProvider({ Url: ISSUER, ClientIDList: ['app-client'] }, w.ctx());
  const idp = fakeIdp(opts.documents);
  const resolvers = [cognitoIdentityIssuer, iamOidcProviderIssuers({ fetchJson: idp.fetchJson })];
  const nowSeconds = Math.floor(w.clock.now().getTime() / 1000);
  const token = (claims: Record<string, unknown> = {}) =>
    new SignJWT({ iss: ISSUER, aud: 'app-client', sub: 'user-1', exp: nowSeconds + 300, ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(keys.privateKey);
  const verify = async (claims?: Record<string, unknown>) => verifyWebIdentityToken(w.state, await token(claims), w.clock.now(), resolvers);
  return { ...w, idp, resolvers, token, verify };
}

describe('IAM OIDC provider issuer', () => {
  test('keys come from discovery then jwks_uri; Provider is the provider ARN', async () => {
    const s = setup();
    const verified = await s.verify();
    expect(verified).toMatchObject({ subject: 'user-1', audience: 'app-client' });
    expect(verified.issuer.provider).toBe(PROVIDER_ARN);
    expect(s.idp.fetched).toEqual([`${ISSUER}/.well-known/openid-configuration`, 'https://keys.example.test/jwks.json']);
  });

  test('the trust request: Federated provider ARN, <host/path>:aud, :sub, :amr', async () => {
    const s = setup();
    const verified = await s.verify({ amr: ['pwd', 'mfa'] });
    expect(verified.issuer.trustRequest(verified.claims)).toEqual({
      action: 'sts:AssumeRoleWithWebIdentity',
      principal: { Federated: PROVIDER_ARN },
      context: { 'idp.example.test/tenant:aud': 'app-client', 'idp.example.test/tenant:sub': 'user-1', 'idp.example.test/tenant:amr': ['pwd', 'mfa'] },
    });
  });

  test('an audience not in ClientIDList → "Incorrect token audience"; a token without aud → "Missing a required claim: aud"', async () => {
    const s = setup();
    expect(await refusal(() => s.verify({ aud: 'someone-else' }))).toEqual({ code: 'InvalidIdentityToken', status: 400, message: 'Incorrect token audience' });
    expect((await refusal(() => s.verify({ aud: undefined }))).message).toBe('Missing a required claim: aud');
  });

  test('mutant oidc-audience-unchecked: any audience passes', async () => {
    const s = setup({ mutants: ['oidc-audience-unchecked'] });
    expect((await s.verify({ aud: 'someone-else' })).audience).toBe('someone-else');
  });

  test('JWKS that cannot be fetched, or without the token kid → "Couldn\'t retrieve verification key …"', async () => {
    const broken = setup({ documents: { [`${ISSUER}/.well-known/openid-configuration`]: { issuer: ISSUER } } });
    expect(await refusal(() => broken.verify())).toEqual({ code: 'InvalidIdentityToken', status: 400, message: KEY_NOT_RETRIEVED });
    const rotated = setup({ documents: { 'https://keys.example.test/jwks.json': { keys: [{ ...jwk, kid: 'k2' }] } } });
    expect((await refusal(() => rotated.verify())).message).toBe(KEY_NOT_RETRIEVED);
  });

  test('an issuer with no IAM provider → "No OpenIDConnect provider found in your account for <iss>"', async () => {
    const s = setup();
    expect((await refusal(() => s.verify({ iss: 'https://other.example.test' }))).message).toBe(
      'No OpenIDConnect provider found in your account for https://other.example.test',
    );
  });

  test('through the default resolvers, a user-pool issuer the emulator does not hold has no keys (and nothing is fetched)', async () => {
    const s = setup();
    createOpenIDConnectProvider({ Url: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Missing1', ClientIDList: ['c'] }, s.ctx());
    const token = await s.token({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Missing1', aud: 'c' });
    expect((await refusal(() => assumeRoleWithWebIdentity({ RoleArn: 'arn:aws:iam::123456789012:role/x', RoleSessionName: 'web', WebIdentityToken: token }, s.ctx(undefined), WEB_IDENTITY_ISSUERS))).message).toBe(
      KEY_NOT_RETRIEVED,
    );
  });
});
