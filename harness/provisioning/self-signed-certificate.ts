// A self-signed X.509 v3 certificate for an RSA key, DER-encoded with asn1js.
// The harness's SAML identity provider needs exactly one such certificate per
// run; asn1js (the encoder @peculiar/x509 itself stands on) loads in a few
// milliseconds, where @peculiar/x509 with its dependency-injection and
// reflect-metadata stack took a sixth of a second of the run's busy main thread.
import { sign, type KeyObject } from 'node:crypto';
import { BitString, Constructed, fromBER, GeneralizedTime, Integer, Null, ObjectIdentifier, Sequence, Set as AsnSet, UTCTime, Utf8String } from 'asn1js';

/** sha256WithRSAEncryption (RFC 4055 §5): the signature IAM and xml-crypto verify with RSA-SHA256. */
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
/** id-at-commonName (RFC 5280 Appendix A.1). */
const COMMON_NAME = '2.5.4.3';

export interface SelfSignedCertificateRequest {
  /** Subject and issuer alike: `CN=<commonName>`. */
  commonName: string;
  /** Whole seconds are kept: RFC 5280 §4.1.2.5 times carry no fractions. */
  notBefore: Date;
  notAfter: Date;
  /** Big-endian serial; the first byte's top bit must be clear (a positive INTEGER), at most 20 bytes (RFC 5280 §4.1.2.2). */
  serialNumber: Uint8Array;
  /** An RSA key pair: the certificate carries the public key and is signed with the private one. */
  publicKey: KeyObject;
  privateKey: KeyObject;
}

function checkSerial(serial: Uint8Array): void {
  if (serial.length === 0 || serial.length > 20 || (serial[0] & 0x80) !== 0 || serial.every((b) => b === 0) || (serial.length > 1 && serial[0] === 0 && (serial[1] & 0x80) === 0)) {
    throw new RangeError(
      `serialNumber ${Buffer.from(serial).toString('hex') || '(empty)'} is not a DER positive INTEGER. Expected: 1 to 20 bytes, not zero, first byte's top bit clear, no needless leading zero byte (RFC 5280 §4.1.2.2).`,
    );
  }
}

/** Validity times: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
function time(date: Date): UTCTime | GeneralizedTime {
  if (Number.isNaN(date.getTime())) throw new RangeError('A validity date is not a valid Date. Expected: a Date with a time.');
  const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return whole.getUTCFullYear() < 2050 ? new UTCTime({ valueDate: whole }) : new GeneralizedTime({ valueDate: whole });
}

/** Name ::= RDNSequence with one CN attribute, as UTF8String (RFC 5280 §4.1.2.4 allows it for DirectoryString). */
function commonNameOnly(commonName: string): Sequence {
  return new Sequence({ value: [new AsnSet({ value: [new Sequence({ value: [new ObjectIdentifier({ value: COMMON_NAME }), new Utf8String({ value: commonName })] })] })] });
}

const sha256WithRsa = () => new Sequence({ value: [new ObjectIdentifier({ value: SHA256_WITH_RSA }), new Null()] });

/**
 * The DER of `Certificate` (RFC 5280 §4.1): version 3, the serial, sha256WithRSAEncryption,
 * `CN=<commonName>` as issuer and subject, the validity, the public key, no extensions.
 */
export function selfSignedCertificate(request: SelfSignedCertificateRequest): Buffer {
  checkSerial(request.serialNumber);
  if (request.publicKey.asymmetricKeyType !== 'rsa' || request.privateKey.asymmetricKeyType !== 'rsa') {
    throw new TypeError(`The key pair is ${request.publicKey.asymmetricKeyType}/${request.privateKey.asymmetricKeyType}. Expected: an RSA key pair (sha256WithRSAEncryption).`);
  }
  if (request.notAfter.getTime() < request.notBefore.getTime()) {
    throw new RangeError(`notAfter ${request.notAfter.toISOString()} is before notBefore ${request.notBefore.toISOString()}. Expected: notBefore ≤ notAfter.`);
  }
  const name = commonNameOnly(request.commonName);
  const tbs = new Sequence({
    value: [
      // version [0] EXPLICIT Version: 2 means v3.
      new Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new Integer({ value: 2 })] }),
      new Integer({ valueHex: request.serialNumber }),
      sha256WithRsa(),
      name,
      new Sequence({ value: [time(request.notBefore), time(request.notAfter)] }),
      name,
      // SubjectPublicKeyInfo as node:crypto encodes it (DER in, the same DER out).
      fromBER(request.publicKey.export({ type: 'spki', format: 'der' })).result,
    ],
  });
  const signature = sign('sha256', Buffer.from(tbs.toBER()), request.privateKey);
  const certificate = new Sequence({ value: [tbs, sha256WithRsa(), new BitString({ valueHex: signature })] });
  return Buffer.from(certificate.toBER());
}
