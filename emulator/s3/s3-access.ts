import { accessRefusal, checkOperationAccess, type Permission } from '../authz/operation-access';
import { S3_ACCESS } from './permissions';
import type { S3Error } from './s3-errors';
import type { S3Context } from './s3-request';

/**
 * An S3 request as the access table (permissions.ts) reads it: the bucket and
 * key it addresses, and ListObjectsV2's arguments, under their query names.
 */
function s3Input(ctx: S3Context): Record<string, unknown> {
  const q = ctx.request.query;
  return { Bucket: ctx.bucketName, Key: ctx.key, prefix: q['prefix'], delimiter: q['delimiter'], 'max-keys': q['max-keys'] };
}

/**
 * Refuse the request with AccessDenied (403) unless the caller — or, for an
 * anonymous request, the bucket policy — allows the operation: the same
 * table-driven check as every other service (authz/operation-access.ts),
 * decided by authorize.ts with the bucket policy joined in (authorize-s3.ts).
 * Handlers call it once the bucket is found.
 */
export function requireAccess(ctx: S3Context): void {
  checkOperationAccess(S3_ACCESS, ctx.operation, s3Input(ctx), ctx);
}

/** The AccessDenied one permission meets, or undefined when allowed: for answers chosen by the outcome. */
export function refusalOf(ctx: S3Context, permission: Permission): S3Error | undefined {
  return accessRefusal(S3_ACCESS, permission, s3Input(ctx), ctx) as S3Error | undefined;
}
