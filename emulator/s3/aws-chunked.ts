import { createHash, createHmac } from 'node:crypto';
import type { VerifiedSigning } from '../auth/sigv4';
import { s3Errors } from './s3-errors';

/**
 * What the chunk signatures chain from: the signing key, date and scope the
 * one SigV4 verifier (auth/sigv4.ts) checked the request with, and the
 * Authorization header's signature, which seeds the chain.
 */
export interface ChunkSigning extends VerifiedSigning {
  seedSignature: string;
}

export interface DecodedChunks {
  data: Buffer;
  /** Trailing headers by lower-cased name (e.g. `x-amz-checksum-crc32`), without the trailer signature. */
  trailers: Record<string, string>;
}

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
const CRLF = Buffer.from('\r\n');

const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/**
 * One chunk's signature: HMAC over "AWS4-HMAC-SHA256-PAYLOAD", the date, the
 * scope, the previous signature, the hash of the empty string and the hash of
 * the chunk's data [doc: S3-API "Signature Calculations for the Authorization
 * Header: Transferring Payload in Multiple Chunks"].
 */
export function chunkSignature(signing: ChunkSigning, previous: string, data: Uint8Array): string {
  const stringToSign = ['AWS4-HMAC-SHA256-PAYLOAD', signing.amzDate, signing.scope, previous, EMPTY_SHA256, sha256Hex(data)].join('\n');
  return createHmac('sha256', signing.key).update(stringToSign).digest('hex');
}

/**
 * The trailer's signature: HMAC over "AWS4-HMAC-SHA256-TRAILER", the date, the
 * scope, the last chunk's signature and the hash of the trailing headers, each
 * `name:value\n` [doc: S3-API "Signature calculations … trailing headers"].
 */
export function trailerSignature(signing: ChunkSigning, previous: string, canonicalTrailers: string): string {
  const stringToSign = ['AWS4-HMAC-SHA256-TRAILER', signing.amzDate, signing.scope, previous, sha256Hex(canonicalTrailers)].join('\n');
  return createHmac('sha256', signing.key).update(stringToSign).digest('hex');
}

/** Read up to the next CRLF; IncompleteBody when the body ends first. */
function line(body: Buffer, at: number): { text: string; next: number } {
  const end = body.indexOf(CRLF, at);
  if (end < 0) throw s3Errors.incompleteBody();
  return { text: body.subarray(at, end).toString('latin1'), next: end + 2 };
}

/**
 * Decode an `aws-chunked` body: `<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n`
 * chunks, a zero-size last chunk, then (with `trailer`) trailing headers. With
 * `signing`, every chunk signature is checked along the chain, and the
 * trailer's too; a wrong one is SignatureDoesNotMatch (403), as a wrong header
 * signature is [inferred: S3 answers chunk and header signatures alike].
 */
export function decodeAwsChunked(body: Buffer, options: { signing?: ChunkSigning; trailer: boolean }): DecodedChunks {
  const { signing } = options;
  const parts: Buffer[] = [];
  let previous = signing?.seedSignature ?? '';
  let at = 0;
  for (;;) {
    const header = line(body, at);
    const [sizeText, ...extensions] = header.text.split(';');
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw s3Errors.incompleteBody();
    const size = parseInt(sizeText, 16);
    const data = body.subarray(header.next, header.next + size);
    if (data.length !== size) throw s3Errors.incompleteBody();
    if (signing) {
      const sent = extensions.find((e) => e.startsWith('chunk-signature='))?.slice('chunk-signature='.length);
      const expected = chunkSignature(signing, previous, data);
      if (sent !== expected) throw s3Errors.signatureDoesNotMatch();
      previous = expected;
    }
    at = header.next + size;
    if (size === 0) break;
    if (!body.subarray(at, at + 2).equals(CRLF)) throw s3Errors.incompleteBody();
    at += 2;
    parts.push(data);
  }
  const trailers: Record<string, string> = {};
  if (options.trailer) {
    let canonical = '';
    let sentSignature: string | undefined;
    for (;;) {
      const next = line(body, at);
      at = next.next;
      if (next.text === '') break;
      const colon = next.text.indexOf(':');
      if (colon < 0) throw s3Errors.incompleteBody();
      const name = next.text.slice(0, colon).trim().toLowerCase();
      const value = next.text.slice(colon + 1).trim();
      if (name === 'x-amz-trailer-signature') sentSignature = value;
      else {
        trailers[name] = value;
        canonical += `${name}:${value}\n`;
      }
    }
    if (signing && sentSignature !== trailerSignature(signing, previous, canonical)) throw s3Errors.signatureDoesNotMatch();
  } else if (!body.subarray(at, at + 2).equals(CRLF)) {
    throw s3Errors.incompleteBody();
  }
  return { data: Buffer.concat(parts), trailers };
}
