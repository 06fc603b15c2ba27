import { createHash } from 'node:crypto';
import type { IncomingRequest } from '../auth/sigv4';
import { decodeAwsChunked, type ChunkSigning, type DecodedChunks } from './aws-chunked';
import { CHECKSUM_NAMES, checksumOf, isChecksumHeader } from './checksums';
import { S3Error, s3Errors } from './s3-errors';

export interface Payload {
  data: Buffer;
  /** The flexible checksums that came with it (header or trailer) and matched, by header name. */
  checksums: Record<string, string>;
}

/**
 * Decode an `aws-chunked` body: `x-amz-decoded-content-length` is required and
 * must be the decoded length; a trailer named in `x-amz-trailer` must be sent
 * [doc: S3-API "Signature Calculations … Chunked Upload", "… trailing headers"].
 */
function decodeStreaming(request: IncomingRequest, bytes: Buffer, signing: ChunkSigning | undefined, trailer: boolean): DecodedChunks {
  const declared = request.headers['x-amz-decoded-content-length'];
  // [doc: error list, MissingContentLength 411]
  if (declared === undefined) throw new S3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.', 411);
  const decoded = decodeAwsChunked(bytes, { signing, trailer });
  if (String(decoded.data.length) !== declared.trim()) throw s3Errors.incompleteBody();
  const named = request.headers['x-amz-trailer']?.trim().toLowerCase();
  if (trailer && named && decoded.trailers[named] === undefined) throw s3Errors.invalidRequest(`The trailing header ${named} named in x-amz-trailer was not sent [inferred wording]`);
  return decoded;
}

/**
 * The payload of a request, as `x-amz-content-sha256` says it was sent
 * [doc: S3-API "Authenticating Requests (AWS Signature Version 4)", the header's values]:
 * - a SHA-256 in hex: the body must hash to it (XAmzContentSHA256Mismatch, 400);
 * - `UNSIGNED-PAYLOAD`: the body as is;
 * - `STREAMING-UNSIGNED-PAYLOAD-TRAILER`: aws-chunked, unsigned chunks, trailing checksum
 *   (what the JS SDK sends for a stream, seen on the wire);
 * - `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]`: aws-chunked with signed chunks (and a signed trailer);
 * - the SigV4a (`…ECDSA…`) variants are not modelled.
 * Then every flexible checksum, in a header or the trailer, must match the
 * payload (BadDigest) and so must Content-MD5 (InvalidDigest, BadDigest).
 */
export function readPayload(request: IncomingRequest, signing: ChunkSigning | undefined): Payload {
  const bytes = request.bodyBytes ? Buffer.from(request.bodyBytes) : Buffer.from(request.body, 'utf8');
  const mode = request.headers['x-amz-content-sha256'];
  let decoded: DecodedChunks = { data: bytes, trailers: {} };
  if (mode === undefined || mode === 'UNSIGNED-PAYLOAD') {
    // the body as sent
  } else if (/^[0-9a-fA-F]{64}$/.test(mode)) {
    const computed = createHash('sha256').update(bytes).digest('hex');
    if (computed !== mode.toLowerCase()) throw s3Errors.contentSha256Mismatch(mode, computed);
  } else if (mode === 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') {
    decoded = decodeStreaming(request, bytes, undefined, true);
  } else if (mode === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' || mode === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER') {
    if (!signing) throw s3Errors.invalidRequest(`${mode} needs a request signed with SigV4`);
    decoded = decodeStreaming(request, bytes, signing, mode.endsWith('-TRAILER'));
  } else if (mode.startsWith('STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD')) {
    throw s3Errors.notImplemented('SigV4a (ECDSA) streaming payloads');
  } else {
    // [obs: AWS's answer to an unknown value, quoted in S3-compatible servers' issues; the streaming names added]
    throw s3Errors.invalidArgument(
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, or a valid sha256 value.',
      'x-amz-content-sha256',
      mode,
    );
  }
  return { data: decoded.data, checksums: verifyIntegrity(request, decoded) };
}

function verifyIntegrity(request: IncomingRequest, decoded: DecodedChunks): Record<string, string> {
  const checksums: Record<string, string> = {};
  const sent = { ...Object.fromEntries(Object.entries(request.headers).filter(([, v]) => v !== undefined)), ...decoded.trailers } as Record<string, string>;
  for (const [name, value] of Object.entries(sent)) {
    if (!isChecksumHeader(name)) continue;
    if (checksumOf(name, decoded.data) !== value.trim()) throw s3Errors.badChecksum(CHECKSUM_NAMES[name]);
    checksums[name] = value.trim();
  }
  const md5 = request.headers['content-md5'];
  if (md5 !== undefined) {
    if (Buffer.from(md5, 'base64').length !== 16) throw s3Errors.invalidContentMd5();
    if (createHash('md5').update(decoded.data).digest('base64') !== md5.trim()) throw s3Errors.badContentMd5();
  }
  return checksums;
}
