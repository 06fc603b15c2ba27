import { AwsServiceError } from '../errors';
import type { WireResponse } from './wire';

/**
 * Decode an awsQuery form into nested objects. Lists arrive flattened as
 * `Name.member.N` (and `Name.member.N.Field`); they come back as arrays in index
 * order. Leaf values stay strings, as on the wire.
 */
export function decodeQueryForm(body: string): { action: string; version: string; input: Record<string, unknown> } {
  const params = new URLSearchParams(body);
  const root: Record<string, unknown> = {};
  let action = '';
  let version = '';
  for (const [key, value] of params) {
    if (key === 'Action') {
      action = value;
      continue;
    }
    if (key === 'Version') {
      version = value;
      continue;
    }
    setPath(root, key.split('.'), value);
  }
  return { action, version, input: listify(root) as Record<string, unknown> };
}

function setPath(target: Record<string, unknown>, parts: string[], value: string): void {
  let node = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    const next = node[part];
    if (next === undefined || typeof next !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

function listify(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && (keys[0] === 'member' || keys[0] === 'entry')) {
    const members = obj[keys[0]];
    if (members && typeof members === 'object') {
      return Object.entries(members as Record<string, unknown>)
        .filter(([k]) => /^\d+$/.test(k))
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, v]) => listify(v));
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = listify(obj[key]);
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
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
