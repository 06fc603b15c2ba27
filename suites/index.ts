import type { SuiteDefinition } from '../harness';
import { userPoolsSuite } from './user-pools/suite';
import { enhancedFlowSuite } from './enhanced-flow/suite';
import { basicFlowSuite } from './basic-flow/suite';
import { guestAccessSuite } from './guest-access/suite';
import { developerIdentitiesSuite } from './developer-identities/suite';
import { rulesMappingSuite } from './rules-mapping/suite';
import { identityLinkingSuite } from './identity-linking/suite';
import { webIdentityOidcSuite } from './web-identity-oidc/suite';
import { samlFederationSuite } from './saml-federation/suite';
import { assumeRoleSuite } from './assume-role/suite';
import { federationTokensSuite } from './federation-tokens/suite';
import { stsDurationBoundsSuite } from './sts-duration-bounds/suite';
import { resourceAccessSuite } from './resource-access/suite';
import { sessionAttributesSuite } from './session-attributes/suite';

/** Every contract suite, in the order reports list them. */
export const suites: SuiteDefinition[] = [
  userPoolsSuite,
  enhancedFlowSuite,
  basicFlowSuite,
  guestAccessSuite,
  developerIdentitiesSuite,
  rulesMappingSuite,
  identityLinkingSuite,
  webIdentityOidcSuite,
  samlFederationSuite,
  assumeRoleSuite,
  federationTokensSuite,
  stsDurationBoundsSuite,
  resourceAccessSuite,
  sessionAttributesSuite,
];
