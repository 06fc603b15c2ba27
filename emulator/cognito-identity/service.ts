import type { ServiceDefinition } from '../service';
import type { EmulatorState } from '../state';

export function createIdentityService(_state: EmulatorState): ServiceDefinition {
  return {
    name: 'cognito-identity',
    protocol: 'awsJson1_1',
    signingName: 'cognito-identity',
    targetPrefix: 'AWSCognitoIdentityService',
    unsignedOperations: new Set(['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken', 'UnlinkIdentity']),
    operations: {},
  };
}
