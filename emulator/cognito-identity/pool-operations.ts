import { regionalUuid } from '../ids';
import type { RequestContext } from '../service';
import type { EmulatorState } from '../state';
import { invalidParameter, poolNotFound } from './identity-errors';
import { InputCheck, SHAPES } from './input-check';
import { paginate } from './paginate';
import { describePool, readPoolConfig } from './pool-config';
import { orderOpenIdSigningKey } from './openid-token';
import type { IdentityPool } from './state';

type Input = Record<string, unknown>;

/** Validate an IdentityPoolId member alone and return it (ValidationException otherwise). */
export function readPoolId(input: Input): string {
  const check = new InputCheck();
  const id = check.string(input.IdentityPoolId, 'identityPoolId', { ...SHAPES.identityPoolId, required: true });
  check.done();
  return id!;
}

/** The pool with this id, or ResourceNotFoundException "IdentityPool '<id>' not found.". */
export function findPool(state: EmulatorState, poolId: string): IdentityPool {
  const pool = state.identity.pools.get(poolId);
  if (!pool) throw poolNotFound(poolId);
  return pool;
}

/** CreateIdentityPool [doc: CI-API CreateIdentityPool]: the id is `<region>:<uuid>`. */
export function createIdentityPool(input: Input, ctx: RequestContext) {
  const check = new InputCheck();
  const config = readPoolConfig(check, input);
  check.done();
  orderOpenIdSigningKey(ctx.state);
  const pool: IdentityPool = {
    IdentityPoolId: regionalUuid(ctx.state.region),
    ...config,
    roles: {},
    roleMappings: {},
    createdAt: ctx.now,
  };
  ctx.state.identity.pools.set(pool.IdentityPoolId, pool);
  return describePool(pool);
}

export function describeIdentityPool(input: Input, ctx: RequestContext) {
  return describePool(findPool(ctx.state, readPoolId(input)));
}

/**
 * UpdateIdentityPool takes the whole IdentityPool shape: "If you don't provide
 * a value for a parameter, Amazon Cognito sets it to its default value"
 * [doc: CI-API UpdateIdentityPool], so the settings are replaced, not merged.
 * "Once you have set a developer provider name, you cannot change it" [doc:
 * CI-API CreateIdentityPool DeveloperProviderName]: a different name is
 * refused (wording undocumented) and an omitted one is kept. Tags are managed
 * by TagResource and kept when omitted [undocumented].
 */
export function updateIdentityPool(input: Input, ctx: RequestContext) {
  const check = new InputCheck();
  const poolId = check.string(input.IdentityPoolId, 'identityPoolId', { ...SHAPES.identityPoolId, required: true });
  const config = readPoolConfig(check, input);
  check.done();
  const pool = findPool(ctx.state, poolId!);
  const developer = pool.DeveloperProviderName;
  if (developer !== undefined && config.DeveloperProviderName !== undefined && config.DeveloperProviderName !== developer) {
    throw invalidParameter(
      `DeveloperProviderName cannot be changed once set: ${config.DeveloperProviderName}. Expected: ${developer}.`,
    );
  }
  Object.assign(pool, {
    ...config,
    DeveloperProviderName: config.DeveloperProviderName ?? developer,
    IdentityPoolTags: config.IdentityPoolTags ?? pool.IdentityPoolTags,
  });
  return describePool(pool);
}

/** DeleteIdentityPool: the pool and its identities go; "users will not be able to authenticate with the pool" [doc: CI-API]. */
export function deleteIdentityPool(input: Input, ctx: RequestContext) {
  const pool = findPool(ctx.state, readPoolId(input));
  ctx.state.identity.pools.delete(pool.IdentityPoolId);
  for (const [id, identity] of ctx.state.identity.identities) {
    if (identity.poolId === pool.IdentityPoolId) ctx.state.identity.identities.delete(id);
  }
  return {};
}

/** ListIdentityPools: MaxResults is required, 1–60 [doc: CI-API ListIdentityPools, QueryLimit]. */
export function listIdentityPools(input: Input, ctx: RequestContext) {
  const check = new InputCheck();
  const max = check.integer(input.MaxResults, 'maxResults', { ...SHAPES.queryLimit, required: true });
  const token = check.string(input.NextToken, 'nextToken', SHAPES.paginationKey);
  check.done();
  const pools = [...ctx.state.identity.pools.values()];
  const { page, nextToken } = paginate(pools, (p) => p.IdentityPoolId, max!, token);
  return {
    IdentityPools: page.map((p) => ({ IdentityPoolId: p.IdentityPoolId, IdentityPoolName: p.IdentityPoolName })),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}
