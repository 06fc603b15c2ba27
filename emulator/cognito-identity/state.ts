import type { SigningKey } from '../cognito-idp/state';

/** A user pool and app client an identity pool accepts ID tokens from (CI-API CognitoIdentityProvider). */
export interface CognitoProviderConfig {
  /** `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  ProviderName: string;
  ClientId: string;
  ServerSideTokenCheck: boolean;
}

/** A rule of a `Rules` role mapping (CI-API MappingRule). */
export interface MappingRule {
  Claim: string;
  MatchType: MatchType;
  Value: string;
  RoleARN: string;
}

export type MatchType = 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
export type AmbiguousRoleResolution = 'AuthenticatedRole' | 'Deny';

/** How users of one provider are mapped to roles (CI-API RoleMapping). */
export interface RoleMapping {
  Type: 'Token' | 'Rules';
  AmbiguousRoleResolution: AmbiguousRoleResolution;
  /** Present for `Rules` mappings only. */
  RulesConfiguration?: { Rules: MappingRule[] };
}

/** The default roles of a pool: the only keys AWS allows (CI-API SetIdentityPoolRoles, RolesMap). */
export interface PoolRoles {
  authenticated?: string;
  unauthenticated?: string;
}

/** An identity pool as the emulator stores it; field names follow the CI-API IdentityPool shape. */
export interface IdentityPool {
  IdentityPoolId: string;
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow: boolean;
  SupportedLoginProviders?: Record<string, string>;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs?: string[];
  CognitoIdentityProviders?: CognitoProviderConfig[];
  SamlProviderARNs?: string[];
  IdentityPoolTags?: Record<string, string>;
  roles: PoolRoles;
  /** Keyed by provider, e.g. `cognito-idp.<region>.amazonaws.com/<userPoolId>:<appClientId>`. */
  roleMappings: Record<string, RoleMapping>;
  /** Attributes for access control, by provider name (principal-tags.ts). */
  principalTagMaps?: Record<string, { UseDefaults: boolean; PrincipalTags: Record<string, string> }>;
  createdAt: Date;
}

/** One identity in a pool: a guest, or a set of linked logins. */
export interface Identity {
  identityId: string;
  poolId: string;
  /** Linked logins: provider name → the provider's user id (`sub` for user pools). Empty for a guest. */
  logins: Map<string, string>;
  createdAt: Date;
  lastModifiedAt: Date;
}

/** Everything the cognito-identity service keeps. */
export interface IdentityState {
  pools: Map<string, IdentityPool>;
  identities: Map<string, Identity>;
  /**
   * The key the service signs its OpenID tokens with (openid-token.ts). One per
   * emulator, as AWS has one issuer for every pool; made on first use.
   */
  openIdKey?: SigningKey;
}

export function createIdentityState(): IdentityState {
  return { pools: new Map(), identities: new Map() };
}

/** Find the identity a login is linked to in a pool, if any. */
export function identityByLogin(state: IdentityState, poolId: string, provider: string, userId: string): Identity | undefined {
  for (const identity of state.identities.values()) {
    if (identity.poolId === poolId && identity.logins.get(provider) === userId) return identity;
  }
  return undefined;
}
