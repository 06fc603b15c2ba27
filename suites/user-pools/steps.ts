import type { CaseContext, SignInResult } from '../../harness';
import { signInUser } from '../steps';

/** Sign a fixture user in through one of the pool's clients; the promise is left to the case. */
export function signInWith(ctx: CaseContext, user: string, client = 'web', flow: 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' = 'USER_PASSWORD_AUTH', password?: string): Promise<SignInResult> {
  return signInUser(ctx.clients, ctx.fx, user, { client, flow, password });
}

export function sorted(value: unknown): unknown {
  return Array.isArray(value) ? [...value].sort() : value;
}
