// Interface fixed here; implementation owned by the cognito-idp work.
import type { EmulatorState } from '../state';

export interface VerifiedUserPoolToken {
  poolId: string;
  /** `aud` of an ID token, `client_id` of an access token. */
  clientId: string;
  tokenUse: 'id' | 'access';
  claims: Record<string, unknown>;
}

/** Why a user-pool token was refused; callers turn it into their own service's error. */
export class UserPoolTokenError extends Error {
  constructor(
    readonly reason: 'malformed' | 'unknown-issuer' | 'bad-signature' | 'expired',
    message: string,
  ) {
    super(message);
  }
}

/** The provider name identity pools use for a user pool (CI-API GetId, Logins). */
export function userPoolProviderName(region: string, poolId: string): string {
  return `cognito-idp.${region}.amazonaws.com/${poolId}`;
}

/** Verify a token this emulator's user pools issued: signature, issuer, expiry. */
export async function verifyUserPoolToken(_state: EmulatorState, _token: string, _now: Date): Promise<VerifiedUserPoolToken> {
  throw new Error('verifyUserPoolToken: not implemented yet');
}
