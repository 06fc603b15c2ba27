import type { CaseContext } from '../../harness';
import { loginsOf, signInAs } from '../steps';

/** A `<region>:<uuid>` id that names no identity pool and no identity: the right shape, in the fixture's region. */
export function unknownRegionalId(ctx: CaseContext): string {
  const [region] = ctx.fx.identityPool('linked').id.split(':');
  return `${region}:00000000-0000-4000-8000-000000000000`;
}

/** Sign a user of `main` or `partner` in and return the Logins entry of its ID token. */
export async function loginOf(ctx: CaseContext, userPool: 'main' | 'partner', user: string): Promise<Record<string, string>> {
  const { idToken } = await signInAs(ctx, user, { pool: userPool });
  return loginsOf(ctx.fx, idToken, userPool);
}
