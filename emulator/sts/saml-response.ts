import { loadXmlCrypto, loadXmldom } from '../lazy-modules';
import { attr, child, children, NS, parseStrictXml, XmlRejected, type XmlDocument, type XmlElement } from '../iam/saml-xml';

/** Why a SAMLAssertion could not be read; the operation maps each reason to AWS's error. */
export class SamlResponseError extends Error {
  constructor(
    readonly reason: 'base64' | 'xml',
    message: string,
  ) {
    super(message);
    this.name = 'SamlResponseError';
  }
}

/** A decoded, parsed SAML Response. */
export interface SamlResponse {
  /** The XML as decoded, which signature verification needs byte for byte. */
  xml: string;
  document: XmlDocument;
  root: XmlElement;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decode `SAMLAssertion` (base64 of a samlp:Response) and parse it strictly.
 * Refuses what is not base64 (whitespace aside), what does not parse, and
 * anything whose root is not a SAML 2.0 protocol `Response`.
 */
export function readSamlResponse(samlAssertion: string): SamlResponse {
  const compact = samlAssertion.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw new SamlResponseError('base64', 'SAMLAssertion is not base64');
  const xml = Buffer.from(compact, 'base64').toString('utf8');
  let document: XmlDocument;
  try {
    document = parseStrictXml(xml);
  } catch (err) {
    if (err instanceof XmlRejected) throw new SamlResponseError('xml', err.message);
    throw err;
  }
  const root = document.documentElement as XmlElement | null;
  if (!root || root.namespaceURI !== NS.protocol || root.localName !== 'Response') {
    throw new SamlResponseError('xml', 'The decoded SAMLAssertion is not a SAML 2.0 Response (urn:oasis:names:tc:SAML:2.0:protocol).');
  }
  return { xml, document, root };
}

/** The Response's assertions, unverified: for looking up the issuer before the signature is checked, and under the `saml-signature-unchecked` mutant. */
export function unverifiedAssertions(response: SamlResponse): XmlElement[] {
  return children(response.root, NS.assertion, 'Assertion');
}

/** The Issuer an unverified Response claims: the first assertion's, else the Response's own. */
export function claimedIssuer(response: SamlResponse): string | undefined {
  const assertion = unverifiedAssertions(response)[0];
  const issuer = (assertion && child(assertion, NS.assertion, 'Issuer')) ?? child(response.root, NS.assertion, 'Issuer');
  return issuer ? (issuer.textContent ?? '').trim() : undefined;
}

function verifiedReference(response: SamlResponse, signed: XmlElement, certificate: string): XmlElement | undefined {
  const signature = child(signed, NS.dsig, 'Signature');
  if (!signature) return undefined;
  // KeyInfo in the document is never trusted: only the provider's certificates verify.
  const verifier = new (loadXmlCrypto().SignedXml)({ publicCert: certificate, getCertFromKeyInfo: () => null });
  try {
    verifier.loadSignature(new (loadXmldom().XMLSerializer)().serializeToString(signature));
    if (!verifier.checkSignature(response.xml)) return undefined;
  } catch {
    return undefined;
  }
  const references = verifier.getSignedReferences();
  if (references.length !== 1) return undefined;
  let referenced: XmlElement | null;
  try {
    referenced = parseStrictXml(references[0]).documentElement as XmlElement | null;
  } catch {
    return undefined;
  }
  // The signature must cover the very element that carries it, not some other element of the document.
  const sameElement =
    referenced !== null &&
    referenced.namespaceURI === signed.namespaceURI &&
    referenced.localName === signed.localName &&
    attr(referenced, 'ID') !== undefined &&
    attr(referenced, 'ID') === attr(signed, 'ID');
  return sameElement ? referenced! : undefined;
}

/**
 * The one assertion a valid signature vouches for, read from what was signed
 * rather than from the document (xml-crypto: "use the XML that
 * getSignedReferences returns instead of nodes from the original document"),
 * so signature-wrapping tricks cannot substitute unsigned content. Either the
 * Response or its Assertion may be signed [OASIS saml-bindings-2.0 §3.5.5.2:
 * "the <Response> … or … each <Assertion> … MUST be signed"]; a signed
 * Response must contain exactly one Assertion. Undefined when no signature
 * verifies with any of the provider's certificates.
 */
export function signedAssertion(response: SamlResponse, certificates: readonly string[]): XmlElement | undefined {
  const candidates = [response.root, ...unverifiedAssertions(response)].filter((el) => child(el, NS.dsig, 'Signature'));
  for (const candidate of candidates) {
    for (const certificate of certificates) {
      const referenced = verifiedReference(response, candidate, certificate);
      if (!referenced) continue;
      if (referenced.localName === 'Assertion') return referenced;
      const assertions = children(referenced, NS.assertion, 'Assertion');
      if (assertions.length === 1) return assertions[0];
    }
  }
  return undefined;
}
