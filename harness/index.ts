/**
 * idchain's public API. Suites and scripts import from here only
 * (DESIGN.md § Layout: rooms keep their own doors).
 */
export { defineSuite, type CaseContext, type CaseDefinition, type SuiteDefinition } from './runner/suite';
export type { CaseTableRow } from './cases/case-table-row';
export type { Citation } from './cases/citation';
export { Expectations, type ExpectedError } from './cases/expectations';
export type { Finding, FindingKind } from './cases/finding';
export type { FixtureSpec, ProvisionedFixture } from './provisioning/spec';
export type { RoleSpec, ProvisionedRole } from './provisioning/kinds/role';
export type { TrustRefs, TrustSpec } from './provisioning/kinds/trust-refs';
export type { ProvisionedOidcProvider } from './provisioning/kinds/oidc-provider';
export type { ProvisionedSamlProvider } from './provisioning/kinds/saml-provider';
export type { ProvisionedIdentityPool, RoleMappingSpec } from './provisioning/kinds/identity-pool';
export {
  policyDocument,
  allowActions,
  identityPoolTrust,
  identityPoolTrustPolicy,
  assumeRoleTrust,
  webIdentityTrust,
  samlTrust,
  type PolicyDocument,
  type PolicyStatement,
} from './provisioning/policies';
export { signIn, secretHash, type SignInRequest, type SignInResult } from './flows/sign-in';
export { enhancedFlow, type EnhancedFlowRequest, type EnhancedFlowResult } from './flows/enhanced';
export { callerIdentity, parseAssumedRoleArn, type CallerIdentity } from './flows/caller-identity';
export { callerKind, type CallerKind } from './provisioning/kinds/caller';
export { decodeClaims, decodeHeader } from './cases/tokens';
export type { Clients } from './clients/factory';
export { runSuites, type RunOptions } from './runner/run-suites';
export type { CaseResult, RunResult, Verdict } from './runner/result';
export { summarize } from './runner/result';
export { referenceTarget } from './targets/reference';
export { resolveTarget } from './targets/registry';
export type { Target, StartedTarget, ServiceName, Credentials } from './targets/target';
export { writeReport } from './report/write-report';
export { toReportJson, type ReportJson } from './report/report-json';
export { redact, LEAK_PATTERNS } from './secrets/redact';
export { DEFAULT_PROPAGATION_POLICY, type RetryPolicy } from './clients/propagation-retry';
export {
  basicFlow,
  openIdToken,
  assumeRoleWithWebIdentity,
  BASIC_FLOW_SESSION_NAME,
  COGNITO_IDENTITY_ISSUER,
  type BasicFlowRequest,
  type BasicFlowResult,
  type OpenIdTokenRequest,
  type OpenIdTokenResult,
  type WebIdentityRequest,
  type WebIdentityResult,
} from './flows/basic';
export { developerOpenIdToken, developerFlow, COGNITO_IDENTITY_LOGIN, type DeveloperTokenRequest, type DeveloperFlowResult } from './flows/developer';
export { guestIdentity, guestCredentials } from './flows/guest';
export { getIdentityId } from './flows/get-id';
export { setRulesMapping, type MappingRuleInput } from './flows/role-mappings';
export { generatePassword } from './provisioning/names';
export { assumeRole, type AssumeRoleRequest, type AssumeRoleResult } from './flows/assume-role';
export { assumeRoleWithSaml, type SamlRequest, type SamlResult } from './flows/saml';
export { federationToken, sessionToken, type FederationTokenRequest, type FederationTokenResult } from './flows/federation-tokens';
export {
  SamlIdentityProvider,
  decodeSamlResponse,
  encodeSamlResponse,
  AWS_SAML_RECIPIENT,
  NAMEID_PERSISTENT,
  NAMEID_TRANSIENT,
  type AssertionRequest,
} from './provisioning/saml-idp';
