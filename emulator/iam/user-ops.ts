import type { RequestContext } from '../service';
import { AwsServiceError } from '../errors';
import { iamUniqueId } from '../ids';
import { iamArn } from '../region';
import { PATH, PATH_PREFIX, POLICY_ARN, TAG_KEY, USER_NAME, str } from './role-input';
import { Violations } from './validation';
import { checkTags, mergeTags, readTags, refuseDuplicateKeys, type Tag } from './tags';
import { readBoundary, boundaryShape } from './boundary';
import { mustDeleteAccessKeys, mustDetachPolicies, noSuchUser, userAlreadyExists } from './entity-errors';
import { roleHasPolicies } from './iam-errors';
import { byName, paginate, readPageRequest } from './pagination';
import { userByName, type IamUser } from './state';

type Input = Record<string, unknown>;


/** The `User` structure of the IAM API reference, in its member order. ListUsers leaves out Tags and PermissionsBoundary (IAM-API ListUsers). */
export function userShape(user: IamUser, detail: 'get' | 'list'): Record<string, unknown> {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: user.createDate,
    PermissionsBoundary: detail === 'get' ? boundaryShape(user.permissionsBoundary) : undefined,
    Tags: detail === 'get' && (user.tags?.length ?? 0) > 0 ? user.tags!.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined,
  };
}

/** The user `UserName` names, or NoSuchEntity; `checkOthers` adds the other members' violations first. */
export function requireUser(ctx: RequestContext, input: Input, checkOthers?: (v: Violations) => void): IamUser {
  const name = str(input, 'UserName');
  const violations = new Violations().string(name, 'userName', USER_NAME);
  checkOthers?.(violations);
  violations.throwIfAny();
  const user = userByName(ctx.state.iam, name!);
  if (!user) throw noSuchUser(name!);
  return user;
}

/** IAM-API CreateUser: Path, PermissionsBoundary and Tags optional; names are unique whatever their case. */
export function createUser(input: Input, ctx: RequestContext) {
  const name = str(input, 'UserName');
  const path = str(input, 'Path');
  const boundary = str(input, 'PermissionsBoundary');
  const rawTags = readTags(input.Tags);
  const violations = new Violations()
    .string(path, 'path', PATH)
    .string(name, 'userName', USER_NAME)
    .string(boundary, 'permissionsBoundary', { ...POLICY_ARN, required: false });
  checkTags(violations, rawTags).throwIfAny();
  refuseDuplicateKeys((rawTags ?? []) as Tag[]);
  const tags = mergeTags([], (rawTags ?? []) as Tag[]);
  const permissionsBoundary = boundary === undefined ? undefined : readBoundary(ctx, boundary);
  if (userByName(ctx.state.iam, name!)) throw userAlreadyExists(name!);

  const userPath = path ?? '/';
  const user: IamUser = {
    userName: name!,
    userId: iamUniqueId('AIDA'),
    arn: iamArn(ctx.state.region, ctx.state.accountId, `user${userPath}${name}`),
    path: userPath,
    createDate: ctx.now,
    policies: [],
    inlinePolicies: new Map(),
    permissionsBoundary,
    tags,
  };
  ctx.state.iam.users.set(user.userName, user);
  return { User: userShape(user, 'get') };
}

/**
 * IAM-API GetUser: without UserName, the user whose keys signed the request.
 * Other credentials must name one: ValidationError "Must specify userName when
 * calling with non-User credentials" [inferred: AWS CLI wording as recalled, unverified].
 */
export function getUser(input: Input, ctx: RequestContext) {
  if (input.UserName === undefined) {
    const caller = ctx.caller;
    if (caller?.kind !== 'user') throw new AwsServiceError('ValidationError', 'Must specify userName when calling with non-User credentials', 400);
    const self = userByName(ctx.state.iam, caller.userName);
    if (!self) throw noSuchUser(caller.userName);
    return { User: userShape(self, 'get') };
  }
  return { User: userShape(requireUser(ctx, input), 'get') };
}

/**
 * IAM-API DeleteUser: refused while the user has access keys, managed
 * policies or inline policies ("you must delete the items attached to the
 * user manually" [doc: IAM-API DeleteUser]).
 */
export function deleteUser(input: Input, ctx: RequestContext) {
  const user = requireUser(ctx, input);
  if ([...ctx.state.iam.accessKeys.values()].some((k) => k.userName === user.userName)) throw mustDeleteAccessKeys();
  if (user.policies.length > 0) throw mustDetachPolicies();
  if ((user.inlinePolicies?.size ?? 0) > 0) throw roleHasPolicies();
  ctx.state.iam.users.delete(user.userName);
  return undefined;
}

/** IAM-API ListUsers, filtered by PathPrefix, in name order. */
export function listUsers(input: Input, ctx: RequestContext) {
  const prefix = str(input, 'PathPrefix');
  const violations = new Violations().string(prefix, 'pathPrefix', PATH_PREFIX);
  const page = readPageRequest(input, violations);
  violations.throwIfAny();
  const users = [...ctx.state.iam.users.values()].filter((u) => u.path.startsWith(prefix ?? '/')).sort((a, b) => byName(a.userName, b.userName));
  const { items, IsTruncated, Marker } = paginate(users, page);
  return { Users: items.map((u) => userShape(u, 'list')), IsTruncated, Marker };
}

/** IAM-API TagUser: adds tags, replacing the value of a key already present. */
export function tagUser(input: Input, ctx: RequestContext) {
  const rawTags = readTags(input.Tags);
  const user = requireUser(ctx, input, (v) => {
    if (rawTags === undefined) v.add(undefined, 'tags', 'Member must not be null');
    checkTags(v, rawTags);
  });
  refuseDuplicateKeys(rawTags as Tag[]);
  user.tags = mergeTags(user.tags ?? [], rawTags as Tag[]);
  return undefined;
}

/** IAM-API UntagUser: removes the given keys, case-insensitively. */
export function untagUser(input: Input, ctx: RequestContext) {
  const raw = input.TagKeys;
  const keys = Array.isArray(raw) ? raw.map((k) => (typeof k === 'string' ? k : undefined)) : undefined;
  const user = requireUser(ctx, input, (v) => {
    if (keys === undefined) v.add(undefined, 'tagKeys', 'Member must not be null');
    keys?.forEach((key, i) => v.string(key, `tagKeys.${i + 1}.member`, TAG_KEY));
  });
  const remove = new Set(keys!.map((k) => k!.toLowerCase()));
  user.tags = (user.tags ?? []).filter((t) => !remove.has(t.Key.toLowerCase()));
  return undefined;
}

/** IAM-API ListUserTags. */
export function listUserTags(input: Input, ctx: RequestContext) {
  let page = {};
  const user = requireUser(ctx, input, (v) => {
    page = readPageRequest(input, v);
  });
  const { items, IsTruncated, Marker } = paginate(user.tags ?? [], page);
  return { Tags: items.map((t) => ({ Key: t.Key, Value: t.Value })), IsTruncated, Marker };
}

/** IAM-API PutUserPermissionsBoundary. */
export function putUserPermissionsBoundary(input: Input, ctx: RequestContext) {
  const value = str(input, 'PermissionsBoundary');
  const user = requireUser(ctx, input, (v) => v.string(value, 'permissionsBoundary', POLICY_ARN));
  user.permissionsBoundary = readBoundary(ctx, value!);
  return undefined;
}

/** IAM-API DeleteUserPermissionsBoundary. */
export function deleteUserPermissionsBoundary(input: Input, ctx: RequestContext) {
  requireUser(ctx, input).permissionsBoundary = undefined;
  return undefined;
}
