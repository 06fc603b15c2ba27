/** An IAM role as the emulator stores it. */
export interface Role {
  roleName: string;
  roleId: string; // AROA...
  arn: string;
  path: string;
  /** The trust policy as sent (JSON text), and parsed. */
  assumeRolePolicyDocument: string;
  trustPolicy: unknown;
  maxSessionDuration: number;
  description?: string;
  createDate: Date;
  tags: { Key: string; Value: string }[];
  /** Inline permission policies by name: JSON text. */
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
  roles: Map<string, Role>; // by roleName
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
