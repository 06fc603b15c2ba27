import type { RequestContext } from '../service';
import { queryInt } from '../protocol/aws-query';
import { iamUniqueId } from '../ids';
import { parseTrustPolicy } from '../policy/evaluate';
import type { PolicyDocument } from '../policy/types';
import { Violations } from './validation';
import {
  DEFAULT_MAX_SESSION_DURATION,
  DESCRIPTION,
  MAX_SESSION_DURATION,
  PATH,
  PATH_PREFIX,
  POLICY_ARN,
  POLICY_DOCUMENT,
  ROLE_NAME,
  str,
} from './role-input';
import { checkTags, mergeTags, readTags, refuseDuplicateKeys, type Tag } from './tags';
import { checkTrustPolicySize } from './policy-size';
import { noSuchRole, roleAlreadyExists, roleHasPolicies } from './iam-errors';
import { roleShape } from './role-shape';
import { roleByName, type Role } from './state';
import { trustPrincipalExists } from './trust-principals';
import { byName, paginate, readPageRequest } from './pagination';
import { iamArn } from '../region';
import { readBoundary } from './boundary';
import { mustDetachPolicies } from './entity-errors';

type Input = Record<string, unknown>;

/**
 * The role named by `RoleName`, or `NoSuchEntity`. `checkOthers` adds the
 * violations of the operation's other members, which are reported with the
 * name's before any lookup.
 */
export function requireRole(ctx: RequestContext, input: Input, checkOthers?: (v: Violations) => void): Role {
  const name = str(input, 'RoleName');
  const violations = new Violations().string(name, 'roleName', ROLE_NAME);
  checkOthers?.(violations);
  violations.throwIfAny();
  const role = roleByName(ctx.state.iam, name!);
  if (!role) throw noSuchRole(name!);
  return role;
}

/** Validate a trust policy the way CreateRole and UpdateAssumeRolePolicy do. */
function readTrustPolicy(ctx: RequestContext, json: string): PolicyDocument {
  const policy = parseTrustPolicy(json, { principalExists: (arn) => trustPrincipalExists(ctx.state, arn) });
  checkTrustPolicySize(json);
  return policy;
}

/** IAM-API CreateRole. */
export function createRole(input: Input, ctx: RequestContext) {
  const path = str(input, 'Path');
  const name = str(input, 'RoleName');
  const document = str(input, 'AssumeRolePolicyDocument');
  const description = str(input, 'Description');
  const maxSessionDuration = queryInt(input, 'MaxSessionDuration', 'MaxSessionDuration');
  const boundary = str(input, 'PermissionsBoundary');
  const rawTags = readTags(input.Tags);
  const violations = new Violations()
    .string(path, 'path', PATH)
    .string(name, 'roleName', ROLE_NAME)
    .string(document, 'assumeRolePolicyDocument', POLICY_DOCUMENT)
    .string(description, 'description', DESCRIPTION)
    .integer(maxSessionDuration, 'maxSessionDuration', MAX_SESSION_DURATION)
    .string(boundary, 'permissionsBoundary', { ...POLICY_ARN, required: false });
  checkTags(violations, rawTags).throwIfAny();
  refuseDuplicateKeys((rawTags ?? []) as Tag[]);
  const tags = mergeTags([], (rawTags ?? []) as Tag[]);

  const trustPolicy = readTrustPolicy(ctx, document!);
  const permissionsBoundary = boundary === undefined ? undefined : readBoundary(ctx, boundary);
  if (roleByName(ctx.state.iam, name!)) throw roleAlreadyExists(name!);

  const rolePath = path ?? '/';
  const role: Role = {
    roleName: name!,
    roleId: iamUniqueId('AROA'),
    arn: iamArn(ctx.state.region, ctx.state.accountId, `role${rolePath}${name}`),
    path: rolePath,
    assumeRolePolicyDocument: document!,
    trustPolicy,
    maxSessionDuration: maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
    description,
    createDate: ctx.now,
    tags,
    inlinePolicies: new Map(),
    attachedPolicies: [],
    permissionsBoundary,
  };
  ctx.state.iam.roles.set(role.roleName, role);
  return { Role: roleShape(role, 'create') };
}

/** IAM-API GetRole: the trust policy comes back URL-encoded. */
export function getRole(input: Input, ctx: RequestContext) {
  return { Role: roleShape(requireRole(ctx, input), 'get') };
}

/** IAM-API DeleteRole: refused while managed policies are attached or inline policies remain. */
export function deleteRole(input: Input, ctx: RequestContext) {
  const role = requireRole(ctx, input);
  if ((role.attachedPolicies?.length ?? 0) > 0) throw mustDetachPolicies();
  if (role.inlinePolicies.size > 0) throw roleHasPolicies();
  ctx.state.iam.roles.delete(role.roleName);
  return undefined;
}

/** IAM-API ListRoles, filtered by PathPrefix, in name order. */
export function listRoles(input: Input, ctx: RequestContext) {
  const prefix = str(input, 'PathPrefix');
  const violations = new Violations().string(prefix, 'pathPrefix', PATH_PREFIX);
  const page = readPageRequest(input, violations);
  violations.throwIfAny();
  const roles = [...ctx.state.iam.roles.values()]
    .filter((r) => r.path.startsWith(prefix ?? '/'))
    .sort((a, b) => byName(a.roleName, b.roleName));
  const { items, IsTruncated, Marker } = paginate(roles, page);
  return { Roles: items.map((r) => roleShape(r, 'list')), IsTruncated, Marker };
}

/** IAM-API UpdateRole: Description and MaxSessionDuration; empty result. */
export function updateRole(input: Input, ctx: RequestContext) {
  const description = str(input, 'Description');
  const maxSessionDuration = queryInt(input, 'MaxSessionDuration', 'MaxSessionDuration');
  const role = requireRole(ctx, input, (v) =>
    v.string(description, 'description', DESCRIPTION).integer(maxSessionDuration, 'maxSessionDuration', MAX_SESSION_DURATION),
  );
  if (description !== undefined) role.description = description;
  if (maxSessionDuration !== undefined) role.maxSessionDuration = maxSessionDuration;
  return {};
}

/** IAM-API UpdateRoleDescription: answers the updated role. */
export function updateRoleDescription(input: Input, ctx: RequestContext) {
  const description = str(input, 'Description');
  const role = requireRole(ctx, input, (v) => v.string(description, 'description', { ...DESCRIPTION, required: true }));
  role.description = description;
  return { Role: roleShape(role, 'get') };
}

/** IAM-API UpdateAssumeRolePolicy: replaces the trust policy; no result element. */
export function updateAssumeRolePolicy(input: Input, ctx: RequestContext) {
  const document = str(input, 'PolicyDocument');
  const role = requireRole(ctx, input, (v) => v.string(document, 'policyDocument', POLICY_DOCUMENT));
  role.trustPolicy = readTrustPolicy(ctx, document!);
  role.assumeRolePolicyDocument = document!;
  return undefined;
}
