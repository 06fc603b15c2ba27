import type { EmulatorState } from '../state';
import type { CredentialRecord } from '../principal';
import type { Role } from '../iam/state';
import { iamUniqueId, secretAccessKey, sessionToken } from '../ids';

export interface RoleSessionRequest {
  role: Role;
  sessionName: string;
  durationSeconds: number;
  /** Which API issued it, e.g. 'AssumeRole', 'GetCredentialsForIdentity'. */
  source: string;
  sessionPolicy?: unknown;
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
    accessKeyId: iamUniqueId('ASIA'),
    secretAccessKey: secretAccessKey(),
    sessionToken: sessionToken(),
    expiration: new Date(now.getTime() + req.durationSeconds * 1000),
    source: req.source,
    principal: {
      kind: 'assumed-role',
      accountId: state.accountId,
      arn: `arn:aws:sts::${state.accountId}:assumed-role/${role.roleName}/${sessionName}`,
      userId: `${role.roleId}:${sessionName}`,
      roleArn: role.arn,
      roleId: role.roleId,
      roleName: role.roleName,
      sessionName,
      sessionPolicy: req.sessionPolicy,
    },
  };
  state.credentials.set(record.accessKeyId, record);
  return record;
}
