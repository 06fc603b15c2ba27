import type { ServiceDefinition } from '../service';
import type { EmulatorState } from '../state';
import { getCredentialsForIdentity } from './get-credentials';
import { getId } from './get-id';
import { deleteIdentities, describeIdentity, listIdentities } from './identity-operations';
import {
  createIdentityPool,
  deleteIdentityPool,
  describeIdentityPool,
  listIdentityPools,
  updateIdentityPool,
} from './pool-operations';
import { getIdentityPoolRoles, setIdentityPoolRoles } from './role-operations';

/**
 * Amazon Cognito identity pools (awsJson1_1, target prefix
 * `AWSCognitoIdentityService`): pool administration (signed), GetId and the
 * enhanced flow's GetCredentialsForIdentity (unsigned) [doc: CI-API].
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
      GetId: getId,
      GetCredentialsForIdentity: getCredentialsForIdentity,
      DescribeIdentity: describeIdentity,
      ListIdentities: listIdentities,
      DeleteIdentities: deleteIdentities,
    },
  };
}
