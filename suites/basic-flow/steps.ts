import { assumeRoleWithWebIdentity, openIdToken, type CaseContext } from '../../harness';
import { loginsOf, signInAs } from '../steps';

/** The session name basic-flow cases give STS; it must come back in the assumed-role ARN. */
export const SESSION_NAME = 'idchain-basic';

/** Sign in, then GetId → GetOpenIdToken through an identity pool of the fixture. */
export async function openIdTokenThrough(ctx: CaseContext, pool: string, user = 'ana') {
  const { idToken, claims } = await signInAs(ctx, user);
  const { identityId, token } = await ctx.expect.succeeds(
    'GetOpenIdToken',
    openIdToken(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool(pool).id, logins: loginsOf(ctx.fx, idToken) }),
  );
  return { identityId, token, idClaims: claims };
}

/** AssumeRoleWithWebIdentity with an OpenID token into a fixture role; the promise is left to the case. */
export function assumeRole(ctx: CaseContext, role: string, token: string, durationSeconds?: number) {
  return assumeRoleWithWebIdentity(ctx.clients.sts, {
    roleArn: ctx.fx.role(role).arn,
    roleSessionName: SESSION_NAME,
    webIdentityToken: token,
    durationSeconds,
  });
}
