import { randomBytes } from 'node:crypto';
import type { XMLParser } from 'fast-xml-parser';
import { loadFastXmlParser } from '../lazy-modules';
import type { WireResponse } from '../protocol/wire';
import { S3Error, s3Errors } from './s3-errors';
import type { AwsServiceError } from '../errors';

/** The namespace of S3's XML documents [doc: S3-API, e.g. ListObjectsV2 response syntax]. */
export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** A value of an XML answer: nested objects become elements, arrays repeat their element. */
export type XmlValue = string | number | boolean | Date | undefined | XmlValue[] | { [name: string]: XmlValue };

/** Text content needs only &, < and > escaped; S3 leaves quotes as they are [obs: "The provided 'x-amz-content-sha256' header …" in raw bodies]. */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One element, S3 style: a list is the same element repeated, not wrapped in `<member>`. */
export function element(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole XML answer with its declaration and S3's namespace on the root. */
export function xmlDocument(root: string, members: { [name: string]: XmlValue }): string {
  const inner = Object.entries(members)
    .map(([k, v]) => element(k, v))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${inner}</${root}>`;
}

/** `<Error>`: Code, Message, the error's own elements, RequestId, HostId [doc: S3-API "Error responses"]. */
export function errorDocument(error: S3Error, requestId: string, hostId: string): string {
  const details = Object.entries(error.details)
    .map(([k, v]) => element(k, v))
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error>' +
    element('Code', error.code) +
    element('Message', error.message) +
    details +
    element('RequestId', requestId) +
    element('HostId', hostId) +
    '</Error>'
  );
}

/** S3's second request id, `x-amz-id-2` / `<HostId>`: opaque base64. */
export const hostId = (): string => randomBytes(48).toString('base64');

/** An S3 error answer: the `<Error>` document as `application/xml`, with both request ids as headers. */
export function encodeS3Error(error: AwsServiceError, requestId: string): WireResponse {
  const s3Error = error instanceof S3Error ? error : new S3Error(error.code, error.message, error.status);
  const id2 = hostId();
  return {
    status: s3Error.status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': id2 },
    body: errorDocument(s3Error, requestId, id2),
  };
}

let parser: XMLParser | undefined;
const xmlParser = (): XMLParser =>
  (parser ??= new (loadFastXmlParser().XMLParser)({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => name === 'Tag' }));

/** Parse a request body; MalformedXML when it is not XML with the expected root. */
export function parseXmlBody(body: string, root: string): Record<string, unknown> {
  let doc: Record<string, unknown>;
  try {
    doc = xmlParser().parse(body, true) as Record<string, unknown>;
  } catch {
    throw s3Errors.malformedXml();
  }
  const node = doc[root];
  if (node === undefined) throw s3Errors.malformedXml();
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : {};
}
