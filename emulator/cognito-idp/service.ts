import type { Operation, ServiceDefinition } from '../service';
import { onFirstCall } from '../on-first-call';
import { IDP_ACCESS } from './permissions';
import type { EmulatorState } from '../state';
import type * as AuthOps from './auth-ops';
import type * as ChallengeOps from './challenge-ops';
import type * as ClientOps from './client-ops';
import type * as GroupOps from './group-ops';
import type * as PoolOps from './pool-ops';
import type * as UserOps from './user-ops';
import { WELL_KNOWN_ROUTES } from './well-known';

/* eslint-disable @typescript-eslint/no-require-imports */
const authOps = () => require('./auth-ops') as typeof AuthOps;
const challengeOps = () => require('./challenge-ops') as typeof ChallengeOps;
const clientOps = () => require('./client-ops') as typeof ClientOps;
const groupOps = () => require('./group-ops') as typeof GroupOps;
const poolOps = () => require('./pool-ops') as typeof PoolOps;
const userOps = () => require('./user-ops') as typeof UserOps;

/** Each operation's module is loaded when it is first called (on-first-call.ts). */
const OPERATIONS: Record<string, Operation> = {
  CreateUserPool: onFirstCall(() => poolOps().createUserPool),
  DescribeUserPool: onFirstCall(() => poolOps().describeUserPool),
  DeleteUserPool: onFirstCall(() => poolOps().deleteUserPool),
  ListUserPools: onFirstCall(() => poolOps().listUserPools),
  CreateUserPoolClient: onFirstCall(() => clientOps().createUserPoolClient),
  DescribeUserPoolClient: onFirstCall(() => clientOps().describeUserPoolClient),
  DeleteUserPoolClient: onFirstCall(() => clientOps().deleteUserPoolClient),
  AdminCreateUser: onFirstCall(() => userOps().adminCreateUser),
  AdminGetUser: onFirstCall(() => userOps().adminGetUser),
  AdminDeleteUser: onFirstCall(() => userOps().adminDeleteUser),
  AdminSetUserPassword: onFirstCall(() => userOps().adminSetUserPassword),
  AdminUpdateUserAttributes: onFirstCall(() => userOps().adminUpdateUserAttributes),
  CreateGroup: onFirstCall(() => groupOps().createGroup),
  GetGroup: onFirstCall(() => groupOps().getGroup),
  DeleteGroup: onFirstCall(() => groupOps().deleteGroup),
  ListGroups: onFirstCall(() => groupOps().listGroups),
  AdminAddUserToGroup: onFirstCall(() => groupOps().adminAddUserToGroup),
  AdminRemoveUserFromGroup: onFirstCall(() => groupOps().adminRemoveUserFromGroup),
  AdminListGroupsForUser: onFirstCall(() => groupOps().adminListGroupsForUser),
  InitiateAuth: onFirstCall(() => authOps().initiateAuth),
  AdminInitiateAuth: onFirstCall(() => authOps().adminInitiateAuth),
  RespondToAuthChallenge: onFirstCall(() => challengeOps().respondToAuthChallenge),
  AdminRespondToAuthChallenge: onFirstCall(() => challengeOps().adminRespondToAuthChallenge),
};

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
    operations: OPERATIONS,
    access: IDP_ACCESS,
    httpRoutes: WELL_KNOWN_ROUTES,
  };
}
