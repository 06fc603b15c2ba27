import type { ServiceDefinition } from '../service';
import type { EmulatorState } from '../state';

export function createIdpService(_state: EmulatorState): ServiceDefinition {
  return {
    name: 'cognito-idp',
    protocol: 'awsJson1_1',
    signingName: 'cognito-idp',
    targetPrefix: 'AWSCognitoIdentityProviderService',
    unsignedOperations: new Set(['InitiateAuth', 'RespondToAuthChallenge']),
    operations: {},
  };
}
