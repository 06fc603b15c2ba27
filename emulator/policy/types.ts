/** The outcome of evaluating one policy against one request (IAM-UG "Policy evaluation logic"). */
export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** A single condition value as JSON allows it; numbers and booleans compare as their string form. */
export type ConditionScalar = string | number | boolean;
export type ConditionValue = ConditionScalar | ConditionScalar[];

/** `{ "<operator>": { "<context key>": <value or values> } }`. */
export type ConditionBlock = Record<string, Record<string, ConditionValue>>;

/** `"*"` or `{ "AWS" | "Federated" | "Service" | "CanonicalUser": value or values }`. */
export type PrincipalElement = '*' | Record<string, string | string[]>;

/** A parsed IAM policy document (identity, trust or session policy). `Statement` is always an array. */
export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement[];
}

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: PrincipalElement;
  NotPrincipal?: PrincipalElement;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: ConditionBlock;
}

/** Who is asking, by principal type, for resource-based (trust) policies. */
export interface RequestPrincipal {
  /**
   * The caller's ARNs. For a role session pass both the session ARN
   * (`arn:aws:sts::<acct>:assumed-role/<role>/<session>`) and the role ARN, so a
   * trust policy naming either matches.
   */
  AWS?: string[];
  /** The identity provider: `cognito-identity.amazonaws.com`, an OIDC or SAML provider ARN. */
  Federated?: string;
  /** A service principal, e.g. `lambda.amazonaws.com`. */
  Service?: string;
}

export interface PolicyRequest {
  /** e.g. `sts:AssumeRoleWithWebIdentity`. */
  action: string;
  /** Who is asking; only statements with Principal/NotPrincipal look at it. */
  principal?: RequestPrincipal;
  /**
   * The resource ARN. When absent (a trust policy, whose resource is the role
   * itself) Resource/NotResource elements are not consulted.
   */
  resource?: string;
  /**
   * Condition keys and their values; keys are matched case-insensitively. An
   * array is a multivalued key (e.g. `cognito-identity.amazonaws.com:amr`);
   * `undefined` means the key is absent from the request.
   */
  context: Record<string, string | string[] | undefined>;
}
