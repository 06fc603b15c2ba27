import type { Operation, ServiceDefinition } from '../service';
import type { EmulatorState } from '../state';
import {
  createRole,
  deleteRole,
  getRole,
  listRoles,
  updateAssumeRolePolicy,
  updateRole,
  updateRoleDescription,
} from './role-ops';
import { deleteRolePolicy, getRolePolicy, listRolePolicies, putRolePolicy } from './role-policy-ops';
import { listRoleTags, tagRole, untagRole } from './role-tag-ops';
import {
  addClientIDToOpenIDConnectProvider,
  createOpenIDConnectProvider,
  deleteOpenIDConnectProvider,
  getOpenIDConnectProvider,
  listOpenIDConnectProviders,
  removeClientIDFromOpenIDConnectProvider,
  updateOpenIDConnectProviderThumbprint,
} from './oidc-provider-ops';
import { createSAMLProvider, deleteSAMLProvider, getSAMLProvider, listSAMLProviders } from './saml-provider-ops';
import { createPolicy, deletePolicy, getPolicy, getPolicyVersion, listPolicies } from './managed-policy-ops';
import { attachRolePolicy, deleteRolePermissionsBoundary, detachRolePolicy, listAttachedRolePolicies, putRolePermissionsBoundary } from './attached-policy-ops';
import {
  createUser,
  deleteUser,
  deleteUserPermissionsBoundary,
  getUser,
  listUsers,
  listUserTags,
  putUserPermissionsBoundary,
  tagUser,
  untagUser,
} from './user-ops';
import { deleteUserPolicy, getUserPolicy, listUserPolicies, putUserPolicy } from './user-policy-ops';
import { createAccessKey, deleteAccessKey, listAccessKeys } from './access-key-ops';
import { simulatePrincipalPolicy } from './simulate-ops';
import { refuseSessionCredentials } from './session-credentials';
import { IAM_ACCESS } from './permissions';

/**
 * IAM (awsQuery, 2010-05-08): roles, their inline and managed policies,
 * permissions boundaries and tags; users and their access keys; customer
 * managed policies; OIDC and SAML identity providers; the policy simulator. Every operation refuses federated-user and
 * GetSessionToken credentials, then checks the caller's permissions for the
 * action it needs (permissions.ts).
 */
export function createIamService(_state: EmulatorState): ServiceDefinition {
  const operations: Record<string, Operation> = {
    CreateRole: createRole,
    GetRole: getRole,
    DeleteRole: deleteRole,
    ListRoles: listRoles,
    UpdateRole: updateRole,
    UpdateRoleDescription: updateRoleDescription,
    UpdateAssumeRolePolicy: updateAssumeRolePolicy,
    PutRolePolicy: putRolePolicy,
    GetRolePolicy: getRolePolicy,
    DeleteRolePolicy: deleteRolePolicy,
    ListRolePolicies: listRolePolicies,
    TagRole: tagRole,
    UntagRole: untagRole,
    ListRoleTags: listRoleTags,
    CreateOpenIDConnectProvider: createOpenIDConnectProvider,
    GetOpenIDConnectProvider: getOpenIDConnectProvider,
    DeleteOpenIDConnectProvider: deleteOpenIDConnectProvider,
    ListOpenIDConnectProviders: listOpenIDConnectProviders,
    AddClientIDToOpenIDConnectProvider: addClientIDToOpenIDConnectProvider,
    RemoveClientIDFromOpenIDConnectProvider: removeClientIDFromOpenIDConnectProvider,
    UpdateOpenIDConnectProviderThumbprint: updateOpenIDConnectProviderThumbprint,
    CreateSAMLProvider: createSAMLProvider,
    GetSAMLProvider: getSAMLProvider,
    DeleteSAMLProvider: deleteSAMLProvider,
    ListSAMLProviders: listSAMLProviders,
    CreatePolicy: createPolicy,
    GetPolicy: getPolicy,
    GetPolicyVersion: getPolicyVersion,
    DeletePolicy: deletePolicy,
    ListPolicies: listPolicies,
    AttachRolePolicy: attachRolePolicy,
    DetachRolePolicy: detachRolePolicy,
    ListAttachedRolePolicies: listAttachedRolePolicies,
    PutRolePermissionsBoundary: putRolePermissionsBoundary,
    DeleteRolePermissionsBoundary: deleteRolePermissionsBoundary,
    CreateUser: createUser,
    GetUser: getUser,
    DeleteUser: deleteUser,
    ListUsers: listUsers,
    TagUser: tagUser,
    UntagUser: untagUser,
    ListUserTags: listUserTags,
    PutUserPermissionsBoundary: putUserPermissionsBoundary,
    DeleteUserPermissionsBoundary: deleteUserPermissionsBoundary,
    PutUserPolicy: putUserPolicy,
    GetUserPolicy: getUserPolicy,
    DeleteUserPolicy: deleteUserPolicy,
    ListUserPolicies: listUserPolicies,
    CreateAccessKey: createAccessKey,
    DeleteAccessKey: deleteAccessKey,
    ListAccessKeys: listAccessKeys,
    SimulatePrincipalPolicy: simulatePrincipalPolicy,
  };
  return {
    name: 'iam',
    protocol: 'awsQuery',
    signingName: 'iam',
    queryVersion: '2010-05-08',
    xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    unsignedOperations: new Set(),
    operations,
    access: IAM_ACCESS,
    admit: (caller, state) => refuseSessionCredentials(state, caller),
  };
}
