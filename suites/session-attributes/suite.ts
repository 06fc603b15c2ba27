import { defineSuite } from '../../harness';
import { sessionAttributesFixture } from './fixture';
import { identityPoolCases } from './identity-pool-cases';
import { externalIdCases, federatedTagCases, sessionTagCases, sourceIdentityCases } from './sts-cases';

/**
 * What a session carries besides its role, and how it decides access:
 * identity pools' attributes for access control, AssumeRole session tags and
 * their transitive keys across role chaining, ExternalId, SourceIdentity, and
 * session tags from SAML attributes and the web-identity tags claim.
 */
export const sessionAttributesSuite = defineSuite({
  name: 'session-attributes',
  title: 'Session attributes: attributes for access control, session tags and transitive keys, ExternalId, SourceIdentity, SAML and web-identity tags',
  services: ['cognito-idp', 'cognito-identity', 'sts', 'iam', 's3'],
  fixture: sessionAttributesFixture,
  cases: [...identityPoolCases, ...sessionTagCases, ...externalIdCases, ...sourceIdentityCases, ...federatedTagCases],
});
