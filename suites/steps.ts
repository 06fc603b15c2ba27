import {
  callerIdentity,
  decodeClaims,
  enhancedFlow,
  parseAssumedRoleArn,
  signIn,
  type CaseContext,
  type Clients,
  type Credentials,
  type FixtureSpec,
  type ProvisionedFixture,
  type SignInRequest,
  type SignInResult,
  type Source,
} from '../harness';

// Steps every suite shares: signing a fixture user in, asking STS who a set of
// credentials is, and making tokens a verifier must refuse.

export interface SignInOptions {
  /** The fixture user pool; `main` by default. */
  pool?: string;
  /** Its app client; `web` by default. A client with a secret signs with SECRET_HASH. */
  client?: string;
  flow?: SignInRequest['flow'];
  /** Another password than the user's own, for refusals. */
  password?: string;
}

/** Sign a fixture user in outside a case (a fixture's ready check) or as a call a case judges itself. */
export function signInUser(clients: Pick<Clients, 'idp'>, fx: ProvisionedFixture, user: string, opts: SignInOptions = {}): Promise<SignInResult> {
  const pool = opts.pool ?? 'main';
  const client = fx.client(pool, opts.client ?? 'web');
  const u = fx.user(pool, user);
  return signIn(clients.idp, {
    userPoolId: fx.userPool(pool).id,
    clientId: client.id,
    clientSecret: client.secret,
    username: u.username,
    password: opts.password ?? u.password,
    flow: opts.flow,
  });
}

/** Sign a fixture user in; the call must succeed for the case to go on. Returns the tokens and the ID token's claims. */
export async function signInAs(ctx: CaseContext, user: string, opts: SignInOptions = {}) {
  const operation = opts.flow === 'ADMIN_USER_PASSWORD_AUTH' ? 'AdminInitiateAuth' : 'InitiateAuth';
  const tokens = await ctx.expect.succeeds(operation, signInUser(ctx.clients, ctx.fx, user, opts));
  return { tokens, idToken: tokens.idToken, accessToken: tokens.accessToken, claims: decodeClaims(tokens.idToken, 'idToken') };
}

/** The Logins map of an ID token of a fixture user pool (`main` by default). */
export function loginsOf(fx: ProvisionedFixture, idToken: string, pool = 'main'): Record<string, string> {
  return { [fx.userPool(pool).providerName]: idToken };
}

/**
 * A fixture's ready check for the enhanced flow: `user` of the `main` pool
 * signs in and gets credentials through `identityPool`, which proves the
 * roles, their trust and the pool's role mapping have propagated.
 */
export function readyThroughIdentityPool(user: string, identityPool: string): NonNullable<FixtureSpec['ready']> {
  return async (fx, clients) => {
    const { idToken } = await signInUser(clients, fx, user);
    await enhancedFlow(clients.identity, { identityPoolId: fx.identityPool(identityPool).id, logins: loginsOf(fx, idToken) });
  };
}

/** GetId + GetCredentialsForIdentity through one of the fixture's identity pools. */
export function credentialsThrough(ctx: CaseContext, pool: string, idToken: string, customRoleArn?: string) {
  return enhancedFlow(ctx.clients.identity, {
    identityPoolId: ctx.fx.identityPool(pool).id,
    logins: loginsOf(ctx.fx, idToken),
    customRoleArn,
  });
}

/** Sign in, get credentials through `pool`, and check they act as `expectedRole`. */
export async function expectRole(ctx: CaseContext, user: string, pool: string, expectedRole: string, source: Source, customRole?: string) {
  const { idToken, claims } = await signInAs(ctx, user);
  const creds = await ctx.expect.succeeds(
    'GetCredentialsForIdentity',
    credentialsThrough(ctx, pool, idToken, customRole ? ctx.fx.role(customRole).arn : undefined),
  );
  const { assumed } = await whoAmI(ctx, creds.credentials);
  ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, ctx.fx.role(expectedRole).name, source);
  return { claims, creds };
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
