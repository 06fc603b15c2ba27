import { AwsServiceError } from '../errors';
import type { RequestContext } from '../service';
import { InputCheck, SHAPES } from './input-check';
import { findPool } from './pool-operations';
import type { IdentityPool } from './state';

type Input = Record<string, unknown>;

/**
 * The default mappings of a token provider (a user pool, an OIDC or social
 * provider): the token's `aud` and `sub` ["Default provider mappings" table:
 * "aud (client ID) and sub (user ID)", CG "Default provider mappings"], under
 * the tag keys `client` and `username` (CI-API SetPrincipalTagAttributeMap:
 * "default (username and clientID) attribute mappings") [inferred: the key
 * names, as other emulators calibrated against AWS answer them].
 */
export const DEFAULT_PRINCIPAL_TAGS: Readonly<Record<string, string>> = { client: 'aud', username: 'sub' };

/** What a pool maps for one provider: tag key → the claim that gives its value. */
export interface PrincipalTagMap {
  UseDefaults: boolean;
  PrincipalTags: Record<string, string>;
}

/** The pool's attribute map for a provider, if one is set. */
export function principalTagMap(pool: IdentityPool, provider: string): PrincipalTagMap | undefined {
  return pool.principalTagMaps?.[provider];
}

function readMapRequest(input: Input, withMap: boolean) {
  const check = new InputCheck();
  const poolId = check.string(input.IdentityPoolId, 'identityPoolId', { ...SHAPES.identityPoolId, required: true });
  const provider = check.string(input.IdentityProviderName, 'identityProviderName', { ...SHAPES.identityProviderName, required: true });
  const useDefaults = withMap ? check.boolean(input.UseDefaults, 'useDefaults') : undefined;
  const tags = withMap ? check.stringMap(input.PrincipalTags, 'principalTags', { max: 50, key: SHAPES.principalTagId, value: SHAPES.principalTagValue }) : undefined;
  check.done();
  return { poolId: poolId!, provider: provider!, useDefaults, tags };
}

const answer = (pool: IdentityPool, provider: string, map: PrincipalTagMap) => ({
  IdentityPoolId: pool.IdentityPoolId,
  IdentityProviderName: provider,
  UseDefaults: map.UseDefaults,
  PrincipalTags: { ...map.PrincipalTags },
});

/**
 * SetPrincipalTagAttributeMap [doc: CI-API SetPrincipalTagAttributeMap;
 * CG "Using attributes for access control"]: the tags Cognito puts on the
 * sessions of users of one provider. `UseDefaults` replaces any custom map
 * with the defaults [inferred]; neither defaults nor tags switches the mapping
 * off [inferred: the console's "Inactive"]. Answers the stored mapping.
 */
export function setPrincipalTagAttributeMap(input: Input, ctx: RequestContext) {
  const req = readMapRequest(input, true);
  const pool = findPool(ctx.state, req.poolId);
  const map: PrincipalTagMap = req.useDefaults ? { UseDefaults: true, PrincipalTags: { ...DEFAULT_PRINCIPAL_TAGS } } : { UseDefaults: false, PrincipalTags: { ...req.tags } };
  pool.principalTagMaps ??= {};
  if (map.UseDefaults || Object.keys(map.PrincipalTags).length > 0) pool.principalTagMaps[req.provider] = map;
  else delete pool.principalTagMaps[req.provider];
  return answer(pool, req.provider, map);
}

/**
 * GetPrincipalTagAttributeMap [doc: CI-API GetPrincipalTagAttributeMap]. A
 * provider without a mapping is ResourceNotFoundException [inferred].
 */
export function getPrincipalTagAttributeMap(input: Input, ctx: RequestContext) {
  const req = readMapRequest(input, false);
  const pool = findPool(ctx.state, req.poolId);
  const map = principalTagMap(pool, req.provider);
  if (!map) throw new AwsServiceError('ResourceNotFoundException', `No principal tag attribute map for provider '${req.provider}' in IdentityPool '${pool.IdentityPoolId}'.`, 400);
  return answer(pool, req.provider, map);
}

/**
 * The session tags a mapping gives a login: each tag takes the value of its
 * claim; a claim the token lacks gives no tag [inferred]. "When Amazon Cognito
 * requests credentials, it sets the value of the principal tag to the value of
 * the user's claim" [doc: CloudFormation AWS::Cognito::IdentityPoolPrincipalTag].
 */
export function principalTagsOf(map: PrincipalTagMap | undefined, claims: Record<string, unknown>): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [tag, claim] of Object.entries(map?.PrincipalTags ?? {})) {
    const value = claims[claim];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') tags[tag] = String(value);
  }
  return tags;
}
