import { ANY_RESOURCE, type Permission, type ServiceAccess } from '../authz/operation-access';
import { arn } from '../region';
import type { RequestContext } from '../service';
import { decideS3Access, s3AccessDeniedMessage, s3PolicyView } from './authorize-s3';
import { s3Errors } from './s3-errors';
import type { Bucket } from './state';

type Input = Record<string, unknown>;

const str = (input: Input, name: string): string | undefined => (typeof input[name] === 'string' ? (input[name] as string) : undefined);

/** `arn:<partition>:s3:::<bucket>`: S3 ARNs name neither Region nor account [doc: Service Authorization Reference, Amazon S3, resource types]. */
export function bucketArn(region: string, bucket: string): string {
  return arn(region, 's3', '', bucket, false);
}

/** `arn:<partition>:s3:::<bucket>/<key>`. */
export function objectArn(region: string, bucket: string, key: string): string {
  return `${bucketArn(region, bucket)}/${key}`;
}

function bucketOf(input: Input, ctx: RequestContext): Bucket | undefined {
  const name = str(input, 'Bucket');
  return name === undefined ? undefined : ctx.state.s3.buckets.get(name);
}

const onBucket = (input: Input, ctx: RequestContext) => {
  const name = str(input, 'Bucket');
  return name === undefined ? undefined : [{ arn: bucketArn(ctx.state.region, name) }];
};

const onObject = (input: Input, ctx: RequestContext) => {
  const name = str(input, 'Bucket');
  const key = str(input, 'Key');
  return name === undefined || key === undefined ? undefined : [{ arn: objectArn(ctx.state.region, name, key) }];
};

/**
 * The condition keys of every S3 request [doc: IAM-UG "AWS global condition
 * context keys"; Service Authorization Reference, "Condition keys for Amazon
 * S3"]: the time (anonymous requests have no principal keys to carry it),
 * `aws:SecureTransport` ("false": the emulator speaks plain HTTP), and
 * `aws:ResourceTag/…` for the bucket's tags when ABAC is enabled on it ("By
 * default, ABAC is disabled … you must enable it", S3 User Guide "Enabling
 * ABAC in general purpose buckets"; applied to its objects too [inferred]).
 * The caller's own keys, role tags included, come from authorize.ts.
 */
function s3Context(input: Input, ctx: RequestContext): Record<string, string | undefined> {
  const context: Record<string, string | undefined> = {
    'aws:CurrentTime': ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(ctx.now.getTime() / 1000)),
    'aws:SecureTransport': 'false',
  };
  const bucket = bucketOf(input, ctx);
  if (bucket?.abac) for (const tag of bucket.tags ?? []) context[`aws:ResourceTag/${tag.Key}`] = tag.Value;
  return context;
}

function bucketAction(action: string, own?: (input: Input) => Record<string, string | undefined>): Permission {
  return { action, resources: onBucket, context: (input, ctx) => ({ ...s3Context(input, ctx), ...own?.(input) }) };
}

function objectAction(action: string): Permission {
  return { action, resources: onObject, context: s3Context };
}

/**
 * s3:ListBucket, with ListObjectsV2's own keys `s3:prefix`, `s3:delimiter` and
 * `s3:max-keys` (absent when the request does not send them [inferred]). Also
 * what decides NoSuchKey against AccessDenied for a missing object (object-ops.ts).
 */
export const LIST_BUCKET = bucketAction('s3:ListBucket', (input) => ({ 's3:prefix': str(input, 'prefix'), 's3:delimiter': str(input, 'delimiter'), 's3:max-keys': str(input, 'max-keys') }));

const BUCKET_POLICY_ACTIONS = new Set(['s3:GetBucketPolicy', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy']);

/**
 * What each S3 operation needs [doc: Service Authorization Reference,
 * "Actions defined by Amazon S3"; S3-API, each operation's Permissions]. The
 * handlers check it once the bucket is found (s3-access.ts), because what
 * decides also lives on the bucket: its policy, joined to the caller's
 * identity-based decision by decideS3Access, and its tags.
 */
export const S3_ACCESS: ServiceAccess = {
  operations: {
    ListBuckets: { action: 's3:ListAllMyBuckets', resources: ANY_RESOURCE, context: s3Context },
    CreateBucket: bucketAction('s3:CreateBucket'),
    HeadBucket: LIST_BUCKET,
    ListObjectsV2: LIST_BUCKET,
    DeleteBucket: bucketAction('s3:DeleteBucket'),
    PutBucketPolicy: bucketAction('s3:PutBucketPolicy'),
    GetBucketPolicy: bucketAction('s3:GetBucketPolicy'),
    DeleteBucketPolicy: bucketAction('s3:DeleteBucketPolicy'),
    PutBucketTagging: bucketAction('s3:PutBucketTagging'),
    GetBucketTagging: bucketAction('s3:GetBucketTagging'),
    // "To use this operation, you must have permission to perform the s3:PutBucketTagging action" [doc: S3-API DeleteBucketTagging].
    DeleteBucketTagging: bucketAction('s3:PutBucketTagging'),
    PutBucketAbac: bucketAction('s3:PutBucketABAC'),
    GetBucketAbac: bucketAction('s3:GetBucketABAC'),
    PutObject: objectAction('s3:PutObject'),
    // HeadObject needs what GetObject needs [doc: S3-API HeadObject].
    GetObject: objectAction('s3:GetObject'),
    HeadObject: objectAction('s3:GetObject'),
    DeleteObject: objectAction('s3:DeleteObject'),
  },
  denied: (message) => s3Errors.accessDenied(message),
  resourceBased: {
    combine: (input, ctx) => (parts, evaluated) =>
      decideS3Access(parts, evaluated, {
        caller: ctx.caller,
        bucketPolicy: bucketOf(input, ctx)?.policy?.document,
        rootOnBucketPolicy: ctx.caller?.kind === 'root' && BUCKET_POLICY_ACTIONS.has(evaluated.action),
        mutants: ctx.state.mutants,
      }),
    view: (ctx) => s3PolicyView(ctx.state.mutants),
    message: s3AccessDeniedMessage,
  },
};
