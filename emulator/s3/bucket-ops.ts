import { createHash } from 'node:crypto';
import { bucketNameProblem } from './bucket-name';
import { requireAccess } from './s3-access';
import { s3Errors } from './s3-errors';
import { requireBucket, type S3Answer, type S3Context } from './s3-request';
import { parseXmlBody, xmlDocument } from './s3-xml';

const US_EAST_1 = 'us-east-1';
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The account's canonical user id: 64 hex characters [doc: S3 User Guide "Find the canonical user ID"]; derived, stable per account. */
export function canonicalUserId(accountId: string): string {
  return createHash('sha256').update(`idchain-canonical-user:${accountId}`).digest('hex');
}

/**
 * CreateBucket [doc: S3-API CreateBucket]: the name follows the naming rules
 * (InvalidBucketName); the caller needs s3:CreateBucket. The Region is the
 * request's: a request to us-east-1 may name another Region in
 * LocationConstraint but not us-east-1 itself (InvalidLocationConstraint); a
 * request to any other Region must name that Region
 * (IllegalLocationConstraintException) [obs: moto, after AWS]. Creating a
 * bucket one already owns is BucketAlreadyOwnedByYou (409), except in
 * us-east-1, where it answers 200 "for legacy compatibility".
 */
export function createBucket(ctx: S3Context): S3Answer {
  const name = ctx.bucketName!;
  if (bucketNameProblem(name)) throw s3Errors.invalidBucketName(name);
  requireAccess(ctx);
  const text = ctx.payload.toString('utf8').trim();
  const constraint = text ? parseXmlBody(text, 'CreateBucketConfiguration').LocationConstraint : undefined;
  const location = typeof constraint === 'string' && constraint !== '' ? constraint : undefined;
  if (location !== undefined && !REGION_NAME.test(location)) throw s3Errors.invalidLocationConstraint();
  let region: string;
  if (ctx.region === US_EAST_1) {
    if (location === US_EAST_1) throw s3Errors.invalidLocationConstraint();
    region = location ?? US_EAST_1;
  } else {
    if (location !== ctx.region) throw s3Errors.illegalLocationConstraint(location);
    region = location;
  }
  const existing = ctx.state.s3.buckets.get(name);
  if (existing) {
    if (existing.region === US_EAST_1 && ctx.region === US_EAST_1) return { status: 200, headers: { location: `/${name}` } };
    throw s3Errors.bucketAlreadyOwnedByYou(name);
  }
  ctx.state.s3.buckets.set(name, { name, region, creationDate: ctx.now, objects: new Map(), abac: false });
  return { status: 200, headers: { location: `/${name}` } };
}

/** HeadBucket: needs s3:ListBucket [doc: S3-API HeadBucket]; answers the bucket's Region in x-amz-bucket-region. */
export function headBucket(ctx: S3Context): S3Answer {
  const bucket = requireBucket(ctx);
  requireAccess(ctx);
  return { status: 200, headers: { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' } };
}

/** DeleteBucket: s3:DeleteBucket; "All objects … must be deleted before the bucket itself can be deleted" (BucketNotEmpty, 409) [doc: S3-API DeleteBucket]. */
export function deleteBucket(ctx: S3Context): S3Answer {
  const bucket = requireBucket(ctx);
  requireAccess(ctx);
  if (bucket.objects.size > 0) throw s3Errors.bucketNotEmpty(bucket.name);
  ctx.state.s3.buckets.delete(bucket.name);
  return { status: 204 };
}

/**
 * ListBuckets: s3:ListAllMyBuckets, whose resource is `*` [doc: Service
 * Authorization Reference, Amazon S3]; the account's buckets in name order
 * with their Region, optionally those of one Region (`bucket-region`) or
 * starting with `prefix` [doc: S3-API ListBuckets].
 */
export function listBuckets(ctx: S3Context): S3Answer {
  requireAccess(ctx);
  const { prefix, 'bucket-region': region } = ctx.request.query;
  const buckets = [...ctx.state.s3.buckets.values()]
    .filter((b) => (prefix === undefined || b.name.startsWith(prefix)) && (region === undefined || b.region === region))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const body = xmlDocument('ListAllMyBucketsResult', {
    Buckets: { Bucket: buckets.map((b) => ({ Name: b.name, CreationDate: b.creationDate, BucketRegion: b.region })) },
    Owner: { ID: canonicalUserId(ctx.state.accountId) },
    Prefix: prefix,
  });
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
}
