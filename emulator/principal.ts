/**
 * What a role session carries into the request context of every later call
 * [doc: IAM-UG "AWS global condition context keys": aws:PrincipalTag,
 * aws:SourceIdentity; IAM-UG "IAM policy elements: Variables and tags": the
 * web identity and SAML keys, e.g. `cognito-identity.amazonaws.com:sub`].
 */
export interface SessionAttributes {
  /** Session tags (AssumeRole `Tags`); they win over the role's own tags. */
  tags?: Record<string, string>;
  /** The keys of `tags` a chained AssumeRole passes on [doc: IAM-UG "Chaining roles with session tags"]. */
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
  /** The federation keys the session was issued with, e.g. `cognito-identity.amazonaws.com:sub` or `saml:sub`. */
  federatedKeys?: Record<string, string | string[] | undefined>;
}

/**
 * Who signed a request, resolved from the SigV4 access key. The shapes follow
 * what STS GetCallerIdentity reports for each kind (IAM-UG "IAM identifiers").
 */
export type Principal =
  | {
      kind: 'user';
      accountId: string;
      arn: string; // arn:aws:iam::<acct>:user/<name>
      userId: string; // AIDA...
      userName: string;
    }
  | {
      kind: 'assumed-role';
      accountId: string;
      arn: string; // arn:aws:sts::<acct>:assumed-role/<role>/<session>
      userId: string; // <RoleId>:<session>
      roleArn: string;
      roleId: string;
      roleName: string;
      sessionName: string;
      /** Session policy passed to the assume call, narrowing the role. */
      sessionPolicy?: unknown;
      session?: SessionAttributes;
    }
  | {
      kind: 'federated-user';
      accountId: string;
      arn: string; // arn:aws:sts::<acct>:federated-user/<name>
      userId: string; // <acct>:<name>
      name: string;
      sessionPolicy?: unknown;
      /**
       * The IAM user whose long-term keys asked for the session; undefined for
       * the root user. Its policies and boundary cap the session.
       */
      federatedBy?: string;
    }
  | {
      kind: 'root';
      accountId: string;
      arn: string; // arn:aws:iam::<acct>:root
      userId: string; // <acct>
    };

/** A set of credentials the emulator knows, long-term or temporary. */
export interface CredentialRecord {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Absent for long-term keys. */
  expiration?: Date;
  principal: Principal;
  /** How the session was obtained, e.g. 'AssumeRole', 'GetCredentialsForIdentity'. */
  source: string;
}
