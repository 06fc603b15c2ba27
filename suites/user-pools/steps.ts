import { decodeClaims, signIn, type CaseContext, type SignInResult } from '../../harness';

/** Sign a fixture user in through one of the pool's clients. */
export function signInWith(ctx: CaseContext, user: string, client = 'web', flow: 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' = 'USER_PASSWORD_AUTH', password?: string): Promise<SignInResult> {
  const { fx } = ctx;
  const c = fx.client('main', client);
  const u = fx.user('main', user);
  return signIn(ctx.clients.idp, { userPoolId: fx.userPool('main').id, clientId: c.id, clientSecret: c.secret, username: u.username, password: password ?? u.password, flow });
}

/** Sign in (the call must succeed) and decode the ID token. */
export async function idClaims(ctx: CaseContext, user: string) {
  const tokens = await ctx.expect.succeeds('InitiateAuth', signInWith(ctx, user));
  return { tokens, claims: decodeClaims(tokens.idToken, 'InitiateAuth.AuthenticationResult.IdToken') };
}

export function sorted(value: unknown): unknown {
  return Array.isArray(value) ? [...value].sort() : value;
}
