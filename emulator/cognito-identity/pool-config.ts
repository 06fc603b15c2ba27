import { InputCheck, SHAPES } from './input-check';
import type { CognitoProviderConfig, IdentityPool } from './state';

/** The settable part of an identity pool: what CreateIdentityPool and UpdateIdentityPool take. */
export type PoolConfig = Pick<
  IdentityPool,
  | 'IdentityPoolName'
  | 'AllowUnauthenticatedIdentities'
  | 'AllowClassicFlow'
  | 'SupportedLoginProviders'
  | 'DeveloperProviderName'
  | 'OpenIdConnectProviderARNs'
  | 'CognitoIdentityProviders'
  | 'SamlProviderARNs'
  | 'IdentityPoolTags'
>;

function cognitoProviders(check: InputCheck, value: unknown): CognitoProviderConfig[] | undefined {
  const list = check.list(value, 'cognitoIdentityProviders');
  if (!list) return undefined;
  return list.map((item, i) => {
    const path = `cognitoIdentityProviders.${i + 1}.member`;
    const p = check.structure(item, path, true) ?? {};
    return {
      ProviderName: check.string(p.ProviderName, `${path}.providerName`, SHAPES.cognitoProviderName) ?? '',
      ClientId: check.string(p.ClientId, `${path}.clientId`, SHAPES.cognitoClientId) ?? '',
      // [doc: CI-API CognitoIdentityProvider] a boxed boolean; AWS echoes false when not sent [obs: aws-cli create-identity-pool example output].
      ServerSideTokenCheck: check.boolean(p.ServerSideTokenCheck, `${path}.serverSideTokenCheck`) ?? false,
    };
  });
}

/**
 * Validate the pool settings of CreateIdentityPool / UpdateIdentityPool against
 * the CI-API shapes (IdentityPoolName 1–128 `[\w\s+=,.@-]+`,
 * AllowUnauthenticatedIdentities required, SupportedLoginProviders ≤10, …).
 * Violations are collected into `check`; the caller calls `check.done()`.
 */
export function readPoolConfig(check: InputCheck, input: Record<string, unknown>): PoolConfig {
  const name = check.string(input.IdentityPoolName, 'identityPoolName', { ...SHAPES.identityPoolName, required: true });
  const allowUnauth = check.boolean(input.AllowUnauthenticatedIdentities, 'allowUnauthenticatedIdentities', true);
  const config: PoolConfig = {
    IdentityPoolName: name ?? '',
    AllowUnauthenticatedIdentities: allowUnauth ?? false,
    AllowClassicFlow: check.boolean(input.AllowClassicFlow, 'allowClassicFlow') ?? false,
    SupportedLoginProviders: check.stringMap(input.SupportedLoginProviders, 'supportedLoginProviders', {
      max: 10,
      key: SHAPES.identityProviderName,
      value: SHAPES.identityProviderId,
    }),
    DeveloperProviderName: check.string(input.DeveloperProviderName, 'developerProviderName', SHAPES.developerProviderName),
    OpenIdConnectProviderARNs: check.stringList(input.OpenIdConnectProviderARNs, 'openIdConnectProviderARNs', SHAPES.arn),
    CognitoIdentityProviders: cognitoProviders(check, input.CognitoIdentityProviders),
    SamlProviderARNs: check.stringList(input.SamlProviderARNs, 'samlProviderARNs', SHAPES.arn),
    IdentityPoolTags: check.stringMap(input.IdentityPoolTags, 'identityPoolTags', { key: SHAPES.tagKey, value: SHAPES.tagValue }),
  };
  return config;
}

/**
 * The IdentityPool shape AWS answers Create/Describe/UpdateIdentityPool with:
 * the required members always, the optional ones when the pool has them
 * (which empty collections AWS echoes is undocumented; record it).
 */
export function describePool(pool: IdentityPool): Record<string, unknown> {
  const out: Record<string, unknown> = {
    IdentityPoolId: pool.IdentityPoolId,
    IdentityPoolName: pool.IdentityPoolName,
    AllowUnauthenticatedIdentities: pool.AllowUnauthenticatedIdentities,
    AllowClassicFlow: pool.AllowClassicFlow,
  };
  if (pool.SupportedLoginProviders) out.SupportedLoginProviders = { ...pool.SupportedLoginProviders };
  if (pool.DeveloperProviderName !== undefined) out.DeveloperProviderName = pool.DeveloperProviderName;
  if (pool.OpenIdConnectProviderARNs) out.OpenIdConnectProviderARNs = [...pool.OpenIdConnectProviderARNs];
  if (pool.CognitoIdentityProviders) out.CognitoIdentityProviders = pool.CognitoIdentityProviders.map((p) => ({ ...p }));
  if (pool.SamlProviderARNs) out.SamlProviderARNs = [...pool.SamlProviderARNs];
  if (pool.IdentityPoolTags) out.IdentityPoolTags = { ...pool.IdentityPoolTags };
  return out;
}
