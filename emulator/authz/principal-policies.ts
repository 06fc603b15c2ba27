import { rolePolicies, userPolicies } from '../iam/entity-policies';
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
 *   (the root user, and a federated user the root user asked for);
 * - `boundary`: the permissions boundary of the user or role, if any;
 * - `session`: the session policy the session was created with, if any —
 *   for enhanced-flow guests, Cognito's scope-down (guest-scope-down.ts);
 * - `sessionRequired`: a federated user without one has no permissions at
 *   all ("If you do not pass a policy … the resulting temporary security
 *   credentials have no permissions" [doc: IAM-UG "Permissions for GetFederationToken"]).
 */
export interface PrincipalPolicies {
  identity?: readonly PolicyDocument[];
  /** The permissions boundary of the user or role (the managed policy it names), if any. */
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
 *   [doc: IAM-UG "Permissions for GetSessionToken"]): the user's policies and
 *   its permissions boundary;
 * - a role session: the role's inline and attached policies, its permissions
 *   boundary AND its session policy; a role deleted since grants nothing;
 * - a federated user: the policies and boundary of the IAM user that asked
 *   for it AND its session policy — "the intersection of the user's
 *   identity-based policy and the session policies. You cannot use the session
 *   policy to grant more permissions than those allowed by the identity-based
 *   policy of the user that is being federated" [doc: IAM-UG "Permissions for
 *   GetFederationToken"]; that the user's boundary caps it too is inferred
 *   from IAM-UG "Policy evaluation logic", which evaluates the boundary of the
 *   entity a session belongs to. A user deleted since grants nothing;
 * - the root user: not limited.
 * The bootstrap administrator is an IAM user holding AdministratorAccess, so
 * it may do everything that no explicit Deny (a bucket policy's, say) refuses,
 * like any same-account administrator. Session policies given as PolicyArns
 * are not modelled and grant nothing.
 */
export function principalPolicies(state: EmulatorState, principal: Principal): PrincipalPolicies {
  switch (principal.kind) {
    case 'root':
      return { sessionRequired: false };
    case 'user': {
      const user = state.iam.users.get(principal.userName);
      return { ...(user ? userPolicies(state, user) : { identity: [] }), sessionRequired: false };
    }
    case 'assumed-role': {
      // The role as STS and the services see it: a change still propagating is not yet in effect.
      const role = dataPlane(state).roleByArn(principal.roleArn);
      return { ...(role ? rolePolicies(state, role) : { identity: [] }), session: sessionPolicyOf(principal), sessionRequired: false };
    }
    case 'federated-user': {
      if (principal.federatedBy === undefined) return { session: sessionPolicyOf(principal), sessionRequired: true };
      const user = state.iam.users.get(principal.federatedBy);
      return { ...(user ? userPolicies(state, user) : { identity: [] }), session: sessionPolicyOf(principal), sessionRequired: true };
    }
  }
}
