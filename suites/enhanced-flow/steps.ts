import { callerIdentity, decodeClaims, enhancedFlow, parseAssumedRoleArn, signIn, type CaseContext } from '../../harness';

/** Sign a fixture user in through the main pool's web client and decode the ID token. */
export async function signInAs(ctx: CaseContext, user: string, flow: 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' = 'USER_PASSWORD_AUTH') {
  const { fx } = ctx;
  const u = fx.user('main', user);
  const tokens = await ctx.expect.succeeds(
    flow === 'USER_PASSWORD_AUTH' ? 'InitiateAuth' : 'AdminInitiateAuth',
    signIn(ctx.clients.idp, { userPoolId: fx.userPool('main').id, clientId: fx.client('main', 'web').id, username: u.username, password: u.password, flow }),
  );
  return { idToken: tokens.idToken, claims: decodeClaims(tokens.idToken) };
}

/** GetId + GetCredentialsForIdentity through one of the fixture's identity pools. */
export function credentialsThrough(ctx: CaseContext, pool: string, idToken: string, customRoleArn?: string) {
  return enhancedFlow(ctx.clients.identity, {
    identityPoolId: ctx.fx.identityPool(pool).id,
    logins: { [ctx.fx.userPool('main').providerName]: idToken },
    customRoleArn,
  });
}

/** The role name the credentials act as, from STS GetCallerIdentity. */
export async function roleNameOf(ctx: CaseContext, credentials: Parameters<typeof callerIdentity>[1]) {
  const who = await ctx.expect.succeeds('GetCallerIdentity', callerIdentity(ctx.clients, credentials));
  return { who, assumed: parseAssumedRoleArn(who.arn) };
}

/** Sign in, get credentials through `pool`, and check they act as `expectedRole`. */
export async function expectRole(ctx: CaseContext, user: string, pool: string, expectedRole: string, source: string, customRole?: string) {
  const { idToken, claims } = await signInAs(ctx, user);
  const creds = await ctx.expect.succeeds(
    'GetCredentialsForIdentity',
    credentialsThrough(ctx, pool, idToken, customRole ? ctx.fx.role(customRole).arn : undefined),
  );
  const { assumed } = await roleNameOf(ctx, creds.credentials);
  ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, ctx.fx.role(expectedRole).name, source);
  return { claims, creds };
}

/** `cognito:roles` as a sorted list: AWS documents no order for it. */
export function rolesClaim(claims: Record<string, unknown>): string[] | undefined {
  const raw = claims['cognito:roles'];
  return Array.isArray(raw) ? [...(raw as string[])].sort() : (raw as string[] | undefined);
}
