import { principalContext } from '../policy/principal-context';
import { roleByArn } from '../iam/state';
import { decideS3Access, s3AccessDeniedMessage, type S3AccessRequest, type S3Outcome } from './authorize-s3';
import { principalPolicies } from './principal-policies';
import { s3Errors, type S3Error } from './s3-errors';
import type { S3Context } from './s3-request';
import type { Bucket } from './state';

const BUCKET_POLICY_ACTIONS = new Set(['s3:GetBucketPolicy', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy']);

/**
 * The condition keys of an S3 request [doc: IAM-UG "AWS global condition context
 * keys"; Service Authorization Reference, "Condition keys for Amazon S3"]:
 * the caller's keys (principal-context.ts, with the session's tags, source
 * identity and federation keys), `aws:PrincipalTag/…` for the role's own tags
 * (session tags win), `aws:SecureTransport` ("false": the emulator speaks
 * plain HTTP), `aws:ResourceTag/…` for the bucket's tags when ABAC is enabled
 * on it ("By default, ABAC is disabled … you must enable it", S3 User Guide
 * "Enabling ABAC in general purpose buckets"; applied to its objects too
 * [inferred]), and the operation's own keys (`s3:prefix`, `s3:delimiter`, …).
 */
export function s3ConditionContext(ctx: S3Context, bucket: Bucket | undefined, own: Record<string, string | undefined>) {
  const { caller, state, now } = ctx;
  const context: Record<string, string | string[] | undefined> = {
    'aws:CurrentTime': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
    'aws:SecureTransport': 'false',
  };
  if (caller?.kind === 'assumed-role') {
    for (const tag of roleByArn(state.iam, caller.roleArn)?.tags ?? []) context[`aws:PrincipalTag/${tag.Key}`] = tag.Value;
  }
  if (caller) Object.assign(context, principalContext(caller, now));
  if (bucket?.abac) for (const tag of bucket.tags ?? []) context[`aws:ResourceTag/${tag.Key}`] = tag.Value;
  return { ...context, ...own };
}

/** Decide a request; tests and the NoSuchKey/AccessDenied choice read the outcome without throwing. */
export function s3Access(ctx: S3Context, request: S3AccessRequest, bucket: Bucket | undefined): S3Outcome {
  const { caller, state } = ctx;
  return decideS3Access(
    {
      caller,
      policies: caller && principalPolicies(state, caller),
      bucketPolicy: bucket?.policy?.document,
      ownerOfBucketPolicy: (caller?.kind === 'user' || caller?.kind === 'root') && BUCKET_POLICY_ACTIONS.has(request.action),
      mutants: state.mutants,
    },
    request,
  );
}

export interface AccessArgs {
  action: string;
  resource: string;
  bucket?: Bucket;
  /** The operation's own condition keys, e.g. `s3:prefix`. */
  own?: Record<string, string | undefined>;
}

/** The AccessDenied (403) the request gets, or undefined when the caller may perform `action` on `resource`. */
export function accessRefusal(ctx: S3Context, args: AccessArgs): S3Error | undefined {
  const request: S3AccessRequest = { action: args.action, resource: args.resource, context: s3ConditionContext(ctx, args.bucket, args.own ?? {}) };
  const outcome = s3Access(ctx, request, args.bucket);
  return outcome.decision === 'Allow' ? undefined : s3Errors.accessDenied(s3AccessDeniedMessage(ctx.caller, request, outcome));
}

/** Refuse the request with AccessDenied (403) unless the caller may; see authorize-s3.ts for how AWS decides. */
export function requireAccess(ctx: S3Context, args: AccessArgs): void {
  const refusal = accessRefusal(ctx, args);
  if (refusal) throw refusal;
}
