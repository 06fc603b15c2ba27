import { CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, ListRolePoliciesCommand, ListRolesCommand, ListRoleTagsCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { isNewPrincipalNotYetVisible, withPropagationRetry } from '../../clients/propagation-retry';
import type { PolicyDocument } from '../policies';
import type { CreateContext, Listed, ResourceKind } from '../resource-kind';
import { CALLER, type Caller } from './caller';
import { LONG_TERM_USER, type LongTermUser } from './iam-user';
import { ignoreGone } from './gone';
import { iamTags, tagsOf } from './iam-tags';
import type { ProvisionedIdentityPool } from './identity-pool';
import type { ProvisionedOidcProvider } from './oidc-provider';
import type { ProvisionedSamlProvider } from './saml-provider';
import { trustDocument, trustNeeds, type TrustRefs, type TrustSpec } from './trust-refs';
import type { ProvisionedUser } from './user';

export interface RoleSpec {
  trust: TrustSpec;
  /** 3600–43200 seconds; AWS's default is 3600. */
  maxSessionDuration?: number;
  /**
   * Inline permission policies by name; a function of what the fixture made
   * when a policy names it or the Region (e.g. the Region's identity-pool
   * condition-key prefix in a policy variable).
   */
  policies?: Record<string, PolicyDocument | ((refs: TrustRefs) => PolicyDocument)>;
}

export interface ProvisionedRole {
  name: string;
  arn: string;
  /** The RoleId IAM gave it (`AROA…`): the first half of an assumed role's UserId. */
  id: string;
}

/** What a trust (or bucket policy) document names, looked up among what the fixture has made. */
export function trustRefs(ctx: CreateContext): TrustRefs {
  const caller = ctx.made<Caller>(CALLER);
  return {
    identityPoolId: (n) => ctx.made<ProvisionedIdentityPool>({ kind: 'identity-pool', key: n }).id,
    accountId: caller.accountId,
    region: ctx.region,
    callerArn: caller.arn,
    get iamUserArn() {
      return ctx.made<LongTermUser>(LONG_TERM_USER).arn;
    },
    roleArn: (n) => ctx.made<ProvisionedRole>({ kind: 'iam-role', key: n }).arn,
    oidcProvider: (n) => ctx.made<ProvisionedOidcProvider>({ kind: 'oidc-provider', key: n }),
    samlProvider: (n) => ctx.made<ProvisionedSamlProvider>({ kind: 'saml-provider', key: n }),
    userSub: (pool, user) => {
      const { sub } = ctx.made<ProvisionedUser>({ kind: 'user', key: `${pool}/${user}` });
      if (!sub) throw new Error(`AdminCreateUser answered no sub attribute for ${pool}/${user}, and a trust document names it. Expected: the user's sub (UP-API AdminCreateUser, User.Attributes).`);
      return sub;
    },
  };
}

/** What a role's policy functions name, found the way a trust's are. */
function policyNeeds(role: RoleSpec) {
  return Object.values(role.policies ?? {}).flatMap((policy) => (typeof policy === 'function' ? trustNeeds({ document: policy }) : []));
}

/** IAM roles with their trust and inline policies (IAM-API CreateRole, PutRolePolicy); swept by their `idchain-` name. */
export const roleKind: ResourceKind<{ roles?: Record<string, RoleSpec> }, RoleSpec, ProvisionedRole> = {
  kind: 'iam-role',
  noun: 'role',
  declared: (spec) => Object.entries(spec.roles ?? {}).map(([key, role]) => ({ kind: 'iam-role', key, spec: role, needs: [CALLER, ...trustNeeds(role.trust), ...policyNeeds(role)] })),
  async create({ key, spec }, ctx) {
    const roleName = ctx.name(key);
    const document = await ctx.step(`role ${key}`, async () => JSON.stringify(trustDocument(spec.trust, trustRefs(ctx))));
    // A role's name is its id: known before the call, so a role whose answer was lost is found by it.
    ctx.ledger.creating('iam-role', roleName, { id: roleName, tags: ctx.tags });
    // A trust naming a principal created moments ago can be refused while IAM propagates it.
    const created = await ctx.step(`role ${key}`, () =>
      withPropagationRetry(
        () =>
          ctx.clients.iam.send(
            new CreateRoleCommand({
              RoleName: roleName,
              AssumeRolePolicyDocument: document,
              MaxSessionDuration: spec.maxSessionDuration,
              Description: `idchain run ${ctx.runId}: ${key}`,
              PermissionsBoundary: ctx.permissionsBoundary,
              Tags: iamTags(ctx.tags),
            }),
          ),
        {
          policy: ctx.retry,
          retryIf: isNewPrincipalNotYetVisible,
          onRetry: ({ attempt }) => ctx.log?.(`role ${key}: waiting for IAM to see the principals its trust names (attempt ${attempt})`),
        },
      ),
    );
    ctx.ledger.created('iam-role', roleName, roleName);
    for (const [policyName, policy] of Object.entries(spec.policies ?? {})) {
      await ctx.step(`policy ${policyName} of role ${key}`, () =>
        ctx.clients.iam.send(
          new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: JSON.stringify(typeof policy === 'function' ? policy(trustRefs(ctx)) : policy) }),
        ),
      );
    }
    return { name: roleName, arn: created.Role!.Arn!, id: created.Role!.RoleId! };
  },
  names: (key, role) => [
    { logical: `role:${key}`, value: role.arn },
    { logical: `role-name:${key}`, value: role.name },
  ],
  ledgered: {
    async delete(clients, entry) {
      return ignoreGone(
        (async () => {
          // IAM refuses to delete a role that still has inline policies (IAM-API DeleteRole).
          const { PolicyNames = [] } = await clients.iam.send(new ListRolePoliciesCommand({ RoleName: entry.name }));
          for (const PolicyName of PolicyNames) await clients.iam.send(new DeleteRolePolicyCommand({ RoleName: entry.name, PolicyName }));
          await clients.iam.send(new DeleteRoleCommand({ RoleName: entry.name }));
        })(),
      );
    },
    async list(clients) {
      const found: Listed[] = [];
      let marker: string | undefined;
      do {
        const page = await clients.iam.send(new ListRolesCommand({ Marker: marker }));
        for (const role of page.Roles ?? []) found.push({ name: role.RoleName ?? '', id: role.RoleName ?? '', createdAt: role.CreateDate });
        marker = page.IsTruncated ? page.Marker : undefined;
      } while (marker);
      return found;
    },
    async describe(clients, found) {
      const { Tags } = await clients.iam.send(new ListRoleTagsCommand({ RoleName: found.name }));
      return { tags: tagsOf(Tags) };
    },
  },
};
