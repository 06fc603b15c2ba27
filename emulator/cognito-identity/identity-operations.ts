import type { RequestContext } from '../service';
import { identityNotFound } from './identity-errors';
import { InputCheck, SHAPES } from './input-check';
import { paginate } from './paginate';
import { findPool } from './pool-operations';
import type { Identity } from './state';

type Input = Record<string, unknown>;

/** The IdentityDescription shape [doc: CI-API IdentityDescription]: Logins lists provider names only. */
function describeIdentityShape(identity: Identity) {
  return {
    IdentityId: identity.identityId,
    Logins: [...identity.logins.keys()],
    CreationDate: identity.createdAt,
    LastModifiedDate: identity.lastModifiedAt,
  };
}

/** DescribeIdentity [doc: CI-API DescribeIdentity]. */
export function describeIdentity(input: Input, ctx: RequestContext) {
  const check = new InputCheck();
  const identityId = check.string(input.IdentityId, 'identityId', { ...SHAPES.identityId, required: true });
  check.done();
  const identity = ctx.state.identity.identities.get(identityId!);
  if (!identity) throw identityNotFound(identityId!);
  return describeIdentityShape(identity);
}

/** ListIdentities [doc: CI-API ListIdentities]: MaxResults 1–60 required; identities in creation order. */
export function listIdentities(input: Input, ctx: RequestContext) {
  const check = new InputCheck();
  const poolId = check.string(input.IdentityPoolId, 'identityPoolId', { ...SHAPES.identityPoolId, required: true });
  const max = check.integer(input.MaxResults, 'maxResults', { ...SHAPES.queryLimit, required: true });
  const token = check.string(input.NextToken, 'nextToken', SHAPES.paginationKey);
  check.boolean(input.HideDisabled, 'hideDisabled');
  check.done();
  const pool = findPool(ctx.state, poolId!);
  const identities = [...ctx.state.identity.identities.values()].filter((i) => i.poolId === pool.IdentityPoolId);
  const { page, nextToken } = paginate(identities, (i) => i.identityId, max!, token);
  return {
    IdentityPoolId: pool.IdentityPoolId,
    Identities: page.map(describeIdentityShape),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}

/**
 * DeleteIdentities [doc: CI-API DeleteIdentities]: 1–60 ids. Ids the emulator
 * does not know are not reported as unprocessed (UnprocessedIdentityId's
 * ErrorCode only knows AccessDenied and InternalServerError).
 */
export function deleteIdentities(input: Input, ctx: RequestContext) {
  const check = new InputCheck();
  const ids = check.list(input.IdentityIdsToDelete, 'identityIdsToDelete', { required: true, min: 1, max: 60 });
  check.done();
  for (const id of ids!) if (typeof id === 'string') ctx.state.identity.identities.delete(id);
  return { UnprocessedIdentityIds: [] };
}
