// A SAML identity provider for this directory's tests: an RSA key and a
// self-signed certificate made at run time, its metadata, and responses it
// signs with xml-crypto the way IdPs do (enveloped signature, exclusive c14n,
// RSA-SHA256). Not a test file itself. Its certificates come from
// @peculiar/x509 (a devDependency): a generator other than the harness's own
// (harness/provisioning/self-signed-certificate.ts), so the emulator's
// certificate checks are not tested only against the DER idchain writes.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { SignedXml } from 'xml-crypto';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface TestIdpKey {
  /** The certificate's DER, base64, as metadata carries it. */
  certificateBase64: string;
  privateKeyPem: string;
}

/** Make an RSA key and a self-signed certificate for it (~0.2 s for 2048 bits). */
export async function createIdpKey(modulusLength = 2048): Promise<TestIdpKey> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=idchain test IdP',
    notBefore: new Date(Date.UTC(2025, 0, 1)),
    notAfter: new Date(Date.UTC(2035, 0, 1)),
    signingAlgorithm: algorithm,
    keys: keys as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  const privateKeyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
  return { certificateBase64: Buffer.from(cert.rawData).toString('base64'), privateKeyPem };
}

/** SAML 2.0 IdP metadata naming `entityId`, with one KeyDescriptor per certificate. */
export function metadataXml(entityId: string, certificates: string[], use: 'signing' | 'encryption' | undefined = 'signing'): string {
  const keyDescriptors = certificates
    .map(
      (cert) =>
        `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}">` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    keyDescriptors +
    `<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.idchain.test/sso"/>` +
    `</md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}

export interface AssertionSpec {
  issuer: string;
  nameId?: string;
  nameIdFormat?: string;
  recipient?: string;
  /** SubjectConfirmationData NotOnOrAfter; omitted when null. */
  notOnOrAfter: Date | null;
  notBefore?: Date;
  audience?: string;
  /** Values of the Role attribute, e.g. `<role arn>,<provider arn>`. */
  roles: string[];
  roleSessionName?: string;
  sessionDuration?: string;
  sourceIdentity?: string;
  sessionNotOnOrAfter?: Date;
  id?: string;
}

function attribute(name: string, values: string[]): string {
  return `<saml:Attribute Name="${name}">${values.map((v) => `<saml:AttributeValue>${v}</saml:AttributeValue>`).join('')}</saml:Attribute>`;
}

/** An unsigned SAML Response holding one assertion built from `spec`. */
export function responseXml(spec: AssertionSpec): string {
  const id = spec.id ?? '_assertion1';
  const attrs = [
    attribute('https://aws.amazon.com/SAML/Attributes/Role', spec.roles),
    spec.roleSessionName === undefined ? '' : attribute('https://aws.amazon.com/SAML/Attributes/RoleSessionName', [spec.roleSessionName]),
    spec.sessionDuration === undefined ? '' : attribute('https://aws.amazon.com/SAML/Attributes/SessionDuration', [spec.sessionDuration]),
    spec.sourceIdentity === undefined ? '' : attribute('https://aws.amazon.com/SAML/Attributes/SourceIdentity', [spec.sourceIdentity]),
  ].join('');
  const confirmationData =
    `<saml:SubjectConfirmationData` +
    (spec.recipient === undefined ? '' : ` Recipient="${spec.recipient}"`) +
    (spec.notOnOrAfter === null ? '' : ` NotOnOrAfter="${spec.notOnOrAfter.toISOString()}"`) +
    (spec.notBefore ? ` NotBefore="${spec.notBefore.toISOString()}"` : '') +
    `/>`;
  const nameId =
    spec.nameId === undefined ? '' : `<saml:NameID${spec.nameIdFormat ? ` Format="${spec.nameIdFormat}"` : ''}>${spec.nameId}</saml:NameID>`;
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_response1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z" Destination="https://signin.aws.amazon.com/saml">` +
    `<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${spec.issuer}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="2026-01-01T00:00:00Z">` +
    `<saml:Issuer>${spec.issuer}</saml:Issuer>` +
    `<saml:Subject>${nameId}<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">${confirmationData}</saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions><saml:AudienceRestriction><saml:Audience>${spec.audience ?? 'urn:amazon:webservices'}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="2026-01-01T00:00:00Z"${spec.sessionNotOnOrAfter ? ` SessionNotOnOrAfter="${spec.sessionNotOnOrAfter.toISOString()}"` : ''}>` +
    `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attrs}</saml:AttributeStatement>` +
    `</saml:Assertion></samlp:Response>`
  );
}

const ASSERTION_XPATH = "//*[local-name(.)='Assertion' and namespace-uri(.)='urn:oasis:names:tc:SAML:2.0:assertion']";
const RESPONSE_XPATH = "/*[local-name(.)='Response']";

/** Sign the Assertion (default) or the whole Response with an enveloped RSA-SHA256 signature placed after its Issuer. */
export function sign(xml: string, key: TestIdpKey, target: 'assertion' | 'response' = 'assertion'): string {
  const xpath = target === 'assertion' ? ASSERTION_XPATH : RESPONSE_XPATH;
  const signer = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: `-----BEGIN CERTIFICATE-----\n${key.certificateBase64}\n-----END CERTIFICATE-----`,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signer.addReference({
    xpath,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signer.computeSignature(xml, { location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: 'after' } });
  return signer.getSignedXml();
}

/** The `SAMLAssertion` parameter: base64 of the Response. */
export function encode(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}
