import { rolePermissionPolicies } from '../iam/role-policy-ops';
import { roleByArn } from '../iam/state';
import type { PolicyDocument } from '../policy/types';
import type { Principal } from '../principal';
import type { EmulatorState } from '../state';

/**
 * The policies that decide what a caller may do, by kind [doc: IAM-UG "Policy
 * evaluation logic"; "Session policies"; "Permissions boundaries for IAM
 * entities"]. This is the one place that gathers them, so managed policies
 * and permissions boundaries, when IAM models them, are added here only.
 */
export interface PrincipalPolicies {
  /** Identity-based policies; `all` for a caller that holds every permission. */
  identity: readonly PolicyDocument[] | 'all';
  /** The permissions boundary, when the identity has one. Not modelled yet: always undefined. */
  boundary?: PolicyDocument;
  /**
   * The session policy: it must allow as well, unless a resource-based policy
   * names the session itself. `'none-passed'` is a federated user's session
   * without one, which "has no permissions" [doc: IAM-UG "Permissions for
   * GetFederationToken"].
   */
  session?: PolicyDocument | 'none-passed';
}

function sessionPolicyOf(principal: { sessionPolicy?: unknown }): PolicyDocument | undefined {
  const p = principal.sessionPolicy as PolicyDocument | undefined;
  return p && Array.isArray(p.Statement) ? p : undefined;
}

/**
 * - The root user and the emulator's IAM user (its bootstrap administrator, the
 *   only user it has): every permission.
 * - A role session: the role's inline policies; its session policy, if one was
 *   passed (including the enhanced-flow guest scope-down).
 * - A federated user: the administrator's permissions, narrowed by the session
 *   policy it was issued with, or none without one.
 */
export function principalPolicies(state: EmulatorState, principal: Principal): PrincipalPolicies {
  switch (principal.kind) {
    case 'root':
    case 'user':
      return { identity: 'all' };
    case 'federated-user':
      return { identity: 'all', session: sessionPolicyOf(principal) ?? 'none-passed' };
    case 'assumed-role': {
      const role = roleByArn(state.iam, principal.roleArn);
      return { identity: role ? rolePermissionPolicies(role) : [], session: sessionPolicyOf(principal) };
    }
  }
}
