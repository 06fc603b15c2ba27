// IAM OIDC and SAML identity providers as operations over emulator state.
// Expected values: IAM-API CreateOpenIDConnectProvider / CreateSAMLProvider,
// IAM-UG "Troubleshooting SAML 2.0 federation", aws-contract.md §5.
import { createIdpKey, metadataXml, type TestIdpKey } from '../sts/saml-test-idp';
import { refusal, stsWorld } from '../sts/sts-test-support';
import {
  addClientIDToOpenIDConnectProvider,
  createOpenIDConnectProvider,
  deleteOpenIDConnectProvider,
  getOpenIDConnectProvider,
  listOpenIDConnectProviders,
  removeClientIDFromOpenIDConnectProvider,
} from './oidc-provider-ops';
import { parseSamlMetadata } from './saml-metadata';
import { createSAMLProvider, deleteSAMLProvider, getSAMLProvider, listSAMLProviders } from './saml-provider-ops';

const ACCOUNT = '123456789012';
const POOL_ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123xyz';
const THUMB = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280';

describe('OpenID Connect providers', () => {
  test('create → ARN oidc-provider/<url without https://>; get answers the URL without its scheme', () => {
    const { ctx } = stsWorld();
    const created = createOpenIDConnectProvider({ Url: POOL_ISSUER, ClientIDList: ['client-a'], ThumbprintList: [THUMB] }, ctx());
    const arn = `arn:aws:iam::${ACCOUNT}:oidc-provider/cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123xyz`;
    expect(created).toEqual({ OpenIDConnectProviderArn: arn, Tags: undefined });
    expect(getOpenIDConnectProvider({ OpenIDConnectProviderArn: arn }, ctx())).toMatchObject({
      Url: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123xyz',
      ClientIDList: ['client-a'],
      ThumbprintList: [THUMB],
    });
    expect(listOpenIDConnectProviders({}, ctx())).toEqual({ OpenIDConnectProviderList: [{ Arn: arn }] });
  });

  test('ThumbprintList is optional', () => {
    const { ctx } = stsWorld();
    expect(createOpenIDConnectProvider({ Url: 'https://idp.example.test', ClientIDList: ['a'] }, ctx())).toMatchObject({
      OpenIDConnectProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/idp.example.test`,
    });
  });

  test('the same URL twice → EntityAlreadyExists 409', async () => {
    const { ctx } = stsWorld();
    createOpenIDConnectProvider({ Url: POOL_ISSUER, ClientIDList: ['a'] }, ctx());
    expect(await refusal(() => createOpenIDConnectProvider({ Url: POOL_ISSUER, ClientIDList: ['b'] }, ctx()))).toEqual({
      code: 'EntityAlreadyExists',
      status: 409,
      message: `Provider with url ${POOL_ISSUER} already exists.`,
    });
  });

  test.each(['http://idp.example.test', 'https://idp.example.test:8443', 'https://idp.example.test/path?x=1', 'idp.example.test'])(
    'URL %s → InvalidInput (must begin with https://, no port, no query)',
    async (url) => {
      const { ctx } = stsWorld();
      expect((await refusal(() => createOpenIDConnectProvider({ Url: url, ClientIDList: ['a'] }, ctx()))).code).toBe('InvalidInput');
    },
  );

  test('a URL over 255 characters → ValidationError', async () => {
    const { ctx } = stsWorld();
    const url = `https://idp.example.test/${'p'.repeat(240)}`;
    expect(await refusal(() => createOpenIDConnectProvider({ Url: url }, ctx()))).toMatchObject({ code: 'ValidationError', status: 400 });
  });

  test('a thumbprint that is not 40 characters → ValidationError; 40 non-hex characters → InvalidInput', async () => {
    const { ctx } = stsWorld();
    expect((await refusal(() => createOpenIDConnectProvider({ Url: POOL_ISSUER, ThumbprintList: ['abc'] }, ctx()))).code).toBe('ValidationError');
    expect((await refusal(() => createOpenIDConnectProvider({ Url: POOL_ISSUER, ThumbprintList: ['z'.repeat(40)] }, ctx()))).code).toBe('InvalidInput');
  });

  test('at most five thumbprints and 100 client ids', async () => {
    const { ctx } = stsWorld();
    expect((await refusal(() => createOpenIDConnectProvider({ Url: POOL_ISSUER, ThumbprintList: Array(6).fill(THUMB) }, ctx()))).code).toBe('LimitExceeded');
    const ids = Array.from({ length: 101 }, (_, i) => `c${i}`);
    expect((await refusal(() => createOpenIDConnectProvider({ Url: POOL_ISSUER, ClientIDList: ids }, ctx()))).code).toBe('LimitExceeded');
  });

  test('AddClientID and RemoveClientID are idempotent; unknown provider → NoSuchEntity 404 with AWS\'s message', async () => {
    const { ctx } = stsWorld();
    const { OpenIDConnectProviderArn: arn } = createOpenIDConnectProvider({ Url: POOL_ISSUER, ClientIDList: ['a'] }, ctx());
    addClientIDToOpenIDConnectProvider({ OpenIDConnectProviderArn: arn, ClientID: 'b' }, ctx());
    addClientIDToOpenIDConnectProvider({ OpenIDConnectProviderArn: arn, ClientID: 'b' }, ctx());
    removeClientIDFromOpenIDConnectProvider({ OpenIDConnectProviderArn: arn, ClientID: 'zzz' }, ctx());
    expect(getOpenIDConnectProvider({ OpenIDConnectProviderArn: arn }, ctx()).ClientIDList).toEqual(['a', 'b']);
    const missing = `arn:aws:iam::${ACCOUNT}:oidc-provider/nope.example.test`;
    expect(await refusal(() => getOpenIDConnectProvider({ OpenIDConnectProviderArn: missing }, ctx()))).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: `OpenIDConnect Provider not found for arn ${missing}`,
    });
  });

  test('delete removes the provider and is idempotent [doc: IAM-API DeleteOpenIDConnectProvider]', () => {
    const { ctx } = stsWorld();
    const { OpenIDConnectProviderArn: arn } = createOpenIDConnectProvider({ Url: POOL_ISSUER, ClientIDList: ['a'] }, ctx());
    deleteOpenIDConnectProvider({ OpenIDConnectProviderArn: arn }, ctx());
    deleteOpenIDConnectProvider({ OpenIDConnectProviderArn: arn }, ctx());
    expect(listOpenIDConnectProviders({}, ctx())).toEqual({ OpenIDConnectProviderList: [] });
  });
});

describe('SAML providers', () => {
  let key: TestIdpKey;
  let weakKey: TestIdpKey;
  beforeAll(async () => {
    [key, weakKey] = await Promise.all([createIdpKey(), createIdpKey(512)]);
  });
  const ISSUER = 'https://idp.idchain.test/saml';

  test('metadata: entityID and the signing certificates (use="signing" or no use)', () => {
    expect(parseSamlMetadata(metadataXml(ISSUER, [key.certificateBase64]))).toMatchObject({ entityId: ISSUER, signingCertificates: [expect.stringContaining('BEGIN CERTIFICATE')] });
    expect(parseSamlMetadata(metadataXml(ISSUER, [key.certificateBase64], undefined)).signingCertificates).toHaveLength(1);
  });

  test.each<[string, () => string]>([
    ['not XML', () => `<md:EntityDescriptor ${'x'.repeat(1000)}`],
    ['no signing certificate (encryption only)', () => metadataXml(ISSUER, [key.certificateBase64], 'encryption')],
    ['a certificate that does not parse', () => metadataXml(ISSUER, ['bm90IGEgY2VydGlmaWNhdGU=' + 'A'.repeat(1000)])],
    ['an RSA key under 1024 bits', () => metadataXml(ISSUER, [weakKey.certificateBase64])],
    ['a DOCTYPE', () => `<!DOCTYPE x>${metadataXml(ISSUER, [key.certificateBase64])}`],
    ['no entityID', () => metadataXml(ISSUER, [key.certificateBase64]).replace(` entityID="${ISSUER}"`, '')],
  ])('%s → InvalidInput "Could not parse metadata"', async (_name, xml) => {
    const { ctx } = stsWorld();
    expect(await refusal(() => createSAMLProvider({ Name: 'idp', SAMLMetadataDocument: xml() }, ctx()))).toEqual({
      code: 'InvalidInput',
      status: 400,
      message: 'Could not parse metadata',
    });
  });

  test('create, get, list, delete; ARN saml-provider/<name>; ValidUntil 100 years on; duplicate name → 409', async () => {
    const { ctx, clock } = stsWorld();
    const document = metadataXml(ISSUER, [key.certificateBase64]);
    const { SAMLProviderArn: arn } = createSAMLProvider({ Name: 'idchain-idp', SAMLMetadataDocument: document }, ctx());
    expect(arn).toBe(`arn:aws:iam::${ACCOUNT}:saml-provider/idchain-idp`);
    const got = getSAMLProvider({ SAMLProviderArn: arn }, ctx());
    expect(got.SAMLMetadataDocument).toBe(document);
    expect(got.ValidUntil.getUTCFullYear() - clock.now().getUTCFullYear()).toBe(100);
    expect(listSAMLProviders({}, ctx()).SAMLProviderList.map((p) => p.Arn)).toEqual([arn]);
    expect((await refusal(() => createSAMLProvider({ Name: 'idchain-idp', SAMLMetadataDocument: document }, ctx()))).code).toBe('EntityAlreadyExists');
    deleteSAMLProvider({ SAMLProviderArn: arn }, ctx());
    expect(await refusal(() => getSAMLProvider({ SAMLProviderArn: arn }, ctx()))).toMatchObject({ code: 'NoSuchEntity', status: 404 });
  });

  test('metadata under 1000 characters and names outside [\\w._-]+ → ValidationError', async () => {
    const { ctx } = stsWorld();
    expect((await refusal(() => createSAMLProvider({ Name: 'idp', SAMLMetadataDocument: '<x/>' }, ctx()))).message).toContain(
      "at 'sAMLMetadataDocument' failed to satisfy constraint: Member must have length greater than or equal to 1000",
    );
    const document = metadataXml(ISSUER, [key.certificateBase64]);
    expect((await refusal(() => createSAMLProvider({ Name: 'my idp', SAMLMetadataDocument: document }, ctx()))).message).toContain(
      "Value 'my idp' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w._-]+",
    );
  });
});
