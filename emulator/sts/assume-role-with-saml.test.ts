// AssumeRoleWithSAML over emulator state, with a test IdP whose key and
// certificate are made at run time and whose responses xml-crypto signs.
// Expected values come from the STS-API reference, IAM-UG "Configuring SAML
// assertions" / "Troubleshooting SAML 2.0 federation" and aws-contract.md §5.
import { createHash } from 'node:crypto';
import type { MutantName } from '../mutants';
import { createSAMLProvider } from '../iam/saml-provider-ops';
import { assumeRoleWithSAML } from './assume-role-with-saml';
import { createIdpKey, encode, metadataXml, responseXml, sign, type AssertionSpec, type TestIdpKey } from './saml-test-idp';
import { lifetimeSeconds, refusal, stsWorld } from './sts-test-support';

const ISSUER = 'https://idp.idchain.test/saml';
const ACCOUNT = '123456789012';
const PROVIDER_NAME = 'idchain-idp';
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:saml-provider/${PROVIDER_NAME}`;
const SIGNIN = 'https://signin.aws.amazon.com/saml';

let idpKey: TestIdpKey;
let otherKey: TestIdpKey;

beforeAll(async () => {
  [idpKey, otherKey] = await Promise.all([createIdpKey(), createIdpKey()]);
});

function samlTrust(condition?: Record<string, unknown>) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER_ARN },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': SIGNIN }, ...condition },
      },
    ],
  };
}

function setup(mutants: MutantName[] = []) {
  const world = stsWorld(mutants);
  createSAMLProvider({ Name: PROVIDER_NAME, SAMLMetadataDocument: metadataXml(ISSUER, [idpKey.certificateBase64]) }, world.ctx());
  const app = world.role('saml-app', samlTrust());
  const long = world.role('saml-long', samlTrust(), { maxSessionDuration: 43_200 });
  const now = world.clock.now();
  const spec = (over: Partial<AssertionSpec> = {}): AssertionSpec => ({
    issuer: ISSUER,
    nameId: 'alice',
    nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    recipient: SIGNIN,
    notOnOrAfter: new Date(now.getTime() + 5 * 60_000),
    roles: [`${app.arn},${PROVIDER_ARN}`, `${long.arn},${PROVIDER_ARN}`],
    roleSessionName: 'alice@idchain.test',
    ...over,
  });
  const signed = (over: Partial<AssertionSpec> = {}, key = idpKey, target: 'assertion' | 'response' = 'assertion') => sign(responseXml(spec(over)), key, target);
  const assume = (xml: string, input: Record<string, unknown> = {}) =>
    assumeRoleWithSAML({ RoleArn: app.arn, PrincipalArn: PROVIDER_ARN, SAMLAssertion: encode(xml), ...input }, world.ctx(undefined)) as any;
  return { ...world, app, long, now, spec, signed, assume };
}

describe('AssumeRoleWithSAML: a valid signed assertion', () => {
  test('answers Subject, SubjectType, Issuer, Audience and NameQualifier as the STS-API derives them', async () => {
    const s = setup();
    const out = await s.assume(s.signed());
    expect(out).toMatchObject({
      Subject: 'alice', // the NameID
      SubjectType: 'persistent', // Format without urn:oasis:names:tc:SAML:2.0:nameid-format:
      Issuer: ISSUER,
      Audience: SIGNIN, // the Recipient of SubjectConfirmationData
      NameQualifier: createHash('sha1').update(`${ISSUER}${ACCOUNT}/${PROVIDER_NAME}`).digest('base64'),
      AssumedRoleUser: { Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/saml-app/alice@idchain.test`, AssumedRoleId: `${s.app.roleId}:alice@idchain.test` },
    });
    expect(out).not.toHaveProperty('PackedPolicySize');
    expect(s.principalOf(out)).toMatchObject({ kind: 'assumed-role', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/saml-app/alice@idchain.test` });
    expect(lifetimeSeconds(out, s.now)).toBe(3600);
  });

  test('a signed Response (rather than Assertion) is accepted too', async () => {
    const s = setup();
    expect((await s.assume(s.signed({}, idpKey, 'response'))).Subject).toBe('alice');
  });

  test('the Role attribute pair is accepted in either order (provider ARN first)', async () => {
    const s = setup();
    const out = await s.assume(s.signed({ roles: [`${PROVIDER_ARN},${s.app.arn}`] }));
    expect(out.AssumedRoleUser.Arn).toContain('assumed-role/saml-app/');
  });

  test('trust conditions on SAML keys: saml:sub must match', async () => {
    const s = setup();
    const bob = s.role('saml-bob', samlTrust({ StringLike: { 'saml:sub': 'bob' } }));
    expect(await refusal(() => s.assume(s.signed({ roles: [`${bob.arn},${PROVIDER_ARN}`] }), { RoleArn: bob.arn }))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithSAML',
    });
    const out = await s.assume(s.signed({ nameId: 'bob', roles: [`${bob.arn},${PROVIDER_ARN}`] }), { RoleArn: bob.arn });
    expect(out.Subject).toBe('bob');
  });
});

describe('AssumeRoleWithSAML: duration (the smaller wins, 900 minimum, role maximum)', () => {
  test.each<[string, Partial<AssertionSpec>, Record<string, unknown>, number]>([
    ['default 3600', {}, {}, 3600],
    ['DurationSeconds 900', {}, { DurationSeconds: '900' }, 900],
    ['SessionDuration 1800 shortens DurationSeconds 3600', { sessionDuration: '1800' }, { DurationSeconds: '3600' }, 1800],
    ['SessionDuration 7200 does not lengthen DurationSeconds 3000', { sessionDuration: '7200' }, { DurationSeconds: '3000' }, 3000],
  ])('%s', async (_name, over, input, expected) => {
    const s = setup();
    expect(lifetimeSeconds(await s.assume(s.signed(over), input), s.now)).toBe(expected);
  });

  test('SessionNotOnOrAfter 20 minutes away ends the session then', async () => {
    const s = setup();
    const out = await s.assume(s.signed({ sessionNotOnOrAfter: new Date(s.now.getTime() + 20 * 60_000) }));
    expect(lifetimeSeconds(out, s.now)).toBe(1200);
  });

  test('a role with MaxSessionDuration 43200 gives 43200', async () => {
    const s = setup();
    const out = await s.assume(s.signed(), { RoleArn: s.long.arn, DurationSeconds: '43200' });
    expect(lifetimeSeconds(out, s.now)).toBe(43_200);
  });

  test('DurationSeconds 899 → ValidationError with the model message (aws-contract.md §3)', async () => {
    const s = setup();
    expect(await refusal(() => s.assume(s.signed(), { DurationSeconds: '899' }))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    });
  });

  test('DurationSeconds 3601 on a one-hour role → "exceeds the MaxSessionDuration set for this role."', async () => {
    const s = setup();
    expect(await refusal(() => s.assume(s.signed(), { DurationSeconds: '3601' }))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
  });

  test('SessionDuration outside 900–43200 is refused', async () => {
    const s = setup();
    expect((await refusal(() => s.assume(s.signed({ sessionDuration: '899' })))).code).toBe('InvalidIdentityToken');
  });
});

describe('AssumeRoleWithSAML: refusals (IAM-UG "Troubleshooting SAML 2.0 federation")', () => {
  test('a tampered assertion → InvalidIdentityToken "Response signature invalid"', async () => {
    const s = setup();
    const tampered = s.signed().replace('>alice<', '>mallory<');
    expect(await refusal(() => s.assume(tampered))).toEqual({ code: 'InvalidIdentityToken', status: 400, message: 'Response signature invalid' });
  });

  test('an assertion signed by a key not in the provider metadata → "Response signature invalid"', async () => {
    const s = setup();
    expect((await refusal(() => s.assume(s.signed({}, otherKey)))).message).toBe('Response signature invalid');
  });

  test('an unsigned response → "Response signature invalid"', async () => {
    const s = setup();
    expect((await refusal(() => s.assume(responseXml(s.spec())))).message).toBe('Response signature invalid');
  });

  test('signature wrapping: an unsigned assertion placed before the signed one is never read', async () => {
    const s = setup();
    const signedXml = s.signed();
    const evil = responseXml(s.spec({ nameId: 'mallory', id: '_evil' }));
    const evilAssertion = evil.slice(evil.indexOf('<saml:Assertion'), evil.indexOf('</samlp:Response>'));
    const wrapped = signedXml.replace('<saml:Assertion', `${evilAssertion}<saml:Assertion`);
    expect((await s.assume(wrapped)).Subject).toBe('alice');
  });

  test('signature wrapping: the signed assertion hidden in an extension, an unsigned one in its place → refused', async () => {
    const s = setup();
    const signedXml = s.signed();
    const start = signedXml.indexOf('<saml:Assertion');
    const end = signedXml.indexOf('</samlp:Response>');
    const signedAssertion = signedXml.slice(start, end);
    const evil = signedAssertion.replace('>alice<', '>mallory<').replace(/<Signature[\s\S]*<\/Signature>/, '');
    const wrapped = `${signedXml.slice(0, start)}<samlp:Extensions>${signedAssertion}</samlp:Extensions>${evil}</samlp:Response>`;
    expect((await refusal(() => s.assume(wrapped))).message).toBe('Response signature invalid');
  });

  test('an expired assertion → ExpiredTokenException', async () => {
    const s = setup();
    const xml = s.signed();
    s.clock.advance(5 * 60_000);
    expect(await refusal(() => s.assume(xml))).toEqual({ code: 'ExpiredTokenException', status: 400, message: 'Response has expired' });
  });

  test('SubjectConfirmationData without NotOnOrAfter → AWS\'s own message', async () => {
    const s = setup();
    expect((await refusal(() => s.assume(s.signed({ notOnOrAfter: null })))).message).toBe(
      'Responses must contain SubjectConfirmatonData with a Recipient and NotOnOrAfter',
    );
  });

  test('a role not listed in the assertion → InvalidIdentityToken', async () => {
    const s = setup();
    expect(await refusal(() => s.assume(s.signed({ roles: [`${s.long.arn},${PROVIDER_ARN}`] })))).toEqual({
      code: 'InvalidIdentityToken',
      status: 400,
      message: "SAML Assertion doesn't contain the requested Role and Metadata in the attributes",
    });
  });

  test('no RoleSessionName attribute → "RoleSessionName is required in AuthnResponse" [doc]', async () => {
    const s = setup();
    expect((await refusal(() => s.assume(s.signed({ roleSessionName: undefined })))).message).toBe('RoleSessionName is required in AuthnResponse');
  });

  test('a RoleSessionName with a space → "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}" [doc]', async () => {
    const s = setup();
    expect((await refusal(() => s.assume(s.signed({ roleSessionName: 'alice smith' })))).message).toBe(
      'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}',
    );
  });

  test('a PrincipalArn that names no provider → InvalidIdentityToken "Specified provider doesn\'t exist …"', async () => {
    const s = setup();
    const out = await refusal(() => s.assume(s.signed(), { PrincipalArn: `arn:aws:iam::${ACCOUNT}:saml-provider/nope` }));
    expect(out.code).toBe('InvalidIdentityToken');
    expect(out.message).toMatch(/^Specified provider doesn't exist \(Service: AWSOpenIdDiscoveryService; Status Code: 400; Error Code: AuthSamlManifestNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
  });

  test('an Issuer that is not the provider entityID → "Issuer not present in specified provider …"', async () => {
    const s = setup();
    expect((await refusal(() => s.assume(s.signed({ issuer: 'https://other.idp.test' })))).message).toMatch(/^Issuer not present in specified provider \(/);
  });

  test('a SAMLAssertion that is not base64 → "Invalid base64 SAMLResponse …"', async () => {
    const s = setup();
    const out = await refusal(() => assumeRoleWithSAML({ RoleArn: s.app.arn, PrincipalArn: PROVIDER_ARN, SAMLAssertion: '***not base64***' }, s.ctx(undefined)));
    expect(out.message).toMatch(/^Invalid base64 SAMLResponse \(/);
  });

  test('SAMLAssertion shorter than 4 → ValidationError naming the member, not the value', async () => {
    const s = setup();
    const out = await refusal(() => assumeRoleWithSAML({ RoleArn: s.app.arn, PrincipalArn: PROVIDER_ARN, SAMLAssertion: 'abc' }, s.ctx(undefined)));
    expect(out).toEqual({
      code: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value at 'sAMLAssertion' failed to satisfy constraint: Member must have length greater than or equal to 4",
    });
  });
});

describe('mutant saml-signature-unchecked', () => {
  test('a tampered assertion is accepted and its altered subject answered', async () => {
    const s = setup(['saml-signature-unchecked']);
    const tampered = s.signed().replace('>alice<', '>mallory<');
    expect((await s.assume(tampered)).Subject).toBe('mallory');
  });
});
