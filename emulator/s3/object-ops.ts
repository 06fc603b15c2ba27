import { createHash } from 'node:crypto';
import { LIST_BUCKET } from './permissions';
import { refusalOf, requireAccess } from './s3-access';
import { S3Error, s3Errors } from './s3-errors';
import { requireBucket, type S3Answer, type S3Context } from './s3-request';
import type { S3Object } from './state';

/** "The name for a key is a sequence of Unicode characters whose UTF-8 encoding is at most 1,024 bytes long" [doc: S3 User Guide "Naming Amazon S3 objects"]. */
const MAX_KEY_BYTES = 1024;

/**
 * PutObject (s3:PutObject on `bucket/key`) [doc: S3-API PutObject]: stores the
 * payload as sent (already decoded from aws-chunked and checked against its
 * hash and checksums), its Content-Type (binary/octet-stream when none) and
 * `x-amz-meta-*` metadata. The ETag is the MD5 of the body in hex, quoted, as
 * for any single-part upload [doc: S3-API Object, ETag]. Answers the ETag and
 * the checksums it verified.
 */
export function putObject(ctx: S3Context): S3Answer {
  const bucket = requireBucket(ctx);
  const key = ctx.key!;
  requireAccess(ctx);
  if (ctx.request.headers['x-amz-copy-source'] !== undefined) throw s3Errors.notImplemented('CopyObject');
  // [obs: moto, "Your key is too long"]
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new S3Error('KeyTooLongError', 'Your key is too long', 400, { Size: String(Buffer.byteLength(key)), MaxSizeAllowed: String(MAX_KEY_BYTES) });
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.request.headers)) {
    if (name.startsWith('x-amz-meta-') && value !== undefined) metadata[name.slice('x-amz-meta-'.length)] = value;
  }
  const object: S3Object = {
    key,
    body: ctx.payload,
    etag: `"${createHash('md5').update(ctx.payload).digest('hex')}"`,
    lastModified: ctx.now,
    contentType: ctx.request.headers['content-type'] ?? 'binary/octet-stream',
    metadata,
    checksums: ctx.checksums,
  };
  bucket.objects.set(key, object);
  return { status: 200, headers: { etag: object.etag, 'x-amz-server-side-encryption': 'AES256', ...object.checksums } };
}

/**
 * An object that is not there: NoSuchKey (404) when the caller may list the
 * bucket, else AccessDenied (403) — "If you don't have the s3:ListBucket
 * permission, Amazon S3 returns an HTTP status code 403" [doc: S3-API
 * GetObject, HeadObject]. The message names s3:ListBucket [inferred].
 */
function missingObject(ctx: S3Context, key: string): S3Error {
  return refusalOf(ctx, LIST_BUCKET) ?? s3Errors.noSuchKey(key);
}

/** A single `bytes=` range [doc: RFC 9110 §14.1.2; S3-API GetObject, Range: one range per request]. Undefined: serve the whole object. */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  return end < start ? undefined : { start, end };
}

function readObject(ctx: S3Context): S3Answer {
  const bucket = requireBucket(ctx);
  const key = ctx.key!;
  requireAccess(ctx);
  const object = bucket.objects.get(key);
  if (!object) throw missingObject(ctx, key);
  const headers: Record<string, string> = {
    'content-type': object.contentType,
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    'x-amz-server-side-encryption': 'AES256',
  };
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
  const rangeHeader = ctx.request.headers['range'];
  const range = byteRange(rangeHeader, object.body.length);
  if (range === 'unsatisfiable') throw s3Errors.invalidRange(rangeHeader!, object.body.length);
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${object.body.length}`;
    return { status: 206, headers, bytes: object.body.subarray(range.start, range.end + 1) };
  }
  // Checksums are answered only when asked for with x-amz-checksum-mode: ENABLED [doc: S3-API GetObject].
  if (ctx.request.headers['x-amz-checksum-mode']?.toUpperCase() === 'ENABLED') Object.assign(headers, object.checksums);
  return { status: 200, headers, bytes: object.body };
}

/** GetObject (s3:GetObject), with a single byte Range answered 206 [doc: S3-API GetObject]. */
export const getObject = readObject;

/** HeadObject: GetObject's headers without the body, and the same permission, s3:GetObject [doc: S3-API HeadObject]. */
export const headObject = readObject;

/** DeleteObject (s3:DeleteObject): 204 whether or not the key exists [doc: S3-API DeleteObject]. */
export function deleteObject(ctx: S3Context): S3Answer {
  const bucket = requireBucket(ctx);
  requireAccess(ctx);
  bucket.objects.delete(ctx.key!);
  return { status: 204 };
}
