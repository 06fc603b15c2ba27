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
}

export interface IamState {
  roles: Map<string, Role>; // by roleName, as created
  users: Map<string, IamUser>; // by userName
}

export function createIamState(): IamState {
  return { roles: new Map(), users: new Map() };
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
