import { signIn, type CaseContext } from '../../harness';

/** A `<region>:<uuid>` id that names no identity pool and no identity: the right shape, in the fixture's region. */
export function unknownRegionalId(ctx: CaseContext): string {
  const [region] = ctx.fx.identityPool('linked').id.split(':');
  return `${region}:00000000-0000-4000-8000-000000000000`;
}

/** Sign a user of `main` or `partner` in and return the Logins entry of its ID token. */
export async function loginOf(ctx: CaseContext, userPool: 'main' | 'partner', user: string): Promise<Record<string, string>> {
  const { fx } = ctx;
  const u = fx.user(userPool, user);
  const tokens = await ctx.expect.succeeds(
    'InitiateAuth',
    signIn(ctx.clients.idp, { userPoolId: fx.userPool(userPool).id, clientId: fx.client(userPool, 'web').id, username: u.username, password: u.password }),
  );
  return { [fx.userPool(userPool).providerName]: tokens.idToken };
}
