import { assumeRole } from './assume-role';
import { assumeRoleWithSAML } from './assume-role-with-saml';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import { getFederationToken } from './federation-token';
import { getCallerIdentity } from './get-caller-identity';
import { getSessionToken } from './session-token';
import type { ServiceDefinition } from '../service';
import { STS_ACCESS } from './permissions';
import type { EmulatorState } from '../state';

export function createStsService(_state: EmulatorState): ServiceDefinition {
  return {
    name: 'sts',
    protocol: 'awsQuery',
    signingName: 'sts',
    queryVersion: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    unsignedOperations: new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']),
    operations: {
      GetCallerIdentity: getCallerIdentity,
      AssumeRole: assumeRole,
      AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
      AssumeRoleWithSAML: assumeRoleWithSAML,
      GetFederationToken: getFederationToken,
      GetSessionToken: getSessionToken,
    },
    access: STS_ACCESS,
  };
}
