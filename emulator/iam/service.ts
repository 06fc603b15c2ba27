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
import { refuseSessionCredentials } from './session-credentials';
import { IAM_ACCESS } from './permissions';

/**
 * IAM (awsQuery, 2010-05-08): roles, their inline policies and tags, OIDC and
 * SAML identity providers. Every operation refuses federated-user and
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
