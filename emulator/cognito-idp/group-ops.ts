import { AwsServiceError } from '../errors';
import type { RequestContext } from '../service';
import { InputCheck } from './input-check';
import { requireGroup, requirePool, requireUser } from './lookup';
import { paginate } from './paginate';
import { DESCRIPTION, GROUP_NAME, PAGINATION_KEY, PRECEDENCE, ROLE_ARN, USER_POOL_ID, USERNAME } from './shapes';
import type { PoolGroup, UserPool } from './state';

/** UP-API GroupType. Unset members are left out, as AWS does. */
function groupType(pool: UserPool, group: PoolGroup): Record<string, unknown> {
  const out: Record<string, unknown> = { GroupName: group.groupName, UserPoolId: pool.id };
  if (group.description !== undefined) out.Description = group.description;
  if (group.roleArn !== undefined) out.RoleArn = group.roleArn;
  if (group.precedence !== undefined) out.Precedence = group.precedence;
  out.LastModifiedDate = group.lastModifiedAt;
  out.CreationDate = group.createdAt;
  return out;
}

function readPoolAndGroup(check: InputCheck, input: Record<string, unknown>): { poolId: string; groupName: string } {
  const groupName = check.string(input.GroupName, 'GroupName', GROUP_NAME);
  const poolId = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  return { poolId: poolId!, groupName: groupName! };
}

/**
 * CreateGroup [doc: UP-API CreateGroup]: RoleArn 20–2048 characters matching
 * the ARN pattern, Precedence 0 … 2^31−1 and unset by default. A second group
 * with the same name → `GroupExistsException` "A group with the name X already
 * exists." [obs: quoted by the brief from AWS output].
 */
export function createGroup(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const { poolId, groupName } = readPoolAndGroup(check, input);
  const description = check.string(input.Description, 'Description', DESCRIPTION);
  const roleArn = check.string(input.RoleArn, 'RoleArn', ROLE_ARN);
  const precedence = check.integer(input.Precedence, 'Precedence', PRECEDENCE);
  check.done();
  const pool = requirePool(ctx.state, poolId);
  if (pool.groups.has(groupName)) {
    throw new AwsServiceError('GroupExistsException', `A group with the name ${groupName} already exists.`, 400);
  }
  const group: PoolGroup = { groupName, description, roleArn, precedence, createdAt: ctx.now, lastModifiedAt: ctx.now };
  pool.groups.set(groupName, group);
  return { Group: groupType(pool, group) };
}

export function getGroup(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const { poolId, groupName } = readPoolAndGroup(check, input);
  check.done();
  const pool = requirePool(ctx.state, poolId);
  return { Group: groupType(pool, requireGroup(pool, groupName)) };
}

/** DeleteGroup: members stay in the pool and leave the group. */
export function deleteGroup(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const { poolId, groupName } = readPoolAndGroup(check, input);
  check.done();
  const pool = requirePool(ctx.state, poolId);
  requireGroup(pool, groupName);
  pool.groups.delete(groupName);
  for (const user of pool.users.values()) user.groups.delete(groupName);
  return {};
}

/** ListGroups: Limit 0–60, default 60 [doc: UP-API ListGroups]. */
export function listGroups(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const poolId = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  const limit = check.integer(input.Limit, 'Limit', { min: 0, max: 60 });
  const token = check.string(input.NextToken, 'NextToken', PAGINATION_KEY);
  check.done();
  const pool = requirePool(ctx.state, poolId!);
  const { page, next } = paginate([...pool.groups.values()], limit || 60, token);
  return { Groups: page.map((g) => groupType(pool, g)), ...(next ? { NextToken: next } : {}) };
}

function readMembership(input: Record<string, unknown>): { poolId: string; username: string; groupName: string } {
  const check = new InputCheck();
  const poolId = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  const username = check.string(input.Username, 'Username', USERNAME);
  const groupName = check.string(input.GroupName, 'GroupName', GROUP_NAME);
  check.done();
  return { poolId: poolId!, username: username!, groupName: groupName! };
}

/** AdminAddUserToGroup: adding a member again is not an error. */
export function adminAddUserToGroup(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const { poolId, username, groupName } = readMembership(input);
  const pool = requirePool(ctx.state, poolId);
  const group = requireGroup(pool, groupName);
  requireUser(pool, username).groups.add(group.groupName);
  return {};
}

export function adminRemoveUserFromGroup(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const { poolId, username, groupName } = readMembership(input);
  const pool = requirePool(ctx.state, poolId);
  const group = requireGroup(pool, groupName);
  requireUser(pool, username).groups.delete(group.groupName);
  return {};
}

/** AdminListGroupsForUser: Limit 0–60, default 60 [doc: UP-API AdminListGroupsForUser]. */
export function adminListGroupsForUser(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const username = check.string(input.Username, 'Username', USERNAME);
  const poolId = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  const limit = check.integer(input.Limit, 'Limit', { min: 0, max: 60 });
  const token = check.string(input.NextToken, 'NextToken', PAGINATION_KEY);
  check.done();
  const pool = requirePool(ctx.state, poolId!);
  const user = requireUser(pool, username!);
  const groups = [...user.groups].map((name) => pool.groups.get(name)).filter((g): g is PoolGroup => g !== undefined);
  const { page, next } = paginate(groups, limit || 60, token);
  return { Groups: page.map((g) => groupType(pool, g)), ...(next ? { NextToken: next } : {}) };
}
