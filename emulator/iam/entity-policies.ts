import { parseIdentityPolicy } from '../policy/evaluate';
import type { PolicyDocument } from '../policy/types';
import type { EmulatorState } from '../state';
import { managedPolicyByArn, managedPolicyDocument, managedPolicyDocuments } from './managed-policies';
import { rolePermissionPolicies } from './role-permission-policies';
import type { IamUser, Role } from './state';

/**
 * What limits an IAM role or user, read from the emulator's state: its
 * identity-based policies (inline and attached managed ones) and its
 * permissions boundary. A leaf, so authorization (authz/) and
 * SimulatePrincipalPolicy read them the same way.
 */
export interface EntityPolicies {
  identity: PolicyDocument[];
  boundary?: PolicyDocument;
}

function boundaryDocument(state: EmulatorState, arn: string | undefined): PolicyDocument | undefined {
  if (arn === undefined) return undefined;
  const policy = managedPolicyByArn(state, arn);
  // A boundary whose policy is gone allows nothing [inferred: IAM refuses to delete a policy in use as a boundary, so only hand-built state gets here].
  return policy ? managedPolicyDocument(policy) : { Version: '2012-10-17', Statement: [] };
}

export function rolePolicies(state: EmulatorState, role: Role): EntityPolicies {
  return {
    identity: [...rolePermissionPolicies(role), ...managedPolicyDocuments(state, role.attachedPolicies)],
    boundary: boundaryDocument(state, role.permissionsBoundary),
  };
}

export function userPolicies(state: EmulatorState, user: IamUser): EntityPolicies {
  const inline = [...(user.inlinePolicies?.values() ?? [])].map((doc) => parseIdentityPolicy(doc));
  return { identity: [...user.policies, ...inline], boundary: boundaryDocument(state, user.permissionsBoundary) };
}
