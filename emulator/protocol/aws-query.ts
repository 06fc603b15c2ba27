import { AwsServiceError } from '../errors';
import type { WireResponse } from './wire';

export { decodeQueryForm } from './query-form';

// Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF):
// a message echoing hostile input must still be a well-formed document.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** awsQuery timestamps are ISO 8601 in UTC, seconds precision as STS shows them. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return isoSeconds(value);
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function encodeQueryResult(action: string, xmlNamespace: string, result: unknown, requestId: string): WireResponse {
  const inner = result === undefined || result === null ? '' : `<${action}Result>${toXml(result)}</${action}Result>`;
  const body =
    `<${action}Response xmlns="${xmlNamespace}">` +
    inner +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

export function encodeQueryError(error: AwsServiceError, xmlNamespace: string, requestId: string): WireResponse {
  const body =
    `<ErrorResponse xmlns="${xmlNamespace}">` +
    `<Error><Type>${error.fault}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId>` +
    `</ErrorResponse>`;
  return { status: error.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

/** Read an integer parameter from a query form, with AWS's message when it is not one. */
export function queryInt(input: Record<string, unknown>, name: string, member: string): number | undefined {
  const raw = input[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isInteger(n)) {
    throw new AwsServiceError('MalformedInput', `Invalid value '${String(raw)}' for ${member}`, 400);
  }
  return n;
}
