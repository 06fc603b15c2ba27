import type { PolicyDocument } from '../policy/types';

/** An IAM role as the emulator stores it. */
export interface Role {
  roleName: string;
  roleId: string; // AROA...
  arn: string;
  path: string;
  /** The trust policy as sent (JSON text; GetRole answers it URL-encoded). */
  assumeRolePolicyDocument: string;
  /** The same trust policy, parsed and validated; evaluate it with `evaluatePolicy`. */
  trustPolicy: PolicyDocument;
  maxSessionDuration: number;
  description?: string;
  createDate: Date;
  tags: { Key: string; Value: string }[];
  /** Inline permission policies by name: JSON text, validated when put. */
  inlinePolicies: Map<string, string>;
}

export interface IamUser {
  userName: string;
  userId: string; // AIDA...
  arn: string;
  path: string;
  createDate: Date;
  /** The user's identity-based policies, parsed. */
  policies: PolicyDocument[];
}

/** An IAM OpenID Connect identity provider (IAM-API CreateOpenIDConnectProvider). */
export interface OidcProvider {
  /** `arn:aws:iam::<acct>:oidc-provider/<url without https://>`. */
  arn: string;
  /** The URL without its scheme, as GetOpenIDConnectProvider answers it (`host/path`). */
  url: string;
  clientIds: string[];
  thumbprints: string[];
  createDate: Date;
  tags: { Key: string; Value: string }[];
}

/** An IAM SAML identity provider (IAM-API CreateSAMLProvider). */
export interface SamlProvider {
  /** `arn:aws:iam::<acct>:saml-provider/<name>`. */
  arn: string;
  name: string;
  /** The metadata document as sent; GetSAMLProvider answers it unchanged. */
  metadataDocument: string;
  /** `entityID` of the metadata's EntityDescriptor: the Issuer its assertions must carry. */
  entityId: string;
  /** PEM certificates of the metadata's signing KeyDescriptors: the keys assertions must be signed with. */
  signingCertificates: string[];
  createDate: Date;
  validUntil: Date;
  tags: { Key: string; Value: string }[];
}

export interface IamState {
  roles: Map<string, Role>; // by roleName, as created
  users: Map<string, IamUser>; // by userName
  /** By ARN. */
  oidcProviders: Map<string, OidcProvider>;
  /** By ARN. */
  samlProviders: Map<string, SamlProvider>;
  /**
   * Principals of credentials STS issued with GetSessionToken. They look like
   * the IAM user (same ARN) but are session credentials: IAM refuses them and
   * GetSessionToken/GetFederationToken will not take them (IAM-UG "Compare AWS
   * STS credentials"). Held weakly: the credential record owns the principal.
   */
  sessionTokenPrincipals: WeakSet<object>;
}

export function createIamState(): IamState {
  return { roles: new Map(), users: new Map(), oidcProviders: new Map(), samlProviders: new Map(), sessionTokenPrincipals: new WeakSet() };
}

/** The IAM OIDC provider for an issuer URL given without its scheme, e.g. `cognito-idp.us-east-1.amazonaws.com/us-east-1_abc`. */
export function oidcProviderByUrl(state: IamState, url: string): OidcProvider | undefined {
  for (const provider of state.oidcProviders.values()) if (provider.url === url) return provider;
  return undefined;
}

/** Find a role by its ARN (`arn:aws:iam::<acct>:role/<path><name>`). */
export function roleByArn(state: IamState, arn: string): Role | undefined {
  for (const role of state.roles.values()) if (role.arn === arn) return role;
  return undefined;
}

/**
 * Find a role by name. IAM names are not distinguished by case (IAM-API
 * CreateRole, RoleName), so `myrole` finds `MyRole`.
 */
export function roleByName(state: IamState, name: string): Role | undefined {
  const exact = state.roles.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const role of state.roles.values()) if (role.roleName.toLowerCase() === lower) return role;
  return undefined;
}
