import type { AwsServiceError } from '../errors';
import type { RequestContext } from '../service';
import { invalidParameter, notAuthorized } from './idp-errors';
import type { AppClient, PoolUser, UserPool } from './state';

/** Where a sign-in or a challenge answer goes: the pool and client it names, and whether it came signed. */
export interface AuthTarget {
  pool: UserPool;
  client: AppClient;
  /** Admin* operations (signed, with UserPoolId) answer some refusals differently. */
  admin: boolean;
  ctx: RequestContext;
}

/** A sign-in parameter that was not sent. */
export function missing(parameter: string): AwsServiceError {
  // [obs: public client code mapping "Missing required parameter USERNAME"]
  return invalidParameter(`Missing required parameter ${parameter}`);
}

/** [obs: a sign-in failure quoted in public code: "User is disabled."] */
export function assertEnabled(user: PoolUser): void {
  if (!user.enabled) throw notAuthorized('User is disabled.');
}
