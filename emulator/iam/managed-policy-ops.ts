import type { RequestContext } from '../service';
import { iamUniqueId } from '../ids';
import { parseIdentityPolicy } from '../policy/evaluate';
import { iamArn } from '../region';
import { DESCRIPTION, PATH, PATH_PREFIX, POLICY_ARN, POLICY_DOCUMENT, POLICY_NAME, str } from './role-input';
import { Violations, type StringConstraint } from './validation';
import { checkTags, readTags, refuseDuplicateKeys, type Tag } from './tags';
import { limitExceeded } from './iam-errors';
import { awsManagedReadOnly, policyAlreadyExists, policyInUse, policyNotFound, policyVersionNotFound } from './entity-errors';
import { awsManagedPolicies, managedPolicyByArn, policyUsage } from './managed-policies';
import { encodePolicyDocument } from './role-shape';
import { policySize } from './policy-size';
import { byName, paginate, readPageRequest } from './pagination';
import type { ManagedPolicy } from './state';

type Input = Record<string, unknown>;

/** [doc: IAM-API GetPolicyVersion, VersionId: `v[1-9][0-9]*(\.[A-Za-z0-9-]*)?`] */
const VERSION_ID: StringConstraint = { required: true, pattern: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?' };
/** Managed policy documents, whitespace not counted [doc: IAM-UG "IAM and AWS STS quotas": 6,144 characters]. */
const MANAGED_POLICY_MAX = 6144;

/** The `Policy` structure of the IAM API reference. ListPolicies leaves out Description and Tags (IAM-API ListPolicies). */
export function policyShape(ctx: RequestContext, policy: ManagedPolicy, detail: 'get' | 'list'): Record<string, unknown> {
  const usage = policyUsage(ctx.state, policy.arn);
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    Description: detail === 'get' ? policy.description : undefined,
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
    Tags: detail === 'get' && policy.tags.length > 0 ? policy.tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined,
  };
}

/** The managed policy `PolicyArn` names, or NoSuchEntity. */
export function requirePolicy(ctx: RequestContext, input: Input, checkOthers?: (v: Violations) => void): ManagedPolicy {
  const arn = str(input, 'PolicyArn');
  const violations = new Violations().string(arn, 'policyArn', POLICY_ARN);
  checkOthers?.(violations);
  violations.throwIfAny();
  const policy = managedPolicyByArn(ctx.state, arn!);
  if (!policy) throw policyNotFound(arn!);
  return policy;
}

/**
 * IAM-API CreatePolicy: a customer managed policy, version v1 its default.
 * The document is validated as an identity-based policy (MalformedPolicyDocument)
 * and may not exceed 6,144 characters without whitespace (LimitExceeded
 * "Cannot exceed quota for PolicySize: 6144" [obs:
 * ministryofjustice/cloud-platform-environments#14473; status 409,
 * LBHackney-IT/Data-Platform#2116]). Names are unique in the account whatever
 * their path, and not distinguished by case.
 */
export function createPolicy(input: Input, ctx: RequestContext) {
  const name = str(input, 'PolicyName');
  const path = str(input, 'Path');
  const document = str(input, 'PolicyDocument');
  const description = str(input, 'Description');
  const rawTags = readTags(input.Tags);
  const violations = new Violations()
    .string(name, 'policyName', POLICY_NAME)
    .string(path, 'path', PATH)
    .string(document, 'policyDocument', POLICY_DOCUMENT)
    .string(description, 'description', DESCRIPTION);
  checkTags(violations, rawTags).throwIfAny();
  const tags = (rawTags ?? []) as Tag[];
  refuseDuplicateKeys(tags);
  parseIdentityPolicy(document!);
  if (policySize(document!) > MANAGED_POLICY_MAX) throw limitExceeded(`Cannot exceed quota for PolicySize: ${MANAGED_POLICY_MAX}`);
  const lower = name!.toLowerCase();
  if ([...ctx.state.iam.policies.values()].some((p) => p.policyName.toLowerCase() === lower)) throw policyAlreadyExists(name!);

  const policyPath = path ?? '/';
  const policy: ManagedPolicy = {
    policyName: name!,
    policyId: iamUniqueId('ANPA'),
    arn: iamArn(ctx.state.region, ctx.state.accountId, `policy${policyPath}${name}`),
    path: policyPath,
    description,
    createDate: ctx.now,
    updateDate: ctx.now,
    defaultVersionId: 'v1',
    versions: [{ versionId: 'v1', document: document!, createDate: ctx.now }],
    tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })),
    awsManaged: false,
  };
  ctx.state.iam.policies.set(policy.arn, policy);
  return { Policy: policyShape(ctx, policy, 'get') };
}

/** IAM-API GetPolicy: the policy's metadata, not its document (GetPolicyVersion has that). */
export function getPolicy(input: Input, ctx: RequestContext) {
  return { Policy: policyShape(ctx, requirePolicy(ctx, input), 'get') };
}

/** IAM-API GetPolicyVersion: the document comes back URL-encoded, as every IAM policy document does. */
export function getPolicyVersion(input: Input, ctx: RequestContext) {
  const versionId = str(input, 'VersionId');
  const policy = requirePolicy(ctx, input, (v) => v.string(versionId, 'versionId', VERSION_ID));
  const version = policy.versions.find((v) => v.versionId === versionId);
  if (!version) throw policyVersionNotFound(policy.arn, versionId!);
  return {
    PolicyVersion: {
      Document: encodePolicyDocument(version.document),
      VersionId: version.versionId,
      IsDefaultVersion: version.versionId === policy.defaultVersionId,
      CreateDate: version.createDate,
    },
  };
}

/** IAM-API DeletePolicy: refused while the policy is attached or used as a permissions boundary. */
export function deletePolicy(input: Input, ctx: RequestContext) {
  const policy = requirePolicy(ctx, input);
  if (policy.awsManaged) throw awsManagedReadOnly(policy.arn);
  const usage = policyUsage(ctx.state, policy.arn);
  if (usage.attachments > 0 || usage.boundaries > 0) throw policyInUse();
  ctx.state.iam.policies.delete(policy.arn);
  return undefined;
}

const SCOPE: StringConstraint = { pattern: 'All|AWS|Local' };
const USAGE_FILTER: StringConstraint = { pattern: 'PermissionsPolicy|PermissionsBoundary' };

/** IAM-API ListPolicies: Scope All (default), AWS or Local; OnlyAttached; PathPrefix; PolicyUsageFilter; in name order. */
export function listPolicies(input: Input, ctx: RequestContext) {
  const scope = str(input, 'Scope') ?? 'All';
  const prefix = str(input, 'PathPrefix');
  const usageFilter = str(input, 'PolicyUsageFilter');
  const onlyAttached = str(input, 'OnlyAttached')?.toLowerCase() === 'true';
  const violations = new Violations().string(scope, 'scope', SCOPE).string(prefix, 'pathPrefix', PATH_PREFIX).string(usageFilter, 'policyUsageFilter', USAGE_FILTER);
  const page = readPageRequest(input, violations);
  violations.throwIfAny();
  const candidates = [...(scope === 'Local' ? [] : awsManagedPolicies(ctx.state)), ...(scope === 'AWS' ? [] : ctx.state.iam.policies.values())];
  const listed = candidates
    .filter((p) => p.path.startsWith(prefix ?? '/'))
    .filter((p) => {
      const usage = policyUsage(ctx.state, p.arn);
      const used = usageFilter === 'PermissionsPolicy' ? usage.attachments > 0 : usageFilter === 'PermissionsBoundary' ? usage.boundaries > 0 : usage.attachments + usage.boundaries > 0;
      return !onlyAttached || used;
    })
    .sort((a, b) => byName(a.policyName, b.policyName));
  const { items, IsTruncated, Marker } = paginate(listed, page);
  return { Policies: items.map((p) => policyShape(ctx, p, 'list')), IsTruncated, Marker };
}
