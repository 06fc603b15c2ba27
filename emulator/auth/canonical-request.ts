import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The pieces of a Signature Version 4 signature, computed the way AWS computes
 * them on its side [doc: IAM-UG "Create a signed AWS API request" (canonical
 * request, string to sign, signing key)]. The emulator builds the canonical
 * request from what arrived on the wire — the body's own SHA-256, never a hash
 * the client claims — so a signature binds the method, path, query, signed
 * headers and body together.
 */

/** RFC 3986 encoding as SigV4 wants it: everything but `A-Za-z0-9-._~` as %XX of its UTF-8 bytes. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The canonical URI of a path as sent (still percent-encoded): dot segments
 * resolved, empty segments dropped, then every segment encoded once more.
 * For every service but S3 "each path segment must be URI-encoded twice"
 * [doc: IAM-UG "Create a signed AWS API request", CanonicalURI].
 */
export function canonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  return `/${segments.map(uriEncode).join('/')}${trailing}`;
}

/** Decode one query-string component; undefined when its percent-encoding is broken. */
function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The canonical query string: each name and value decoded, re-encoded with
 * {@link uriEncode}, sorted by name then value, joined with `&`. Undefined
 * when a component's percent-encoding is broken.
 */
export function canonicalQuery(rawQuery: string): string | undefined {
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const value = decodeComponent(eq < 0 ? '' : part.slice(eq + 1));
    if (name === undefined || value === undefined) return undefined;
    pairs.push([uriEncode(name), uriEncode(value)]);
  }
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

/** Header values trimmed, with runs of whitespace collapsed to one space [doc: IAM-UG, CanonicalHeaders]. */
function canonicalHeaderValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

export interface CanonicalInput {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Readonly<Record<string, string | undefined>>;
  signedHeaders: readonly string[];
  body: Uint8Array;
  /** The payload hash to sign instead of the body's own SHA-256 (S3's `x-amz-content-sha256` modes). */
  payloadHash?: string;
  /** S3: the canonical URI is the path as sent, neither normalized nor encoded again. */
  pathAsSent?: boolean;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The canonical request, or undefined when the query cannot be canonicalized. */
export function canonicalRequest(input: CanonicalInput): string | undefined {
  const query = canonicalQuery(input.rawQuery);
  if (query === undefined) return undefined;
  const headers = input.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(input.headers[name] ?? '')}\n`).join('');
  const uri = input.pathAsSent ? input.rawPath : canonicalUri(input.rawPath);
  return [input.method, uri, query, headers, input.signedHeaders.join(';'), input.payloadHash ?? sha256Hex(input.body)].join('\n');
}

export interface SigningScope {
  /** `YYYYMMDD`. */
  date: string;
  region: string;
  service: string;
}

/** `<date>/<region>/<service>/aws4_request`, the credential scope as the string to sign names it. */
export function scopeText(scope: SigningScope): string {
  return `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
}

/** The signing key of a secret key for one scope [doc: IAM-UG "Create a signed AWS API request", signing key]. */
export function signingKey(secretAccessKey: string, scope: SigningScope): Buffer {
  let key: Buffer = createHmac('sha256', `AWS4${secretAccessKey}`).update(scope.date).digest();
  for (const part of [scope.region, scope.service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  return key;
}

/** The signature of a canonical request with a signing key, in lower-case hex. */
export function signatureOf(canonical: string, amzDate: string, scope: SigningScope, key: Buffer): string {
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scopeText(scope), sha256Hex(canonical)].join('\n');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/** Constant-time comparison of two hex signatures. */
export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
