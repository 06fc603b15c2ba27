import { AwsServiceError } from '../errors';
import type { RequestContext } from '../service';
import { developerProviderNotSupported, identityNotFound, invalidParameter } from './identity-errors';
import { InputCheck, SHAPES } from './input-check';
import { findPool } from './pool-operations';
import { identityByLogin, type Identity, type IdentityPool } from './state';

// The wordings of these refusals are undocumented; the error names are the CI-API's.
function notRegistered(userId: string): AwsServiceError {
  return new AwsServiceError(
    'ResourceNotFoundException',
    `Developer user '${userId}' is not registered with this identity pool. Expected a DeveloperUserIdentifier that GetOpenIdTokenForDeveloperIdentity registered.`,
    400,
  );
}

function notLinked(userId: string, identityId: string): AwsServiceError {
  return new AwsServiceError(
    'ResourceConflictException',
    `Developer user '${userId}' is not linked to identity ${identityId}. Expected the identity the user is registered to.`,
    400,
  );
}

function identityInPool(ctx: RequestContext, pool: IdentityPool, identityId: string): Identity {
  const identity = ctx.state.identity.identities.get(identityId);
  if (!identity || identity.poolId !== pool.IdentityPoolId) throw identityNotFound(identityId);
  return identity;
}

/**
 * LookupDeveloperIdentity (signed) [doc: CI-API LookupDeveloperIdentity]:
 * "Either IdentityID or DeveloperUserIdentifier must not be null" (else
 * InvalidParameterException); with one, the other is looked up; with both,
 * they must belong together, "Otherwise a ResourceConflictException is
 * thrown". An unknown developer user → ResourceNotFoundException. Answers the
 * IdentityId and its DeveloperUserIdentifierList (one user at most here, see
 * developer-identity.ts). MaxResults and NextToken are validated; one page
 * always holds the whole answer.
 */
export function lookupDeveloperIdentity(input: Record<string, unknown>, ctx: RequestContext) {
  const check = new InputCheck();
  const poolId = check.string(input.IdentityPoolId, 'identityPoolId', { ...SHAPES.identityPoolId, required: true });
  const identityId = check.string(input.IdentityId, 'identityId', SHAPES.identityId);
  const userId = check.string(input.DeveloperUserIdentifier, 'developerUserIdentifier', SHAPES.developerUserIdentifier);
  check.integer(input.MaxResults, 'maxResults', SHAPES.queryLimit);
  check.string(input.NextToken, 'nextToken', SHAPES.paginationKey);
  check.done();

  const pool = findPool(ctx.state, poolId!);
  if (identityId === undefined && userId === undefined) {
    throw invalidParameter('Either IdentityId or DeveloperUserIdentifier must be given. Expected at least one of them.');
  }
  const provider = pool.DeveloperProviderName;
  let owner: Identity | undefined;
  if (userId !== undefined) {
    owner = provider === undefined ? undefined : identityByLogin(ctx.state.identity, pool.IdentityPoolId, provider, userId);
    if (!owner) throw notRegistered(userId);
  }
  const identity = identityId !== undefined ? identityInPool(ctx, pool, identityId) : owner!;
  if (owner && owner !== identity) throw notLinked(userId!, identity.identityId);
  const linked = provider === undefined ? undefined : identity.logins.get(provider);
  return { IdentityId: identity.identityId, DeveloperUserIdentifierList: linked === undefined ? [] : [linked] };
}

/**
 * UnlinkDeveloperIdentity (signed) [doc: CI-API UnlinkDeveloperIdentity]:
 * "Unlinks a DeveloperUserIdentifier from an existing identity. Unlinked
 * developer users will be considered new identities next time they are seen."
 * The provider must be the pool's (NotAuthorizedException as in
 * developer-identity.ts) and the user linked to that identity
 * (ResourceConflictException, wording undocumented).
 */
export function unlinkDeveloperIdentity(input: Record<string, unknown>, ctx: RequestContext) {
  const check = new InputCheck();
  const identityId = check.string(input.IdentityId, 'identityId', { ...SHAPES.identityId, required: true });
  const poolId = check.string(input.IdentityPoolId, 'identityPoolId', { ...SHAPES.identityPoolId, required: true });
  const provider = check.string(input.DeveloperProviderName, 'developerProviderName', {
    ...SHAPES.developerProviderName,
    required: true,
  });
  const userId = check.string(input.DeveloperUserIdentifier, 'developerUserIdentifier', {
    ...SHAPES.developerUserIdentifier,
    required: true,
  });
  check.done();

  const pool = findPool(ctx.state, poolId!);
  const identity = identityInPool(ctx, pool, identityId!);
  if (provider !== pool.DeveloperProviderName) throw developerProviderNotSupported();
  if (identity.logins.get(provider!) !== userId) throw notLinked(userId!, identity.identityId);
  identity.logins.delete(provider!);
  identity.lastModifiedAt = ctx.now;
  return {};
}
