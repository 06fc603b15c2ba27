import { randomBytes } from 'node:crypto';
import { appClientId } from '../ids';
import type { RequestContext } from '../service';
import { InputCheck } from './input-check';
import { requireClient, requirePool } from './lookup';
import { CLIENT_ID, CLIENT_NAME, EXPLICIT_AUTH_FLOWS, TIME_UNITS, USER_POOL_ID } from './shapes';
import type { AppClient, TimeUnit } from './state';
import { assertTokenValidityInRange } from './token-validity';

const SECRET_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Client secrets look like AWS's: 51 lower-case alphanumerics. */
function clientSecret(): string {
  return [...randomBytes(51)].map((b) => SECRET_ALPHABET[b % SECRET_ALPHABET.length]).join('');
}

// OAuth and analytics settings are stored and echoed, not acted on: the
// emulator has no hosted UI or token endpoint.
const ECHOED = [
  'ReadAttributes',
  'WriteAttributes',
  'SupportedIdentityProviders',
  'CallbackURLs',
  'LogoutURLs',
  'DefaultRedirectURI',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AnalyticsConfiguration',
] as const;

/**
 * A client as UP-API UserPoolClientType describes it. A client created with
 * no validities shows `RefreshTokenValidity: 30` and `TokenValidityUnits: {}`,
 * and no ExplicitAuthFlows or PreventUserExistenceErrors
 * [obs: describe-user-pool-client output quoted in public repositories].
 */
export function describeClient(client: AppClient): Record<string, unknown> {
  const out: Record<string, unknown> = {
    UserPoolId: client.userPoolId,
    ClientName: client.clientName,
    ClientId: client.clientId,
  };
  if (client.clientSecret) out.ClientSecret = client.clientSecret;
  Object.assign(out, {
    LastModifiedDate: client.lastModifiedAt,
    CreationDate: client.createdAt,
    RefreshTokenValidity: client.refreshTokenValidity,
  });
  if (client.accessTokenValidity !== undefined) out.AccessTokenValidity = client.accessTokenValidity;
  if (client.idTokenValidity !== undefined) out.IdTokenValidity = client.idTokenValidity;
  out.TokenValidityUnits = { ...client.tokenValidityUnits };
  if (client.explicitAuthFlows) out.ExplicitAuthFlows = [...client.explicitAuthFlows];
  Object.assign(out, client.echoed);
  out.AllowedOAuthFlowsUserPoolClient = false;
  if (client.preventUserExistenceErrors) out.PreventUserExistenceErrors = client.preventUserExistenceErrors;
  Object.assign(out, {
    EnableTokenRevocation: client.enableTokenRevocation,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: client.authSessionValidity,
  });
  return out;
}

/** CreateUserPoolClient [doc: UP-API CreateUserPoolClient]. */
export function createUserPoolClient(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const poolId = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  const clientName = check.string(input.ClientName, 'ClientName', CLIENT_NAME);
  const generateSecret = check.boolean(input.GenerateSecret, 'GenerateSecret') ?? false;
  // [doc: UP-API CreateUserPoolClient] model ranges before units are applied.
  const refresh = check.integer(input.RefreshTokenValidity, 'RefreshTokenValidity', { min: 0, max: 315360000 });
  const access = check.integer(input.AccessTokenValidity, 'AccessTokenValidity', { min: 1, max: 86400 });
  const id = check.integer(input.IdTokenValidity, 'IdTokenValidity', { min: 1, max: 86400 });
  const unitsIn = check.structure(input.TokenValidityUnits, 'TokenValidityUnits') ?? {};
  const units: AppClient['tokenValidityUnits'] = {};
  for (const kind of ['AccessToken', 'IdToken', 'RefreshToken'] as const) {
    const unit = check.enumValue<TimeUnit>(unitsIn[kind], `TokenValidityUnits.${kind}`, TIME_UNITS);
    if (unit) units[kind] = unit;
  }
  const flows = check.enumList(input.ExplicitAuthFlows, 'ExplicitAuthFlows', EXPLICIT_AUTH_FLOWS);
  const prevent = check.enumValue(input.PreventUserExistenceErrors, 'PreventUserExistenceErrors', ['LEGACY', 'ENABLED'] as const);
  const revocation = check.boolean(input.EnableTokenRevocation, 'EnableTokenRevocation');
  // [doc: UP-API CreateUserPoolClient AuthSessionValidity] 3–15 minutes, default 3.
  const sessionMinutes = check.integer(input.AuthSessionValidity, 'AuthSessionValidity', { min: 3, max: 15 });
  check.done();

  const pool = requirePool(ctx.state, poolId!);
  assertTokenValidityInRange({ IdToken: id, AccessToken: access, RefreshToken: refresh, units });

  const client: AppClient = {
    clientId: appClientId(),
    clientName: clientName!,
    userPoolId: pool.id,
    clientSecret: generateSecret ? clientSecret() : undefined,
    createdAt: ctx.now,
    lastModifiedAt: ctx.now,
    explicitAuthFlows: flows,
    preventUserExistenceErrors: prevent,
    idTokenValidity: id,
    accessTokenValidity: access,
    refreshTokenValidity: refresh ?? 30,
    tokenValidityUnits: units,
    enableTokenRevocation: revocation ?? true,
    authSessionValidity: sessionMinutes ?? 3,
    echoed: {},
  };
  for (const key of ECHOED) if (input[key] !== undefined) client.echoed[key] = input[key];
  pool.clients.set(client.clientId, client);
  return { UserPoolClient: describeClient(client) };
}

function readPoolAndClient(input: Record<string, unknown>): { poolId: string; clientId: string } {
  const check = new InputCheck();
  const poolId = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  const clientId = check.string(input.ClientId, 'ClientId', CLIENT_ID);
  check.done();
  return { poolId: poolId!, clientId: clientId! };
}

export function describeUserPoolClient(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const { poolId, clientId } = readPoolAndClient(input);
  return { UserPoolClient: describeClient(requireClient(requirePool(ctx.state, poolId), clientId)) };
}

export function deleteUserPoolClient(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const { poolId, clientId } = readPoolAndClient(input);
  const pool = requirePool(ctx.state, poolId);
  requireClient(pool, clientId);
  pool.clients.delete(clientId);
  for (const [token, grant] of pool.refreshTokens) if (grant.clientId === clientId) pool.refreshTokens.delete(token);
  return {};
}
