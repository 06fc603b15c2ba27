import { defineSuite } from '../../harness';
import { resourceAccessFixture } from './fixture';
import { guestCases, isolationCases, rbacCases } from './identity-pool-cases';
import { stsCases } from './sts-cases';

/**
 * The last link of the chain: what the credentials each flow issues may do
 * to objects in S3. Every case declares the permission-matrix cells it
 * decides; reports draw them as one grid of principals × actions on resources.
 */
export const resourceAccessSuite = defineSuite({
  name: 'resource-access',
  title: 'What issued credentials may do in S3: RBAC by group precedence, per-user isolation, guests in both flows, bucket policies, explicit denies, session policies, a broker, SAML and web identity',
  services: ['cognito-idp', 'cognito-identity', 'sts', 'iam', 's3'],
  fixture: resourceAccessFixture,
  cases: [...rbacCases, ...isolationCases, ...guestCases, ...stsCases],
});
