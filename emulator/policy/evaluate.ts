// Interface fixed here; implementation owned by the IAM/STS/policy work.
export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** A parsed IAM policy document (identity, trust or session policy). */
export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement[];
}

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | Record<string, string | string[]>;
  NotPrincipal?: '*' | Record<string, string | string[]>;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[] | boolean | number>>;
}

export interface PolicyRequest {
  /** e.g. `sts:AssumeRoleWithWebIdentity`. */
  action: string;
  /**
   * For resource-based (trust) policies: who is asking, by principal type.
   * `Federated` is the provider (`cognito-identity.amazonaws.com`, an OIDC
   * provider ARN or a SAML provider ARN); `AWS` the caller's ARN(s).
   */
  principal?: { AWS?: string[]; Federated?: string; Service?: string };
  resource?: string;
  /** Condition keys and their values; keys are matched case-insensitively. */
  context: Record<string, string | string[] | undefined>;
}

export function parsePolicy(_json: string): PolicyDocument {
  throw new Error('parsePolicy: not implemented yet');
}

export function evaluatePolicy(_policy: PolicyDocument, _request: PolicyRequest): Decision {
  throw new Error('evaluatePolicy: not implemented yet');
}
