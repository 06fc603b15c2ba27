import type { EmulatorState } from '../state';
import { clientNotFound, groupNotFound, poolNotFound, userNotFound } from './idp-errors';
import { usernameKey, type AppClient, type PoolGroup, type PoolUser, type UserPool } from './state';

/** The pool, or `ResourceNotFoundException` "User pool <id> does not exist." */
export function requirePool(state: EmulatorState, poolId: string): UserPool {
  const pool = state.idp.pools.get(poolId);
  if (!pool) throw poolNotFound(poolId);
  return pool;
}

/** The pool's app client, or `ResourceNotFoundException` "User pool client <id> does not exist." */
export function requireClient(pool: UserPool, clientId: string): AppClient {
  const client = pool.clients.get(clientId);
  if (!client) throw clientNotFound(clientId);
  return client;
}

export function findUser(pool: UserPool, username: string): PoolUser | undefined {
  return pool.users.get(usernameKey(pool, username));
}

/** The user, or `UserNotFoundException` "User does not exist." */
export function requireUser(pool: UserPool, username: string): PoolUser {
  const user = findUser(pool, username);
  if (!user) throw userNotFound();
  return user;
}

/** The group, or `ResourceNotFoundException` "Group not found." */
export function requireGroup(pool: UserPool, groupName: string): PoolGroup {
  const group = pool.groups.get(groupName);
  if (!group) throw groupNotFound();
  return group;
}
