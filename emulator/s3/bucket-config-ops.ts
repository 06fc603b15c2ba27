import { dataPlane } from '../iam/data-plane';
import { regionFacts } from '../region';
import { checkBucketPolicy } from './bucket-policy-check';
import { bucketArn } from './permissions';
import { requireAccess } from './s3-access';
import { s3Errors } from './s3-errors';
import { requireBucket, type S3Answer, type S3Context } from './s3-request';
import { parseXmlBody, xmlDocument } from './s3-xml';
import type { Bucket, BucketTag } from './state';

/** The bucket, once the caller may perform the operation on it (permissions.ts). */
function bucketFor(ctx: S3Context): Bucket {
  const bucket = requireBucket(ctx);
  requireAccess(ctx);
  return bucket;
}

/** PutBucketPolicy (s3:PutBucketPolicy): validated by bucket-policy-check.ts; 204 [doc: S3-API PutBucketPolicy]. */
export function putBucketPolicy(ctx: S3Context): S3Answer {
  const bucket = bucketFor(ctx);
  const text = ctx.payload.toString('utf8');
  const { state } = ctx;
  const principalExists = (arn: string) => (arn.includes(':role/') ? dataPlane(state).roleByArn(arn) !== undefined : [...state.iam.users.values()].some((u) => u.arn === arn));
  const target = { name: bucket.name, arn: bucketArn(state.region, bucket.name), partition: regionFacts(state.region).partition };
  bucket.policy = { text, document: checkBucketPolicy(text, target, principalExists) };
  return { status: 204 };
}

/** GetBucketPolicy (s3:GetBucketPolicy): the policy as it was put; NoSuchBucketPolicy (404) without one. */
export function getBucketPolicy(ctx: S3Context): S3Answer {
  const bucket = bucketFor(ctx);
  if (!bucket.policy) throw s3Errors.noSuchBucketPolicy(bucket.name);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: bucket.policy.text };
}

/** DeleteBucketPolicy (s3:DeleteBucketPolicy): 204, with or without a policy. */
export function deleteBucketPolicy(ctx: S3Context): S3Answer {
  const bucket = bucketFor(ctx);
  bucket.policy = undefined;
  return { status: 204 };
}

/** "You can associate up to 50 tags with a bucket" [doc: S3-API PutBucketTagging]. */
const MAX_BUCKET_TAGS = 50;

function readTagSet(body: string): BucketTag[] {
  const tagging = parseXmlBody(body, 'Tagging');
  const set = tagging.TagSet as { Tag?: unknown[] } | undefined | '';
  const raw = set && typeof set === 'object' ? (set.Tag ?? []) : [];
  const tags = raw.map((t) => {
    const tag = (t ?? {}) as Record<string, unknown>;
    if (typeof tag.Key !== 'string') throw s3Errors.malformedXml();
    return { Key: tag.Key, Value: typeof tag.Value === 'string' ? tag.Value : '' };
  });
  // Messages [obs: moto's S3 tagging errors, after AWS; the length ones inferred from the tag limits of S3 User Guide "Using cost allocation S3 bucket tags"].
  if (tags.length > MAX_BUCKET_TAGS) throw s3Errors.invalidTag(`Bucket tag count cannot be greater than ${MAX_BUCKET_TAGS}`);
  if (new Set(tags.map((t) => t.Key)).size !== tags.length) throw s3Errors.invalidTag('Cannot provide multiple Tags with the same key');
  for (const t of tags) {
    if (t.Key.toLowerCase().startsWith('aws:')) throw s3Errors.invalidTag('System tags cannot be added/updated by requester');
    if (t.Key.length === 0 || t.Key.length > 128) throw s3Errors.invalidTag('The TagKey you have provided is invalid');
    if (t.Value.length > 256) throw s3Errors.invalidTag('The TagValue you have provided is invalid');
  }
  return tags;
}

/** PutBucketTagging (s3:PutBucketTagging): replaces the tag set; 204 [doc: S3-API PutBucketTagging]. */
export function putBucketTagging(ctx: S3Context): S3Answer {
  const bucket = bucketFor(ctx);
  const tags = readTagSet(ctx.payload.toString('utf8'));
  bucket.tags = tags.length > 0 ? tags : undefined;
  return { status: 204 };
}

/** GetBucketTagging (s3:GetBucketTagging): NoSuchTagSet (404) when the bucket has none [doc: S3-API GetBucketTagging]. */
export function getBucketTagging(ctx: S3Context): S3Answer {
  const bucket = bucketFor(ctx);
  if (!bucket.tags) throw s3Errors.noSuchTagSet(bucket.name);
  const body = xmlDocument('Tagging', { TagSet: { Tag: bucket.tags.map((t) => ({ Key: t.Key, Value: t.Value })) } });
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
}

/** DeleteBucketTagging: needs s3:PutBucketTagging, there is no delete action [doc: S3-API DeleteBucketTagging, Permissions]; 204. */
export function deleteBucketTagging(ctx: S3Context): S3Answer {
  const bucket = bucketFor(ctx);
  bucket.tags = undefined;
  return { status: 204 };
}

/**
 * PutBucketAbac (s3:PutBucketABAC): `<AbacStatus><Status>Enabled|Disabled</Status>`
 * [doc: S3-API PutBucketAbac]. Enabled, the bucket's tags act as
 * `aws:ResourceTag/…`. AWS then manages the tags through TagResource only; the
 * emulator keeps PutBucketTagging working [departure: TagResource is not modelled].
 */
export function putBucketAbac(ctx: S3Context): S3Answer {
  const bucket = bucketFor(ctx);
  const status = parseXmlBody(ctx.payload.toString('utf8'), 'AbacStatus').Status;
  if (status !== 'Enabled' && status !== 'Disabled') throw s3Errors.malformedXml();
  bucket.abac = status === 'Enabled';
  return { status: 200 };
}

/** GetBucketAbac (s3:GetBucketABAC) [doc: S3-API GetBucketAbac]. */
export function getBucketAbac(ctx: S3Context): S3Answer {
  const bucket = bucketFor(ctx);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<AbacStatus><Status>${bucket.abac ? 'Enabled' : 'Disabled'}</Status></AbacStatus>`;
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
}
