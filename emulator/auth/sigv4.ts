import type { CredentialRecord } from '../principal';
import { canonicalRequest, sameSignature, scopeText, sha256Hex, signatureOf, signingKey } from './canonical-request';
import { hostViolation, readSigningDate, scopeMismatch, scopeViolations, windowViolation, type ScopeMismatch } from './signing-checks';

/**
 * Why a request's signature was not accepted; each protocol maps it to its
 * error. `skewed` is the 15-minute window, `scope` a credential scope naming
 * another service, Region, date or terminator: the Query and JSON services
 * answer both as a bad signature, S3 has its own codes for them.
 */
export type AuthFailure = 'missing' | 'incomplete' | 'unknown-key' | 'bad-signature' | 'expired' | 'bad-token' | 'skewed' | 'scope';

export class AuthError extends Error {
  constructor(
    readonly failure: AuthFailure,
    message: string,
    /** For `scope`: what was wrong; for `incomplete`: whether the request's date was what was missing or malformed. */
    readonly detail: { scope?: ScopeMismatch; date?: boolean } = {},
  ) {
    super(message);
  }
}

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

/** A request as the router sees it: no sockets, headers lower-cased. */
export interface IncomingRequest {
  method: string;
  /** The path as sent, still percent-encoded. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: string;
  /** The query string as sent (after `?`); the canonical query is built from it when present. */
  rawQuery?: string;
  /**
   * The body's bytes as sent (S3 objects need not be UTF-8 text); its SHA-256
   * is what the signature must cover. Defaults to `body` in UTF-8.
   */
  bodyBytes?: Uint8Array;
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/**
 * Read `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`.
 * Missing parts are an IncompleteSignature naming each one, then the header
 * [obs: dynalite, recorded from DynamoDB: "Authorization header requires
 * 'Signature' parameter. Authorization=…"; "Unsupported AWS 'algorithm': …";
 * "Credential must have exactly 5 slash-delimited elements, e.g.
 * keyid/date/region/service/term, got 'a/b/c/d'"].
 */
export function parseAuthorization(header: string): ParsedAuthorization {
  const text = header.trim();
  const space = text.indexOf(' ');
  const algorithm = space < 0 ? text : text.slice(0, space);
  if (algorithm !== 'AWS4-HMAC-SHA256') {
    throw new AuthError('incomplete', `Unsupported AWS 'algorithm': '${algorithm}' (only AWS4-HMAC-SHA256 for now). `);
  }
  const params = new Map<string, string>();
  for (const part of (space < 0 ? '' : text.slice(space + 1)).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !params.get(name));
  if (missing.length > 0) {
    throw new AuthError('incomplete', `${missing.map((name) => `Authorization header requires '${name}' parameter. `).join('')}Authorization=${text}`);
  }
  const credential = params.get('Credential')!.replace(/\/+$/, '');
  const pieces = credential.split('/');
  if (pieces.length !== 5) {
    throw new AuthError('incomplete', `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`);
  }
  const [accessKeyId, date, region, service, terminator] = pieces;
  return { accessKeyId, date, region, service, terminator, signedHeaders: params.get('SignedHeaders')!.split(';'), signature: params.get('Signature')! };
}

function rawQueryOf(request: IncomingRequest): string {
  if (request.rawQuery !== undefined) return request.rawQuery;
  return Object.entries(request.query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/** What the request must be signed for: the service it reached and the emulator's region. */
/** What a verified request was signed with: what an aws-chunked body's chunk signatures chain from. */
export interface VerifiedSigning {
  key: Buffer;
  /** The request's signing time, ISO 8601 basic format. */
  amzDate: string;
  /** `<date>/<region>/<service>/aws4_request`. */
  scope: string;
}

export interface SigningExpectation {
  service: string;
  region: string;
  /**
   * S3 signs differently from the other services: the canonical URI is the
   * path as sent, neither normalized nor encoded a second time ("Each path
   * segment must be URI-encoded twice (except for Amazon S3 which only gets
   * URI-encoded once)" [doc: IAM-UG "Create a signed AWS API request"]), and
   * the payload hash is `x-amz-content-sha256` as sent — a SHA-256,
   * `UNSIGNED-PAYLOAD` or a `STREAMING-…` mode [doc: S3-API "Authenticating
   * Requests (AWS Signature Version 4)"]; the S3 service checks the payload
   * against it afterwards.
   */
  s3?: boolean;
}

/**
 * Verify a SigV4-signed request the way AWS does, in AWS's order: the
 * Authorization header is complete; the date is present, well formed and
 * within 15 minutes of `now`; `host` is signed; the credential scope names
 * this service, region and date (signing-checks.ts); the key is one the
 * emulator issued; the session token matches; the payload hash is the
 * SHA-256 of the body that arrived (and `x-amz-content-sha256`, when sent,
 * says so too); the signature recomputed with the stored secret equals the
 * one sent; the credentials have not expired.
 *
 * AWS services other than S3 put the body's own hash in the canonical request
 * ("X-AMZ-Content-sha256 is not part of canonical headers for Non S3
 * requests, but payload hash is part of canonical request" [obs:
 * boto/boto#3828]; "Only s3 related service support this option [UNSIGNED-PAYLOAD],
 * other service would result in SignatureDoesNotMatch error" [obs:
 * apache/opendal-reqsign#346]), which is why a replay with another body fails.
 */
export function verifySignature(
  request: IncomingRequest,
  lookup: (accessKeyId: string) => CredentialRecord | undefined,
  now: Date,
  expected: SigningExpectation,
): { record: CredentialRecord; auth: ParsedAuthorization; signing: VerifiedSigning } {
  const header = request.headers['authorization'];
  if (header === undefined) throw new AuthError('missing', 'Request is missing Authentication Token');
  const auth = parseAuthorization(header);
  const signing = readSigningDate(request.headers);
  if ('incomplete' in signing) throw new AuthError('incomplete', `${signing.incomplete} Authorization=${header.trim()}`, { date: true });
  const skew = windowViolation(signing.date, signing.text, now);
  if (skew) throw new AuthError('skewed', skew);
  const unsignedHost = hostViolation(auth.signedHeaders);
  if (unsignedHost) throw new AuthError('bad-signature', unsignedHost);
  const expectedScope = { ...expected, date: signing.text.slice(0, 8), dateText: signing.text };
  const wrongScope = scopeViolations(auth, expectedScope);
  if (wrongScope) throw new AuthError('scope', wrongScope, { scope: scopeMismatch(auth, expectedScope) });

  const record = lookup(auth.accessKeyId);
  if (!record) throw new AuthError('unknown-key', 'The security token included in the request is invalid.');
  if (record.sessionToken !== undefined && request.headers['x-amz-security-token'] !== record.sessionToken) {
    throw new AuthError('bad-token', 'The security token included in the request is invalid.');
  }

  const body = request.bodyBytes ?? Buffer.from(request.body, 'utf8');
  const claimedHash = request.headers['x-amz-content-sha256'];
  const canonical = canonicalRequest({
    method: request.method,
    rawPath: request.path,
    rawQuery: rawQueryOf(request),
    headers: request.headers,
    signedHeaders: auth.signedHeaders,
    body,
    ...(expected.s3 ? { payloadHash: claimedHash ?? '', pathAsSent: true } : {}),
  });
  const bodyMatchesClaim = expected.s3 ? claimedHash !== undefined : claimedHash === undefined || claimedHash === sha256Hex(body);
  const key = signingKey(record.secretAccessKey, auth);
  if (!canonical || !bodyMatchesClaim || !sameSignature(signatureOf(canonical, signing.text, auth, key), auth.signature)) {
    throw new AuthError('bad-signature', SIGNATURE_MISMATCH);
  }
  if (record.expiration && record.expiration.getTime() <= now.getTime()) {
    throw new AuthError('expired', 'The security token included in the request is expired');
  }
  return { record, auth, signing: { key, amzDate: signing.text, scope: scopeText(auth) } };
}
