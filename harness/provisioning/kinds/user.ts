import { AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { generatePassword } from '../names';
import type { ResourceKind } from '../resource-kind';
import type { ProvisionedUserPool, UserPoolsFragment, UserSpec } from './user-pool';

export interface ProvisionedUser {
  username: string;
  /** Generated per run, kept in memory only. */
  password: string;
  /** The `sub` attribute Cognito gave the user. */
  sub: string;
}

/** Confirmed users of a fixture user pool, in their groups, keyed `<pool>/<user>`; deleted with their pool. */
export const userKind: ResourceKind<UserPoolsFragment, UserSpec & { pool: string; user: string }, ProvisionedUser> = {
  kind: 'user',
  noun: 'user',
  declared: (spec) =>
    Object.entries(spec.userPools ?? {}).flatMap(([pool, p]) =>
      Object.entries(p.users ?? {}).map(([user, u]) => ({
        kind: 'user',
        key: `${pool}/${user}`,
        spec: { ...u, pool, user },
        needs: [{ kind: 'user-pool', key: pool }, ...(u.groups ?? []).map((g) => ({ kind: 'group', key: `${pool}/${g}` }))],
      })),
    ),
  async create({ key, spec }, ctx) {
    const poolId = ctx.made<ProvisionedUserPool>({ kind: 'user-pool', key: spec.pool }).id;
    const password = generatePassword();
    const sub = await ctx.step(`user ${key}`, async () => {
      const created = await ctx.clients.idp.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: spec.user,
          MessageAction: 'SUPPRESS',
          UserAttributes: Object.entries(spec.attributes ?? {}).map(([Name, Value]) => ({ Name, Value })),
        }),
      );
      // Permanent=true confirms the user so it can sign in at once (UP-API AdminSetUserPassword).
      await ctx.clients.idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: spec.user, Password: password, Permanent: true }));
      for (const groupName of spec.groups ?? []) {
        await ctx.clients.idp.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: spec.user, GroupName: groupName }));
      }
      return created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value ?? '';
    });
    return { username: spec.user, password, sub };
  },
  names: () => [],
};
