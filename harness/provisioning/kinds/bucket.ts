import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  GetBucketTaggingCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import type { Clients } from '../../clients/factory';
import { withPropagationRetry } from '../../clients/propagation-retry';
import type { PolicyDocument } from '../policies';
import type { CreateContext, ResourceKind, ResourceRef } from '../resource-kind';
import { CALLER, type Caller } from './caller';
import { trustRefs } from './role';
import { trustDocument, trustNeeds, type TrustRefs } from './trust-refs';

/** What a bucket policy may name: everything a trust document may, and the bucket's own ARN. */
export type BucketRefs = TrustRefs & { bucketArn: string };

/**
 * An S3 bucket of a fixture: its policy (a function of what the fixture made,
 * like a role's trust), tags besides idchain's own, and objects put before the
 * policy, so a policy that refuses writes cannot stop the seeding.
 */
export interface BucketSpec {
  policy?: (refs: BucketRefs) => PolicyDocument;
  tags?: Record<string, string>;
  /** Key → body text. */
  objects?: Record<string, string>;
}

export interface ProvisionedBucket {
  name: string;
  /** `arn:<partition>:s3:::<name>`. */
  arn: string;
}

/** S3 bucket names: 3–63 characters, lower-case letters, digits, dots and hyphens [doc: S3 User Guide "General purpose bucket naming rules"]. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const GONE = new Set(['NoSuchBucket', 'NoSuchBucketPolicy', 'NoSuchKey', 'NotFound']);

/** `false` when S3 answered that what the call names is not there. */
async function ignoreMissing(call: Promise<unknown>): Promise<boolean> {
  try {
    await call;
    return true;
  } catch (err) {
    if (!GONE.has((err as { name?: string }).name ?? '')) throw err;
    return false;
  }
}

function policyOf(spec: BucketSpec, refs: TrustRefs, bucketArn: string): PolicyDocument | undefined {
  return spec.policy && trustDocument({ document: (r) => spec.policy!({ ...r, bucketArn }) }, refs);
}

/** A bucket policy naming a role made moments ago: S3 refuses "Invalid principal in policy" until IAM has propagated it [obs, as CreateRole, aws-contract.md §4]. */
const isPrincipalNotYetVisible = (err: unknown) => (err as { name?: string }).name === 'MalformedPolicy' && /Invalid principal/.test((err as Error).message ?? '');

async function create(key: string, spec: BucketSpec, ctx: CreateContext, needs: readonly ResourceRef[]): Promise<ProvisionedBucket> {
  const name = ctx.name(key);
  if (!BUCKET_NAME.test(name)) {
    throw new Error(`Bucket '${key}' would be named '${name}' (${name.length} characters). Expected an S3 bucket name: 3–63 lower-case letters, digits, dots and hyphens; shorten the logical name.`);
  }
  const caller = ctx.made<Caller>(CALLER);
  const arn = `arn:${caller.partition}:s3:::${name}`;
  ctx.ledger.creating('s3-bucket', name);
  // us-east-1 takes no LocationConstraint; every other Region needs its own [doc: S3-API CreateBucket].
  const location = ctx.region === 'us-east-1' ? undefined : { LocationConstraint: ctx.region as BucketLocationConstraint };
  await ctx.step(`bucket ${key}`, () => ctx.clients.s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: location })));
  ctx.ledger.created('s3-bucket', name, name);
  const TagSet = Object.entries({ ...ctx.tags, ...spec.tags }).map(([Key, Value]) => ({ Key, Value }));
  await ctx.step(`tags of bucket ${key}`, () => ctx.clients.s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet } })));
  for (const [Key, Body] of Object.entries(spec.objects ?? {})) {
    await ctx.step(`object ${Key} of bucket ${key}`, () => ctx.clients.s3.send(new PutObjectCommand({ Bucket: name, Key, Body })));
  }
  const policy = await ctx.step(`policy of bucket ${key}`, async () => policyOf(spec, trustRefs(ctx), arn));
  if (policy) {
    // Cases wait for the roles it names to propagate anyway: with a known bound, put the policy once it has passed.
    await ctx.propagated(needs.filter((n) => n.kind === 'iam-role'));
    await ctx.step(`policy of bucket ${key}`, () =>
      withPropagationRetry(() => ctx.clients.s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(policy) })), {
        policy: ctx.retry,
        retryIf: isPrincipalNotYetVisible,
        onRetry: ({ attempt }) => ctx.log?.(`bucket ${key}: waiting for IAM to see the principals its policy names (attempt ${attempt})`),
      }),
    );
  }
  return { name, arn };
}

/**
 * Empty a bucket and delete it. The policy goes first: a policy denying
 * deletions (a fixture's explicit-deny case) must never lock teardown out.
 */
async function deleteBucket(clients: Clients, name: string): Promise<boolean> {
  await ignoreMissing(clients.s3.send(new DeleteBucketPolicyCommand({ Bucket: name })));
  let token: string | undefined;
  try {
    do {
      const page = await clients.s3.send(new ListObjectsV2Command({ Bucket: name, ContinuationToken: token }));
      for (const object of page.Contents ?? []) await ignoreMissing(clients.s3.send(new DeleteObjectCommand({ Bucket: name, Key: object.Key })));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchBucket') return false;
    throw err;
  }
  return ignoreMissing(clients.s3.send(new DeleteBucketCommand({ Bucket: name })));
}

/** S3 buckets, named `idchain-<runId>-…`, tagged, emptied and deleted at teardown; swept by name. */
export const bucketKind: ResourceKind<{ buckets?: Record<string, BucketSpec> }, BucketSpec, ProvisionedBucket> = {
  kind: 's3-bucket',
  noun: 'bucket',
  declared: (spec) =>
    Object.entries(spec.buckets ?? {}).map(([key, bucket]) => {
      if (!/^[a-z0-9-]+$/.test(key)) throw new Error(`bucket '${key}': S3 names are lower-case; use letters, digits and hyphens for its logical name.`);
      const needs = bucket.policy ? trustNeeds({ document: (r) => bucket.policy!({ ...r, bucketArn: 'arn:aws:s3:::probe' }) }) : [];
      return { kind: 's3-bucket', key, spec: bucket, needs: [CALLER, ...needs] };
    }),
  create: ({ key, spec, needs }, ctx) => create(key, spec, ctx, needs),
  names: (key, bucket) => [{ logical: `bucket:${key}`, value: bucket.name }],
  ledgered: {
    delete: (clients, entry) => deleteBucket(clients, entry.id ?? entry.name),
    async list(clients) {
      const { Buckets = [] } = await clients.s3.send(new ListBucketsCommand({}));
      return Buckets.map((b) => ({ name: b.Name ?? '', id: b.Name ?? '', createdAt: b.CreationDate }));
    },
    async describe(clients, found) {
      try {
        const { TagSet = [] } = await clients.s3.send(new GetBucketTaggingCommand({ Bucket: found.name }));
        return { createdAt: found.createdAt, tags: Object.fromEntries(TagSet.map((t) => [t.Key ?? '', t.Value ?? ''])) };
      } catch (err) {
        if ((err as { name?: string }).name === 'NoSuchTagSet') return { createdAt: found.createdAt, tags: {} };
        throw err;
      }
    },
  },
};
