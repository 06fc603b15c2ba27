import type { AppClient } from './state';

/**
 * [doc: UP-API CreateUserPoolClient ExplicitAuthFlows] "If you don't specify a
 * value for ExplicitAuthFlows, your app client supports ALLOW_REFRESH_TOKEN_AUTH,
 * ALLOW_USER_SRP_AUTH, and ALLOW_CUSTOM_AUTH."
 */
export const DEFAULT_EXPLICIT_AUTH_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'] as const;

/** The sign-in flows a client can enable, by the AuthFlow name they unlock. */
export type GatedFlow = 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH' | 'USER_SRP_AUTH' | 'CUSTOM_AUTH';

// Each flow and the ExplicitAuthFlows values that enable it: the ALLOW_* value and
// its legacy spelling [doc: UP-API ExplicitAuthFlows, "legacy" values].
const ENABLED_BY: Record<GatedFlow, readonly string[]> = {
  USER_PASSWORD_AUTH: ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH'],
  ADMIN_USER_PASSWORD_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  REFRESH_TOKEN_AUTH: ['ALLOW_REFRESH_TOKEN_AUTH'],
  USER_SRP_AUTH: ['ALLOW_USER_SRP_AUTH'],
  CUSTOM_AUTH: ['ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'],
};

/** Whether the client lets this flow run. */
export function flowEnabled(client: Pick<AppClient, 'explicitAuthFlows'>, flow: GatedFlow): boolean {
  const flows: readonly string[] = client.explicitAuthFlows ?? DEFAULT_EXPLICIT_AUTH_FLOWS;
  // Clients configured only with legacy values predate ALLOW_*: refresh and SRP
  // were always on for them (undocumented, how the legacy values behaved).
  const legacyOnly = flows.length > 0 && flows.every((f) => !f.startsWith('ALLOW_'));
  if (legacyOnly && (flow === 'REFRESH_TOKEN_AUTH' || flow === 'USER_SRP_AUTH')) return true;
  return ENABLED_BY[flow].some((value) => flows.includes(value));
}
