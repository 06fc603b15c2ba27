import type { EmulatorState } from '../state';
import type { CredentialRecord, Principal, SessionAttributes } from '../principal';
import type { Role } from '../iam/state';
import { newAccessKeyId, secretAccessKey, sessionToken } from '../ids';
import { stsArn } from '../region';

export interface RoleSessionRequest {
  role: Role;
  sessionName: string;
  durationSeconds: number;
  /** Which API issued it, e.g. 'AssumeRole', 'GetCredentialsForIdentity'. */
  source: string;
  sessionPolicy?: unknown;
  /** Tags, source identity and federation keys later requests' context carries. */
  attributes?: SessionAttributes;
}

/**
 * Mint temporary credentials for a role session and remember them, so later
 * signed calls resolve to `assumed-role/<role>/<session>` (IAM-UG "IAM identifiers":
 * temporary keys start ASIA, the user id is `<RoleId>:<session>`).
 */
export function issueRoleSession(state: EmulatorState, req: RoleSessionRequest): CredentialRecord {
  const now = state.clock.now();
  const { role, sessionName } = req;
  const record: CredentialRecord = {
    accessKeyId: newAccessKeyId('ASIA'),
    secretAccessKey: secretAccessKey(),
    sessionToken: sessionToken(),
    expiration: new Date(now.getTime() + req.durationSeconds * 1000),
    source: req.source,
    principal: {
      kind: 'assumed-role',
      accountId: state.accountId,
      arn: stsArn(state.region, state.accountId, `assumed-role/${role.roleName}/${sessionName}`),
      userId: `${role.roleId}:${sessionName}`,
      roleArn: role.arn,
      roleId: role.roleId,
      roleName: role.roleName,
      sessionName,
      sessionPolicy: req.sessionPolicy,
      ...(req.attributes ? { session: req.attributes } : {}),
    },
  };
  state.credentials.set(record.accessKeyId, record);
  return record;
}

/**
 * Mint credentials for a federated user (GetFederationToken): ARN
 * `arn:aws:sts::<acct>:federated-user/<name>`, user id `<acct>:<name>`
 * [obs, aws-contract.md §3]. The session policy is what the session may do.
 */
export function issueFederatedSession(
  state: EmulatorState,
  req: { name: string; durationSeconds: number; sessionPolicy?: unknown; federatedBy?: string },
): CredentialRecord {
  const now = state.clock.now();
  const record: CredentialRecord = {
    accessKeyId: newAccessKeyId('ASIA'),
    secretAccessKey: secretAccessKey(),
    sessionToken: sessionToken(),
    expiration: new Date(now.getTime() + req.durationSeconds * 1000),
    source: 'GetFederationToken',
    principal: {
      kind: 'federated-user',
      accountId: state.accountId,
      arn: stsArn(state.region, state.accountId, `federated-user/${req.name}`),
      userId: `${state.accountId}:${req.name}`,
      name: req.name,
      sessionPolicy: req.sessionPolicy,
      federatedBy: req.federatedBy,
    },
  };
  state.credentials.set(record.accessKeyId, record);
  return record;
}

/**
 * Mint GetSessionToken credentials: temporary keys that act as the same user
 * (or root), so GetCallerIdentity answers the caller's own ARN. The principal
 * is a copy, remembered in `state.iam.sessionTokenPrincipals`, so IAM and STS
 * can tell these session credentials from the long-term keys.
 */
export function issueUserSession(state: EmulatorState, caller: Principal, durationSeconds: number): CredentialRecord {
  const now = state.clock.now();
  const principal: Principal = { ...caller };
  state.iam.sessionTokenPrincipals.add(principal);
  const record: CredentialRecord = {
    accessKeyId: newAccessKeyId('ASIA'),
    secretAccessKey: secretAccessKey(),
    sessionToken: sessionToken(),
    expiration: new Date(now.getTime() + durationSeconds * 1000),
    source: 'GetSessionToken',
    principal,
  };
  state.credentials.set(record.accessKeyId, record);
  return record;
}
