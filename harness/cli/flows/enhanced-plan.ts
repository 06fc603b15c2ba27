import { UsageError } from '../../errors';
import type { FixtureSpec } from '../../provisioning/spec';
import { callerIdentity } from '../../flows/caller-identity';
import { enhancedFlow } from '../../flows/enhanced';
import { signIn } from '../../flows/sign-in';
import { decodeClaims } from '../../cases/tokens';
import { userPoolProviderName } from '../../targets/region';
import { minutesFromNow, type FlowCommandOptions, type FlowPlan } from './flow-plan';

/** A small throwaway set-up: admin (precedence 1) and editor (precedence 10) groups with their roles. */
function throwawayFixture(username: string, groups: string[]): FixtureSpec {
  const trust = { identityPools: ['main'], amr: 'authenticated' as const };
  return {
    roles: { admin: { trust }, editor: { trust } },
    userPools: {
      main: {
        clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH'] } },
        groups: { admin: { precedence: 1, role: 'admin' }, editor: { precedence: 10, role: 'editor' } },
        users: { [username]: { groups } },
      },
    },
    identityPools: {
      main: {
        providers: [{ userPool: 'main', client: 'web' }],
        roles: { authenticated: 'editor' },
        roleMappings: [{ userPool: 'main', client: 'web', type: 'Token', ambiguous: 'AuthenticatedRole' }],
      },
    },
  };
}

/**
 * `flow enhanced`: sign-in, GetId, GetCredentialsForIdentity, GetCallerIdentity,
 * against existing resources (all of --user-pool-id, --client-id,
 * --identity-pool-id, the password from an environment variable) or throwaway ones.
 */
export function enhancedPlan(opts: FlowCommandOptions): FlowPlan {
  const env = opts.env ?? process.env;
  const existing = [opts.userPoolId, opts.clientId, opts.identityPoolId];
  const useExisting = existing.some(Boolean);
  if (useExisting && !existing.every(Boolean)) {
    throw new UsageError('Using existing resources needs all of --user-pool-id, --client-id and --identity-pool-id.');
  }
  const passwordEnv = opts.passwordEnv ?? 'IDCHAIN_PASSWORD';
  const existingPassword = useExisting ? env[passwordEnv] : undefined;
  if (useExisting && !existingPassword) {
    throw new UsageError(`Set the user's password in $${passwordEnv} (it is never taken on the command line).`);
  }
  const groups = (opts.groups ?? 'admin').split(',').map((g) => g.trim()).filter(Boolean);
  const unknownGroups = groups.filter((g) => g !== 'admin' && g !== 'editor');
  if (!useExisting && unknownGroups.length) throw new UsageError(`--groups ${unknownGroups.join(',')}: the throwaway pool has the groups admin and editor.`);

  return {
    fixture: useExisting ? undefined : throwawayFixture(opts.username, groups),
    describes: 'a throwaway user pool, identity pool and roles',
    async run({ clients, fx, region, shown }) {
      const userPoolId = fx ? fx.userPool('main').id : opts.userPoolId!;
      const clientId = fx ? fx.client('main', 'web').id : opts.clientId!;
      const identityPoolId = fx ? fx.identityPool('main').id : opts.identityPoolId!;
      const { username, password } = fx ? fx.user('main', opts.username) : { username: opts.username, password: existingPassword! };
      const provider = userPoolProviderName(region, userPoolId);
      const tokens = await signIn(clients.idp, { userPoolId, clientId, username, password });
      const claims = decodeClaims(tokens.idToken);
      shown.push(
        `1. InitiateAuth USER_PASSWORD_AUTH as ${username} → ID token`,
        `   cognito:groups         ${JSON.stringify(claims['cognito:groups'] ?? [])}`,
        `   cognito:roles          ${JSON.stringify(claims['cognito:roles'] ?? [])}`,
        `   cognito:preferred_role ${String(claims['cognito:preferred_role'] ?? '(none)')}`,
        `   expires                ${minutesFromNow(new Date(Number(claims.exp) * 1000))}`,
      );
      const result = await enhancedFlow(clients.identity, { identityPoolId, logins: { [provider]: tokens.idToken }, customRoleArn: opts.customRoleArn });
      shown.push(
        `2. GetId → ${result.identityId}`,
        `3. GetCredentialsForIdentity${opts.customRoleArn ? ` (CustomRoleArn ${opts.customRoleArn})` : ''} → credentials expiring ${minutesFromNow(result.credentials.expiration)}`,
      );
      const who = await callerIdentity(clients, result.credentials);
      shown.push(`4. GetCallerIdentity → ${who.arn}`);
    },
  };
}
