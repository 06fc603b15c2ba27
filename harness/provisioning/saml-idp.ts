// The harness acting as a SAML 2.0 identity provider: it makes its own key
// pair and self-signed certificate at run time (nothing is kept on disk),
// publishes metadata for IAM CreateSAMLProvider, and signs Responses the way
// IdPs do — an enveloped RSA-SHA256 signature with exclusive c14n, placed
// after the Assertion's Issuer (IAM-UG "Configuring SAML assertions for the
// authentication response"; aws-contract.md §5).
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as XmlCrypto from 'xml-crypto';
import type * as Certificate from './self-signed-certificate';
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

let xmlCrypto: typeof XmlCrypto | undefined;

/**
 * xml-crypto and the certificate's DER encoder (asn1js) are loaded on first
 * use: this module comes with the library's index, and only runs with a SAML
 * provider need them.
 */
const loadXmlCrypto = (): typeof XmlCrypto => (xmlCrypto ??= require('xml-crypto') as typeof XmlCrypto);
const loadCertificate = (): typeof Certificate => require('./self-signed-certificate') as typeof Certificate;

/** Where AWS's sign-in endpoint receives assertions: the Recipient and Audience AWS expects (IAM-UG, aws-contract.md §5). */
export const AWS_SAML_RECIPIENT = 'https://signin.aws.amazon.com/saml';
export const SAML_ROLE_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/Role';
export const SAML_ROLE_SESSION_NAME_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
export const SAML_SESSION_DURATION_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/SessionDuration';
export const NAMEID_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
export const NAMEID_TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';

export interface SigningKey {
  /** The certificate's DER, base64, as metadata carries it. */
  readonly certificateBase64: string;
  /** PKCS#8 PEM. Lives in memory only: never logged, never written. */
  readonly privateKeyPem: string;
}

/** An RSA-2048 key (made on the thread pool) and a self-signed certificate for it. */
export async function createSigningKey(now: Date = new Date()): Promise<SigningKey> {
  const { publicKey, privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  const serialNumber = randomBytes(8);
  // A positive INTEGER with no leading zero byte, whatever the random bytes (RFC 5280 §4.1.2.2).
  serialNumber[0] = (serialNumber[0] & 0x7f) | 0x40;
  const certificate = loadCertificate().selfSignedCertificate({
    commonName: 'idchain SAML identity provider',
    // Valid from a day ago so a verifier's clock skew never makes it "not yet valid".
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 365 * 86_400_000),
    serialNumber,
    publicKey,
    privateKey,
  });
  return {
    certificateBase64: certificate.toString('base64'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

export interface AssertionRequest {
  /** Role/provider pairs for the Role attribute, written `role-arn,provider-arn`. */
  roles: { roleArn: string; providerArn: string }[];
  /** NameID value: becomes `Subject` in the STS answer. */
  nameId: string;
  nameIdFormat?: string;
  /** The RoleSessionName attribute; `null` leaves it out. */
  roleSessionName: string | null;
  /** The SessionDuration attribute in seconds, when given. */
  sessionDuration?: number;
  /** SubjectConfirmationData NotOnOrAfter, in seconds from now; negative makes an expired assertion. Default 300. */
  validForSeconds?: number;
  /** AuthnStatement SessionNotOnOrAfter, in seconds from now, when given. */
  sessionValidForSeconds?: number;
  recipient?: string;
  audience?: string;
  /** More attributes by Name, e.g. `https://aws.amazon.com/SAML/Attributes/PrincipalTag:team` (IAM-UG "Passing session tags using AssumeRoleWithSAML"). */
  attributes?: Record<string, string[]>;
}

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const ASSERTION_XPATH = `//*[local-name(.)='Assertion' and namespace-uri(.)='${SAML}']`;

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function samlId(): string {
  // xs:ID must not start with a digit.
  return `_${randomBytes(16).toString('hex')}`;
}

function attribute(name: string, values: string[]): string {
  return `<saml:Attribute Name="${xmlText(name)}">${values.map((v) => `<saml:AttributeValue>${xmlText(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`;
}

/**
 * A SAML identity provider made at run time. `assertion()` returns the
 * `SAMLAssertion` parameter (base64 of a signed Response); the raw XML is
 * available for cases that tamper with it.
 */
export class SamlIdentityProvider {
  private constructor(
    readonly entityId: string,
    private readonly key: SigningKey,
    private readonly now: () => Date,
  ) {}

  /** With `key`, the IdP signs with a key it shares (one IdP registered as several providers); else with a fresh one. */
  static async create(entityId: string, options: { now?: () => Date; key?: Promise<SigningKey> } = {}): Promise<SamlIdentityProvider> {
    const now = options.now ?? (() => new Date());
    return new SamlIdentityProvider(entityId, await (options.key ?? createSigningKey(now())), now);
  }

  /** An IdP with the same entity id and a different key: what a forger holding the metadata but not the key can do. */
  async impostor(): Promise<SamlIdentityProvider> {
    return SamlIdentityProvider.create(this.entityId, { now: this.now });
  }

  /** SAML 2.0 metadata with one signing KeyDescriptor, as IAM CreateSAMLProvider takes it. */
  metadataXml(): string {
    return (
      `<?xml version="1.0" encoding="UTF-8"?>` +
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${xmlText(this.entityId)}">` +
      `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${SAMLP}">` +
      `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>` +
      `<ds:X509Certificate>${this.key.certificateBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
      `<md:NameIDFormat>${NAMEID_PERSISTENT}</md:NameIDFormat>` +
      `<md:NameIDFormat>${NAMEID_TRANSIENT}</md:NameIDFormat>` +
      `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.idchain.invalid/sso"/>` +
      // Metadata must be at least 1000 characters (IAM-API CreateSAMLProvider); an Organization block is ordinary padding.
      `</md:IDPSSODescriptor><md:Organization><md:OrganizationName xml:lang="en">idchain contract-test harness</md:OrganizationName>` +
      `<md:OrganizationDisplayName xml:lang="en">idchain SAML identity provider, made at run time</md:OrganizationDisplayName>` +
      `<md:OrganizationURL xml:lang="en">https://idp.idchain.invalid/</md:OrganizationURL></md:Organization></md:EntityDescriptor>`
    );
  }

  /** The unsigned Response XML for a request, timestamps from this IdP's clock. */
  responseXml(req: AssertionRequest): string {
    const now = this.now();
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
    const issued = now.toISOString();
    const recipient = req.recipient ?? AWS_SAML_RECIPIENT;
    const attrs = [
      attribute(SAML_ROLE_ATTRIBUTE, req.roles.map((r) => `${r.roleArn},${r.providerArn}`)),
      req.roleSessionName === null ? '' : attribute(SAML_ROLE_SESSION_NAME_ATTRIBUTE, [req.roleSessionName]),
      req.sessionDuration === undefined ? '' : attribute(SAML_SESSION_DURATION_ATTRIBUTE, [String(req.sessionDuration)]),
      ...Object.entries(req.attributes ?? {}).map(([name, values]) => attribute(name, values)),
    ].join('');
    const sessionEnd = req.sessionValidForSeconds === undefined ? '' : ` SessionNotOnOrAfter="${at(req.sessionValidForSeconds)}"`;
    return (
      `<samlp:Response xmlns:samlp="${SAMLP}" ID="${samlId()}" Version="2.0" IssueInstant="${issued}" Destination="${xmlText(recipient)}">` +
      `<saml:Issuer xmlns:saml="${SAML}">${xmlText(this.entityId)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
      `<saml:Assertion xmlns:saml="${SAML}" ID="${samlId()}" Version="2.0" IssueInstant="${issued}">` +
      `<saml:Issuer>${xmlText(this.entityId)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="${xmlText(req.nameIdFormat ?? NAMEID_PERSISTENT)}">${xmlText(req.nameId)}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
      `<saml:SubjectConfirmationData Recipient="${xmlText(recipient)}" NotOnOrAfter="${at(req.validForSeconds ?? 300)}"/>` +
      `</saml:SubjectConfirmation></saml:Subject>` +
      // NotBefore stays well before NotOnOrAfter, so an expired assertion is expired and nothing else.
      `<saml:Conditions NotBefore="${at(Math.min(-60, (req.validForSeconds ?? 300) - 300))}" NotOnOrAfter="${at(req.validForSeconds ?? 300)}">` +
      `<saml:AudienceRestriction><saml:Audience>${xmlText(req.audience ?? AWS_SAML_RECIPIENT)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${samlId()}"${sessionEnd}>` +
      `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>${attrs}</saml:AttributeStatement>` +
      `</saml:Assertion></samlp:Response>`
    );
  }

  /** Sign the Assertion of a Response with this IdP's key. */
  sign(responseXml: string): string {
    const signer = new (loadXmlCrypto().SignedXml)({
      privateKey: this.key.privateKeyPem,
      publicCert: `-----BEGIN CERTIFICATE-----\n${this.key.certificateBase64}\n-----END CERTIFICATE-----`,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    });
    signer.addReference({
      xpath: ASSERTION_XPATH,
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    signer.computeSignature(responseXml, { location: { reference: `${ASSERTION_XPATH}/*[local-name(.)='Issuer']`, action: 'after' } });
    return signer.getSignedXml();
  }

  /** The signed Response for a request, as the `SAMLAssertion` parameter (base64). */
  assertion(req: AssertionRequest): string {
    return encodeSamlResponse(this.sign(this.responseXml(req)));
  }
}

/** The `SAMLAssertion` parameter: base64 of the Response XML. */
export function encodeSamlResponse(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}

/** The Response XML inside a `SAMLAssertion` parameter. */
export function decodeSamlResponse(assertion: string): string {
  return Buffer.from(assertion, 'base64').toString('utf8');
}
