import { developerOpenIdToken, type CaseContext, type DeveloperTokenRequest } from '../../harness';

/**
 * GetOpenIdTokenForDeveloperIdentity for a developer user of the `dev` pool.
 * User ids are made unique per case by the caller, since cases share the pool.
 */
export function developerToken(ctx: CaseContext, userId: string, extra: Pick<DeveloperTokenRequest, 'identityId' | 'tokenDuration'> = {}) {
  const pool = ctx.fx.identityPool('dev');
  return developerOpenIdToken(ctx.clients.identity, {
    identityPoolId: pool.id,
    developerProviderName: pool.developerProviderName!,
    developerUserId: userId,
    ...extra,
  });
}
