import { denialReason, type AuthzDecision, type IdentityParts } from '../authz/authorize';
import { evaluatePolicy, type PolicyDocument, type PolicyRequest, type PolicyStatement } from '../policy/evaluate';
import type { RequestPrincipal } from '../policy/types';
import type { Principal } from '../principal';
import type { MutantName } from '../mutants';

/** What S3 knows besides the caller's identity-based parts (authorize.ts). */
export interface BucketPolicyInput {
  /** Undefined for an anonymous (unsigned) request. */
  caller?: Principal;
  bucketPolicy?: PolicyDocument;
  /**
   * The account's root user acting on the bucket policy itself, which "can
   * perform the GetBucketPolicy, PutBucketPolicy, and DeleteBucketPolicy API
   * actions, even if their bucket policy explicitly denies the root
   * principal's access" [doc: S3-API DeleteBucketPolicy, PutBucketPolicy].
   * Only the root user: an administrator IAM user is not exempt.
   */
  rootOnBucketPolicy?: boolean;
  mutants: ReadonlySet<MutantName>;
}

const ACCOUNT_FORM = /^(\d{12}|arn:aws[\w-]*:iam::\d{12}:root)$/;
/** How an anonymous caller is matched: only `"*"` (or `{"AWS": "*"}`) names it. */
const ANONYMOUS: RequestPrincipal = { AWS: ['*'] };

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * How S3 reads a policy under its mutants: `s3-policy-variables-literal`
 * evaluates it as a pre-2012-10-17 policy, where `${…}` is literal text [doc:
 * IAM-UG "IAM JSON policy elements: Version"]; `s3-explicit-deny-ignored`
 * drops its Deny statements. Applied to the caller's policies (through
 * authorize.ts `view`) and to the bucket policy alike.
 */
export function s3PolicyView(mutants: ReadonlySet<MutantName>): (policy: PolicyDocument) => PolicyDocument {
  return (policy) => {
    let out = policy;
    if (mutants.has('s3-policy-variables-literal') && out.Version === '2012-10-17') out = { ...out, Version: '2008-10-17' };
    if (mutants.has('s3-explicit-deny-ignored')) out = { ...out, Statement: out.Statement.filter((s) => s.Effect !== 'Deny') };
    return out;
  };
}

/**
 * The bucket policy's Allow statements that grant on their own. A statement
 * naming the account (its id or root ARN) delegates to the account's identity
 * policies instead of granting [doc: IAM-UG "AWS JSON policy elements:
 * Principal", AWS account principals], so those values are dropped.
 */
function grantingStatements(policy: PolicyDocument): PolicyDocument {
  const statements: PolicyStatement[] = [];
  for (const s of policy.Statement) {
    if (s.Effect !== 'Allow') continue;
    if (s.Principal === undefined || s.Principal === '*') {
      statements.push(s);
      continue;
    }
    const principal = Object.fromEntries(
      Object.entries(s.Principal)
        .map(([type, values]) => [type, type === 'AWS' ? asList(values).filter((v) => !ACCOUNT_FORM.test(v)) : values] as const)
        .filter(([, values]) => asList(values).length > 0),
    );
    if (Object.keys(principal).length > 0) statements.push({ ...s, Principal: principal });
  }
  return { ...policy, Statement: statements };
}

/** The ARN a bucket policy names this caller's own session by, and the role's ARN for a role session. */
function callerArns(caller: Principal | undefined): { own: RequestPrincipal; role?: RequestPrincipal; all: RequestPrincipal } {
  if (!caller) return { own: ANONYMOUS, all: ANONYMOUS };
  if (caller.kind === 'assumed-role') return { own: { AWS: [caller.arn] }, role: { AWS: [caller.roleArn] }, all: { AWS: [caller.arn, caller.roleArn] } };
  return { own: { AWS: [caller.arn] }, all: { AWS: [caller.arn] } };
}

/**
 * Decide a same-account S3 request from the caller's identity-based parts
 * (authorize.ts: identity-based policies, permissions boundary, session
 * policy) and the bucket policy, the way AWS evaluates it [doc: IAM-UG
 * "Policy evaluation logic", "Determining whether a request is allowed or
 * denied within an account"; "Session policies"; STS-API AssumeRole, Policy]:
 *
 * 1. an explicit Deny in any policy (identity-based, session, boundary, bucket) wins;
 * 2. a bucket policy Allow naming the caller's own session (assumed-role session
 *    ARN, federated-user ARN, IAM user ARN) or everyone (`*`) grants on its own:
 *    "The resource-based policy permissions are not limited by the session policy";
 * 3. otherwise the identity-based policies, or a bucket policy Allow naming the
 *    role's ARN ("added to the role's identity-based policy before the session is
 *    created"), must allow, and the permissions boundary and session policy must
 *    allow as well [obs: Scott Piper, "Demonstration that AWS IAM policy evaluation
 *    docs are incorrect": a resource policy can grant a role session on its own, not the role].
 * An anonymous caller has no parts: only rule 2 with `*` can allow it.
 */
export function decideS3Access(parts: IdentityParts | undefined, request: PolicyRequest, input: BucketPolicyInput): AuthzDecision {
  const { caller } = input;
  const arns = callerArns(caller);
  const bucketPolicy = input.bucketPolicy && s3PolicyView(input.mutants)(input.bucketPolicy);
  const bucketDeny = !input.rootOnBucketPolicy && bucketPolicy !== undefined && evaluatePolicy(bucketPolicy, { ...request, principal: arns.all }) === 'ExplicitDeny';

  if (parts?.identity === 'ExplicitDeny') return { decision: 'ExplicitDeny', deniedBy: 'identity-based' };
  if (parts?.session === 'ExplicitDeny') return { decision: 'ExplicitDeny', deniedBy: 'session' };
  if (parts?.boundary === 'ExplicitDeny') return { decision: 'ExplicitDeny', deniedBy: 'permissions boundary' };
  if (bucketDeny) return { decision: 'ExplicitDeny', deniedBy: 'resource-based' };

  const granting = bucketPolicy && grantingStatements(bucketPolicy);
  const grants = (who: RequestPrincipal | undefined) => granting !== undefined && who !== undefined && evaluatePolicy(granting, { ...request, principal: who }) === 'Allow';
  if (grants(arns.own)) return { decision: 'Allow' };
  if (!parts) return { decision: 'ImplicitDeny', deniedBy: 'resource-based' };
  if (parts.identity !== 'Allow' && !grants(arns.role)) return { decision: 'ImplicitDeny', deniedBy: 'identity-based' };
  if (parts.boundary !== 'Allow') return { decision: 'ImplicitDeny', deniedBy: 'permissions boundary' };
  if (parts.session !== 'Allow') return { decision: 'ImplicitDeny', deniedBy: 'session' };
  return { decision: 'Allow' };
}

/**
 * S3's AccessDenied message for a same-account request: `User: <arn> is not
 * authorized to perform: <action> on resource: "<arn>" because no <kind>
 * policy allows the <action> action`, or `… with an explicit deny in a(n)
 * <kind> policy` [doc: S3 User Guide "Troubleshoot access denied (403
 * Forbidden) errors", Access denied message examples; obs: Privado-Inc/privado#573,
 * "… on resource: "arn:aws:s3:::cli-dataflow/…" with an explicit deny in an
 * identity-based policy"]. An anonymous caller gets "Access Denied".
 */
export function s3AccessDeniedMessage(caller: Principal | undefined, action: string, resource: string, outcome: AuthzDecision): string {
  if (!caller || outcome.decision === 'Allow') return 'Access Denied';
  return `User: ${caller.arn} is not authorized to perform: ${action} on resource: "${resource}" ${denialReason(action, outcome)}`;
}
