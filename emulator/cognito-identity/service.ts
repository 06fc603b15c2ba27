import type { Operation, ServiceDefinition } from '../service';
import { onFirstCall } from '../on-first-call';
import { IDENTITY_ACCESS } from './permissions';
import type { EmulatorState } from '../state';
import type * as DeveloperIdentity from './developer-identity';
import type * as DeveloperOperations from './developer-operations';
import type * as GetCredentials from './get-credentials';
import type * as GetId from './get-id';
import type * as GetOpenIdToken from './get-open-id-token';
import type * as IdentityOperations from './identity-operations';
import type * as PoolOperations from './pool-operations';
import type * as PrincipalTags from './principal-tags';
import type * as RoleOperations from './role-operations';
import type * as UnlinkIdentity from './unlink-identity';
import { OPEN_ID_ROUTES } from './openid-routes';

/* eslint-disable @typescript-eslint/no-require-imports */
const pools = () => require('./pool-operations') as typeof PoolOperations;
const roles = () => require('./role-operations') as typeof RoleOperations;
const developer = () => require('./developer-operations') as typeof DeveloperOperations;
const principalTags = () => require('./principal-tags') as typeof PrincipalTags;
const identities = () => require('./identity-operations') as typeof IdentityOperations;

/** Each operation's module is loaded when it is first called (on-first-call.ts). */
const OPERATIONS: Record<string, Operation> = {
  CreateIdentityPool: onFirstCall(() => pools().createIdentityPool),
  DescribeIdentityPool: onFirstCall(() => pools().describeIdentityPool),
  UpdateIdentityPool: onFirstCall(() => pools().updateIdentityPool),
  DeleteIdentityPool: onFirstCall(() => pools().deleteIdentityPool),
  ListIdentityPools: onFirstCall(() => pools().listIdentityPools),
  SetIdentityPoolRoles: onFirstCall(() => roles().setIdentityPoolRoles),
  GetIdentityPoolRoles: onFirstCall(() => roles().getIdentityPoolRoles),
  SetPrincipalTagAttributeMap: onFirstCall(() => principalTags().setPrincipalTagAttributeMap),
  GetPrincipalTagAttributeMap: onFirstCall(() => principalTags().getPrincipalTagAttributeMap),
  GetId: onFirstCall(() => (require('./get-id') as typeof GetId).getId),
  GetCredentialsForIdentity: onFirstCall(() => (require('./get-credentials') as typeof GetCredentials).getCredentialsForIdentity),
  GetOpenIdToken: onFirstCall(() => (require('./get-open-id-token') as typeof GetOpenIdToken).getOpenIdToken),
  UnlinkIdentity: onFirstCall(() => (require('./unlink-identity') as typeof UnlinkIdentity).unlinkIdentity),
  GetOpenIdTokenForDeveloperIdentity: onFirstCall(() => (require('./developer-identity') as typeof DeveloperIdentity).getOpenIdTokenForDeveloperIdentity),
  LookupDeveloperIdentity: onFirstCall(() => developer().lookupDeveloperIdentity),
  UnlinkDeveloperIdentity: onFirstCall(() => developer().unlinkDeveloperIdentity),
  DescribeIdentity: onFirstCall(() => identities().describeIdentity),
  ListIdentities: onFirstCall(() => identities().listIdentities),
  DeleteIdentities: onFirstCall(() => identities().deleteIdentities),
};

/**
 * Amazon Cognito identity pools (awsJson1_1, target prefix
 * `AWSCognitoIdentityService`): pool administration (signed), GetId, the
 * enhanced flow's GetCredentialsForIdentity, the basic flow's GetOpenIdToken
 * and UnlinkIdentity (unsigned), developer-authenticated identities (signed),
 * and the JWKS of the OpenID tokens it issues [doc: CI-API].
 */
export function createIdentityService(_state: EmulatorState): ServiceDefinition {
  return {
    name: 'cognito-identity',
    protocol: 'awsJson1_1',
    signingName: 'cognito-identity',
    targetPrefix: 'AWSCognitoIdentityService',
    // [doc: CI-API] "This is a public API. You do not need any credentials to call this API."
    unsignedOperations: new Set(['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken', 'UnlinkIdentity']),
    operations: OPERATIONS,
    access: IDENTITY_ACCESS,
    httpRoutes: OPEN_ID_ROUTES,
  };
}
