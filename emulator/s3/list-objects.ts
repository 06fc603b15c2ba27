import { canonicalUserId } from './bucket-ops';
import { requireAccess } from './s3-access';
import { s3Errors } from './s3-errors';
import { requireBucket, type S3Answer, type S3Context } from './s3-request';
import { xmlDocument, type XmlValue } from './s3-xml';
import type { S3Object } from './state';

/** "Returns some or all (up to 1,000) of the objects in a bucket" [doc: S3-API ListObjectsV2, max-keys]. */
const MAX_KEYS = 1000;

/** Where a listing resumes: after a key, or after every key under a common prefix. */
interface Cursor {
  after: string;
  prefixDone: boolean;
}

const encodeToken = (c: Cursor) => Buffer.from(JSON.stringify({ a: c.after, p: c.prefixDone })).toString('base64url');

function decodeToken(token: string): Cursor {
  try {
    const raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { a?: unknown; p?: unknown };
    if (typeof raw.a === 'string' && typeof raw.p === 'boolean') return { after: raw.a, prefixDone: raw.p };
  } catch {
    // falls through to the error below
  }
  // [obs: moto, after AWS]
  throw s3Errors.invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
}

function readMaxKeys(raw: string | undefined): number {
  if (raw === undefined) return MAX_KEYS;
  // [obs: moto's NotAnIntegerException, after AWS]
  if (!/^\d+$/.test(raw) || Number(raw) > 2 ** 31 - 1) throw s3Errors.invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', raw);
  return Math.min(Number(raw), MAX_KEYS);
}

/** S3 lists keys "in UTF-8 binary order" [doc: S3-API ListObjectsV2]. */
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** With `encoding-type=url`, names are URL-encoded, a space as `+` (botocore decodes them with unquote_plus). */
const urlEncode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');

/**
 * ListObjectsV2 (s3:ListBucket on the bucket, with the condition keys
 * `s3:prefix`, `s3:delimiter` and `s3:max-keys` taken from the request)
 * [doc: S3-API ListObjectsV2; Service Authorization Reference, Amazon S3]:
 * keys under `prefix`, those sharing a part up to `delimiter` rolled into
 * CommonPrefixes, at most `max-keys` entries (keys and common prefixes
 * together), resuming after `start-after` or a continuation token. A key
 * absent from the request is absent from the context [inferred].
 */
export function listObjectsV2(ctx: S3Context): S3Answer {
  const bucket = requireBucket(ctx);
  const q = ctx.request.query;
  const prefix = q['prefix'] ?? '';
  const delimiter = q['delimiter'] || undefined;
  requireAccess(ctx);
  const maxKeys = readMaxKeys(q['max-keys']);
  const encoding = q['encoding-type'];
  if (encoding !== undefined && encoding !== 'url') throw s3Errors.invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encoding);
  const cursor: Cursor | undefined = q['continuation-token'] !== undefined ? decodeToken(q['continuation-token']) : q['start-after'] ? { after: q['start-after'], prefixDone: false } : undefined;

  const contents: S3Object[] = [];
  const commonPrefixes: string[] = [];
  let last: Cursor | undefined;
  let truncated = false;
  for (const key of [...bucket.objects.keys()].sort(byUtf8)) {
    if (!key.startsWith(prefix)) continue;
    if (cursor && (byUtf8(key, cursor.after) <= 0 || (cursor.prefixDone && key.startsWith(cursor.after)))) continue;
    const cut = delimiter === undefined ? -1 : key.indexOf(delimiter, prefix.length);
    const common = cut < 0 ? undefined : key.slice(0, cut + delimiter!.length);
    if (common !== undefined && common === commonPrefixes[commonPrefixes.length - 1]) continue;
    if (contents.length + commonPrefixes.length >= maxKeys) {
      // max-keys=0 answers an empty, untruncated page [inferred].
      truncated = maxKeys > 0;
      break;
    }
    if (common !== undefined) {
      commonPrefixes.push(common);
      last = { after: common, prefixDone: true };
    } else {
      contents.push(bucket.objects.get(key)!);
      last = { after: key, prefixDone: false };
    }
  }

  const name = (text: string | undefined) => (text === undefined || encoding !== 'url' ? text : urlEncode(text));
  const owner = q['fetch-owner'] === 'true' ? { ID: canonicalUserId(ctx.state.accountId) } : undefined;
  const members: Record<string, XmlValue> = {
    IsTruncated: truncated,
    Contents: contents.map((o) => ({ Key: name(o.key), LastModified: o.lastModified, ETag: o.etag, Size: o.body.length, Owner: owner, StorageClass: 'STANDARD' })),
    Name: bucket.name,
    Prefix: name(prefix),
    Delimiter: name(delimiter),
    MaxKeys: maxKeys,
    CommonPrefixes: commonPrefixes.map((p) => ({ Prefix: name(p) })),
    EncodingType: encoding,
    KeyCount: contents.length + commonPrefixes.length,
    ContinuationToken: q['continuation-token'],
    NextContinuationToken: truncated && last ? encodeToken(last) : undefined,
    StartAfter: name(q['start-after']),
  };
  return { status: 200, headers: { 'content-type': 'application/xml' }, body: xmlDocument('ListBucketResult', members) };
}
