import type { ServiceDefinition } from '../service';
import { IDP_ACCESS } from './permissions';
import type { EmulatorState } from '../state';
import { adminInitiateAuth, initiateAuth } from './auth-ops';
import { adminRespondToAuthChallenge, respondToAuthChallenge } from './challenge-ops';
import { createUserPoolClient, deleteUserPoolClient, describeUserPoolClient } from './client-ops';
import {
  adminAddUserToGroup,
  adminListGroupsForUser,
  adminRemoveUserFromGroup,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
} from './group-ops';
import { createUserPool, deleteUserPool, describeUserPool, listUserPools } from './pool-ops';
import { adminCreateUser, adminDeleteUser, adminGetUser, adminSetUserPassword, adminUpdateUserAttributes } from './user-ops';
import { WELL_KNOWN_ROUTES } from './well-known';

/**
 * Cognito user pools (awsJson1_1, `AWSCognitoIdentityProviderService`):
 * pools, app clients, users, groups, password sign-in with the
 * NEW_PASSWORD_REQUIRED challenge, refresh, RS256 tokens and the pool's
 * JWKS / OpenID discovery documents.
 */
export function createIdpService(_state: EmulatorState): ServiceDefinition {
  return {
    name: 'cognito-idp',
    protocol: 'awsJson1_1',
    signingName: 'cognito-idp',
    targetPrefix: 'AWSCognitoIdentityProviderService',
    unsignedOperations: new Set(['InitiateAuth', 'RespondToAuthChallenge']),
    operations: {
      CreateUserPool: createUserPool,
      DescribeUserPool: describeUserPool,
      DeleteUserPool: deleteUserPool,
      ListUserPools: listUserPools,
      CreateUserPoolClient: createUserPoolClient,
      DescribeUserPoolClient: describeUserPoolClient,
      DeleteUserPoolClient: deleteUserPoolClient,
      AdminCreateUser: adminCreateUser,
      AdminGetUser: adminGetUser,
      AdminDeleteUser: adminDeleteUser,
      AdminSetUserPassword: adminSetUserPassword,
      AdminUpdateUserAttributes: adminUpdateUserAttributes,
      CreateGroup: createGroup,
      GetGroup: getGroup,
      DeleteGroup: deleteGroup,
      ListGroups: listGroups,
      AdminAddUserToGroup: adminAddUserToGroup,
      AdminRemoveUserFromGroup: adminRemoveUserFromGroup,
      AdminListGroupsForUser: adminListGroupsForUser,
      InitiateAuth: initiateAuth,
      AdminInitiateAuth: adminInitiateAuth,
      RespondToAuthChallenge: respondToAuthChallenge,
      AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
    },
    access: IDP_ACCESS,
    httpRoutes: WELL_KNOWN_ROUTES,
  };
}
