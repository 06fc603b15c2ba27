import type { ServiceDefinition } from '../service';
import { IDENTITY_ACCESS } from './permissions';
import type { EmulatorState } from '../state';
import { getOpenIdTokenForDeveloperIdentity } from './developer-identity';
import { lookupDeveloperIdentity, unlinkDeveloperIdentity } from './developer-operations';
import { getCredentialsForIdentity } from './get-credentials';
import { getId } from './get-id';
import { getOpenIdToken } from './get-open-id-token';
import { deleteIdentities, describeIdentity, listIdentities } from './identity-operations';
import {
  createIdentityPool,
  deleteIdentityPool,
  describeIdentityPool,
  listIdentityPools,
  updateIdentityPool,
} from './pool-operations';
import { OPEN_ID_ROUTES } from './openid-routes';
import { getIdentityPoolRoles, setIdentityPoolRoles } from './role-operations';
import { getPrincipalTagAttributeMap, setPrincipalTagAttributeMap } from './principal-tags';
import { unlinkIdentity } from './unlink-identity';

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
    operations: {
      CreateIdentityPool: createIdentityPool,
      DescribeIdentityPool: describeIdentityPool,
      UpdateIdentityPool: updateIdentityPool,
      DeleteIdentityPool: deleteIdentityPool,
      ListIdentityPools: listIdentityPools,
      SetIdentityPoolRoles: setIdentityPoolRoles,
      GetIdentityPoolRoles: getIdentityPoolRoles,
      SetPrincipalTagAttributeMap: setPrincipalTagAttributeMap,
      GetPrincipalTagAttributeMap: getPrincipalTagAttributeMap,
      GetId: getId,
      GetCredentialsForIdentity: getCredentialsForIdentity,
      GetOpenIdToken: getOpenIdToken,
      UnlinkIdentity: unlinkIdentity,
      GetOpenIdTokenForDeveloperIdentity: getOpenIdTokenForDeveloperIdentity,
      LookupDeveloperIdentity: lookupDeveloperIdentity,
      UnlinkDeveloperIdentity: unlinkDeveloperIdentity,
      DescribeIdentity: describeIdentity,
      ListIdentities: listIdentities,
      DeleteIdentities: deleteIdentities,
    },
    access: IDENTITY_ACCESS,
    httpRoutes: OPEN_ID_ROUTES,
  };
}
