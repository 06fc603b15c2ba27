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
import { authorized, refusingSessionCredentials, rolePathResource, roleResource } from './access-control';

/**
 * IAM (awsQuery, 2010-05-08): roles, their inline policies and tags, OIDC and
 * SAML identity providers. Every operation refuses federated-user and
 * GetSessionToken credentials; a few role reads check the caller's
 * permissions (access-control.ts).
 */
export function createIamService(_state: EmulatorState): ServiceDefinition {
  const operations: Record<string, Operation> = {
    CreateRole: createRole,
    GetRole: authorized('iam:GetRole', roleResource, getRole),
    DeleteRole: deleteRole,
    ListRoles: authorized('iam:ListRoles', rolePathResource, listRoles),
    UpdateRole: updateRole,
    UpdateRoleDescription: updateRoleDescription,
    UpdateAssumeRolePolicy: updateAssumeRolePolicy,
    PutRolePolicy: putRolePolicy,
    GetRolePolicy: authorized('iam:GetRolePolicy', roleResource, getRolePolicy),
    DeleteRolePolicy: deleteRolePolicy,
    ListRolePolicies: authorized('iam:ListRolePolicies', roleResource, listRolePolicies),
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
    operations: Object.fromEntries(Object.entries(operations).map(([name, op]) => [name, refusingSessionCredentials(op)])),
  };
}
