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
  /** ARNs of the managed policies attached to it (AttachRolePolicy), in attach order. */
  attachedPolicies?: string[];
  /** ARN of the managed policy that is its permissions boundary, if any. */
  permissionsBoundary?: string;
}

export interface IamUser {
  userName: string;
  userId: string; // AIDA...
  arn: string;
  path: string;
  createDate: Date;
  /** Identity-based policies given directly (the bootstrap administrator's AdministratorAccess), parsed. */
  policies: PolicyDocument[];
  /** Inline policies by name (PutUserPolicy): JSON text, validated when put. */
  inlinePolicies?: Map<string, string>;
  /** ARN of the managed policy that is its permissions boundary, if any. */
  permissionsBoundary?: string;
  tags?: { Key: string; Value: string }[];
}

/** One version of a managed policy (IAM-API PolicyVersion). */
export interface PolicyVersion {
  versionId: string;
  /** The document as sent (JSON text); GetPolicyVersion answers it URL-encoded. */
  document: string;
  createDate: Date;
}

/** A customer managed policy (IAM-API CreatePolicy), or an AWS managed one the emulator knows. */
export interface ManagedPolicy {
  policyName: string;
  policyId: string; // ANPA...
  arn: string;
  path: string;
  description?: string;
  createDate: Date;
  updateDate: Date;
  defaultVersionId: string;
  versions: PolicyVersion[];
  tags: { Key: string; Value: string }[];
  /** True for AWS managed policies (`arn:aws:iam::aws:policy/…`), which no caller may change or delete. */
  awsManaged: boolean;
}

/** A long-term access key of an IAM user (IAM-API CreateAccessKey). The secret lives only in the credential record. */
export interface AccessKeyEntry {
  accessKeyId: string;
  userName: string;
  status: 'Active' | 'Inactive';
  createDate: Date;
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
  /** Customer managed policies by ARN (AWS managed ones come from managed-policies.ts). */
  policies: Map<string, ManagedPolicy>;
  /** Long-term access keys of users created through the API, by access key id. */
  accessKeys: Map<string, AccessKeyEntry>;
  /**
   * Principals of credentials STS issued with GetSessionToken. They look like
   * the IAM user (same ARN) but are session credentials: IAM refuses them and
   * GetSessionToken/GetFederationToken will not take them (IAM-UG "Compare AWS
   * STS credentials"). Held weakly: the credential record owns the principal.
   */
  sessionTokenPrincipals: WeakSet<object>;
}

export function createIamState(): IamState {
  return { roles: new Map(), users: new Map(), oidcProviders: new Map(), samlProviders: new Map(), policies: new Map(), accessKeys: new Map(), sessionTokenPrincipals: new WeakSet() };
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

/** Find a user by name; like roles, user names are not distinguished by case (IAM-API CreateUser, UserName). */
export function userByName(state: IamState, name: string): IamUser | undefined {
  const exact = state.users.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const user of state.users.values()) if (user.userName.toLowerCase() === lower) return user;
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
