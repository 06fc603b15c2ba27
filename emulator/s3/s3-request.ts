import type { IncomingRequest } from '../auth/sigv4';
import type { Principal } from '../principal';
import type { RequestContext } from '../service';
import { s3Errors } from './s3-errors';
import type { Bucket } from './state';

/** What an S3 operation knows about the request it serves: what every operation knows (service.ts), and S3's own. */
export interface S3Context extends RequestContext {
  readonly request: IncomingRequest;
  /** Undefined for an anonymous request. */
  readonly caller?: Principal;
  /** The Region of the SigV4 credential scope, else the emulator's. */
  readonly region: string;
  readonly bucketName?: string;
  readonly key?: string;
  /** The payload, decoded (aws-chunked) and verified against its hash and checksums. */
  readonly payload: Buffer;
  /** The flexible checksums the payload carried and that matched, by header name. */
  readonly checksums: Record<string, string>;
}

/** An operation's answer before encoding: XML text or object bytes. */
export interface S3Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  bytes?: Buffer;
}

export type S3Operation = (ctx: S3Context) => S3Answer;

/**
 * The bucket the request names; NoSuchBucket when it does not exist. (A
 * request signed for another Region than the bucket's never gets here: the
 * verifier refuses it with AuthorizationHeaderMalformed, authenticate.ts.)
 */
export function requireBucket(ctx: S3Context): Bucket {
  const bucket = ctx.state.s3.buckets.get(ctx.bucketName!);
  if (!bucket) throw s3Errors.noSuchBucket(ctx.bucketName!);
  return bucket;
}
