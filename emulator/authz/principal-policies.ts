import { rolePermissionPolicies } from '../iam/role-permission-policies';
import { dataPlane } from '../iam/data-plane';
import type { PolicyDocument } from '../policy/types';
import type { Principal } from '../principal';
import type { EmulatorState } from '../state';

/**
 * The AWS managed policy AdministratorAccess: "Allow *:* on *" [doc: AWS
 * Managed Policy reference "AdministratorAccess"]. The bootstrap user holds
 * it, so the administrator is authorized by the same evaluation as anyone.
 */
export const ADMINISTRATOR_ACCESS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

/**
 * What limits a principal, in the terms of IAM-UG "Policy evaluation logic":
 * - `identity`: its identity-based policies; undefined when nothing limits it
 *   (the root user; a federated user, whose permissions are its IAM user's,
 *   and the emulator's only user is its administrator);
 * - `boundary`: the permissions boundary of the user or role, if any;
 * - `session`: the session policy the session was created with, if any —
 *   for enhanced-flow guests, Cognito's scope-down (guest-scope-down.ts);
 * - `sessionRequired`: a federated user without one has no permissions at
 *   all ("If you do not pass a policy … the resulting temporary security
 *   credentials have no permissions" [doc: IAM-UG "Permissions for GetFederationToken"]).
 */
export interface PrincipalPolicies {
  identity?: readonly PolicyDocument[];
  /**
   * The permissions boundary of the user or role. IAM's boundaries are not
   * modelled yet, so none is returned; a later issue fills this in (and
   * adds managed policies to `identity`), and authorize.ts already applies it.
   */
  boundary?: PolicyDocument;
  session?: PolicyDocument;
  sessionRequired: boolean;
}

/** A session policy as issue-session.ts stores it: a parsed policy document. */
function sessionPolicyOf(principal: Principal): PolicyDocument | undefined {
  if (principal.kind !== 'assumed-role' && principal.kind !== 'federated-user') return undefined;
  const p = principal.sessionPolicy as PolicyDocument | undefined;
  return p && Array.isArray(p.Statement) ? p : undefined;
}

/**
 * The policies that decide what `principal` may do:
 * - an IAM user (and GetSessionToken credentials, which act as that user
 *   [doc: IAM-UG "Permissions for GetSessionToken"]): the user's policies;
 * - a role session: the role's inline policies AND its session policy; a role
 *   deleted since grants nothing;
 * - a federated user: its session policy;
 * - the root user: not limited.
 * The bootstrap administrator is an IAM user holding AdministratorAccess, so
 * it may do everything that no explicit Deny (a bucket policy's, say) refuses,
 * like any same-account administrator. Managed policies (PolicyArns) are not
 * modelled and grant nothing.
 */
export function principalPolicies(state: EmulatorState, principal: Principal): PrincipalPolicies {
  switch (principal.kind) {
    case 'root':
      return { sessionRequired: false };
    case 'user':
      return { identity: state.iam.users.get(principal.userName)?.policies ?? [], sessionRequired: false };
    case 'assumed-role': {
      const role = dataPlane(state).roleByArn(principal.roleArn);
      return { identity: role ? rolePermissionPolicies(role) : [], session: sessionPolicyOf(principal), sessionRequired: false };
    }
    case 'federated-user':
      return { session: sessionPolicyOf(principal), sessionRequired: true };
  }
}
