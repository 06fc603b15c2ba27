import { X509Certificate } from 'node:crypto';
import { invalidInput } from './iam-errors';
import { attr, children, NS, parseStrictXml, textOf, XmlRejected, type XmlElement } from './saml-xml';

/** What IAM keeps of an IdP's SAML metadata: who issues assertions and the keys they are signed with. */
export interface SamlMetadata {
  /** `entityID` of the EntityDescriptor; assertions must name it as their Issuer. */
  entityId: string;
  /** PEM X.509 certificates of the KeyDescriptors usable for signing. */
  signingCertificates: string[];
}

/** "Could not parse metadata" [doc: IAM-UG "Troubleshooting SAML 2.0 federation"; aws-contract.md §5]. */
const COULD_NOT_PARSE = 'Could not parse metadata';

/**
 * "The x.509 certificate that is included as part of the SAML metadata document
 * must use a key size of at least 1024 bits" [doc: IAM-UG "Troubleshooting SAML 2.0 federation"].
 */
const MIN_RSA_BITS = 1024;

function toPem(base64: string): string {
  const body = base64.replace(/\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}

function usableCertificate(base64: string): string | undefined {
  const pem = toPem(base64);
  try {
    const cert = new X509Certificate(pem);
    const key = cert.publicKey;
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (key.asymmetricKeyType === 'rsa' && (bits === undefined || bits < MIN_RSA_BITS)) return undefined;
    return pem;
  } catch {
    return undefined;
  }
}

/**
 * KeyDescriptors with `use="signing"`, or with no `use` (then the key serves
 * both purposes) [doc: OASIS saml-metadata-2.0 §2.4.1.1, KeyDescriptor "use"].
 */
function signingCertificatesOf(descriptor: XmlElement): string[] {
  const out: string[] = [];
  for (const keyDescriptor of children(descriptor, NS.metadata, 'KeyDescriptor')) {
    const use = attr(keyDescriptor, 'use');
    if (use !== undefined && use !== 'signing') continue;
    for (const keyInfo of children(keyDescriptor, NS.dsig, 'KeyInfo')) {
      for (const data of children(keyInfo, NS.dsig, 'X509Data')) {
        for (const certEl of children(data, NS.dsig, 'X509Certificate')) {
          const pem = usableCertificate(textOf(certEl) ?? '');
          if (!pem) throw invalidInput(COULD_NOT_PARSE);
          out.push(pem);
        }
      }
    }
  }
  return out;
}

/**
 * Read an IdP's SAML 2.0 metadata document the way CreateSAMLProvider needs it:
 * an `md:EntityDescriptor` with an `entityID`, at least one
 * `md:IDPSSODescriptor`, and at least one signing certificate (an RSA key of
 * 1024 bits or more). Anything else is `InvalidInput` "Could not parse
 * metadata" (400), the one message AWS documents for unusable metadata.
 */
export function parseSamlMetadata(xml: string): SamlMetadata {
  let root: XmlElement;
  try {
    root = parseStrictXml(xml).documentElement as XmlElement;
  } catch (err) {
    if (err instanceof XmlRejected) throw invalidInput(COULD_NOT_PARSE);
    throw err;
  }
  if (!root || root.namespaceURI !== NS.metadata || root.localName !== 'EntityDescriptor') throw invalidInput(COULD_NOT_PARSE);
  const entityId = attr(root, 'entityID');
  if (!entityId) throw invalidInput(COULD_NOT_PARSE);
  const descriptors = children(root, NS.metadata, 'IDPSSODescriptor');
  if (descriptors.length === 0) throw invalidInput(COULD_NOT_PARSE);
  const signingCertificates = descriptors.flatMap(signingCertificatesOf);
  if (signingCertificates.length === 0) throw invalidInput(COULD_NOT_PARSE);
  return { entityId, signingCertificates };
}
