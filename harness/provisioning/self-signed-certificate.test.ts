import { generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { selfSignedCertificate, type SelfSignedCertificateRequest } from './self-signed-certificate';

// The certificate is read back by node:crypto (OpenSSL), as the emulator's
// CreateSAMLProvider reads it (emulator/iam/saml-metadata.ts), and what it
// says is checked against values written here, not computed by the builder.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

function request(over: Partial<SelfSignedCertificateRequest> = {}): SelfSignedCertificateRequest {
  return {
    commonName: 'idchain test certificate',
    notBefore: new Date('2026-12-01T08:00:00.000Z'),
    notAfter: new Date('2027-12-01T08:00:00.000Z'),
    serialNumber: Buffer.from('4a1b2c3d4e5f6071', 'hex'),
    publicKey: rsa.publicKey,
    privateKey: rsa.privateKey,
    ...over,
  };
}

const parse = (der: Buffer) => new X509Certificate(der);
const keyDer = (key: KeyObject) => key.export({ type: 'spki', format: 'der' }).toString('hex');

test('OpenSSL reads it as self-signed for CN=<name>, with the serial and validity asked for', () => {
  const cert = parse(selfSignedCertificate(request()));
  expect(cert.subject).toBe('CN=idchain test certificate');
  expect(cert.issuer).toBe('CN=idchain test certificate');
  expect(cert.serialNumber).toBe('4A1B2C3D4E5F6071');
  expect(cert.validFrom).toBe('Dec  1 08:00:00 2026 GMT');
  expect(cert.validTo).toBe('Dec  1 08:00:00 2027 GMT');
  expect(cert.ca).toBe(false);
});

test('it carries the public key it was asked for, RSA-2048, and its signature verifies with that key only', () => {
  const cert = parse(selfSignedCertificate(request()));
  expect(keyDer(cert.publicKey)).toBe(keyDer(rsa.publicKey));
  expect(cert.publicKey.asymmetricKeyType).toBe('rsa');
  expect(cert.publicKey.asymmetricKeyDetails).toEqual({ modulusLength: 2048, publicExponent: 65537n });
  expect(cert.verify(rsa.publicKey)).toBe(true);
  expect(cert.verify(otherRsa.publicKey)).toBe(false);
  expect(cert.checkPrivateKey(rsa.privateKey)).toBe(true);
});

test('it is X.509 v3 signed with sha256WithRSAEncryption, in the TBS and on the signature', () => {
  const hex = selfSignedCertificate(request()).toString('hex');
  // [0] EXPLICIT INTEGER 2 (v3), RFC 5280 §4.1.2.1.
  expect(hex.slice(16, 26)).toBe('a003020102');
  // AlgorithmIdentifier { 1.2.840.113549.1.1.11, NULL } (RFC 4055 §5) twice: in TBSCertificate and before the signature.
  expect(hex.split('300d06092a864886f70d01010b0500').length - 1).toBe(2);
});

test('times drop fractions of a second; from 2050 on they are GeneralizedTime, which OpenSSL reads too', () => {
  const cert = parse(selfSignedCertificate(request({ notBefore: new Date('2049-12-31T23:59:59.999Z'), notAfter: new Date('2051-01-01T00:00:00.000Z') })));
  expect(cert.validFrom).toBe('Dec 31 23:59:59 2049 GMT');
  expect(cert.validTo).toBe('Jan  1 00:00:00 2051 GMT');
  const hex = selfSignedCertificate(request({ notAfter: new Date('2051-01-01T00:00:00.000Z') })).toString('hex');
  expect(hex).toContain('180f' + Buffer.from('20510101000000Z').toString('hex'));
});

test('a name outside PrintableString is kept as UTF-8', () => {
  expect(parse(selfSignedCertificate(request({ commonName: 'idchain ✓ Zoë' }))).subject).toBe('CN=idchain ✓ Zoë');
});

test('what cannot make a valid certificate is refused with what was expected', () => {
  expect(() => selfSignedCertificate(request({ serialNumber: Buffer.from('80', 'hex') }))).toThrow('serialNumber 80 is not a DER positive INTEGER');
  expect(() => selfSignedCertificate(request({ serialNumber: Buffer.from('00', 'hex') }))).toThrow('not zero');
  expect(() => selfSignedCertificate(request({ serialNumber: Buffer.from('0001', 'hex') }))).toThrow('no needless leading zero byte');
  expect(() => selfSignedCertificate(request({ serialNumber: Buffer.alloc(21, 1) }))).toThrow('1 to 20 bytes');
  expect(() => selfSignedCertificate(request({ notAfter: new Date('2026-11-30T00:00:00Z') }))).toThrow('notAfter 2026-11-30T00:00:00.000Z is before notBefore 2026-12-01T08:00:00.000Z');
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  expect(() => selfSignedCertificate(request(ec))).toThrow('The key pair is ec/ec. Expected: an RSA key pair');
});
