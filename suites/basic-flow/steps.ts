import {
  assumeRoleWithWebIdentity,
  callerIdentity,
  decodeClaims,
  openIdToken,
  parseAssumedRoleArn,
  signIn,
  type CaseContext,
  type Credentials,
} from '../../harness';

/** The session name basic-flow cases give STS; it must come back in the assumed-role ARN. */
export const SESSION_NAME = 'idchain-basic';

/** Sign a user of the `main` user pool in and return its ID token with the decoded claims. */
export async function signInAs(ctx: CaseContext, user = 'ana') {
  const { fx } = ctx;
  const u = fx.user('main', user);
  const tokens = await ctx.expect.succeeds(
    'InitiateAuth',
    signIn(ctx.clients.idp, { userPoolId: fx.userPool('main').id, clientId: fx.client('main', 'web').id, username: u.username, password: u.password }),
  );
  return { idToken: tokens.idToken, claims: decodeClaims(tokens.idToken) };
}

/** The Logins map of a `main` user pool ID token. */
export function mainLogins(ctx: CaseContext, idToken: string): Record<string, string> {
  return { [ctx.fx.userPool('main').providerName]: idToken };
}

/** Sign in, then GetId → GetOpenIdToken through an identity pool of the fixture. */
export async function openIdTokenThrough(ctx: CaseContext, pool: string, user = 'ana') {
  const { idToken, claims } = await signInAs(ctx, user);
  const { identityId, token } = await ctx.expect.succeeds(
    'GetOpenIdToken',
    openIdToken(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool(pool).id, logins: mainLogins(ctx, idToken) }),
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

/** The role and session the credentials act as, per STS GetCallerIdentity. */
export async function whoAmI(ctx: CaseContext, credentials: Credentials) {
  const who = await ctx.expect.succeeds('GetCallerIdentity', callerIdentity(ctx.clients, credentials));
  return { who, assumed: parseAssumedRoleArn(who.arn) };
}


/**
 * The same JWT with one payload claim changed and the signature kept: what a
 * tampered token looks like to a verifier. Never written anywhere.
 */
export function tamperWith(token: string, claim: string, value: unknown): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  claims[claim] = value;
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

/** Wait until `exp` (JWT seconds) is `marginSeconds` in the past, by the local clock. */
export async function waitPastExpiry(exp: number, marginSeconds: number): Promise<void> {
  const ms = (exp + marginSeconds) * 1000 - Date.now();
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}
