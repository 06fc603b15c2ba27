import type { RequestContext } from '../service';
import { PATH_PREFIX, POLICY_ARN, str } from './role-input';
import { requireRole } from './role-ops';
import { limitExceeded } from './iam-errors';
import { policyNotAttachable, policyNotFound } from './entity-errors';
import { managedPolicyByArn } from './managed-policies';
import { readBoundary } from './boundary';
import { byName, paginate, readPageRequest } from './pagination';
import type { Violations } from './validation';

type Input = Record<string, unknown>;

/** Managed policies attached to one role, default quota [doc: IAM-UG "IAM and AWS STS quotas": 10, up to 20]. */
const POLICIES_PER_ROLE = 10;

function policyArnCheck(input: Input) {
  const arn = str(input, 'PolicyArn');
  return { arn: arn!, check: (v: Violations) => v.string(arn, 'policyArn', POLICY_ARN) };
}

/**
 * IAM-API AttachRolePolicy: the policy must exist ("Policy X does not exist
 * or is not attachable."); attaching one already attached changes nothing; an
 * eleventh policy is LimitExceeded "Cannot exceed quota for PoliciesPerRole: 10"
 * [obs: the same message with the account's raised quota 15,
 * ministryofjustice/cloud-platform-environments#14118].
 */
export function attachRolePolicy(input: Input, ctx: RequestContext) {
  const { arn, check } = policyArnCheck(input);
  const role = requireRole(ctx, input, check);
  if (!managedPolicyByArn(ctx.state, arn)) throw policyNotAttachable(arn);
  const attached = role.attachedPolicies ?? [];
  if (attached.includes(arn)) return undefined;
  if (attached.length >= POLICIES_PER_ROLE) throw limitExceeded(`Cannot exceed quota for PoliciesPerRole: ${POLICIES_PER_ROLE}`);
  role.attachedPolicies = [...attached, arn];
  return undefined;
}

/** IAM-API DetachRolePolicy: a policy the role does not have is NoSuchEntity "Policy X was not found." [obs: the message moto reproduces]. */
export function detachRolePolicy(input: Input, ctx: RequestContext) {
  const { arn, check } = policyArnCheck(input);
  const role = requireRole(ctx, input, check);
  if (!role.attachedPolicies?.includes(arn)) throw policyNotFound(arn);
  role.attachedPolicies = role.attachedPolicies.filter((a) => a !== arn);
  return undefined;
}

/** IAM-API ListAttachedRolePolicies: name and ARN of each, in name order, filtered by the policies' PathPrefix. */
export function listAttachedRolePolicies(input: Input, ctx: RequestContext) {
  const prefix = str(input, 'PathPrefix');
  let page = {};
  const role = requireRole(ctx, input, (v) => {
    v.string(prefix, 'pathPrefix', PATH_PREFIX);
    page = readPageRequest(input, v);
  });
  const policies = (role.attachedPolicies ?? [])
    .map((arn) => managedPolicyByArn(ctx.state, arn))
    .filter((p) => p !== undefined && p.path.startsWith(prefix ?? '/'))
    .map((p) => ({ PolicyName: p!.policyName, PolicyArn: p!.arn }))
    .sort((a, b) => byName(a.PolicyName, b.PolicyName));
  const { items, IsTruncated, Marker } = paginate(policies, page);
  return { AttachedPolicies: items, IsTruncated, Marker };
}

function boundaryMember(input: Input) {
  const value = str(input, 'PermissionsBoundary');
  return { value: value!, check: (v: Violations) => v.string(value, 'permissionsBoundary', POLICY_ARN) };
}

/** IAM-API PutRolePermissionsBoundary: sets or replaces the role's boundary. */
export function putRolePermissionsBoundary(input: Input, ctx: RequestContext) {
  const { value, check } = boundaryMember(input);
  const role = requireRole(ctx, input, check);
  role.permissionsBoundary = readBoundary(ctx, value);
  return undefined;
}

/** IAM-API DeleteRolePermissionsBoundary: removes it; a role without one answers the same empty result [inferred]. */
export function deleteRolePermissionsBoundary(input: Input, ctx: RequestContext) {
  const role = requireRole(ctx, input);
  role.permissionsBoundary = undefined;
  return undefined;
}
