import type { Element as XmlElement, Document as XmlDocument } from '@xmldom/xmldom';
import { loadXmldom } from '../lazy-modules';

export type { XmlElement, XmlDocument };

/** Namespaces of SAML 2.0 (OASIS saml-core-2.0 and saml-metadata-2.0) and XML Signature. */
export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

/** Thrown by {@link parseStrictXml}; callers answer their own service's error. */
export class XmlRejected extends Error {
  override readonly name = 'XmlRejected';
}

/**
 * Parse an XML document, refusing anything a strict parser would warn about
 * and any DOCTYPE: SAML documents never need one, and refusing it closes the
 * door on entity tricks before they reach signature verification.
 */
export function parseStrictXml(text: string): XmlDocument {
  if (/<!DOCTYPE/i.test(text)) throw new XmlRejected('DOCTYPE not allowed in SAML documents');
  try {
    const { DOMParser, onWarningStopParsing } = loadXmldom();
    return new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'text/xml');
  } catch (err) {
    throw new XmlRejected(`Not well-formed XML: ${(err as Error).message}`);
  }
}

/** Direct child elements of `parent` named `localName` in namespace `ns`, in document order. */
export function children(parent: XmlElement, ns: string, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const el = node as XmlElement;
    if (el.namespaceURI === ns && el.localName === localName) out.push(el);
  }
  return out;
}

/** The first direct child named `localName` in `ns`, if any. */
export function child(parent: XmlElement, ns: string, localName: string): XmlElement | undefined {
  return children(parent, ns, localName)[0];
}

/** The element's text content, trimmed. */
export function textOf(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  return (el.textContent ?? '').trim();
}

/** An attribute's value, or undefined when absent (xmldom answers '' for absent attributes). */
export function attr(el: XmlElement | undefined, name: string): string | undefined {
  if (!el || !el.hasAttribute(name)) return undefined;
  return el.getAttribute(name) ?? undefined;
}
