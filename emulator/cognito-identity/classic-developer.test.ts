// The basic-flow gate, guest GetId, first-match rules and developer identities
// as functions over emulator state, with the mutants that break each of them.
import { decodeJwt } from 'jose';
import type { MutantName } from '../mutants';
import { checkClassicFlow } from './classic-flow';
import { getOpenIdTokenForDeveloperIdentity } from './developer-identity';
import { lookupDeveloperIdentity, unlinkDeveloperIdentity } from './developer-operations';
import { getId } from './get-id';
import { getOpenIdToken } from './get-open-id-token';
import { createIdentityPool } from './pool-operations';
import { selectRole } from './role-selection';
import type { IdentityPool, MappingRule } from './state';
import { errorOf, testContext, testState, withSharedOpenIdKey } from './test-support';

const DEV = 'login.idchain.dev';

function setup(pool: { classic?: boolean; guests?: boolean } = {}, mutants: MutantName[] = []) {
  const { state, clock } = withSharedOpenIdKey(testState(mutants));
  const ctx = () => testContext(state);
  const { IdentityPoolId } = createIdentityPool(
    {
      IdentityPoolName: 'p',
      AllowUnauthenticatedIdentities: pool.guests ?? true,
      AllowClassicFlow: pool.classic ?? true,
      DeveloperProviderName: DEV,
    },
    ctx(),
  ) as { IdentityPoolId: string };
  const guest = async () => ((await getId({ IdentityPoolId }, ctx())) as { IdentityId: string }).IdentityId;
  const devToken = (input: Record<string, unknown>) =>
    getOpenIdTokenForDeveloperIdentity({ IdentityPoolId, ...input }, ctx()) as Promise<{ IdentityId: string; Token: string }>;
  return { state, clock, ctx, poolId: IdentityPoolId, pool: () => state.identity.pools.get(IdentityPoolId)!, guest, devToken };
}

describe('checkClassicFlow (aws-contract.md §2 Flows)', () => {
  const pool = (AllowClassicFlow: boolean, mapped: boolean) =>
    ({ AllowClassicFlow, roleMappings: mapped ? { k: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } } : {} }) as unknown as IdentityPool;

  test('needs AllowClassicFlow, then no RoleMappings', () => {
    expect(checkClassicFlow(pool(false, false))?.message).toBe('Basic (classic) flow is not enabled, please use enhanced flow.');
    expect(checkClassicFlow(pool(false, true))?.message).toBe('Basic (classic) flow is not enabled, please use enhanced flow.');
    expect(checkClassicFlow(pool(true, true))).toMatchObject({
      code: 'InvalidParameterException',
      status: 400,
      message: 'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.',
    });
    expect(checkClassicFlow(pool(true, false))).toBeUndefined();
  });

  test('mutant classic-flow-flag-ignored skips the flag only; RoleMappings still refuse', () => {
    expect(checkClassicFlow(pool(false, false), true)).toBeUndefined();
    expect(checkClassicFlow(pool(false, true), true)?.code).toBe('InvalidParameterException');
  });
});

describe('GetOpenIdToken', () => {
  test('a guest of a classic pool gets a 10-minute token with amr ["unauthenticated"]', async () => {
    const s = setup();
    const IdentityId = await s.guest();
    const out = (await getOpenIdToken({ IdentityId }, s.ctx())) as { IdentityId: string; Token: string };
    expect(out.IdentityId).toBe(IdentityId);
    const claims = decodeJwt(out.Token);
    expect(claims).toMatchObject({ sub: IdentityId, aud: s.poolId, amr: ['unauthenticated'] });
    expect(claims.exp! - claims.iat!).toBe(600);
  });

  test('a pool without AllowClassicFlow refuses; under mutant classic-flow-flag-ignored it answers a token', async () => {
    const s = setup({ classic: false });
    const IdentityId = await s.guest();
    expect(await errorOf(() => getOpenIdToken({ IdentityId }, s.ctx()))).toEqual({
      code: 'InvalidParameterException',
      status: 400,
      message: 'Basic (classic) flow is not enabled, please use enhanced flow.',
    });
    const m = setup({ classic: false }, ['classic-flow-flag-ignored']);
    const mutantId = await m.guest();
    expect(((await getOpenIdToken({ IdentityId: mutantId }, m.ctx())) as { Token: string }).Token).toBeTruthy();
  });

  test('an identity with logins asked for without Logins → "Logins don\'t match…"', async () => {
    const s = setup();
    const { IdentityId } = await s.devToken({ Logins: { [DEV]: 'u1' } });
    expect((await errorOf(() => getOpenIdToken({ IdentityId }, s.ctx()))).message).toBe(
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
  });
});

describe('GetId without Logins', () => {
  test('a pool without guests refuses; mutant guest-allowed-when-disabled answers an identity', async () => {
    const s = setup({ guests: false });
    expect(await errorOf(() => getId({ IdentityPoolId: s.poolId }, s.ctx()))).toEqual({
      code: 'NotAuthorizedException',
      status: 400,
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
    const m = setup({ guests: false }, ['guest-allowed-when-disabled']);
    expect(((await getId({ IdentityPoolId: m.poolId }, m.ctx())) as { IdentityId: string }).IdentityId).toMatch(/^us-east-1:/);
  });
});

describe('Rules: first match wins (CI-API RulesConfigurationType)', () => {
  const rule = (Value: string, RoleARN: string): MappingRule => ({ Claim: 'dept', MatchType: 'StartsWith', Value, RoleARN });
  const input = {
    login: { provider: 'p', claims: { dept: 'engineering' } },
    allowUnauthenticated: false,
    roles: { authenticated: 'arn:aws:iam::1:role/default' },
    mapping: {
      Type: 'Rules' as const,
      AmbiguousRoleResolution: 'AuthenticatedRole' as const,
      RulesConfiguration: { Rules: [rule('x', 'arn:aws:iam::1:role/none'), rule('eng', 'arn:aws:iam::1:role/first'), rule('e', 'arn:aws:iam::1:role/last')] },
    },
  };

  test('the first matching rule decides', () => {
    expect(selectRole(input)).toEqual({ roleArn: 'arn:aws:iam::1:role/first', reason: 'rule-2' });
  });

  test('mutant rules-last-match: the last matching rule decides', () => {
    expect(selectRole({ ...input, lastMatchWins: true })).toEqual({ roleArn: 'arn:aws:iam::1:role/last', reason: 'rule-3' });
  });
});

describe('developer-authenticated identities (CI-API GetOpenIdTokenForDeveloperIdentity)', () => {
  test('TokenDuration defaults to 900 seconds', async () => {
    const s = setup();
    const claims = decodeJwt((await s.devToken({ Logins: { [DEV]: 'u1' } })).Token);
    expect(claims.exp! - claims.iat!).toBe(900);
  });

  test('a pool without a developer provider refuses the call', async () => {
    const { state } = testState();
    const ctx = testContext(state);
    const { IdentityPoolId } = createIdentityPool({ IdentityPoolName: 'p', AllowUnauthenticatedIdentities: true }, ctx) as { IdentityPoolId: string };
    expect(await errorOf(() => getOpenIdTokenForDeveloperIdentity({ IdentityPoolId, Logins: { [DEV]: 'u' } }, ctx))).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'This identity pool does not support the specified developer provider',
    });
  });

  test('linking to an identity that has other logins needs one of them: "Logins don\'t match" [obs: aws/aws-sdk-js#2327]', async () => {
    const s = setup();
    const IdentityId = await s.guest();
    s.state.identity.identities.get(IdentityId)!.logins.set('cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123', 'sub-1');
    expect((await errorOf(() => s.devToken({ IdentityId, Logins: { [DEV]: 'u1' } }))).message).toBe(
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
  });

  test('an IdentityId of another pool or none at all → ResourceNotFoundException', async () => {
    const s = setup();
    const other = setup();
    const foreign = await other.guest();
    expect(await errorOf(() => s.devToken({ IdentityId: foreign, Logins: { [DEV]: 'u1' } }))).toEqual({
      code: 'ResourceNotFoundException',
      status: 400,
      message: `Identity '${foreign}' not found.`,
    });
  });

  test('a second developer user for an identity that has one: none of its logins is presented, so "Logins don\'t match"', async () => {
    const s = setup();
    const { IdentityId } = await s.devToken({ Logins: { [DEV]: 'u1' } });
    expect(await errorOf(() => s.devToken({ IdentityId, Logins: { [DEV]: 'u2' } }))).toMatchObject({
      code: 'NotAuthorizedException',
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
  });

  test('LookupDeveloperIdentity: neither id nor user → InvalidParameterException; a user of another identity → ResourceConflictException', async () => {
    const s = setup();
    const { IdentityId } = await s.devToken({ Logins: { [DEV]: 'u1' } });
    await s.devToken({ Logins: { [DEV]: 'u2' } });
    expect((await errorOf(() => lookupDeveloperIdentity({ IdentityPoolId: s.poolId }, s.ctx()))).code).toBe('InvalidParameterException');
    expect(lookupDeveloperIdentity({ IdentityPoolId: s.poolId, IdentityId, DeveloperUserIdentifier: 'u1' }, s.ctx())).toEqual({
      IdentityId,
      DeveloperUserIdentifierList: ['u1'],
    });
    expect(
      (await errorOf(() => lookupDeveloperIdentity({ IdentityPoolId: s.poolId, IdentityId, DeveloperUserIdentifier: 'u2' }, s.ctx()))).code,
    ).toBe('ResourceConflictException');
  });

  test('UnlinkDeveloperIdentity: another provider name is refused, an unlinked user is a conflict', async () => {
    const s = setup();
    const { IdentityId } = await s.devToken({ Logins: { [DEV]: 'u1' } });
    const unlink = (DeveloperProviderName: string, DeveloperUserIdentifier: string) =>
      errorOf(() => unlinkDeveloperIdentity({ IdentityPoolId: s.poolId, IdentityId, DeveloperProviderName, DeveloperUserIdentifier }, s.ctx()));
    expect((await unlink('login.other', 'u1')).code).toBe('NotAuthorizedException');
    expect((await unlink(DEV, 'u9')).code).toBe('ResourceConflictException');
  });
});
