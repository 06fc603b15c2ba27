import { ANY_RESOURCE, requestTagContext, type OperationAccess, type Permission, type ResourceRef } from '../authz/operation-access';
import type { PolicyRequest } from '../policy/types';
import { iamArn } from '../region';
import type { RequestContext } from '../service';
import { PATH, PATH_PREFIX, POLICY_NAME, str } from './role-input';
import { userByName } from './state';
import { USER_NAME } from './role-input';
import { Violations } from './validation';

type Input = Record<string, unknown>;

/** `iam:PolicyARN`: the managed policy an attach or detach names [doc: IAM-UG condition keys, iam:PolicyARN; SAR Attach/DetachRolePolicy]. */
export function policyArnKey(input: Input): PolicyRequest['context'] {
  const arn = str(input, 'PolicyArn');
  return arn === undefined ? {} : { 'iam:PolicyARN': arn };
}

/** `iam:PermissionsBoundary` as the request sets it: CreateRole, CreateUser, Put*PermissionsBoundary [doc: SAR]. */
export function requestedBoundary(input: Input): PolicyRequest['context'] {
  return typeof input.PermissionsBoundary === 'string' ? { 'iam:PermissionsBoundary': input.PermissionsBoundary } : {};
}

/**
 * Tags given to a create need the tag action on the new resource too: "User:
 * … is not authorized to perform: iam:TagRole on resource:
 * arn:aws:iam::694280550618:role/jramirez-master-role" answered a CreateRole
 * with tags, status 403 [obs: openshift/installer#1073]. The same for users,
 * policies and identity providers is inferred from it.
 */
export function tagOnCreate(action: string, resources: Permission['resources']): NonNullable<Permission['also']> {
  return (input) => (Array.isArray(input.Tags) && input.Tags.length > 0 ? [{ action, resources, context: () => requestTagContext(input.Tags) }] : []);
}

/**
 * The user `UserName` names, or without one the user whose keys signed
 * (CreateAccessKey, ListAccessKeys, GetUser). AccessDenied shows it as
 * "user <name>" [obs: "is not authorized to perform: iam:CreateAccessKey on
 * resource: user my-prod-media.site.ac.uk-s3-owner", torchbox/buckup#13; the
 * same form for the other user operations is inferred from the role's].
 * Undefined when the name is malformed: validation answers that.
 */
function namedUser(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const name = str(input, 'UserName') ?? (ctx.caller?.kind === 'user' ? ctx.caller.userName : undefined);
  if (new Violations().string(name, 'userName', USER_NAME).messages.length > 0) return undefined;
  const user = userByName(ctx.state.iam, name!);
  return [{ arn: user?.arn ?? iamArn(ctx.state.region, ctx.state.accountId, `user/${name}`), shown: `user ${name}` }];
}

/** `aws:ResourceTag/<key>` of the user, and the boundary it carries as `iam:PermissionsBoundary` (SAR: Put/DeleteUserPolicy, DeleteUserPermissionsBoundary). */
function userKeys(input: Input, ctx: RequestContext, withBoundary: boolean): PolicyRequest['context'] {
  const name = str(input, 'UserName') ?? (ctx.caller?.kind === 'user' ? ctx.caller.userName : undefined);
  const user = name === undefined ? undefined : userByName(ctx.state.iam, name);
  const tags = Object.fromEntries((user?.tags ?? []).map((t) => [`aws:ResourceTag/${t.Key}`, t.Value]));
  return withBoundary && user?.permissionsBoundary ? { ...tags, 'iam:PermissionsBoundary': user.permissionsBoundary } : tags;
}

const onUser = (action: string, extra?: { boundary?: boolean; context?: Permission['context'] }): Permission => ({
  action: `iam:${action}`,
  resources: namedUser,
  context: (input, ctx) => ({ ...userKeys(input, ctx, extra?.boundary ?? false), ...extra?.context?.(input, ctx) }),
});

/** CreateUser acts on the ARN the user will have, shown as such [obs: "iam:CreateUser on resource: arn:aws:iam::754256621582:user/terraform-user-…", ministryofjustice/cloud-platform-environments#4030]. */
function newUser(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const name = str(input, 'UserName');
  const path = str(input, 'Path') ?? '/';
  if (new Violations().string(name, 'userName', USER_NAME).string(path, 'path', PATH).messages.length > 0) return undefined;
  return [{ arn: iamArn(ctx.state.region, ctx.state.accountId, `user${path}${name}`) }];
}

/** ListUsers acts on `…:user<PathPrefix>`, as ListRoles does on roles [inferred from ListRoles]. */
function userPath(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const prefix = str(input, 'PathPrefix');
  if (new Violations().string(prefix, 'pathPrefix', PATH_PREFIX).messages.length > 0) return undefined;
  return [{ arn: iamArn(ctx.state.region, ctx.state.accountId, `user${prefix ?? '/'}`) }];
}

/** A managed policy is named by its ARN (SAR resource type policy). */
function policyArn(input: Input): ResourceRef[] | undefined {
  const arn = str(input, 'PolicyArn');
  return arn === undefined ? undefined : [{ arn }];
}

/** `aws:ResourceTag/<key>` of the customer managed policy named [doc: SAR, resource type policy: aws:ResourceTag/${TagKey}]. */
function policyTags(input: Input, ctx: RequestContext): PolicyRequest['context'] {
  const arn = str(input, 'PolicyArn');
  const policy = arn === undefined ? undefined : ctx.state.iam.policies.get(arn);
  return Object.fromEntries((policy?.tags ?? []).map((t) => [`aws:ResourceTag/${t.Key}`, t.Value]));
}

function newPolicy(input: Input, ctx: RequestContext): ResourceRef[] | undefined {
  const name = str(input, 'PolicyName');
  const path = str(input, 'Path') ?? '/';
  if (new Violations().string(name, 'policyName', POLICY_NAME).string(path, 'path', PATH).messages.length > 0) return undefined;
  return [{ arn: iamArn(ctx.state.region, ctx.state.accountId, `policy${path}${name}`) }];
}

const untagKeys = (input: Input): PolicyRequest['context'] => {
  const keys = Array.isArray(input.TagKeys) ? input.TagKeys.filter((k): k is string => typeof k === 'string') : [];
  return keys.length > 0 ? { 'aws:TagKeys': keys } : {};
};

/**
 * Users, their inline policies, boundaries and access keys; managed policies;
 * the policy simulator — each with the action named as the operation and the
 * condition keys SAR lists for it [doc: SAR "Actions, resources, and condition
 * keys for AWS Identity and Access Management (IAM)"].
 */
export const ENTITY_OPERATIONS: Record<string, OperationAccess> = {
  CreateUser: {
    action: 'iam:CreateUser',
    resources: newUser,
    context: (input) => ({ ...requestTagContext(input.Tags), ...requestedBoundary(input) }),
    also: tagOnCreate('iam:TagUser', newUser),
  },
  GetUser: onUser('GetUser'),
  DeleteUser: onUser('DeleteUser'),
  ListUsers: { action: 'iam:ListUsers', resources: userPath },
  TagUser: onUser('TagUser', { context: (input) => requestTagContext(input.Tags) }),
  UntagUser: onUser('UntagUser', { context: untagKeys }),
  ListUserTags: onUser('ListUserTags'),
  PutUserPermissionsBoundary: onUser('PutUserPermissionsBoundary', { context: requestedBoundary }),
  DeleteUserPermissionsBoundary: onUser('DeleteUserPermissionsBoundary', { boundary: true }),
  PutUserPolicy: onUser('PutUserPolicy', { boundary: true }),
  GetUserPolicy: onUser('GetUserPolicy'),
  DeleteUserPolicy: onUser('DeleteUserPolicy', { boundary: true }),
  ListUserPolicies: onUser('ListUserPolicies'),
  CreateAccessKey: onUser('CreateAccessKey'),
  DeleteAccessKey: onUser('DeleteAccessKey'),
  ListAccessKeys: onUser('ListAccessKeys'),
  CreatePolicy: { action: 'iam:CreatePolicy', resources: newPolicy, context: (input) => requestTagContext(input.Tags), also: tagOnCreate('iam:TagPolicy', newPolicy) },
  GetPolicy: { action: 'iam:GetPolicy', resources: policyArn, context: policyTags },
  GetPolicyVersion: { action: 'iam:GetPolicyVersion', resources: policyArn, context: policyTags },
  DeletePolicy: { action: 'iam:DeletePolicy', resources: policyArn, context: policyTags },
  ListPolicies: { action: 'iam:ListPolicies', resources: ANY_RESOURCE },
  // The simulated user or role is the resource (SAR: SimulatePrincipalPolicy, resource types group, role, user).
  SimulatePrincipalPolicy: { action: 'iam:SimulatePrincipalPolicy', resources: (input) => (str(input, 'PolicySourceArn') === undefined ? undefined : [{ arn: str(input, 'PolicySourceArn')! }]) },
};
