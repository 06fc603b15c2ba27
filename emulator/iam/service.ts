import type { Operation, ServiceDefinition } from '../service';
import type { EmulatorState } from '../state';
import type * as RoleOps from './role-ops';
import type * as RolePolicyOps from './role-policy-ops';
import type * as RoleTagOps from './role-tag-ops';
import type * as OidcProviderOps from './oidc-provider-ops';
import type * as SamlProviderOps from './saml-provider-ops';
import type * as ManagedPolicyOps from './managed-policy-ops';
import type * as AttachedPolicyOps from './attached-policy-ops';
import type * as UserOps from './user-ops';
import type * as UserPolicyOps from './user-policy-ops';
import type * as AccessKeyOps from './access-key-ops';
import type * as SimulateOps from './simulate-ops';
import { onFirstCall } from '../on-first-call';
import { refuseSessionCredentials } from './session-credentials';
import { IAM_ACCESS } from './permissions';

/* eslint-disable @typescript-eslint/no-require-imports */
const roleOps = () => require('./role-ops') as typeof RoleOps;
const rolePolicyOps = () => require('./role-policy-ops') as typeof RolePolicyOps;
const roleTagOps = () => require('./role-tag-ops') as typeof RoleTagOps;
const oidcProviderOps = () => require('./oidc-provider-ops') as typeof OidcProviderOps;
const samlProviderOps = () => require('./saml-provider-ops') as typeof SamlProviderOps;
const managedPolicyOps = () => require('./managed-policy-ops') as typeof ManagedPolicyOps;
const attachedPolicyOps = () => require('./attached-policy-ops') as typeof AttachedPolicyOps;
const userOps = () => require('./user-ops') as typeof UserOps;
const userPolicyOps = () => require('./user-policy-ops') as typeof UserPolicyOps;
const accessKeyOps = () => require('./access-key-ops') as typeof AccessKeyOps;
const simulateOps = () => require('./simulate-ops') as typeof SimulateOps;

/** Each operation's module is loaded when it is first called (on-first-call.ts). */
const OPERATIONS: Record<string, Operation> = {
  CreateRole: onFirstCall(() => roleOps().createRole),
  GetRole: onFirstCall(() => roleOps().getRole),
  DeleteRole: onFirstCall(() => roleOps().deleteRole),
  ListRoles: onFirstCall(() => roleOps().listRoles),
  UpdateRole: onFirstCall(() => roleOps().updateRole),
  UpdateRoleDescription: onFirstCall(() => roleOps().updateRoleDescription),
  UpdateAssumeRolePolicy: onFirstCall(() => roleOps().updateAssumeRolePolicy),
  PutRolePolicy: onFirstCall(() => rolePolicyOps().putRolePolicy),
  GetRolePolicy: onFirstCall(() => rolePolicyOps().getRolePolicy),
  DeleteRolePolicy: onFirstCall(() => rolePolicyOps().deleteRolePolicy),
  ListRolePolicies: onFirstCall(() => rolePolicyOps().listRolePolicies),
  TagRole: onFirstCall(() => roleTagOps().tagRole),
  UntagRole: onFirstCall(() => roleTagOps().untagRole),
  ListRoleTags: onFirstCall(() => roleTagOps().listRoleTags),
  CreateOpenIDConnectProvider: onFirstCall(() => oidcProviderOps().createOpenIDConnectProvider),
  GetOpenIDConnectProvider: onFirstCall(() => oidcProviderOps().getOpenIDConnectProvider),
  DeleteOpenIDConnectProvider: onFirstCall(() => oidcProviderOps().deleteOpenIDConnectProvider),
  ListOpenIDConnectProviders: onFirstCall(() => oidcProviderOps().listOpenIDConnectProviders),
  AddClientIDToOpenIDConnectProvider: onFirstCall(() => oidcProviderOps().addClientIDToOpenIDConnectProvider),
  RemoveClientIDFromOpenIDConnectProvider: onFirstCall(() => oidcProviderOps().removeClientIDFromOpenIDConnectProvider),
  UpdateOpenIDConnectProviderThumbprint: onFirstCall(() => oidcProviderOps().updateOpenIDConnectProviderThumbprint),
  CreateSAMLProvider: onFirstCall(() => samlProviderOps().createSAMLProvider),
  GetSAMLProvider: onFirstCall(() => samlProviderOps().getSAMLProvider),
  DeleteSAMLProvider: onFirstCall(() => samlProviderOps().deleteSAMLProvider),
  ListSAMLProviders: onFirstCall(() => samlProviderOps().listSAMLProviders),
  CreatePolicy: onFirstCall(() => managedPolicyOps().createPolicy),
  GetPolicy: onFirstCall(() => managedPolicyOps().getPolicy),
  GetPolicyVersion: onFirstCall(() => managedPolicyOps().getPolicyVersion),
  DeletePolicy: onFirstCall(() => managedPolicyOps().deletePolicy),
  ListPolicies: onFirstCall(() => managedPolicyOps().listPolicies),
  AttachRolePolicy: onFirstCall(() => attachedPolicyOps().attachRolePolicy),
  DetachRolePolicy: onFirstCall(() => attachedPolicyOps().detachRolePolicy),
  ListAttachedRolePolicies: onFirstCall(() => attachedPolicyOps().listAttachedRolePolicies),
  PutRolePermissionsBoundary: onFirstCall(() => attachedPolicyOps().putRolePermissionsBoundary),
  DeleteRolePermissionsBoundary: onFirstCall(() => attachedPolicyOps().deleteRolePermissionsBoundary),
  CreateUser: onFirstCall(() => userOps().createUser),
  GetUser: onFirstCall(() => userOps().getUser),
  DeleteUser: onFirstCall(() => userOps().deleteUser),
  ListUsers: onFirstCall(() => userOps().listUsers),
  TagUser: onFirstCall(() => userOps().tagUser),
  UntagUser: onFirstCall(() => userOps().untagUser),
  ListUserTags: onFirstCall(() => userOps().listUserTags),
  PutUserPermissionsBoundary: onFirstCall(() => userOps().putUserPermissionsBoundary),
  DeleteUserPermissionsBoundary: onFirstCall(() => userOps().deleteUserPermissionsBoundary),
  PutUserPolicy: onFirstCall(() => userPolicyOps().putUserPolicy),
  GetUserPolicy: onFirstCall(() => userPolicyOps().getUserPolicy),
  DeleteUserPolicy: onFirstCall(() => userPolicyOps().deleteUserPolicy),
  ListUserPolicies: onFirstCall(() => userPolicyOps().listUserPolicies),
  CreateAccessKey: onFirstCall(() => accessKeyOps().createAccessKey),
  DeleteAccessKey: onFirstCall(() => accessKeyOps().deleteAccessKey),
  ListAccessKeys: onFirstCall(() => accessKeyOps().listAccessKeys),
  SimulatePrincipalPolicy: onFirstCall(() => simulateOps().simulatePrincipalPolicy),
};

/**
 * IAM (awsQuery, 2010-05-08): roles, their inline and managed policies,
 * permissions boundaries and tags; users and their access keys; customer
 * managed policies; OIDC and SAML identity providers; the policy simulator. Every operation refuses federated-user and
 * GetSessionToken credentials, then checks the caller's permissions for the
 * action it needs (permissions.ts).
 */
export function createIamService(_state: EmulatorState): ServiceDefinition {
  return {
    name: 'iam',
    protocol: 'awsQuery',
    signingName: 'iam',
    queryVersion: '2010-05-08',
    xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    unsignedOperations: new Set(),
    operations: OPERATIONS,
    access: IAM_ACCESS,
    admit: (caller, state) => refuseSessionCredentials(state, caller),
  };
}
