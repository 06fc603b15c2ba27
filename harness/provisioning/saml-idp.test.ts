import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { AWS_SAML_RECIPIENT, NAMEID_TRANSIENT, SamlIdentityProvider, createSigningKey, decodeSamlResponse } from './saml-idp';

// The harness's own SAML IdP: what it signs must verify with the certificate its
// metadata publishes, checked with xml-crypto as a relying party would, and any
// change after signing must break the signature.
const NOW = new Date('2026-12-01T12:00:00.000Z');
let idp: SamlIdentityProvider;
beforeAll(async () => {
  idp = await SamlIdentityProvider.create('https://idp.example.test/saml', { now: () => NOW });
});

function certificateOf(metadata: string): string {
  const doc = new DOMParser().parseFromString(metadata, 'text/xml');
  const cert = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'X509Certificate')[0].textContent!;
  return `-----BEGIN CERTIFICATE-----\n${cert}\n-----END CERTIFICATE-----`;
}

/**
 * What a relying party concludes: `valid`, `invalid` (xml-crypto returns false
 * on a digest mismatch and throws "invalid signature" on a bad signature
 * value), or `error: …` for anything else — a malformed document must not
 * pass as a rejected signature.
 */
function verdict(xml: string, metadata: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const signature = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0];
  if (!signature) return 'error: no Signature element';
  const verifier = new SignedXml({ publicCert: certificateOf(metadata) });
  verifier.loadSignature(signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
  try {
    return verifier.checkSignature(xml) ? 'valid' : 'invalid';
  } catch (err) {
    const message = (err as Error).message;
    return message.startsWith('invalid signature') ? 'invalid' : `error: ${message}`;
  }
}

const request = {
  roles: [{ roleArn: 'arn:aws:iam::123456789012:role/r', providerArn: 'arn:aws:iam::123456789012:saml-provider/p' }],
  nameId: 'alice & <co>',
  nameIdFormat: NAMEID_TRANSIENT,
  roleSessionName: 'alice',
  sessionDuration: 1800,
};

test('metadata names the entity, carries one signing certificate, and meets IAM minimum length (1000)', () => {
  const metadata = idp.metadataXml();
  const doc = new DOMParser().parseFromString(metadata, 'text/xml');
  expect(doc.documentElement!.getAttribute('entityID')).toBe('https://idp.example.test/saml');
  expect(doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:metadata', 'KeyDescriptor')[0].getAttribute('use')).toBe('signing');
  expect(metadata.length).toBeGreaterThanOrEqual(1000);
});

test('a signed assertion verifies with the metadata certificate and carries what AWS reads', () => {
  const xml = decodeSamlResponse(idp.assertion(request));
  expect(verdict(xml, idp.metadataXml())).toBe('valid');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const data = doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'SubjectConfirmationData')[0];
  expect(data.getAttribute('Recipient')).toBe(AWS_SAML_RECIPIENT);
  expect(data.getAttribute('NotOnOrAfter')).toBe('2026-12-01T12:05:00.000Z');
  expect(doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'NameID')[0].textContent).toBe('alice & <co>');
  const found = doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'AttributeValue');
  const values = Array.from({ length: found.length }, (_, i) => found[i].textContent);
  expect(values).toEqual(['arn:aws:iam::123456789012:role/r,arn:aws:iam::123456789012:saml-provider/p', 'alice', '1800']);
});

test('a change after signing, or a signature by another key, does not verify', async () => {
  const xml = decodeSamlResponse(idp.assertion(request));
  expect(xml).toContain('>alice &amp; &lt;co&gt;<'); // the NameID the tamper below replaces
  expect(verdict(xml.replace('>alice &amp; &lt;co&gt;<', '>mallory<'), idp.metadataXml())).toBe('invalid');
  const impostor = await idp.impostor();
  expect(impostor.entityId).toBe(idp.entityId);
  expect(verdict(decodeSamlResponse(impostor.assertion(request)), idp.metadataXml())).toBe('invalid');
});

test('validForSeconds below zero makes an assertion that has already expired; RoleSessionName null leaves it out', () => {
  const xml = decodeSamlResponse(idp.assertion({ ...request, validForSeconds: -60, roleSessionName: null }));
  expect(xml).toContain('NotOnOrAfter="2026-12-01T11:59:00.000Z"');
  expect(xml).not.toContain('RoleSessionName');
});

test('the signing key: an RSA-2048 key with a self-signed certificate for it, valid from a day before now for 365 days', async () => {
  const key = await createSigningKey(NOW);
  const cert = new X509Certificate(Buffer.from(key.certificateBase64, 'base64'));
  expect(cert.subject).toBe('CN=idchain SAML identity provider');
  expect(cert.issuer).toBe('CN=idchain SAML identity provider');
  expect(cert.validFrom).toBe('Nov 30 12:00:00 2026 GMT');
  expect(cert.validTo).toBe('Dec  1 12:00:00 2027 GMT');
  // Eight random bytes, the first made 0x40–0x7f: a positive serial of sixteen hex digits.
  expect(cert.serialNumber).toMatch(/^[4-7][0-9A-F]{15}$/);
  expect(cert.publicKey.asymmetricKeyDetails).toEqual({ modulusLength: 2048, publicExponent: 65537n });
  expect(cert.verify(cert.publicKey)).toBe(true);
  expect(key.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  expect(cert.checkPrivateKey(createPrivateKey(key.privateKeyPem))).toBe(true);
});
