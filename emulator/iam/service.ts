import type { ServiceDefinition } from '../service';
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

/** IAM (awsQuery, 2010-05-08): roles, their inline policies and tags. */
export function createIamService(_state: EmulatorState): ServiceDefinition {
  return {
    name: 'iam',
    protocol: 'awsQuery',
    signingName: 'iam',
    queryVersion: '2010-05-08',
    xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    unsignedOperations: new Set(),
    operations: {
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
    },
  };
}
