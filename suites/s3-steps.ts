import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { CaseContext, Credentials, ProvisionedBucket } from '../harness';

// S3 calls the access suites make with issued credentials: each returns the
// promise for the case to judge (ctx.expect.succeeds / error), so the call's
// path names the permission-matrix cell it decides.

/** A fixture bucket by logical name. */
export function bucket(ctx: CaseContext, name: string): ProvisionedBucket {
  return ctx.fx.resource<ProvisionedBucket>('s3-bucket', name);
}

/** `arn:<partition>:s3:::<bucket>/<key>` (or the bucket's own ARN): what S3's AccessDenied message quotes. */
export function objectArn(ctx: CaseContext, name: string, key?: string): string {
  const b = bucket(ctx, name);
  return key === undefined ? b.arn : `${b.arn}/${key}`;
}

function s3(ctx: CaseContext, credentials: Credentials): S3Client {
  return ctx.clients.s3With(credentials);
}

/** GetObject, answering the body as text. */
export async function readObject(ctx: CaseContext, credentials: Credentials, name: string, key: string): Promise<string> {
  const answer = await s3(ctx, credentials).send(new GetObjectCommand({ Bucket: bucket(ctx, name).name, Key: key }));
  return (await answer.Body?.transformToString()) ?? '';
}

export function writeObject(ctx: CaseContext, credentials: Credentials, name: string, key: string, body: string) {
  return s3(ctx, credentials).send(new PutObjectCommand({ Bucket: bucket(ctx, name).name, Key: key, Body: body }));
}

export function deleteObject(ctx: CaseContext, credentials: Credentials, name: string, key: string) {
  return s3(ctx, credentials).send(new DeleteObjectCommand({ Bucket: bucket(ctx, name).name, Key: key }));
}

/** ListObjectsV2 under a prefix, answering the keys. */
export async function listKeys(ctx: CaseContext, credentials: Credentials, name: string, prefix: string): Promise<string[]> {
  const answer = await s3(ctx, credentials).send(new ListObjectsV2Command({ Bucket: bucket(ctx, name).name, Prefix: prefix }));
  return (answer.Contents ?? []).map((o) => o.Key ?? '');
}

/**
 * S3's AccessDenied for a same-account request: "User: <arn> is not authorized
 * to perform: <action> on resource: "<resource arn>" because no <kind> allows
 * the <action> action" (`reason` given as the words after the resource)
 * [doc: S3 User Guide "Troubleshoot access denied (403 Forbidden) errors",
 * access denied message examples].
 */
export function s3Denied(who: string, action: string, resource: string, reason: string) {
  return { name: 'AccessDenied', httpStatus: 403, message: `User: ${who} is not authorized to perform: ${action} on resource: "${resource}" ${reason}` };
}

/** The reason words of an implicit denial by a policy type, e.g. `because no identity-based policy allows the s3:GetObject action`. */
export const noPolicyAllows = (kind: 'identity-based' | 'session', action: string) => `because no ${kind} policy allows the ${action} action`;
