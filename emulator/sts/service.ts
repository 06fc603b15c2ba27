import type * as AssumeRole from './assume-role';
import type * as AssumeRoleWithSaml from './assume-role-with-saml';
import type * as AssumeRoleWithWebIdentity from './assume-role-with-web-identity';
import type * as FederationToken from './federation-token';
import type * as GetCallerIdentity from './get-caller-identity';
import type * as SessionToken from './session-token';
import type * as Issuers from './web-identity-issuers';
import type { Operation, ServiceDefinition } from '../service';
import { onFirstCall } from '../on-first-call';
import { STS_ACCESS } from './permissions';
import type { EmulatorState } from '../state';

/* eslint-disable @typescript-eslint/no-require-imports */
/** Each operation's module is loaded when it is first called (on-first-call.ts). */
const OPERATIONS: Record<string, Operation> = {
  GetCallerIdentity: onFirstCall(() => (require('./get-caller-identity') as typeof GetCallerIdentity).getCallerIdentity),
  AssumeRole: onFirstCall(() => (require('./assume-role') as typeof AssumeRole).assumeRole),
  AssumeRoleWithWebIdentity: onFirstCall(() => {
    const { assumeRoleWithWebIdentity } = require('./assume-role-with-web-identity') as typeof AssumeRoleWithWebIdentity;
    const { WEB_IDENTITY_ISSUERS } = require('./web-identity-issuers') as typeof Issuers;
    return (input: Record<string, unknown>, ctx: Parameters<Operation>[1]) => assumeRoleWithWebIdentity(input, ctx, WEB_IDENTITY_ISSUERS);
  }),
  AssumeRoleWithSAML: onFirstCall(() => (require('./assume-role-with-saml') as typeof AssumeRoleWithSaml).assumeRoleWithSAML),
  GetFederationToken: onFirstCall(() => (require('./federation-token') as typeof FederationToken).getFederationToken),
  GetSessionToken: onFirstCall(() => (require('./session-token') as typeof SessionToken).getSessionToken),
};

export function createStsService(_state: EmulatorState): ServiceDefinition {
  return {
    name: 'sts',
    protocol: 'awsQuery',
    signingName: 'sts',
    queryVersion: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    unsignedOperations: new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']),
    operations: OPERATIONS,
    access: STS_ACCESS,
  };
}
