import { invalidParameter } from './idp-errors';
import type { AppClient, TimeUnit } from './state';

const UNIT_SECONDS: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/**
 * Lifetime limits of an app client's tokens [doc: UP-API CreateUserPoolClient,
 * TokenValidityUnitsType; aws-contract.md §1]: ID and access tokens 5 minutes
 * to 1 day, default 1 hour, unit default `hours`; refresh tokens 60 minutes to
 * 10 years, default 30 days, unit default `days`.
 */
export const TOKEN_LIMITS = {
  IdToken: { minSeconds: 300, maxSeconds: 86400, defaultSeconds: 3600, defaultUnit: 'hours' },
  AccessToken: { minSeconds: 300, maxSeconds: 86400, defaultSeconds: 3600, defaultUnit: 'hours' },
  RefreshToken: { minSeconds: 3600, maxSeconds: 3650 * 86400, defaultSeconds: 30 * 86400, defaultUnit: 'days' },
} as const satisfies Record<string, { minSeconds: number; maxSeconds: number; defaultSeconds: number; defaultUnit: TimeUnit }>;

export type TokenKind = keyof typeof TOKEN_LIMITS;

/** The value in seconds, using the unit given or the kind's default unit. */
export function validitySeconds(kind: TokenKind, value: number, unit: TimeUnit | undefined): number {
  return value * UNIT_SECONDS[unit ?? TOKEN_LIMITS[kind].defaultUnit];
}

/**
 * Refuse validities outside the documented ranges with the message Cognito
 * sends: `InvalidParameterException` "Invalid range for token validity."
 * [obs: aws-samples/cloudfront-authorization-at-edge#144, SDK stack trace;
 * awsdocs/aws-cloudformation-user-guide#828].
 */
export function assertTokenValidityInRange(values: {
  IdToken?: number;
  AccessToken?: number;
  RefreshToken?: number;
  units: Partial<Record<TokenKind, TimeUnit>>;
}): void {
  for (const kind of Object.keys(TOKEN_LIMITS) as TokenKind[]) {
    const value = values[kind];
    if (value === undefined) continue;
    const seconds = validitySeconds(kind, value, values.units[kind]);
    // A refresh validity of 0 is allowed by the model (0–315360000) but is
    // outside the documented 60 minutes–10 years; refused like any other.
    if (seconds < TOKEN_LIMITS[kind].minSeconds || seconds > TOKEN_LIMITS[kind].maxSeconds) {
      throw invalidParameter('Invalid range for token validity.');
    }
  }
}

const CLIENT_FIELD = { IdToken: 'idTokenValidity', AccessToken: 'accessTokenValidity', RefreshToken: 'refreshTokenValidity' } as const;

/** How long tokens of this kind issued for the client live, in seconds. */
export function clientTokenSeconds(client: AppClient, kind: TokenKind): number {
  const value = client[CLIENT_FIELD[kind]];
  if (value === undefined) return TOKEN_LIMITS[kind].defaultSeconds;
  return validitySeconds(kind, value, client.tokenValidityUnits[kind]);
}
