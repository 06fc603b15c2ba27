import type { PolicyDocument } from '../policy/types';

/** One object, held in memory. */
export interface S3Object {
  key: string;
  body: Buffer;
  /** The MD5 of the body in hex, in double quotes, as S3 answers it for a single-part upload. */
  etag: string;
  lastModified: Date;
  contentType: string;
  /** `x-amz-meta-*` headers, names lower-cased without the prefix. */
  metadata: Record<string, string>;
  /** Flexible checksums the upload carried, by header name (`x-amz-checksum-crc32` → base64). */
  checksums: Record<string, string>;
}

export interface BucketTag {
  Key: string;
  Value: string;
}

/** A general purpose bucket. */
export interface Bucket {
  name: string;
  /** The Region it was created in (its LocationConstraint, us-east-1 when none). */
  region: string;
  creationDate: Date;
  objects: Map<string, S3Object>;
  /** The policy as sent (GetBucketPolicy answers it) and parsed. */
  policy?: { text: string; document: PolicyDocument };
  tags?: BucketTag[];
  /** Attribute-based access control: only then do the bucket's tags act as `aws:ResourceTag/…`. */
  abac: boolean;
}

export interface S3State {
  buckets: Map<string, Bucket>;
}

export function createS3State(): S3State {
  return { buckets: new Map() };
}
