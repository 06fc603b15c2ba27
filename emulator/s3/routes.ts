import type { IncomingRequest } from '../auth/sigv4';
import { createBucket, deleteBucket, headBucket, listBuckets } from './bucket-ops';
import { deleteBucketPolicy, deleteBucketTagging, getBucketAbac, getBucketPolicy, getBucketTagging, putBucketAbac, putBucketPolicy, putBucketTagging } from './bucket-config-ops';
import { listObjectsV2 } from './list-objects';
import { deleteObject, getObject, headObject, putObject } from './object-ops';
import { s3Errors } from './s3-errors';
import type { S3Operation } from './s3-request';

export interface Route {
  /** The operation's name in the S3 API, for logs and observers. */
  name: string;
  run: S3Operation;
}

export interface Address {
  bucket?: string;
  key?: string;
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The bucket and key a request addresses [doc: S3 User Guide "Virtual hosting
 * of buckets"]: path-style, `/<bucket>/<key>`, as SDKs send with
 * `forcePathStyle`; or virtual-hosted, `<bucket>.localhost`, where the host
 * names the bucket and the whole path is the key. Both are percent-decoded.
 */
export function addressOf(request: IncomingRequest): Address {
  const host = (request.headers['host'] ?? '').replace(/:\d+$/, '').toLowerCase();
  const virtual = /^(.+)\.localhost$/.exec(host);
  const path = request.path.replace(/^\//, '');
  if (virtual && virtual[1] !== 's3') return { bucket: virtual[1].replace(/\.s3$/, ''), key: decode(path) || undefined };
  const slash = path.indexOf('/');
  const bucket = decode(slash < 0 ? path : path.slice(0, slash)) || undefined;
  const key = slash < 0 ? undefined : decode(path.slice(slash + 1)) || undefined;
  return { bucket, key };
}

const S3_METHODS = new Set(['GET', 'PUT', 'HEAD', 'DELETE', 'POST']);

/** Query parameters that are arguments of the modelled operations, not subresources. */
const ARGUMENTS = new Set(['x-id', 'list-type', 'prefix', 'delimiter', 'max-keys', 'continuation-token', 'start-after', 'encoding-type', 'fetch-owner', 'bucket-region']);

const BUCKET_SUBRESOURCES: Record<string, Record<string, Route>> = {
  policy: {
    PUT: { name: 'PutBucketPolicy', run: putBucketPolicy },
    GET: { name: 'GetBucketPolicy', run: getBucketPolicy },
    DELETE: { name: 'DeleteBucketPolicy', run: deleteBucketPolicy },
  },
  tagging: {
    PUT: { name: 'PutBucketTagging', run: putBucketTagging },
    GET: { name: 'GetBucketTagging', run: getBucketTagging },
    DELETE: { name: 'DeleteBucketTagging', run: deleteBucketTagging },
  },
  abac: { PUT: { name: 'PutBucketAbac', run: putBucketAbac }, GET: { name: 'GetBucketAbac', run: getBucketAbac } },
};

const BUCKET_ROUTES: Record<string, Route> = {
  PUT: { name: 'CreateBucket', run: createBucket },
  HEAD: { name: 'HeadBucket', run: headBucket },
  DELETE: { name: 'DeleteBucket', run: deleteBucket },
};

const OBJECT_ROUTES: Record<string, Route> = {
  PUT: { name: 'PutObject', run: putObject },
  GET: { name: 'GetObject', run: getObject },
  HEAD: { name: 'HeadObject', run: headObject },
  DELETE: { name: 'DeleteObject', run: deleteObject },
};

/**
 * The operation a request asks for, by method, address and subresource
 * (`?policy`, `?tagging`, `?abac`) [doc: S3-API, each operation's request
 * syntax]. Operations the emulator does not model answer NotImplemented (501)
 * naming what was asked, so a test fails for the right reason.
 */
export function routeOf(request: IncomingRequest, address: Address): Route {
  const method = request.method.toUpperCase();
  // A method S3 has no operation for at all [doc: S3-API error list, MethodNotAllowed 405].
  if (!S3_METHODS.has(method)) throw s3Errors.methodNotAllowed();
  const subresource = Object.keys(request.query).find((k) => !ARGUMENTS.has(k));
  if (address.bucket === undefined) {
    if (method === 'GET' && subresource === undefined) return { name: 'ListBuckets', run: listBuckets };
    throw s3Errors.methodNotAllowed();
  }
  if (address.key !== undefined) {
    const route = subresource === undefined ? OBJECT_ROUTES[method] : undefined;
    if (!route) throw s3Errors.notImplemented(`${method} on an object${subresource ? ` with ?${subresource}` : ''}`);
    return route;
  }
  if (subresource !== undefined) {
    const route = BUCKET_SUBRESOURCES[subresource]?.[method];
    if (!route) throw s3Errors.notImplemented(`${method} on a bucket with ?${subresource}`);
    return route;
  }
  if (method === 'GET') {
    if (request.query['list-type'] === '2') return { name: 'ListObjectsV2', run: listObjectsV2 };
    throw s3Errors.notImplemented('ListObjects (version 1; use ListObjectsV2)');
  }
  const route = BUCKET_ROUTES[method];
  if (!route) throw s3Errors.notImplemented(`${method} on a bucket`);
  return route;
}

/** Every operation routeOf can answer, by its S3-API name. */
export const S3_OPERATIONS: readonly string[] = [
  'ListBuckets',
  ...Object.values(BUCKET_ROUTES).map((r) => r.name),
  ...Object.values(BUCKET_SUBRESOURCES).flatMap((byMethod) => Object.values(byMethod).map((r) => r.name)),
  'ListObjectsV2',
  ...new Set(Object.values(OBJECT_ROUTES).map((r) => r.name)),
];
