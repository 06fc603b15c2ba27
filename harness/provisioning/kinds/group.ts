import { CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { ResourceKind } from '../resource-kind';
import type { ProvisionedRole } from './role';
import type { GroupSpec, ProvisionedUserPool, UserPoolsFragment } from './user-pool';

/** Groups of a fixture user pool (UP-API CreateGroup), keyed `<pool>/<group>`; deleted with their pool. */
export const groupKind: ResourceKind<UserPoolsFragment, GroupSpec & { pool: string; group: string }, { name: string }> = {
  kind: 'group',
  noun: 'group',
  declared: (spec) =>
    Object.entries(spec.userPools ?? {}).flatMap(([pool, p]) =>
      Object.entries(p.groups ?? {}).map(([group, g]) => ({
        kind: 'group',
        key: `${pool}/${group}`,
        spec: { ...g, pool, group },
        needs: [{ kind: 'user-pool', key: pool }, ...(g.role ? [{ kind: 'iam-role', key: g.role }] : [])],
      })),
    ),
  async create({ key, spec }, ctx) {
    const pool = ctx.made<ProvisionedUserPool>({ kind: 'user-pool', key: spec.pool });
    const roleArn = spec.role ? ctx.made<ProvisionedRole>({ kind: 'iam-role', key: spec.role }).arn : spec.roleArn;
    await ctx.step(`group ${key}`, () =>
      ctx.clients.idp.send(new CreateGroupCommand({ UserPoolId: pool.id, GroupName: spec.group, Precedence: spec.precedence, RoleArn: roleArn })),
    );
    return { name: spec.group };
  },
  names: () => [],
};
