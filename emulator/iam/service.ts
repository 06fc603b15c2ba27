import type { ServiceDefinition } from '../service';
import type { EmulatorState } from '../state';

export function createIamService(_state: EmulatorState): ServiceDefinition {
  return {
    name: 'iam',
    protocol: 'awsQuery',
    signingName: 'iam',
    queryVersion: '2010-05-08',
    xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    unsignedOperations: new Set(),
    operations: {},
  };
}
