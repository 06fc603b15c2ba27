import type { KeyObject } from 'node:crypto';

/** Password rules of a pool (UP-API PasswordPolicyType). */
export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
  PasswordHistorySize?: number;
}

export type AttributeDataType = 'String' | 'Number' | 'DateTime' | 'Boolean';

/** One attribute of a pool's schema, standard or `custom:` (UP-API SchemaAttributeType). */
export interface SchemaAttribute {
  /** Full name as used on users: `email`, `custom:tenant`. */
  Name: string;
  AttributeDataType: AttributeDataType;
  DeveloperOnlyAttribute: boolean;
  Mutable: boolean;
  Required: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/** An app client (UP-API UserPoolClientType), with the values it was created with. */
export interface AppClient {
  clientId: string;
  clientName: string;
  userPoolId: string;
  clientSecret?: string;
  createdAt: Date;
  lastModifiedAt: Date;
  /** As sent; undefined means AWS's default set (see auth-flows.ts). */
  explicitAuthFlows?: string[];
  preventUserExistenceErrors?: 'LEGACY' | 'ENABLED';
  idTokenValidity?: number;
  accessTokenValidity?: number;
  refreshTokenValidity: number;
  tokenValidityUnits: { AccessToken?: TimeUnit; IdToken?: TimeUnit; RefreshToken?: TimeUnit };
  enableTokenRevocation: boolean;
  /** Minutes a challenge session stays valid. */
  authSessionValidity: number;
  /** OAuth and attribute settings stored and echoed by DescribeUserPoolClient, not acted on. */
  echoed: Record<string, unknown>;
}

export type UserStatus = 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED' | 'UNCONFIRMED' | 'RESET_REQUIRED';

export interface PoolUser {
  username: string;
  sub: string;
  /** Attribute values by name, in the order they were first set (`sub` included). */
  attributes: Map<string, string>;
  password: string;
  status: UserStatus;
  enabled: boolean;
  createdAt: Date;
  lastModifiedAt: Date;
  /** When the current password was set; temporary passwords expire from here. */
  passwordSetAt: Date;
  /** Group names, in the order the user joined them. */
  groups: Set<string>;
}

export interface PoolGroup {
  groupName: string;
  description?: string;
  roleArn?: string;
  precedence?: number;
  createdAt: Date;
  lastModifiedAt: Date;
}

/** The RSA key a pool signs its tokens with. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public JWK as served at `/.well-known/jwks.json`. */
  jwk: Record<string, unknown>;
}

/** What an opaque refresh token stands for. */
export interface RefreshGrant {
  clientId: string;
  username: string;
  authTime: number;
  originJti: string;
  expiresAt: Date;
}

/** A pending challenge (e.g. NEW_PASSWORD_REQUIRED) keyed by its opaque Session. */
export interface ChallengeSession {
  clientId: string;
  username: string;
  challengeName: 'NEW_PASSWORD_REQUIRED';
  expiresAt: Date;
}

export interface UserPool {
  id: string;
  name: string;
  arn: string;
  region: string;
  createdAt: Date;
  lastModifiedAt: Date;
  passwordPolicy: PasswordPolicy;
  schema: SchemaAttribute[];
  tags: Record<string, string>;
  mfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
  deletionProtection: 'ACTIVE' | 'INACTIVE';
  usernameCaseSensitive: boolean;
  /** Settings stored and echoed by DescribeUserPool but not acted on. */
  echoed: Record<string, unknown>;
  clients: Map<string, AppClient>;
  /** Keyed by the lookup form of the username (see usernameKey). */
  users: Map<string, PoolUser>;
  groups: Map<string, PoolGroup>;
  /** Created on first use: generating RSA keys for pools that never sign anything is wasted time. */
  signingKey?: SigningKey;
  refreshTokens: Map<string, RefreshGrant>;
  sessions: Map<string, ChallengeSession>;
}

// Owned by the cognito-idp service.
export interface IdpState {
  pools: Map<string, UserPool>;
}

export function createIdpState(): IdpState {
  return { pools: new Map() };
}

/** The key a username is stored under: lower-cased when the pool is case-insensitive. */
export function usernameKey(pool: UserPool, username: string): string {
  return pool.usernameCaseSensitive ? username : username.toLowerCase();
}

/** Find an app client by id across all pools; client ids are globally unique. */
export function findClient(state: IdpState, clientId: string): { pool: UserPool; client: AppClient } | undefined {
  for (const pool of state.pools.values()) {
    const client = pool.clients.get(clientId);
    if (client) return { pool, client };
  }
  return undefined;
}
