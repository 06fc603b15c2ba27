import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { CredentialRecord } from '../principal';

/** Why a request's signature was not accepted; the server maps it to each protocol's error. */
export type AuthFailure = 'missing' | 'unknown-key' | 'bad-signature' | 'expired' | 'bad-token';

export class AuthError extends Error {
  constructor(readonly failure: AuthFailure, message: string) {
    super(message);
  }
}

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE = /^AWS4-HMAC-SHA256\s+Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (!header) return undefined;
  const m = AUTH_RE.exec(header.trim());
  if (!m) return undefined;
  return {
    accessKeyId: m[1],
    date: m[2],
    region: m[3],
    service: m[4],
    signedHeaders: m[5].split(';'),
    signature: m[6],
  };
}

export interface IncomingRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: string;
  /** The body as received, when it may not be UTF-8 text (S3 objects). */
  bodyBytes?: Uint8Array;
}

/** Parse the `x-amz-date` basic format (20261122T083000Z). */
function parseAmzDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

/**
 * Verify a SigV4-signed request: the key is one the emulator issued, the
 * session token matches, the credentials are not expired, and the signature
 * recomputed with the stored secret equals the one sent.
 */
export async function verifySignature(
  request: IncomingRequest,
  lookup: (accessKeyId: string) => CredentialRecord | undefined,
  now: Date,
  /** S3 signs the path as sent, without the second URI-encoding other services apply (S3-API "Signature Calculations for the Authorization Header"). */
  options: { uriEscapePath?: boolean } = {},
): Promise<{ record: CredentialRecord; auth: ParsedAuthorization }> {
  const auth = parseAuthorization(request.headers['authorization']);
  if (!auth) throw new AuthError('missing', 'Request is missing Authentication Token');
  const record = lookup(auth.accessKeyId);
  if (!record) throw new AuthError('unknown-key', 'The security token included in the request is invalid.');
  if (record.sessionToken !== undefined && request.headers['x-amz-security-token'] !== record.sessionToken) {
    throw new AuthError('bad-token', 'The security token included in the request is invalid.');
  }
  if (record.expiration && record.expiration.getTime() <= now.getTime()) {
    throw new AuthError('expired', 'The security token included in the request is expired');
  }
  const signingDate = parseAmzDate(request.headers['x-amz-date']);
  if (!signingDate) throw new AuthError('bad-signature', 'Request is missing the X-Amz-Date header.');

  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: record.accessKeyId,
      secretAccessKey: record.secretAccessKey,
      sessionToken: record.sessionToken,
    },
    region: auth.region,
    service: auth.service,
    sha256: Sha256,
    // The SDK signs the path as sent; do not re-normalize it.
    uriEscapePath: options.uriEscapePath ?? true,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: (headers['host'] ?? '').split(':')[0],
      path: request.path,
      query: request.query,
      headers,
      body: request.bodyBytes ?? request.body,
    },
    { signingDate, signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected = parseAuthorization((signed.headers as Record<string, string>)['authorization']);
  if (!expected || expected.signature !== auth.signature) {
    throw new AuthError(
      'bad-signature',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return { record, auth };
}
